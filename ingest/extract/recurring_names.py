"""A name found once in a report is the same name where it recurs there (one sense per document).

水贝, 人民南 and 东门 are found where a list names them with their class (蔡屋围、湖贝、东门、笋岗、水贝、人民南六大
商圈); two pages on, 推进东门、人民南“针灸式”改造 names the same places without the class noun, and no rule
could tell them from words there (支持广交会创新机制: the fair is found where a list names it). Each place,
organisation or event surface a rule found in the report is
therefore looked for in every passage, and an occurrence no other mention covers, standing as a word of
its own in the local segmentation (word_alignment.py), becomes a mention of the same entity.

Only surfaces a dictionary does not make common words: three characters or more, or two that jieba counts
rarely (水贝 is unknown to it; 东门, 中海 are words a report uses for other things).
"""
from __future__ import annotations

from .lexicon import Matcher
from .mentions import Mention
from .word_alignment import opens_longer_name, stands_as_word
from .words import tagger

_LABELS = ("Place", "Organization", "Event")
# jieba count above which a two-character surface is an ordinary word, not a name to look for again
_RARE_PAIR = 30
# a surface of level characters only (县镇村, 省市) is a phrase about levels, not a place's name
_LEVEL_CHARS = "省市县区镇乡村街道社"


def _recurring_surfaces(passages: list[list[Mention]]) -> dict[str, Mention]:
    jieba, _ = tagger()
    out: dict[str, Mention] = {}
    for ms in passages:
        for m in ms:
            s = m.surface
            if m.label not in _LABELS or m.props.get("implicit") or not s or not s.strip():
                continue
            if len(s) < 2 or (len(s) == 2 and jieba.dt.FREQ.get(s, 0) > _RARE_PAIR) or not s.strip(_LEVEL_CHARS):
                continue
            out.setdefault(s, m)
    return out


def add_recurring_names(text: str, passages: list[tuple[int, int, list[Mention]]]) -> None:
    """Add to each passage's mentions (sorted by start) the recurrences of names found in the report."""
    found = _recurring_surfaces([ms for _, _, ms in passages])
    if not found:
        return
    matcher = Matcher(found.items())
    for lo, hi, ms in passages:
        # names inside a measure or an event stay names (containers, as in the overlap settlement)
        spans = [(m.start, m.end) for m in ms if m.label not in ("Measure", "Event")]
        added = []
        for s, e, key, first in matcher.find(text[lo:hi]):
            a, b = lo + s, lo + e
            if any(x < b and a < y for x, y in spans):
                continue
            if opens_longer_name(text, b) or not stands_as_word(text, a, b):
                continue
            added.append(Mention(first.label, a, b, key, first.name, set(first.aliases),
                                 {k: v for k, v in first.props.items() if k in ("kind", "foreign", "gazetteer")}))
        if added:
            ms.extend(added)
            ms.sort(key=lambda m: (m.start, -m.end))
