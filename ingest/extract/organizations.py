"""Organizations: companies, universities, associations, institutions.

Known short names come from lexicon/org_known.tsv (北京人艺); the rest are built leftwards from
a suffix (…集团, …会计师事务所, …大学) up to a verb or punctuation (走访正大集团 -> 正大集团).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import re
from functools import lru_cache

from .kind_markers import names_a_kind
from .lexicon import Matcher, table, word_set
from .mentions import Mention
from .association_names import names_one_association
from .org_modifiers import after_joiner, campus_after_dot, names_a_kind_of_body
from .ranked_kinds import names_which_after_rank, rank_end
from .name_shapes import clause_lead
from .spans import expand_left
from .suffix_words import suffix_in_other_word
from .traps import has_proper_word, is_category
from .words import cut_words, tagger

if TYPE_CHECKING:  # resolve imports places: the context type is for annotations only
    from .resolve import ReportContext


# words for events that end in an organisation suffix (商会)
_EVENT_WORDS = ("招商会",)
_EDITION = re.compile(r"(?:首届|第[一二三四五六七八九十百0-9]+届|[0-9]{4}年?)")
# …but a tentative-name mark (光明科学城创新创业学院（暂定名）) is no part of the name
_BRANCH = re.compile(r"[（(](?!暂定名|暂名)[\u4e00-\u9fff]{2,4}[)）]")
# 国家级大基金, 市级产业基金: a level and a kind name a class of bodies, not one
# suffixes a report puts after kinds as often as after names (清理规范|银行, 国有大型商业银行, 美元基金)
_WEAK_SUFFIXES = frozenset({"基金", "银行"})
_GENERIC = re.compile(r"^(?:[0-9一二三四五六七八九十百]+[支家个所只批])?(?:国家级|省级|市级|区级|县级|各级|各类|多家|一批|全国性)")


@lru_cache(maxsize=1)
def known_organizations() -> Matcher:
    """org_known.tsv as an automaton: surface -> (canonical name, English name)."""
    return Matcher((s, (c, en or None)) for s, c, en in table("org_known.tsv"))


@lru_cache(maxsize=1)
def _suffix_re() -> re.Pattern:
    sufs = sorted(word_set("org_suffixes.txt"), key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, sufs)) + ")(?![\u4e00-\u9fff]?(?:长|员|生|部|费|校区|园区))")


def find_organizations(text: str, base: int, ctx: ReportContext) -> list[Mention]:
    out: list[Mention] = []
    for s, e, key, (canonical, en) in known_organizations().find(text):
        out.append(Mention("Organization", base + s, base + e, key, canonical,
                           {key} - {canonical}, {"brand": True}, en))
    stop = word_set("org_stop.txt")
    for m in _suffix_re().finditer(text):
        if text.endswith(_EVENT_WORDS, 0, m.end()):
            continue  # 产业集群系列招商会: a fair, not a chamber of commerce
        if suffix_in_other_word(text, m.start(), m.end()):
            continue  # 扩大|学前, 良乡|大学城: the suffix's characters are another word's (suffix_words.py)
        s = expand_left(text, m.start(), min_len=2, max_len=14)
        if s is None:
            continue
        lead = _EDITION.match(text, s, m.start())
        if lead:
            s = lead.end()  # 首届X9高校院所联盟赛艇联赛: the edition belongs to the event, not the alliance
        s = after_joiner(text, s, m.start())  # 机构之一|中国科学院, 加速器暨|华大基因研究院
        cut = clause_lead(text[s:m.start()])
        if m.start() - (s + cut) >= 2:
            s += cut  # 构建以|鹏城实验室; a modifier that is one verb-like word is a name (安定医院, 大成基金)
        rank = rank_end(text[s:m.start()])
        if rank:
            if not names_which_after_rank(text[s + rank:m.start()]):
                continue  # 世界500强|跨国公司, 全球前20大|船公司: a rank and a kind (ranked_kinds.py)
            s += rank     # 世界500强|中冶集团: the firm's name starts after its rank
        e = m.end()
        branch = _BRANCH.match(text, e) or campus_after_dot(text, e)
        if branch:
            e = branch.end()  # 香港大学（深圳）, 中山大学·深圳: a campus in brackets or after a dot is part of the name
        name = text[s:e].strip("“”\"")
        if name in stop or text[s:m.start()] in stop or len(name) < 4 or _GENERIC.match(name):
            continue
        modifier = text[s:m.start()].strip("“”\"")
        inner = list(_suffix_re().finditer(modifier))
        own = modifier[inner[-1].end():] if inner else modifier
        if is_category(own, m.group(0)) and not names_one_association(own, m.group(0)):
            continue  # 卓越学校, 工程技术研究中心, 北京证券交易所|上市公司: a kind of body (traps.py)
        if names_a_kind(modifier):
            continue  # 科创类母基金, 科技型中小企业创新基金 (kind_markers.py)
        if names_a_kind_of_body(modifier, m.group(0), ctx):
            continue  # 好|行业协会, 消费金融公司: common words before a kind's suffix (org_modifiers.py)
        if m.group(0) in _WEAK_SUFFIXES and not _names_one_body(modifier, name):
            continue
        out.append(Mention("Organization", base + s, base + e, text[s:e], name, set(), {}))
    return out


def _names_one_body(modifier: str, name: str) -> bool:
    """Whether a weak suffix's modifier names one bank or fund: a proper word (华兴, 微众), a name jieba
    holds whole (招商银行 nt), an international one (国际海洋开发银行), or a single word (大成基金, 平安银行); a phrase of common words before it
    (清理规范|银行, 全面清理规范政府性|基金: 5 false positives on dev) describes a kind."""
    _, tags = tagger()
    return (has_proper_word(modifier) or tags.get(name) in ("nt", "j") or modifier.startswith("国际")
            or len(cut_words(modifier)) == 1)
