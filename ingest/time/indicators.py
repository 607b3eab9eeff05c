"""Indicator points: 「地区生产总值增长7%左右」 in a plan section is a target for the plan year,
「地区生产总值达910.6亿元、增长11.7%」 in a review is two results for the year reviewed.

A point is a figure (ingest.time.values) owned by the indicator name nearest to its left in the same
sentence, with only a few linking words between (达, 增长, 控制在…); a growth figure right after a level
figure (…910.6亿元、增长11.7%) belongs to the same indicator. Kind and year come from the passage's role
and year (ingest.structure), so a plan section gives targets and a review gives results.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from govgraph.ingest.batch import ACTUAL, INDICATOR as INDICATOR_LABEL, TARGET, Evidence, Node, Passage, ReportInfo, node_id
from govgraph.ingest.extract.lexicon import Matcher, table
from govgraph.ingest.extract.spans import sentences

from .shape_names import shape_name
from .values import Figure, figure_pattern, read_figure


_KIND = {"plan": TARGET, "achievement": ACTUAL}
# Words allowed between an indicator's name and its figure. Anything longer is another statement.
_MAX_GAP = 12
_GROWTH = re.compile(r"增长|增速|增幅|上涨|提高|提升|增加|涨幅")
_FALL = re.compile(r"下降|降低|减少|回落")
# A gap with these words does not give the indicator's own value: a share of it (占…比重), an average over
# years (年均), a ranking (第), a list of several values (分别), a total over several years (累计).
_NOT_OWN = re.compile(r"占|比重|年均|平均每年|累计|分别|第|排名|以来|[。；;：:]|倍")
# Figures for part of a year (一季度, 1—11月, 上半年) are not the year's point.
_PART_YEAR = re.compile(r"[一二三四]季度|前三季度|上半年|[1-9１-９]\s*[—\-－~至]\s*\d{1,2}\s*月")
# 新增国家高新技术企业141家 counts the year's additions, not the stock: a point of its own.
_ADDED = ("新增", "新引进", "新建")
# 「预计2022年全省地区生产总值达12.8万亿元」 in a five-year review: the year written just before the name
# is the point's year, whatever the section's.
_STATED_YEAR = re.compile(r"((?:19|20)\d{2})\s*年(?!以来|来)[^，。；,\d]{0,8}$")
_RESPECTIVELY = re.compile(r"分别")
_JOINERS = ("、", "和", "与", "及", "，", ",")
_RATE = re.compile(r"(?:率|比重|涨幅|浓度|占比|强度)$")
_PERCENT = ("%", "个百分点", "百分点")
_DIGIT = re.compile(r"\d")
_SHARE_OF = re.compile(r"占.+?(?:比重|比例)")
_CLAUSE_BREAK = re.compile(r"[，,、；;：:。（(）)“”]")


@dataclass(frozen=True)
class _Name:
    canonical: str
    english: str
    units: frozenset[str]


@lru_cache(maxsize=1)
def _matcher() -> Matcher:
    entries = []
    for canonical, forms, english, units in table("indicators.tsv"):
        name = _Name(canonical, english.split("|")[0], frozenset(u for u in units.split("|") if u))
        for form in forms.split("|"):
            entries.append((form.strip(), name))
    return Matcher(entries)


@lru_cache(maxsize=1)
def _figures() -> re.Pattern:
    return figure_pattern()


def _point_name(name: _Name, gap: str, fig: Figure) -> tuple[str, str] | None:
    """(name, English name) of the point, or None when the figure cannot be this indicator's."""
    if fig.unit in _PERCENT and not _RATE.search(name.canonical):
        if _FALL.search(gap):
            return name.canonical + "下降", name.english + " fall"
        if _GROWTH.search(gap) or not gap:
            return name.canonical + "增长", name.english + " growth"
        return None
    if name.units and fig.unit not in name.units:
        return None  # 保障性住房投资41亿元 is money, not homes
    if fig.unit not in _PERCENT and _RATE.search(name.canonical) and fig.unit != "微克/立方米":
        return None
    return name.canonical, name.english


def _respectively(sent: str, names: list, figs: list):
    """「A和B分别控制在5.5%和3.5%以内」, 「A、B分别增长19.3%、29.7%」: names joined by 、/和 before 分别 take
    the figures joined the same way after it, in order. Yields ([(name index, figure index)], gap)."""
    for m in _RESPECTIVELY.finditer(sent):
        chain = [i for i, (a, b, _) in enumerate(names) if b <= m.start()]
        if not chain or m.start() - names[chain[-1]][1] > 2:
            continue
        run = [chain[-1]]
        for i in reversed(chain[:-1]):
            if 0 < names[run[0]][0] - names[i][1] <= 1 and sent[names[i][1]:names[run[0]][0]] in _JOINERS:
                run.insert(0, i)
            elif names[i][1] == names[run[0]][0] or sent[names[i][1]:names[run[0]][0]] not in _JOINERS:
                break
        after = [j for j, (fa, _, fig) in enumerate(figs) if fa >= m.end() and fig is not None]
        picked = after[:1]
        for j in after[1:]:
            if sent[figs[picked[-1]][1]:figs[j][0]] in _JOINERS and len(picked) < len(run):
                picked.append(j)
            else:
                break
        if len(run) >= 2 and len(picked) == len(run) and figs[picked[0]][0] - m.end() <= _MAX_GAP:
            yield list(zip(run, picked)), sent[m.end():figs[picked[0]][0]]


