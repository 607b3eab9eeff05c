"""A firm's regional unit named by the firm, a region and a unit head (issue 13, session 11).

Reports on 总部经济 name the units firms set up in a district by the firm's short name, the region the unit
serves and what it is: 闻泰科技|华南|总部, 复星医药|大湾区|总部, 清科|南方|总部, 空客直升机|中国|总部,
荣耀|全球|研发中心, 阿里巴巴|国际|运营中心, 中国一汽|大湾区|研究院, 希玛眼科|大湾区|总部. No suffix ends the firm's
name (科技, 医药, 麻花 are no 公司/集团) and the firm is often in no lexicon, but the region word marks where it
ends, as a place marks a university's end in placed_units (南开大学|深圳|研究院). The unit is an Organization
marked `unit` with its parent's name, so the firm stays a mention inside it and rules/structure.nested_units
draws PART_OF.

The firm is the run between the clause's opening verbs (引进, 加快, 推动) and the region word, two to eight
characters, cut by jieba at both ends. It must read as a name: no place (九围|国际总部, 深圳湾|国际总部 name buildings),
no kind of body (技术创新中心|国际总部), no clause word, and a proper, rare or Latin word in it (has_proper_word).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import word_set
from .mentions import Mention
from .name_shapes import clause_lead
from .organizations import known_organizations
from .places import gazetteer
from .traps import category_words, has_proper_word, is_category, is_known_place
from .words import cut_words, tagger

# the region a unit serves; longer alternatives first
_REGION = r"(?:粤港澳大湾区|大湾区|华南区|华南|华东|华北|华中|西南|南方|北方|全球|国际|中国|亚太)"
# what the unit is; a few words may stand between (大湾区|科技创新|研发中心, 全球|维修中心)
_HEAD = r"(?:区域总部|总部|研发中心|运营中心|营运中心|创新中心|结算中心|维修中心|采购中心|研究院|设计中心)"
_UNIT = re.compile(rf"(?P<region>{_REGION})(?P<mid>[\u4e00-\u9fff]{{0,6}}?)(?P<head>{_HEAD})")
# where a firm's name cannot reach back past
_EDGE = re.compile(r"[，。；：、！？\s“”《》（）()和与及或]")
# tags of words that carry a clause, never inside a firm's name or the words of its unit
_CLAUSE_TAGS = frozenset({"v", "vd", "vi", "p", "c", "d", "u", "uj", "ul", "uz", "r", "rr", "rz", "m", "mq",
                          "q", "t", "f"})
# jieba splits rare trade names into characters it tags as verbs or counts (闻|泰|科技, 万|得|资讯): a single
# character is a clause's only when it is a particle, preposition, conjunction or pronoun (我区|的)
_GLUE_TAGS = frozenset({"uj", "p", "c", "r"})
# a site's name, not a firm's: a landform or a place head at the end (九围, 深圳湾, 前海湾)
_SITE_END = frozenset("区村路街镇园城湾岛港站山岭湖河洲围苑")
_BUILDINGS = ("大厦", "大楼", "园", "片区")
_COMMON = 1000   # jieba's count of a common noun (商品 10160, 农产品 1572; 莱茵 206 is a name)
_LATIN = re.compile(r"[A-Za-z]{2,}")


@lru_cache(maxsize=1)
def _name_verbs() -> frozenset[str]:
    return frozenset(word_set("name_verbs.txt"))


def _clause_words(s: str) -> bool:
    """Whether jieba reads a verb or a function word in `s` (a clause, not a name)."""
    _, tags = tagger()
    return any((tags.get(w) in _CLAUSE_TAGS if len(w) > 1 else tags.get(w) in _GLUE_TAGS) and w not in _name_verbs()
               for w in cut_words(s))


@lru_cache(maxsize=16384)
def firm_name(run: str, listed: bool = False) -> str | None:
    """The firm's name at the end of `run` (the clause up to the region word), or None. A `listed` run follows
    a list's 、 and has no opening verbs to cut (开心麻花南方总部 after 、 is 开心麻花's, not 麻花's)."""
    name = run if listed else run[clause_lead(run):]
    if not 2 <= len(name) <= 8:
        return None
    if _LATIN.fullmatch(name):
        return name   # OPPO, ARM
    if (is_known_place(name) or name[-1] in _SITE_END or is_category(name) or not has_proper_word(name)
            or _clause_words(name) or _division(name) or _kind_or_clause_word(name) or _place_and_goods(name)):
        return None
    return name


