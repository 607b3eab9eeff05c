"""Agencies written short after their level and named by their function: 区文体旅游局, 区建筑工务局, 区卫计局,
市规土委, 区住建局, 区食药安办, 省湾区办.

agency_names.tsv holds the functions governments usually have (教育局, 民政局, 发改委), but each place names
and merges its bureaus its own way and renames them over the years (文体旅游局 -> 文化广电旅游体育局, 卫生计生局
-> 卫生健康局), so a list never closes. The shape does: a level character (区, 市, 省, 县) that opens a name,
then words of a function, then the suffix of a government body (局, 委, 办, 署, 厅, 办公室, 办事处). The
level is the report's own place at that level (ReportContext.level), or the place written in full before it
(南山区|文体旅游局). Over the 155 reports (session 10) the lexicon missed 区文体旅游局 21 times, 区卫生计生局 17,
区建筑工务局 17, 区卫计局 14, 区住房建设局 7, 区城市更新局 6.

What keeps phrases out, read from jieba's segmentation of the span:
- the level character stands alone (区域|布局, 区委|部署, 市场|…, 省内|通办 are words, no level);
- the function is nouns or single characters (住|建, 食|药|安), never a clause word: a conjunction right
  after the level (市|和|区委), a particle, pronoun, numeral, adverb, preposition (市|的|部署, 市|各项|…);
- the span does not end in a common word that merely ends in a body's character (部署, 布局, 格局, 大局, 大厅).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .mentions import Mention
from .name_shapes import clause_lead
from .words import cut_words, tagger

_SPAN = re.compile(r"([区市省县])([\u4e00-\u9fff]{1,9}?)(办公室|办事处|局|委|办|署|厅)(?![员会])")
_BOUNDARY = frozenset("，。；：、（）()“”《》\n\u3000 和与及由")
_OPENER_SPAN = 8
# the places whose name ends in a level character (粤港澳大湾区 ends in 区 and holds no bureau)
_LEVELS = frozenset({"district", "city", "province", "county"})
# tags of the words that open or join clauses: never inside a function's name
_CLAUSE_TAGS = frozenset({"s", "c", "p", "u", "uj", "ul", "uz", "ug", "uv", "r", "rr", "rz", "m", "mq", "q", "d",
                          "t", "f", "y", "e"})
# common words that end in a body's character: 决策|部署, 发展|布局, 服务|大厅, 公办 (publicly run)
_SUFFIXES = frozenset({"局", "委", "办", "署", "厅", "办公室", "办事处"})
# heads of institutions and firms: a span holding one names no bureau (区福利中心…)
_ORG_HEADS = ("中心", "学校", "公司", "医院", "大学", "集团")
_NOUN_TAGS = frozenset({"n", "nz", "nt", "j", "vn", "ng", "an", "nr"})
_NOT_BODIES = ("部署", "布局", "格局", "大局", "全局", "开局", "结局", "大厅", "厅局",
               "公办", "民办", "主办", "承办", "协办", "合办", "机关办")   # 区公办|养老院, 区机关办|文


@lru_cache(maxsize=16384)
def function_name(span: str) -> bool:
    """Whether `span` (level character + function + suffix) reads as a body's name (see the module)."""
    if span.endswith(_NOT_BODIES):
        return False
    words = cut_words(span)
    if words[0] != span[0] or len(words) < 2:
        return False   # 区域|布局, 市场|监管: the first character is part of a word, no level
    _, tags = tagger()
    if tags.get(words[1]) == "c":
        return False   # 市|和|区委
    if span.endswith("厅") and span[0] != "省":
        return False   # 区|地标性城市会客厅: a hall; only a province has 厅 among its bodies
    if words[-1] == "办" and tags.get(words[-2]) not in _NOUN_TAGS:
        return False   # 省|网上|办, 马上办: 办 is the verb "do"
    if words[-1] not in _SUFFIXES and tags.get(words[-1], "n") not in _NOUN_TAGS:
        return False   # 区|举办, 省安委会|督办: a verb that ends in 办
    if any(h in span for h in _ORG_HEADS):
        return False   # 区福利中心完成管办: an institution's name and a clause, no bureau
    return not any(tags.get(w) in _CLAUSE_TAGS and w not in ("和",) for w in words[1:])


def _runs_on(text: str, s: int, e: int) -> bool:
    """Whether the body's last character starts a word with what follows: 管理办|法, 民办|学校, 办|公."""
    words = cut_words(text[s:e + 2])
    pos = 0
    for w in words:
        pos += len(w)
        if pos >= e - s:
            return pos != e - s
    return False


def _opens_name(text: str, s: int) -> bool:
    """Whether a name can start at `s`: after a boundary, or after the verbs that open its clause."""
    if s == 0 or text[s - 1] in _BOUNDARY:
        return True
    lo = s
    while lo > max(0, s - _OPENER_SPAN) and text[lo - 1] not in _BOUNDARY:
        lo -= 1
    return clause_lead(text[lo:s]) == s - lo


def find_shaped_agencies(text: str, base: int, ctx, found: list[Mention]) -> list[Mention]:
    """Agency mentions of the shape above that no other finder made; `found`: this passage's mentions."""
    out: list[Mention] = []
    if not any(c in text for c in "局委办署厅"):
        return out
    bodies = [(m.start - base, m.end - base) for m in found if m.label in ("Agency", "Organization", "Event", "Policy")]
    places = {m.end - base: m for m in found if m.label == "Place" and not m.props.get("foreign")}
    for m in _SPAN.finditer(text):
        s, e = m.span()
        if any(s < y and x < e for x, y in bodies) or not function_name(m.group(0)) or _runs_on(text, s, e):
            continue
        place = places.get(s + 1)   # 南山区|文体旅游局: the district written in full holds the level
        if place is not None and place.surface.endswith(m.group(1)) and place.props.get("kind") in _LEVELS:
            start, prefix = place.start - base, place.name
        elif _opens_name(text, s):
            info = ctx.level(m.group(1))
            if info is None:
                continue
            start, prefix = s, info.canonical
        else:
            continue
        name = prefix + text[s + 1:e]
        out.append(Mention("Agency", base + start, base + e, text[start:e], name, {text[start:e]} - {name},
                           {"shaped": True}))
        bodies.append((start, e))
    return out
