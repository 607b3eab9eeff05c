"""Laws named without 《》 after a verb that applies, revises or spreads them: 贯彻新预算法, 修订安全生产法,
落实基本法, 宣传民法典, 实施香港特别行政区维护国家安全法.

The drafting-verb rule refuses names under five characters and any name carried out by 实施 that is no
plan, so the short and the carried-out laws were lost; a law is the one document whose bare name
is read the same whatever the verb. The name runs from the verb (after 好, 新, 新修订的, 修订后的) to
法 or 法典 before a clause mark, a list word or 实施; a way of working (执法, 方法, 立法, 普法…
`policy_not_law_ends.txt`, read on the last word: 预算法 is a law), a name holding 的 or a clause verb, or a run longer than a law's title are refused.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import word_list
from .words import cut_words, tagger

_VERBS = ("贯彻实施", "贯彻落实", "学习宣传", "宣传贯彻", "深入实施", "全面实施", "严格执行", "认真贯彻", "实施", "贯彻",
          "落实", "执行", "修订", "修改", "宣传", "宣贯", "学习", "施行", "遵守", "颁布", "出台", "制定", "审议通过")
# verbs chain (学习宣传贯彻民法典): the first alone left 贯彻民法典 as the name, refused for its verb
_LAW = re.compile(r"(?P<verb>(?:" + "|".join(_VERBS) + r")+)(?:好)?(?P<rev>新修订的|修订后的|新修订|新)?"
                  r"(?P<name>[\u4e00-\u9fff]{1,18}?(?:法典|法))(?=[，。；、：\n和及与等]|实施|$)")
# a verb inside a law's title is part of its purpose (维护国家安全法, 促进法); other verbs open a clause
_TITLE_VERBS = frozenset({"维护", "促进", "保护", "管理", "监督", "保障", "投资", "处罚", "许可", "防治", "治理"})
_NON_NOMINAL = ("p", "c", "r", "u", "q", "m", "d", "y", "e", "o", "x")


@lru_cache(maxsize=1)
def _not_law_ends() -> frozenset[str]:
    return frozenset(word_list("policy_not_law_ends.txt"))


def _names_a_law(name: str) -> bool:
    if "的" in name:
        return False
    _, tags = tagger()
    words = cut_words(name)
    # the last word decides: 预算法 is a law though it ends in 算法; 想办法 and 执法 are no laws
    last = words[-1]
    if any(last.endswith(end) and (last == end or end != "算法") for end in _not_law_ends()) or last == "办法":
        return False     # 文明执法 is one word of jieba's; only 算法 ends a law's word (预算法)
    if len(name) == 2 and tags.get(name) != "n":
        return False     # 宪法, 刑法 are words of their own
    for w in words[:-1]:
        tag = tags.get(w, "x")
        if tag.startswith(_NON_NOMINAL) or (tag.startswith("v") and tag != "vn" and w not in _TITLE_VERBS):
            return False
    return True


def law_names(text: str) -> list[tuple[int, int, str, set[str]]]:
    """(start, end, name, aliases) of each law named without brackets after a verb applying it."""
    out: list[tuple[int, int, str, set[str]]] = []
    if "法" not in text:
        return out
    for m in _LAW.finditer(text):
        name = m.group("name")
        if _names_a_law(name):
            out.append((m.start("name"), m.end("name"), name, set()))
    return out
