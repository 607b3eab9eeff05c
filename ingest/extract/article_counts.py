"""Measure lists titled by their count of articles, written without 措施: 优化营商环境57条, 放宽市场准入24条;
and packages titled by their count of items and the document word: 支持实体经济发展的10项措施, 稳经济30项举措.

Chinese governments name a package of measures by its purpose and its number of articles (出台加强知识
产权保护36条, 认真落实放宽市场准入24条, 率先出台稳增长8条、稳租金8条); the document word is left out,
so the drafting-verb rule (which needs 措施, 政策…) never saw them. The name is what stands between a
document verb and the count; the verbs chained before it (出台实施, 认真落实) are peeled off by
strip_lead. Items listed after a found one (、稳租金8条) share its verb.

Refused, by what the count counts: roads, lines, rivers and routes (打通断头路20条, 优化公交线路30条: no
document verb stands before them, and the noun before the count is a thing, `counted_things.txt`), counts
of measures or problems already named by their kind (制定针对性措施1822条: the name ends in a kind noun), a
count above 99 (a package of measures is titled by tens), lists of examples (临清等40条).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import word_list
from .policy_titles import strip_lead
from .words import cut_words

# 项 counts anything (完成12项): only with the document word it titles a package (支持实体经济发展的10项措施,
# 稳经济30项举措, 中央八项规定)
_COUNT = (r"(?:[1-9][0-9]?|[一二三四五六七八九十]{1,3})(?:条(?:措施|政策措施|政策|举措|意见)?"
          r"|项(?:措施|政策措施|举措|规定))")
_END = r"(?=[，。；、：\n”）)和及与等]|$)"
_ITEM = re.compile(r"、(?P<name>[\u4e00-\u9fff]{2,14}?)" + _COUNT + _END)


@lru_cache(maxsize=1)
def _titled_re() -> re.Pattern:
    verbs = set(word_list("policy_verbs.txt")) | {"推出", "出台实施", "细化落实"}
    alts = "|".join(map(re.escape, sorted(verbs, key=len, reverse=True)))
    return re.compile(rf"(?:{alts})了?(?P<name>[\u4e00-\u9fff]{{2,20}}?){_COUNT}{_END}")


@lru_cache(maxsize=1)
def _counted_things() -> tuple[str, ...]:
    return word_list("counted_things.txt")


def _titles(name: str) -> bool:
    """Whether the words before the count name a package's purpose, not what is counted."""
    if len(name) < 2 or "等" in name or name.endswith(_counted_things()) or name.endswith(("和", "及", "与")):
        return False     # 落实第九版防控方案和二十条: the count ends a list of documents, it titles none
    words = cut_words(name)
    return bool(words) and not (len(words) == 1 and len(words[0]) == 1)


def article_counts(text: str) -> list[tuple[int, int, str, set[str]]]:
    """(start, end, name, aliases) of each measure list titled by its count of articles."""
    out: list[tuple[int, int, str, set[str]]] = []
    if "条" not in text and "项" not in text:
        return out
    for m in _titled_re().finditer(text):
        s = m.start("name") + strip_lead(text[m.start("name"):m.end()])
        if s >= m.end("name") or not _titles(text[s:m.end("name")]):
            continue
        if text[s] in "我本" and "项" in text[m.end("name"):m.end()]:
            continue     # 制定我省减轻企业负担十项措施: the drafting-verb rule reads it and resolves the owner
        out.append((s, m.end(), text[s:m.end()], set()))
        pos = m.end()
        while (item := _ITEM.match(text, pos)) and _titles(item.group("name")):
            out.append((item.start("name"), item.end(), text[item.start("name"):item.end()], set()))
            pos = item.end()
    return out
