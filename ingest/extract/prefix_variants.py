"""One body or document named with and without its place prefix within a report is one node.

深圳市龙华区人民医院, 龙华区人民医院 and 区人民医院 in 龙华区's report are one hospital; 市人民医院 there is
the city's, another one. A name's key is the most local place its prefix states (a bare level
character 区/市/省 stands for the report's own district, city or province) and the rest of the name;
variants with the same key take one name and keep the others as aliases: the place's canonical name
and the rest (龙华区人民医院; a document likewise), the same in every report of that place, so that
reports of one author (and of its departments) meet on one node.
"""
from __future__ import annotations

from .mentions import Mention
from .resolve import ReportContext

# below this many characters the rest is a generic word (区政府, 市医院), not a name to merge on
_MIN_REST = 4


def _prefixes(ctx: ReportContext) -> list[tuple[str, str]]:
    """(written prefix, place it states), longest first: 深圳市龙华区 and 龙华区 and 区 -> 龙华区."""
    out: list[tuple[str, str]] = []
    levels = [(ctx.district, "区"), (ctx.city, "市"), (ctx.province, "省")]
    for info, char in levels:
        if info is None:
            continue
        out.append((info.name, info.name))
        if info.canonical != info.name:
            out.append((info.canonical, info.name))
        parent = next((p for p, _ in levels[levels.index((info, char)) + 1:] if p is not None), None)
        if parent is not None:
            out.append((parent.name + info.name, info.name))
        if ctx.level(char) is info:
            out.append((char, info.name))
    return sorted(set(out), key=lambda x: -len(x[0]))


# labels whose name is a title, written with the full prefix of its issuer's place (深圳市光明区…规定)
_TITLED = ("Policy",)


def _title_prefixes(ctx: ReportContext) -> dict[str, str]:
    """The prefix a title writes for each of the report's places: a district after its city (深圳市光明区),
    a city or province alone."""
    out = {}
    if ctx.district is not None:
        out[ctx.district.name] = (ctx.city.name if ctx.city is not None else "") + ctx.district.name
    for info in (ctx.city, ctx.province):
        if info is not None:
            out[info.name] = info.name
    return out


# a bare level character that opens a common word is no prefix: 区域全面经济伙伴关系协定 and
# 市场准入负面清单 are no documents of the district or city (were renamed 深圳市龙华区域…, 深圳市场…)
_BOUND = ("区域", "市场", "区块链")


def prefix_key(name: str, prefixes: list[tuple[str, str]]) -> tuple[str, str] | None:
    for written, place in prefixes:
        if len(written) == 1 and name.startswith(_BOUND):
            continue
        if name.startswith(written) and len(name) - len(written) >= _MIN_REST:
            return place, name[len(written):]
    return None


def merge_prefixed_variants(mentions: list[Mention], ctx: ReportContext, labels: tuple[str, ...]) -> None:
    prefixes = _prefixes(ctx)
    if not prefixes:
        return
    groups: dict[tuple[str, str, str], list[Mention]] = {}
    for m in mentions:
        if m.label in labels:
            key = prefix_key(m.name, prefixes)
            if key is not None:
                groups.setdefault((m.label, *key), []).append(m)
    canonical = {p.name: p.canonical for p in (ctx.district, ctx.city, ctx.province) if p is not None}
    titled = _title_prefixes(ctx)
    for (label, place, rest), ms in groups.items():
        # one spelling per place, so that reports of one author meet on one node (深圳市龙华区土地整备…
        # 办法 in one report, 龙华区土地整备…办法 in the next); a document takes its full title's prefix
        best = (titled[place] if label in _TITLED else canonical[place]) + rest
        for m in ms:
            if m.name != best:
                m.aliases.add(m.name)
                m.name = best
