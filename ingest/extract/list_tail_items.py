"""The last item of a list of places runs on into the clause (issue 13, session 10).

推进新洲河、凤塘河生态补水工程: the list's items share a head (河), and the last one is written straight into
what the clause says about them all (凤塘河|生态补水工程), so it ends in no head and list_siblings.py, which reads
an item's head at its end, misses it. When an earlier item of a 、-list is a place found by its shape, the
last item that opens with a name and the same head, followed by a new word, is a place of the same kind:
- the head is the sibling's head exactly (河 after 新洲河, 公园 after 香蜜公园);
- the name before it is two to four characters with no function word, digit or clause opener and is no
  category (list_siblings._modifier_ok), and for a one-character head the name and head make no dictionary
  word (河流, 湖泊, 山区);
- jieba's segmentation of the item has a word boundary right after the head (凤塘河|生态, not 深圳湾区).
"""
from __future__ import annotations

import re

from .list_siblings import _modifier_ok
from .mentions import Mention
from .name_shapes import _not_a_word
from .words import cut_words

_CLAUSE = re.compile(r"[^，。；：！？\n（）()“”《》]+")
_MAX_NAME = 4


def _boundary_after(item: str, at: int) -> bool:
    """Whether jieba's segmentation of `item` has a word boundary at `at`."""
    pos = 0
    for w in cut_words(item):
        pos += len(w)
        if pos == at:
            return True
        if pos > at:
            return False
    return False


def find_list_tail_items(text: str, base: int, found: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    if "、" not in text:
        return out
    shaped = {m.end - base: (m.start - base, m.props["shape"]) for m in found
              if m.label == "Place" and m.props.get("shape")}
    if not shaped:
        return out
    taken = [(m.start - base, m.end - base) for m in found if m.label != "Measure"]
    for c in _CLAUSE.finditer(text):
        clause = c.group(0)
        if "、" not in clause:
            continue
        parts, pos = [], c.start()
        for part in clause.split("、"):
            parts.append((pos, pos + len(part)))
            pos += len(part) + 1
        # an earlier item ending in a shaped place (推进|新洲河: the first item carries the clause's verb)
        heads = {shaped[e][1] for s, e in parts[:-1] if e in shaped and shaped[e][0] >= s}
        if not heads:
            continue
        s, e = parts[-1]
        item = text[s:e]
        for head in sorted(heads, key=len, reverse=True):
            at = item.find(head, 2)
            if at == -1 or at > _MAX_NAME:
                continue
            end = at + len(head)
            name = item[:at]
            if end >= len(item) or not _modifier_ok(name) or not _boundary_after(item, end):
                continue
            if len(head) == 1 and not _not_a_word(name[-1] + head):
                continue
            if any(a < s + end and s < b for a, b in taken):
                break
            out.append(Mention("Place", base + s, base + s + end, item[:end], item[:end], set(),
                               {"shape": head, "sibling": True}))
            break
    return out
