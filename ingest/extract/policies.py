"""Policies: titles in 《》 that name a document, and document names written without brackets.

A title is a document when it ends in a document word (条例, 规定, 办法, 方案, 规划, 纲要…), after a
trailing year range or 草案 is set aside; exhibitions, books and journals in 《》 (《连系·香港》,
《科学》) end otherwise and are left alone. Unbracketed names follow a drafting verb
(制定, 修订, 印发, 发布…) and end in a document word within one clause.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import re
from functools import lru_cache

from .about_titles import about_titles
from .agreement_names import agreement_names
from .article_counts import article_counts
from .bracketed_titles import bracketed_document
from .document_names import document_names
from .law_names import law_names
from .listed_topic_titles import listed_topic_titles
from .subject_adjectives import adjective_names_the_subject
from .lexicon import word_list, word_set
from .mentions import Mention
from .policy_titles import describes_measures, generic_title, quoted_plans, strip_lead, treaties
from .place_laws import is_place_law
from .qualified_documents import qualified_by_adjective
from .quoted_campaigns import quoted_campaigns
from .quoted_documents import quoted_documents
from .quoted_plan_words import quoted_plan_words
from .quoted_programmes import quoted_programmes
from .resolve import normalise_policy
from .several_titles import titled_by_several
from .standard_kinds import kind_of_standard
from .topic_counts import topic_counts
from .words import cut_words, tagger

if TYPE_CHECKING:  # resolve imports places: the context type is for annotations only
    from .resolve import ReportContext

_BRACKET = re.compile(r"《([^《》\n]{2,80})》")
# A document cited by its nickname, a count of articles in quotes: “横琴金融30条”, “稳外贸十二条”
_NICKNAME = re.compile(r"“([^“”《》\n，。]{1,12}?(?:\d{1,3}|[一二三四五六七八九十百]{1,4})条)”")
_YEARS = r"20[0-9]{2}[-－—–～至]20[0-9]{2}年?"
_TRAIL = re.compile(r"(?:[（(][^（）()]*[)）])+$")


@lru_cache(maxsize=1)
def _suffixes() -> tuple[str, ...]:
    return tuple(sorted(word_list("policy_suffixes.txt"), key=len, reverse=True))


@lru_cache(maxsize=1)
def _unbracketed_re() -> re.Pattern:
    verbs = "|".join(map(re.escape, sorted(word_list("policy_verbs.txt"), key=len, reverse=True)))
    sufs = "|".join(map(re.escape, _suffixes()))
    # a draft or trial mark in brackets belongs to the name: “十五五”规划纲要（草案）, and so does the years
    # it covers: 出台区招商引资工作发展规划（2017—2019年）
    return re.compile(rf"(?P<verb>{verbs})(?:了|好)?((?:[^，。；、：《》\n]{{2,40}}?)(?:{sufs})(?:（(?:草案|试行|{_YEARS})）)?)"
                      rf"(?=[，。；、\n等和及与以并]|$)")


@lru_cache(maxsize=1)
def _coord_re() -> re.Pattern:
    sufs = "|".join(map(re.escape, _suffixes()))
    return re.compile(rf"[和及与、]((?:[^，。；、：《》\n和及与]{{2,30}}?)(?:{sufs}))(?=[，。；、\n等和及与以]|$)")


# 完成深圳国家高新区龙华园区综合发展规划编制: a plan named between 完成 and its drafting
_DRAFTED = re.compile(r"(?:完成|启动|开展)了?(?P<name>[^，。；、：《》\n和及与]{4,40}?(?:规划纲要|规划|方案|纲要))"
                      r"(?:的)?(?:编制|修编|起草)")
_LISTED = re.compile(r"(?:^|(?<=[，。；：\n]))\s*(?P<items>[^，。；：《》\n]{4,80}?)等?(?:相继|先后|顺利|陆续|正式)?"
                     r"(?:出台实施|出台|印发实施|印发|落地实施|落地|颁布实施|发布实施|正式实施)")
_LIST_SEP = re.compile(r"[、和及]")
# items that open with a verb or a reference are no titles: 推动…, 各项…


class _Coord:
    @staticmethod
    def match(text: str, pos: int):
        return _coord_re().match(text, pos)


_COORD = _Coord()


def is_document_title(title: str) -> bool:
    core = _TRAIL.sub("", title.strip())
    if core.endswith("草案"):
        core = core[:-2].rstrip("（(")
    if core in word_set("policy_stop.txt") or len(core) < 4:
        return False
    return core.endswith(_suffixes())


# unbracketed, these suffixes name a stance or a system (落实就业优先政策, 完善考核制度), not a document
_STANCE_SUFFIXES = ("政策", "政策体系", "制度")
# a name opening with an adjective, adverb or pronoun describes a document (详细接待方案), not titles it
_TITLE_MARK = re.compile(r"[0-9一二三四五六七八九十]+条|[“”\"]")
_COUNTED_LEAD = re.compile(r"(?:[0-9]+|[一二三四五六七八九十两几]+)(?:个|批|项|部|系列|条条)|一系列|系列")
_DESCRIBING_TAGS = frozenset({"a", "ad", "an", "d", "r", "rr", "rz"})
_MODALS = frozenset({"要", "应", "应当", "需", "需要", "须", "必须"})


def _described(name: str) -> bool:
    """Whether an unbracketed name is a description or a stance rather than a document's title."""
    if _TITLE_MARK.search(name) or titled_by_several(name):
        return False     # 便利港澳居民在深发展18条措施, “1+N+X”政策体系, …若干措施: a count, a quoted term or 若干 titles it
    if name.endswith(_STANCE_SUFFIXES) and not name.endswith("若干政策"):
        return True
    if _COUNTED_LEAD.match(name) or "等一批" in name or "等系列" in name:
        return True      # 15个专项规划, 一批重点规划, “十四五”等一批…规划: a count of documents, not one
    if name.startswith(("我", "本")):
        return False     # 我省…建设方案: the report's own place, resolved later
    _, tags = tagger()
    if any(w in _MODALS for w in cut_words(name)):
        return True      # 制定涉企政策要多听市场主体意见: a modal makes it a clause, not a title
    first = cut_words(name[:6])[0]
    # 重大 opens the titles of a whole class of documents (重大行政决策事项目录, 重大行政决策程序规定)
    # 进一步 opens official titles (关于进一步…的意见, 出台进一步支持港澳青年就业创业政策措施): the adverb of a title's
    # purpose, not a description of the document
    if first in ("重大", "进一步") or adjective_names_the_subject(name):
        return False
    return len(first) > 1 and tags.get(first) in _DESCRIBING_TAGS


