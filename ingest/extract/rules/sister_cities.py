"""PARTNER_OF: sister cities of the report's home (与日本东京都开展目黑区结好30周年…, 新增旧金山、维也纳等5个国际友城)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from ..lexicon import word_list
from ..mentions import Relation
from ..places import gazetteer
from ..sentence import SentenceContext

_SINCE_ANNIV = re.compile(r"结好\s*(\d{1,3})\s*周年|建立友好(?:城市)?关系\s*(\d{1,3})\s*周年|友城\s*(\d{1,3})\s*周年")
_SINCE_YEAR = re.compile(r"(\d{4})年[^，。；]{0,12}?(?:缔结|结好|结为|建立友好)")


@lru_cache(maxsize=1)
def _sister_re() -> re.Pattern:
    words = "|".join(map(re.escape, sorted(word_list("sister_city_words.txt"), key=len, reverse=True)))
    return re.compile(words)


def _sister_trap(s: str) -> bool:
    return any(t in s for t in word_list("sister_city_traps.txt")) and not re.search(
        r"(?:国际友城|缔结|结好|友好交流城市|友好城区)", s)


def since(s: str, year: int | None) -> int | None:
    m = _SINCE_YEAR.search(s)
    if m:
        return int(m.group(1))
    m = _SINCE_ANNIV.search(s)
    if m and year:
        n = int(next(g for g in m.groups() if g))
        return year - n
    return None


def sister_cities(s: SentenceContext) -> Iterator[Relation | None]:
    body = s.body
    if s.home is None or not _sister_re().search(body) or _sister_trap(body):
        return
    g = gazetteer()
    foreign = [p for p in s.of("Place") if p.props.get("foreign") and p.props.get("kind") in ("city", "district", "province")]
    gz = {p.props.get("gazetteer") for p in foreign}
    chains = {p.props.get("gazetteer"): {c.name for c in g.chain(p.props.get("gazetteer"))[1:]} for p in foreign}
    parents = set().union(*chains.values()) if chains else set()
    started = since(body, s.year)
    for p in foreign:
        if p.props.get("gazetteer") in parents and len(gz) > 1:
            continue  # 东京都 when 目黑区 is named: the partner is the most local place
        props = {"since": started} if started else {}
        yield s.relation(s.home, "PARTNER_OF", p, **props)
