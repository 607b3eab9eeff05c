"""A known place, one common noun and a place head make one name (issue 13, session 12): 盐田|渔港|码头.

name_shapes reads a modifier as a name when it holds a proper word; a place jieba tags as a common noun
(盐田 'salt field', 光明 'light', 沙井 'well') followed by another common noun fails that test, and
name_shapes._place_and_kind lets only category words follow a known place (光明|智慧城市|产业园). A place found
by the earlier finders opening the modifier vouches for the name when one common noun of two or three
characters stands between it and a head of two or more characters (盐田渔港码头). Not a verb, not a category
word (those are _place_and_kind's), not a quality or a count: 盐田|改造|片区, 深圳|优质|学校 stay unnamed.
"""
from __future__ import annotations

from .mentions import Mention
from .traps import category_words
from .words import cut_words, tagger


def place_and_noun(text: str, base: int, s: int, h_start: int, place_ends: dict[int, Mention]) -> str | None:
    """The modifier text[place start:h_start] when a known place opens the region text[s:h_start] (after its
    clause openers) and one plain common noun follows it, else None."""
    from .name_shapes import clause_lead   # name_shapes imports this module
    _, tags = tagger()
    for end, m in place_ends.items():
        start = m.start - base
        if not (s <= start and end < h_start and end - start >= 2):
            continue
        rest = cut_words(text[end:h_start])
        lead = text[s:start]
        if (len(rest) == 1 and 2 <= len(rest[0]) <= 3 and tags.get(rest[0]) == "n"
                and rest[0] not in category_words() and (not lead or clause_lead(lead) == len(lead))):
            return text[start:h_start]
    return None
