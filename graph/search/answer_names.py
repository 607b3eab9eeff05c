"""One answer under its fullest name: a report writes a policy or body in full once (《深圳市光明区重大
行政决策程序规定》) and later, or in another year, by the name without its place (严格落实重大行政决策程序
规定). The extractor makes two entities; both are supported by the retrieved passages and split the
evidence, so the short one (mentioned in the top passage) outranked the full one on the dev half (q027).
A candidate whose name is another candidate's name with a place in front folds into it: the full
name keeps both scores and the short name as an alias, so a reader or gold listing either finds it."""
from __future__ import annotations

import re
from dataclasses import replace

from .results import Answer

# What may stand before the short name: a place or body ending in an administrative suffix
# (深圳市光明区, 安徽省, 福田区政府), or the report's own "we" (我省, 我市, 本区).
_PLACE_PREFIX = re.compile(r"^(?:[\u4e00-\u9fff]{1,12}?(?:省|市|区|县|州|旗|镇|街道|政府)|[我本全][省市区县])+$")
# Short names below this length are too generic to be one entity's name (方案, 规划).
MIN_SHORT = 4


def _place_prefixed(full: str, short: str) -> bool:
    return (len(short) >= MIN_SHORT and len(full) > len(short) and full.endswith(short)
            and bool(_PLACE_PREFIX.match(full[: -len(short)])))


def fold_short_names(answers: list[Answer], max_evidence: int = 5) -> list[Answer]:
    """Answers (any order) with each place-less short name folded into the one full name it ends;
    a short name two full names end in (光明区… and 南山区…) stays as it is."""
    by_label: dict[str, list[Answer]] = {}
    for a in answers:
        by_label.setdefault(a.label, []).append(a)
    fold_into: dict[str, str] = {}
    for group in by_label.values():
        for short in group:
            fulls = [f for f in group if f is not short and _place_prefixed(f.name, short.name)]
            if len(fulls) == 1:
                fold_into[short.id] = fulls[0].id
    if not fold_into:
        return answers
    extra: dict[str, list[Answer]] = {}
    for a in answers:
        if a.id in fold_into:
            extra.setdefault(fold_into[a.id], []).append(a)
    out = []
    for a in answers:
        if a.id in fold_into:
            continue
        folded = extra.get(a.id)
        if folded:
            seen = {(e.passage, e.start, e.end) for e in a.evidence}
            evidence = a.evidence + [e for f in folded for e in f.evidence if (e.passage, e.start, e.end) not in seen]
            a = replace(a, score=a.score + sum(f.score for f in folded),
                        aliases=list(dict.fromkeys([*a.aliases, *(n for f in folded for n in (f.name, *f.aliases))])),
                        evidence=evidence[:max_evidence],
                        via=sorted({*a.via, *(v for f in folded for v in f.via)}))
        out.append(a)
    return out
