"""A name standing alone in quotes must say which place it is (issue 13, session 10).

Reports quote their campaigns as often as their places: “花漾街区”, “无讼社区”, “零碳园区”, “国家生态文明建设示范区”,
“万里碧道”, “社工村”. Over the 155 reports the quoted-name path of name_shapes.py made 62 nodes and about 5 were
places; a word jieba does not know (花|漾) or a rare one is no sign of a name inside quotes, where a report
coins words. A quoted modifier names one place only when it holds a known place (the gazetteer) or a word of
two or more characters jieba tags as a place, body, other proper name or abbreviation (聚龙 nz in “聚龙智谷”);
中国 and 国家 own every national title, so they do not count. A new district being founded is the exception:
its name is coined (设立“大铜新区”, 大足 + 铜梁).
"""
from __future__ import annotations

from .traps import _is_place
from .words import cut_words, tagger

_NAME_TAGS = ("ns", "nt", "nz", "j")
_NATIONAL = ("中国", "国家", "全国")
_DIVISION_HEADS = ("新区",)


def quoted_names_one(region: str, head: str) -> bool:
    """Whether the quoted modifier `region` before `head` names one place or body (see the module)."""
    if head in _DIVISION_HEADS:
        return True   # 设立“大铜新区”: a division being founded is named by a coined word (大足 + 铜梁)
    if _is_place(region.replace("中国", "").replace("全国", "")):
        return True
    _, tags = tagger()
    return any(len(w) >= 2 and w not in _NATIONAL and tags.get(w) in _NAME_TAGS for w in cut_words(region))
