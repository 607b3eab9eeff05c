"""A lower division written right after the place it lies in (issue 13, session 12): 长沙县|黄花镇, 宁乡市|灰汤镇,
坑梓街道|秀新社区, 岳阳|城陵矶港, 深汕特别合作区|赤石镇.

Province and district reports name towns, villages and communities after their county, city or subdistrict
(「省市县」 chains). name_shapes reads a one-character head (镇, 村) only after a modifier of two or three
characters that stands after a clause boundary; right after a known place that boundary is missing (the region
runs into 长沙县), so the town is lost while its county is found. Here the place found by the other finders is
the boundary: the text between its end and a division head (镇, 乡, 村, 街道, 社区, 港) is the lower unit's own
name when it is two to three characters (four before 街道, 社区), holds no digit or function character and no
word jieba reads as a verb, adverb, pronoun or count (就近城|镇, 全部|镇) or a category, designation or river-part word (国际|陆港, 宜居|社区, 茅洲河|干流楼村), and its last character and the head
make no common word (城镇, 乡镇, 村镇, 城中村). The chain runs on from each unit found (坑梓街道 -> 秀新社区).
"""
from __future__ import annotations

import re

from .lexicon import word_set
from .mentions import Mention
from .traps import category_words
from .words import cut_words, is_word, tagger

_HEADS = ("街道", "社区", "镇", "乡", "村", "港")
_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}")
_FUNCTION = frozenset("的和与及等在之各全每该本")
# tags of words that are no part of a unit's own name: verbs, adverbs, pronouns, numerals, measure words,
# time and locative words, prepositions and conjunctions
_NOT_NAME = frozenset({"v", "vn", "vd", "vi", "d", "r", "rr", "rz", "m", "mq", "q", "t", "f", "p", "c", "u", "uj",
                       "a", "ad", "an", "b"})
_DIVISION_CHARS = frozenset("省市县区州镇乡村街")
_HEAD_CHARS = frozenset("镇乡村港型")
_NOT_NAME_SINGLE = frozenset({"d", "r", "m", "q", "p", "c", "u", "uj"})


def _common(w: str) -> bool:
    """A word of jieba's dictionary that is no place name (城镇, 乡镇, 村镇; 石镇 is one, tagged ns)."""
    _, tags = tagger()
    return is_word(w) and tags.get(w) not in ("ns", "nr", "nz", None)


def _not_name(w: str) -> bool:
    """A word no unit's name holds; a single character only when it is a function word or a count (秀|新 社区
    is a name though jieba tags 新 an adjective)."""
    _, tags = tagger()
    tag = tags.get(w)
    return tag in (_NOT_NAME_SINGLE if len(w) == 1 else _NOT_NAME)


def _unit_at(text: str, s: int, before: str) -> tuple[int, str] | None:
    """(end, name) of the division named right at text[s:] after the place written `before`, else None.
    Not: a name opening with a division's character (诸暨|县枫桥镇: the county was read short) or holding a head
    (海丰驻|镇帮镇), a designation (“广东省宜居社区”, 学习型社区), a port after 香港 or a zone (香港|拓宽港)."""
    run = _NAME.match(text, s)
    if not run:
        return None
    _, tags = tagger()
    for head in _HEADS:
        longest = 4 if len(head) == 2 else 3
        for k in range(2, longest + 1):
            own = text[s:s + k]
            if text[s + k:s + k + len(head)] != head or len(run.group(0)) < k:
                continue
            name = own + head
            if (own[0] in _DIVISION_CHARS or _HEAD_CHARS & set(own) or text.startswith("”", s + k + len(head))
                    or (head == "港" and before.endswith(("港", "区")))
                    or _FUNCTION & set(own) or (len(head) == 1 and _common(own[-1] + head))
                    or name in word_set("geo_word_stop.txt") or _common(name)
                    or any(_not_name(w) for w in cut_words(own)) or any(w in category_words() or w in word_set("name_designations.txt")
                           or w in word_set("geo_word_parts.txt") for w in cut_words(own))):
                continue
            nxt = text[s + k + len(head):s + k + len(head) + 1]
            if len(head) == 1 and nxt and is_word(head + nxt):
                continue   # 黄花镇|… but not 城陵矶港|口 (港口), 东门村|民 (村民)
            return s + k + len(head), name
    return None


def find_chained_divisions(text: str, base: int, found: list[Mention]) -> list[Mention]:
    """Place mentions of the divisions written right after a found place in passage `text` (at `base`)."""
    taken = [(m.start - base, m.end - base) for m in found]
    ends = sorted({m.end - base for m in found if m.label == "Place"})
    out: list[Mention] = []
    surface = {m.end - base: m.surface for m in found if m.label == "Place"}
    starts = {m.end - base: m.start - base for m in found if m.label == "Place"}
    for e in ends:
        while True:
            unit = _unit_at(text, e, surface.get(e, ""))
            if unit is None or any(a < unit[0] and e < b for a, b in taken):
                break
            end, name = unit
            if name.endswith("港"):
                # a port keeps its city in its name (茂名博贺港, 珠海高栏港: the window gold's form), the bare name an alias
                s = starts[e]
                full = text[s:end]
                out.append(Mention("Place", base + s, base + end, full, full, {name}, {"shape": "chain"}))
                break
            out.append(Mention("Place", base + e, base + end, name, name, set(), {"shape": "chain"}))
            taken.append((e, end))
            surface[end] = name
            e = end
    return out