def _division(name: str) -> bool:
    """盐田, 宝安: a division written without its 区/县/市 (盐田|国际航运总部 names a building project)."""
    return any(name + k in gazetteer().places for k in "区县市")


def _kind_or_clause_word(name: str) -> bool:
    """A word that opens a clause or names a kind (深化|国际科技创新中心, 获批建设|…, 国内大型企业|国际总部):
    jieba tags 深化 as an abbreviation and 建设 as a noun, so the boundary lexicons decide."""
    jieba, _ = tagger()
    words = cut_words(name)
    common = all(len(w) > 1 and jieba.dt.FREQ.get(w, 0) >= _COMMON for w in words)
    return bool(set(words) & _stop_words()) or (common and words[-1] in category_words())


def _place_and_goods(name: str) -> bool:
    """广东商品|国际采购中心, 大湾区农产品|国际供应链运营中心: a place and a common noun of goods name a trade,
    not a firm (法国|威立雅, 德国|莱茵 keep a proper word after the place)."""
    jieba, tags = tagger()
    lead = max((e for s, e, _k, p in gazetteer().matcher.find(name) if s == 0), default=0)
    rest = cut_words(name[lead:]) if lead else []
    return len(rest) == 1 and tags.get(rest[0]) == "n" and jieba.dt.FREQ.get(rest[0], 0) >= _COMMON


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    return frozenset(word_set("boundary_words.txt") | word_set("measure_progress.txt"))


def find_regional_units(text: str, base: int, found: list[Mention]) -> list[Mention]:
    """Organization mentions of a firm's regional unit and of the firm (see the module); `found`: the
    passage's mentions so far (a unit they hold whole is left alone, an organisation ending at the region
    word is the parent)."""
    out: list[Mention] = []
    orgs_by_end = {m.end - base: m for m in found if m.label == "Organization"}
    for m in _UNIT.finditer(text):
        s, e = m.start(), m.end()
        if text.startswith(_BUILDINGS, e):
            continue   # 汇隆国际总部|大厦: a building named for the headquarters it houses
        whole = next((k for k in found if k.label in ("Organization", "Place")
                      and k.start - base < s and e <= k.end - base), None)
        if whole is not None:
            out += _parent_of_whole(text, base, whole, s, e)
            continue   # 荣耀全球研发中心 already read whole
        if m.group("mid") and (_clause_words(m.group("mid")) or "国家" in m.group("mid")):
            continue   # 国际|合作建设|中心: a clause between region and head; 大湾区|国家技术创新中心: a national one
        parent = orgs_by_end.get(s)
        if parent is not None:
            ps, pname = parent.start - base, parent.name
        else:
            edge = max((x.end() for x in _EDGE.finditer(text, 0, s)), default=0)
            name = firm_name(text[edge:s], listed=edge > 0 and text[edge - 1] == "、")
            if name is None:
                continue
            ps, pname = s - len(name), name
            out.append(Mention("Organization", base + ps, base + s, name, name, set(), {"regional_parent": True}))
        unit = text[ps:e]
        out.append(Mention("Organization", base + ps, base + e, unit, unit, set(),
                           {"unit": True, "parent_name": pname}))
    return out


def _parent_of_whole(text: str, base: int, unit: Mention, s: int, e: int) -> list[Mention]:
    """A unit another finder read whole (中国一汽大湾区研究院) names its firm before the region word too:
    the firm's mention, and the unit marked with its parent's name; nothing when no firm's name stands there."""
    us = unit.start - base
    if (unit.label != "Organization" or unit.end - base != e or unit.surface != text[us:e]
            or unit.props.get("parent_name") or unit.props.get("brand")):
        return []
    name = firm_name(text[us:s])
    if name != text[us:s] or any(st == 0 for st, *_ in known_organizations().find(name)):
        return []   # a firm of the lexicon (荣耀 -> 荣耀终端有限公司): nested_units finds it by its full name
    unit.props.update(unit=True, parent_name=name)
    return [Mention("Organization", base + us, base + s, name, name, set(), {"regional_parent": True})]
