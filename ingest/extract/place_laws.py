"""A regulation named by its place alone: 南沙条例, 前海条例, 横琴条例 (推动出台南沙条例).

Unbracketed names shorter than five characters are refused as too loose (管理办法, 实施方案 alone name a
kind); a two-character place before 条例 is the exception, because a regulation of a zone or district is
cited that way once its full title (广州市南沙深化面向世界的粤港澳全面合作条例) has been given elsewhere. The
place is a word jieba tags `ns` or a name the gazetteer knows; 条例 only: a place before 方案 is as often an
approach offered (提供盐田方案, 贡献福田方案) as a document.
"""
from __future__ import annotations

from .places import gazetteer
from .words import tagger


def is_place_law(name: str) -> bool:
    """Whether a four-character name is a place and 条例."""
    if len(name) != 4 or not name.endswith("条例"):
        return False
    stem = name[:2]
    _, tags = tagger()
    return tags.get(stem) == "ns" or any(s == 0 and e == 2 for s, e, *_ in gazetteer().matcher.find(stem))
