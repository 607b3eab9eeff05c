"""A document word qualified by an adjective after 的 describes measures, it titles none: 盘活财政存量资金的有效办法,
对接和服务前海深化改革开放的具体措施.

A title's words after 的 are the document's kind (…的若干措施, …的实施意见, …的政策措施); an adjective there (有效,
具体, 新, 更强: jieba tags a, with adverbs before it) rates the measures the sentence promises. Over the 143
non-test corpus reports it removes 3 Policy nodes: two descriptions (…的有效办法, …的具体措施) and one doubtful
(出台贯彻中央关于…若干意见的具体方案, a document described by its purpose); and 1 dev false positive (w92). It filters the drafting-verb names only: 西部大开发新的指导意见 and 针对性更强的
稳外资措施, made by other finders, stay.
"""
from __future__ import annotations

import re

from .words import cut_words, tagger

_KIND = re.compile(r"的(?P<qual>[\u4e00-\u9fff]{1,4}?)(?:指导意见|政策措施|措施|举措|办法|方案|意见|政策)$")
_RATING_TAGS = frozenset({"a", "ad", "d"})


def qualified_by_adjective(name: str) -> bool:
    """Whether the words between the last 的 and the document word of `name` only rate it (see the module)."""
    m = _KIND.search(name)
    if m is None:
        return False
    tags = tagger()[1]
    words = cut_words(m.group("qual"))
    return any(tags.get(w) == "a" for w in words) and all(tags.get(w) in _RATING_TAGS for w in words)