def _sentence_points(text: str, s: int, e: int):
    """(name, english, figure, start, end, stated year or None) for each point in text[s:e]: names from
    the lexicon first, then, for figures no lexicon name claims, names from the statement's shape."""
    sent = text[s:e]
    if _PART_YEAR.search(sent):
        return
    names = [(a, b, p) for a, b, _, p in _matcher().find(sent) if not sent[max(0, a - 1):a] == "占"]
    if not names and not _DIGIT.search(sent):
        return  # a figure with no lexicon name must be written in digits to be read by its shape
    matches = list(_figures().finditer(sent))
    if not matches:
        return  # most sentences hold no figure
    found = []
    if names:
        found = list(_lexicon_points(sent, names, [(m.start(), m.end(), read_figure(m)) for m in matches]))
    found += _shape_points(sent, names, matches, found)
    found.sort(key=lambda p: p[4])
    for name, english, fig, a, fb, _ in found:
        stated = _STATED_YEAR.search(sent[max(0, a - 16):a])
        yield name, english, fig, s + a, s + fb, int(stated.group(1)) if stated else None


def _shape_points(sent: str, names: list, matches: list[re.Match], found: list) -> list:
    """Points named by shape (ingest.time.shape_names) for the figures in clauses with no lexicon name.
    A figure is read only once its clause has a shape: most figures of a review have none, and reading
    them all made the time extraction a fifth slower."""
    out = []
    claimed = {fb for *_, fb, _j in found}
    for j, m in enumerate(matches):
        fa, fb, unit = m.start(), m.end(), m.group("unit")
        if fb in claimed or unit == "倍" or not m.group("num")[0].isdigit():
            continue
        clause_start = max((m.end() for m in _CLAUSE_BREAK.finditer(sent, 0, fa)), default=0)
        if any(clause_start <= a < fa for a, _, _ in names) and not _SHARE_OF.search(sent, clause_start, fa):
            continue  # the lexicon had this clause's say (a share 「企业研发投入占…比重」 is the shape's)
        before = sorted((p for p in found + out if p[4] <= fa), key=lambda p: p[4])
        previous = _base(before[-1][0]) if before else None
        got = shape_name(sent, fa, "%" if unit == "％" else unit, previous)
        fig = read_figure(m) if got is not None else None
        if fig is None:
            continue
        name, a = got
        out.append((name, "", fig, a, fb, j))  # no English name: the lexicon's names have them
    return out


def _base(name: str) -> str:
    """The quantity a point's name is about: 新增X增长 -> X."""
    for end in ("增长", "下降", "占比"):
        if name.endswith(end):
            name = name[: -len(end)]
    return name[2:] if name.startswith("新增") else name


def _lexicon_points(sent: str, names: list, figs: list):
    """(name, english, figure, start, end, figure index) of the figures owned by a lexicon name."""
    if not names:
        return
    taken: set[int] = set()
    for pairs, gap in _respectively(sent, names, figs):
        # 「分别控制在5.5%和3.5%以内」: the closing qualifier is said once for all
        closing = figs[pairs[-1][1]][2].qualifier
        for i, j in pairs:
            a, _, name = names[i]
            fa, fb, fig = figs[j]
            taken.add(j)
            fig = fig if fig.qualifier else replace(fig, qualifier=closing)
            named = _point_name(name, gap, fig)
            if named is not None and not _NOT_OWN.search(gap):
                yield named[0], named[1], fig, a, fb, j
    owner_used: set[tuple[int, bool]] = set()
    last: dict[int, int] = {}  # name index -> end of the last figure it took
    for j, (fa, fb, fig) in enumerate(figs):
        if fig is None or j in taken or fa < names[0][1]:
            continue
        left = [i for i, (a, b, _) in enumerate(names) if b <= fa]
        if not left:
            continue
        i = left[-1]
        a, b, name = names[i]
        start_gap = last.get(i, b)
        gap = sent[start_gap:fa]
        if i in last:
            # A second figure for the same name: only a growth rate right after the level (、增长11.7%).
            gap = gap.lstrip("、，, 同比")
            if len(gap) > 6 or fig.unit not in _PERCENT:
                continue
        elif len(gap) > _MAX_GAP or re.search(r"[，,、和与及]", gap):
            continue
        if _NOT_OWN.search(gap):
            continue
        named = _point_name(name, gap, fig)
        if named is None:
            continue
        added = next((w for w in _ADDED if sent[max(0, a - len(w)):a] == w), None)
        if added and not name.canonical.startswith("城镇新增"):
            named = ("新增" + named[0], "new " + named[1])
            a -= len(added)
        growth = fig.unit in _PERCENT
        if (i, growth) in owner_used:
            continue
        owner_used.add((i, growth))
        last[i] = fb
        yield named[0], named[1], fig, a, fb, j


def find_indicators(text: str, passages: list[Passage], report: ReportInfo) -> list[Node]:
    out: list[Node] = []
    for p in passages:
        kind = _KIND.get(p.role)
        if kind is None:
            continue
        for s, e in sentences(p.text, p.start):
            for name, english, fig, a, b, stated in _sentence_points(text, s, e):
                year = stated or p.year
                if year is None:
                    continue  # a figure over several years (过去五年…) is no yearly point
                ev = Evidence(report.id, report.file, p.id, a, b, text[a:b])
                props = {"indicator": name, "value": fig.value, "unit": fig.unit, "kind": kind,
                         "year": year, "approx": fig.qualifier == "approx"}
                if fig.qualifier:
                    props["qualifier"] = fig.qualifier
                if fig.high is not None:
                    props["high"] = fig.high
                out.append(Node(node_id(INDICATOR_LABEL, f"{report.id}:{a}:{name}"), INDICATOR_LABEL, name,
                                name_en=english, props=props, evidence=[ev]))
    return out
