"""Titles in 《》 that name a document though they end in no word the unbracketed rules trust.

Inside 《》 the brackets already say "a title"; what is left to decide is whether it titles a document
or a work of art, book or journal (《咏春》, 《科学》, 《天鹅湖》). Three shapes name documents, read on the
corpus (whole corpus and corpus-extra, 155 reports):
- a document word that is too loose to trust unbracketed (制定交易规则 names no document) but is one in
  brackets: 《区政府工作规则》, 《工业上楼建筑设计通则》, 《深化粤港澳合作推进大湾区建设框架协议》,
  《地下空间公共安全治理白皮书》, 《关于坚决整治乱排污水行为的通告》, 《深圳市古树名木名录》, 会议纪要;
- a law of three characters (《预算法》, 《消防法》, 《民法典》), which the four-character floor drops;
- a programme named for the year it aims at, later than the report's own (《中国制造2025》 in reports of
  2015-2019, 《中国教育现代化2030》); a year already past names a yearbook or review (《龙岗年鉴2017》).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import word_list

_TARGET_YEAR = re.compile(r"^[\u4e00-\u9fff]{2,20}?(?P<year>20[0-9]{2})$")
_LAW = re.compile(r"^[\u4e00-\u9fff]{1,2}法典?$")


@lru_cache(maxsize=1)
def _bracket_suffixes() -> tuple[str, ...]:
    return tuple(word_list("policy_bracket_suffixes.txt"))


def bracketed_document(title: str, report_year: int | None) -> bool:
    """Whether `title`, written in 《》, names a document by one of the shapes above."""
    core = re.sub(r"[（(][^（）()]*[)）]$", "", title.strip())
    if len(core) >= 4 and core.endswith(_bracket_suffixes()):
        return True
    if len(core) == 3 and _LAW.match(core):
        return True
    m = _TARGET_YEAR.match(core)
    return bool(m and report_year and int(m.group("year")) > report_year)
