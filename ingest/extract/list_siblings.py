"""Items of one 、-list are of one kind: where a rule found some items as names ending in a class head,
a sibling item ending in a head of the same label is a name too.

宝松快速干道、盐坝高速公路、盐排高速公路、深平快速干道等: the first three are found by their shape; 深平 (深|平, an
adjective and a noun to jieba) looks like no name on its own, but standing in the same list with the same
kind of head it names a road as its siblings do. The sibling's modifier must still be a short run of
name characters: two to six, no function word, no digit, not made of category words only, no category
(traps.is_category), no clause opener (a verb before the first item is cut off).
"""
from __future__ import annotations

import re

from .mentions import Mention
from .name_shapes import _head_class, _heads, clause_lead
from .traps import category_words, is_category
from .words import cut_words, tagger

_CLAUSE = re.compile(r"[^，。；：！？\n（）()“”《》]+")
_TAIL = re.compile(r"(?:等|和|及|以及)[^、]*$")
_FUNCTION = re.compile(r"[的和与及等在之是为对将了0-9０-９两一二三四五六七八九十百千万]")
_LABELS = ("Place", "Organization")


def _head_of(item: str) -> tuple[str, str] | None:
    """The longest class head `item` ends with and its label (高速公路 -> Place)."""
    best = None
    for s, e, key, (label, _short) in _heads().find(item):
        if e == len(item) and (best is None or len(key) > len(best[0])):
            best = (key, label)
    if best is None:
        # a shorter head may end the item where the automaton took a longer overlapping one
        for h, (label, short) in _head_class().items():
            if not short and item.endswith(h) and (best is None or len(h) > len(best[0])):
                best = (h, label)
    return best


def _head_is_a_word(item: str, at: int) -> bool:
    """Whether jieba's segmentation of `item` has a word boundary where the head starts."""
    pos = 0
    for w in cut_words(item):
        if pos == at:
            return True
        pos += len(w)
    return pos == at


def _holds_verb(mod: str) -> bool:
    _, tags = tagger()
    return any(len(w) > 1 and tags.get(w) in ("v", "vd", "vi") for w in cut_words(mod))


def _modifier_ok(mod: str) -> bool:
    if not 2 <= len(mod) <= 6 or _FUNCTION.search(mod):
        return False
    if mod in _head_class():
        return False   # 口岸|经济带 beside 红岭创新金融产业带: a modifier that is itself a class head names a kind
    words = cut_words(mod)
    return not all(w in category_words() for w in words) and not is_category(mod)


def find_list_siblings(text: str, base: int, found: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    if "、" not in text:
        return out
    ends = {(m.end - base): m for m in found if m.label in _LABELS}
    for c in _CLAUSE.finditer(text):
        clause = c.group(0)
        if "、" not in clause:
            continue
        items, pos = [], c.start()
        for part in clause.split("、"):
            items.append((pos, pos + len(part)))
            pos += len(part) + 1
        # the last item ends before 等/和 and what follows (深平快速干道|等; 北江|和…)
        lo, hi = items[-1]
        tail = _TAIL.search(text, lo, hi)
        if tail:
            items[-1] = (lo, tail.start())
        named = {ends[e].label for _, e in items if e in ends and ends[e].props.get("shape")}
        if not named:
            continue
        for k, (s, e) in enumerate(items):
            if e in ends or e - s < 3:
                continue
            item = text[s:e]
            head = _head_of(item)
            if head is None or head[1] not in named:
                continue
            mod = item[:-len(head[0])]
            if not _head_is_a_word(item, len(mod)):
                continue  # 深中通道: 道 is inside the word 通道, no road head
            if k == 0:
                cut = clause_lead(mod)
                mod, s = mod[cut:], s + cut
                if _holds_verb(mod):
                    continue   # 分批推出|深科技城: a verb the clause opener did not reach stays out of names
            if not _modifier_ok(mod):
                continue
            out.append(Mention(head[1], base + s, base + e, text[s:e], text[s:e], set(), {"shape": head[0], "sibling": True}))
    return out