def find_policies(text: str, base: int, ctx: ReportContext) -> list[Mention]:
    out: list[Mention] = []
    for m in _BRACKET.finditer(text):
        title = m.group(1)
        if not (is_document_title(title) or bracketed_document(title, getattr(ctx, "year", None))):
            continue
        out.append(Mention("Policy", base + m.start(), base + m.end(), m.group(0),
                           normalise_policy(title), set(), {"bracketed": True}))
    for s, e, name, aliases in topic_counts(text):   # before the nicknames: 稳外贸“24条” is named by its topic
        out.append(Mention("Policy", base + s, base + e, name, normalise_policy(name), aliases, {"bracketed": False}))
    for m in _NICKNAME.finditer(text):
        if any(m.start() < o.end - base and o.start - base < m.end() for o in out):
            continue
        out.append(Mention("Policy", base + m.start(), base + m.end(), m.group(0), m.group(0), set(),
                           {"bracketed": False, "nickname": True}))
    for s, e, name, aliases in (quoted_plans(text) + quoted_programmes(text) + treaties(text) + agreement_names(text)
                                + about_titles(text) + article_counts(text)):
        if not any(s < o.end - base and o.start - base < e for o in out):
            out.append(Mention("Policy", base + s, base + e, text[s:e], normalise_policy(name), aliases - {name},
                               {"bracketed": False}))
    # first: a title listing its topics with 、 keeps them (…人工智能、集成电路产业发展实施方案), not its last one
    spans: list[tuple[int, int, str | None]] = list(listed_topic_titles(text))
    for m in _unbracketed_re().finditer(text):
        verb = m.group("verb")
        spans.append((m.start(2), m.end(2), verb))
        # 制定A方案和B细则: the second document shares the verb
        pos = m.end(2)
        while True:
            c = _COORD.match(text, pos)
            if not c:
                break
            spans.append((c.start(1), c.end(1), verb))
            pos = c.end(1)
    for m in _DRAFTED.finditer(text):
        spans.append((m.start("name"), m.end("name"), None))
    for m in _LISTED.finditer(text):
        # 横琴放宽市场准入特别措施、鼓励类产业目录等顺利落地: documents named before the verb
        pos = m.start("items")
        for item in _LIST_SEP.split(m.group("items")):
            if 4 <= len(item) <= 40 and is_document_title(item) and not item.startswith(word_list("policy_list_stop_starts.txt")):
                spans.append((pos, pos + len(item), None))
            pos += len(item) + 1
    spans += document_names(text)   # after any clause verb, the strong document words only
    for s, e, verb in spans:
        s += strip_lead(text[s:e])
        name = text[s:e]
        lead = re.search(r"(我区|我市|我省|本区|本市)", name)
        if any(s < o.end - base and o.start - base < e for o in out):
            continue
        # 及其实施细则, 其行动计划: a pronoun refers back to a document named before, it titles none
        if name.startswith(("的", "和", "及", "其", "各项", "相关", "配套")) or (len(name) < 5 and not is_place_law(name)) \
                or _described(name):
            continue
        if (describes_measures(name, verb, bool(_TITLE_MARK.search(name))) or generic_title(name, _suffixes())
                or kind_of_standard(name) or qualified_by_adjective(name)):
            continue
        canonical = name
        home = ctx.level(lead.group(1)[1]) if lead else None
        if lead and home is not None:
            canonical = name[:lead.start(1)] + home.canonical + name[lead.end(1):]
        # 我区“1+3+N”产业政策体系 is also known by what follows the owner (the name the gold and other reports use)
        bare = {normalise_policy(name[lead.end(1):])} if lead and lead.start(1) == 0 and canonical != name else set()
        out.append(Mention("Policy", base + s, base + e, name, normalise_policy(canonical), bare,
                           {"bracketed": False}))
    for s, e, name, aliases in quoted_plan_words(text) + quoted_campaigns(text) + law_names(text) + quoted_documents(text):   # last: the rules above keep their names
        if not any(s < o.end - base and o.start - base < e for o in out):
            out.append(Mention("Policy", base + s, base + e, text[s:e], normalise_policy(name), aliases - {name},
                               {"bracketed": False}))
    return out
