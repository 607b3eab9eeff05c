"""Document titles written without 《》 in the official shape 发文机关 + 关于 + 事由 + 的 + 文种.

落实住房和城乡建设部关于在实施城市更新行动中防止大拆大建问题的通知要求, 认真贯彻省委关于深入学习贯彻
党的二十大精神的决定, 深入落实市人大常委会关于加强标准建设若干问题的决定: the title is the whole run from
the issuing body to the document word, and the clause goes on after it (要求, 精神, 部署), where the
drafting-verb rule needs punctuation. The issuer is kept when the words before 关于 end in the head of a
body (委, 部, 政府, 常委会, 党代会…) after the clause's verb; otherwise the title starts at 关于. A 建议
without an issuer is a deputy's proposal (“关于加快城市消防站建设的建议”), not a document of a body.
Found 5 times in the non-test corpus reports; each is one title.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import word_list

_DOC_WORDS = ("实施意见", "指导意见", "若干意见", "意见", "决定", "通知", "实施办法", "办法", "若干规定", "规定",
              "若干措施", "实施方案", "方案", "规划", "决议", "建议", "通告", "批复")
_ABOUT = re.compile(r"关于(?P<body>[^，。；：《》\n]{2,40}?)的(?P<doc>" + "|".join(_DOC_WORDS) + r")"
                    r"(?=[，。；、：\n”等和及与]|要求|精神|部署|$)")
_ISSUER_HEADS = ("中央", "国务院", "常委会", "党代会", "全会", "政府", "办公厅", "办公室", "委员会",
                 "委", "部", "厅", "局", "署", "院")
_BEFORE_ISSUER = ("根据", "按照", "依据", "对照", "遵照", "认真", "深入", "全面", "严格")
_LEFT = 16


@lru_cache(maxsize=1)
def _clause_verbs() -> tuple[str, ...]:
    words = set(word_list("policy_verbs.txt")) | set(word_list("policy_name_lead_verbs.txt")) | set(_BEFORE_ISSUER)
    return tuple(sorted(words, key=len, reverse=True))


def _issuer_start(text: str, about: int) -> int | None:
    """Where the issuing body before 关于 begins, or None when none stands there."""
    lo = about
    while lo > 0 and about - lo < _LEFT and text[lo - 1] not in "，。；：、《》“”\n（）":
        lo -= 1
    before = text[lo:about]
    cut = max((i + len(v) for v in _clause_verbs() for i in [before.rfind(v)] if i >= 0), default=0)
    issuer = before[cut:]
    if len(issuer) < 2 or not issuer.endswith(_ISSUER_HEADS):
        return None
    return lo + cut


def about_titles(text: str) -> list[tuple[int, int, str, set[str]]]:
    """(start, end, title, aliases) of each unbracketed 关于…的 title."""
    out = []
    if "关于" not in text:
        return out
    for m in _ABOUT.finditer(text):
        if m.start() > 0 and text[m.start() - 1] == "《":
            continue     # a bracketed title is read as one
        s = _issuer_start(text, m.start())
        if s is None and m.group("doc") == "建议":
            continue
        s = m.start() if s is None else s
        out.append((s, m.end(), text[s:m.end()], set()))
    return out
