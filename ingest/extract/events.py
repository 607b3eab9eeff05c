"""Events: meetings, forums, exhibitions, festivals, trainings, ceremonies.

An event name ends in an event word (论坛, 博览会, 友谊节, 邀请展, 培训会…) and is built leftwards to
a verb or punctuation; it counts when the clause carries an event verb (举办, 召开, 参加…) or the
name holds a quoted or bracketed title. Counts (两场, 七场) and dates (9-10月) are read around it.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import re
from functools import lru_cache

import cn2an

from .calendar_heads import HEADS as CALENDAR_HEADS, names_a_day, inside_a_word
from .edition_owners import edition_owner_start
from .event_kinds import drop_kind_listed
from .event_word_edges import event_left_edge
from .numbered_events import named_by_edition
from .joined_topics import joined_topic_start
from .kind_events import names_a_kind
from .training_kinds import trains_a_group
from .lexicon import word_list, word_set
from .mentions import Mention
from .spans import expand_left

if TYPE_CHECKING:  # resolve imports places: the context type is for annotations only
    from .resolve import ReportContext

_COUNT = re.compile(r"([0-9]+|[一两二三四五六七八九十百]+)(?:场|次|期|轮)$")
_DATE = re.compile(r"(\d{4}年)?(\d{1,2}(?:[-－—至]\d{1,2})?月(?:\d{1,2}日)?)")
_LEADING_NOISE = re.compile(r"^(?:了|在|于|的)+")
# a quantity or size before the event word names a kind of event, not one (各种产品展销会, 大型专业展销会,
# 大规模职业技能培训)
# 承办MIC创意大师赛等具有国际影响力的珠宝首饰设计大赛: after 等 and a description, the class of the items listed
_AFTER_LISTING = re.compile(r"等[^，。；、：“”]{1,12}的$")
_KIND_LEAD = re.compile(r"(?:各种|各类|各项|各级|各|大规模|一大批|大型|中小型|小型|一批|一系列|系列|多场|多个|若干|有关|相关)")


@lru_cache(maxsize=1)
def _suffix_re() -> re.Pattern:
    sufs = sorted(word_list("event_suffixes.txt"), key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, sufs)) + ")(?![\u4e00-\u9fff]?(?:中心|馆|场馆|业|品|期(?!间)|票|经济|产业|平台|城市|方向|模式|机构)|战)")


@lru_cache(maxsize=1)
def _verb_re() -> re.Pattern:
    verbs = sorted(word_list("event_verbs.txt"), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, verbs)))


@lru_cache(maxsize=1)
def _verbs_outside_names() -> tuple[str, ...]:
    return tuple(sorted(word_list("event_verbs_outside_names.txt"), key=len, reverse=True))


def _after_last_verb(name: str) -> int:
    """Characters before the event's name: up to the last verb of the clause in it (高质量办好|全球招商大会,
    坪山展区首次亮相|文博会), as long as three characters of name remain."""
    cut = 0
    for v in _outside_verbs_re().finditer(name):
        if len(name) - v.end() >= 3:
            cut = v.end()
    return cut


@lru_cache(maxsize=1)
def _outside_verbs_re() -> re.Pattern:
    return re.compile("|".join(map(re.escape, _verbs_outside_names())))


def to_int(s: str) -> int | None:
    if s.isdigit():
        return int(s)
    try:
        return int(cn2an.cn2an(s.replace("两", "二"), "smart"))
    except (ValueError, KeyError, TypeError):
        return None


def find_events(text: str, base: int, ctx: ReportContext, clause_spans: list[tuple[int, int]]) -> list[Mention]:
    """Event mentions in a passage; `clause_spans` are passage-relative clauses."""
    out: list[Mention] = []
    stop = word_set("event_stop.txt")
    strong = word_set("event_strong_suffixes.txt")
    single = word_set("event_single_suffixes.txt")
    quoted_only = word_set("event_quoted_only_suffixes.txt")
    verb_re = _verb_re()
    pending: list[tuple[int, int, str]] = []
    kinds: list[int] = []    # where each event of a kind ends (各种产品展销会): the items listed after it are kinds too
    for m in _suffix_re().finditer(text):
        suffix = m.group(0)
        if suffix in CALENDAR_HEADS and not names_a_day(text, m.start()):
            continue     # 周边, 工作日, 3月: a date, a span or another word, not a day of events
        if len(suffix) == 1 and inside_a_word(text, m.start()):
            continue     # 国际性赛|事, 企业|参展: the head is part of another word
        cl = next(((a, b) for a, b in clause_spans if a <= m.start() < b), (0, len(text)))
        # a quoted term or an anniversary (…胜利80周年纪念活动) makes names longer than the usual 16
        long_name = "”" in text[max(0, m.start() - 40):m.start()] or "周年" in text[max(0, m.start() - 4):m.start()]
        s = expand_left(text, m.start(), min_len=2, max_len=40 if long_name else 16,
                        floor=cl[0], ignore=word_set("event_name_inner_words.txt"))
        s = event_left_edge(text, s, m.start(), m.end(), cl[0], 40 if long_name else 16, word_set("event_name_inner_words.txt"))
        while s is not None and s > cl[0] and text[s - 1].isascii() and text[s - 1].isalnum() and text[s].isascii():
            s -= 1       # the length cap never cuts a Latin word: RCEP地方政府暨友城合作（黄山）论坛
        if s is None and m.start() > 0 and text[m.start() - 1] == "》":
            s = m.start()
        if s is None:
            s = edition_owner_start(text, m.start(), cl[0])   # 广东省第十一届|运动会
        if s is None:
            continue
        name = text[s:m.end()]
        lead = _LEADING_NOISE.match(name) or (name.startswith("好") and text[s - 1:s] == "办" and re.match("好", name))
        if lead:     # 了…, 在…; 举办|好深圳创投日: the boundary word 举办 leaves the 好 of 举办好
            s += lead.end()
            name = text[s:m.end()]
        joined = joined_topic_start(text, s, cl[0])
        if joined is not None:
            s = joined   # 传感器与|应用技术大会: the first topic joined by 与
            name = text[s:m.end()]
        cut = _after_last_verb(name)
        if cut:
            s += cut
            name = text[s:m.end()]
        # an opening quote whose closing mark lies outside the name is not part of it
        while name and name[0] in "”’":
            s += 1
            name = name[1:]
        if name.count("“") > name.count("”") and name.startswith("“"):
            s += 1
            name = name[1:]
        if name.count("”") > name.count("“"):
            # “20＋8”产业集群系列招商会: the quoted term opens the name (＋ stopped the scan)
            o = text.rfind("“", cl[0], s)
            if o != -1 and s - o <= 12:
                s = o
                name = text[s:m.end()]
        if s > 0 and text[s - 1] == "》":
            # a bracketed title names the event: 2021《连系·香港》主题展览
            o = text.rfind("《", cl[0], s)
            if o != -1:
                s = o
                while s > cl[0] and text[s - 1].isdigit():
                    s -= 1
                name = text[s:m.end()]
        if any(s - k >= cl[0] and _KIND_LEAD.match(text, s - k) for k in (0, 1, 2)) or _AFTER_LISTING.search(text[cl[0]:s]):
            kinds.append(m.end())
            continue     # 各种产品展销会, 种|产品展销会 cut short: events of a kind
        if suffix == "纪念活动" and "周年" not in name:
            continue     # only an anniversary's commemoration is one named event
        if suffix.endswith("周") and text.startswith("年", m.end()):
            continue     # 建交“逢十”周年: an anniversary, not a week of events
        if (len(name) < 4 and name not in strong) or name in stop or name[:-len(suffix)] in stop:
            continue
        if names_a_kind(name, suffix) or trains_a_group(name, suffix):
            continue     # 员工培训, 设计竞赛, 户籍人员培训: a kind of activity
        if suffix in single and (text[max(0, m.end() - 2):m.end()] in stop
                                  or text[m.start():m.start() + 2] in stop):
            continue
        clause = text[cl[0]:cl[1]]
        # a name quoted whole is a title (做优做强“海客圆桌会”), whatever the clause's verb
        quoted = "“" in name or "《" in name or (s > 0 and text[s - 1] == "“" and text.startswith("”", m.end()))
        has_verb = verb_re.search(clause) is not None or named_by_edition(text, s, name, suffix)
        if suffix in quoted_only and not quoted:
            continue
        whole = s > 0 and text[s - 1] == "“" and text.startswith("”", m.end())
        if suffix in single and not ((has_verb or whole) and len(name) >= 4):   # 打造“福田购物节”品牌: quoted whole
            continue
        if not (has_verb or quoted or (suffix in strong and len(name) >= 5)):
            if suffix not in single:
                pending.append((s, m.end(), name))
            continue
        props: dict = {}
        before = text[cl[0]:s]
        cm = _COUNT.search(before)
        if cm:
            n = to_int(cm.group(1))
            if n:
                props["count"] = n
        dm = _DATE.search(clause[: s - cl[0]]) or _DATE.search(name)
        if dm:
            props["date"] = dm.group(0)
        # 2021年度领导干部…培训班: the year's 度 goes with it (it had left 度领导干部…)
        canonical = re.sub(r"^(?:\d{4}年度?)", "", name) if re.match(r"^\d{4}年", name) and len(name) > 8 else name
        out.append(Mention("Event", base + s, base + m.end(), name, canonical, {name} - {canonical}, props))
    # 世界制造业大会、RCEP…论坛、徽商大会等: names listed with an event are events too
    # 举办了…交流会，纪念中韩建交30周年音乐会，庆祝…绘画展: a clause that is all name, after one ending in an event
    clause_of = {(a, b) for a, b in clause_spans} if pending else set()
    changed = True
    while pending and changed:
        changed = False
        for s, e, name in list(pending):
            if any(text[min(e, o.start - base):max(e, o.start - base)] in ("、", "和", "及")
                   or text[min(o.end - base, s):max(o.end - base, s)] in ("、", "和", "及")
                   or ((s, e) in clause_of and text[o.end - base:s] == "，") for o in out):
                out.append(Mention("Event", base + s, base + e, name, name, set(), {}))
                pending.remove((s, e, name))
                changed = True
    return drop_kind_listed(text, base, out, kinds)
