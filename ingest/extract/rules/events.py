"""ORGANIZED, PARTICIPATED_IN and HELD_AT: who holds or joins an event, and where it is held."""
from __future__ import annotations

import re
from typing import Iterator

from ..mentions import Mention, Relation
from ..sentence import SentenceContext
from .congress_events import held_by_its_own_body
from .event_list_joins import class_end, joins_events
from .leader_subjects import leader_subject

_ORGANIZER = re.compile(r"^(?:主办|举办|承办|牵头举办|主导)的?")
_PARTICIPATE = re.compile(r"(?:参加|参与|出席|组织参与|选送|参展|应邀|亮相|备战)")
# 筹办/筹备: preparing to hold an event is holding it (积极筹办全球财富论坛、…等高端活动; the window gold's
# convention since session 6: 国务院 ORGANIZED the games it is to 办好)
# 创办: founding an event is holding it (创办香蜜湖全球金融高端论坛; session 13, 1 edge over the corpus, right);
# 打造/做强/做大/擦亮 were tried and dropped: 3 edges, 1 right (打造全球创新论坛知名品牌 names a brand, no event)
_HOLD = re.compile(r"(?:举办|召开|举行|承办|主办|开展|组织|办好|筹办|筹备|创办)")
# 组织好第二届中国国际进口博览会参展工作: the actor's exhibitors join someone else's fair
_JOINED_AFTER = re.compile(r"(?:的)?(?:参展|参会|参赛|招商参展)")
# 圆满保障中韩外长会在青举行: the actor serves someone else's meeting, it neither holds nor joins it
_SERVE = re.compile(r"(?:服务保障|保障|服务)$")


def _organizers(s: SentenceContext, ev: Mention) -> list[Mention]:
    """Organisers written before an event: 北京冬奥组委主办的…邀请展. A body after 在/于 is the venue
    (在斯坦福大学举办“创新创业环境推介会”: the district holds it there), not the organiser."""
    return [a for a in s.of("Agency") + s.of("Organization")
            if a.end <= ev.start and _ORGANIZER.match(s.text[a.end:ev.start].lstrip()) is not None
            and ev.start - a.end <= 30 and "，" not in s.text[a.end:ev.start]
            and not s.before(a, 1) in ("在", "于")]


def _list_opening(s: SentenceContext, ev: Mention, before: str) -> str:
    """The text before the first event of a list this event stands in (中韩外长会、|中尼外长会)."""
    first = ev
    for other in reversed(s.of("Event")):
        if other.end <= first.start and joins_events(s.text[other.end:first.start]):
            first = other
    if first is ev:
        return before
    return s.before(first, 30)


def _list_closing(s: SentenceContext, ev: Mention) -> str:
    """The few characters after the last event of the list this event stands in: 高交会、文博会等展会成功举办
    holds every item, as 第二届深圳国际创客周成功举办 holds one."""
    last = ev
    for other in s.of("Event"):
        if other.start >= last.end and joins_events(s.text[last.end:other.start]):
            last = other
    listed = last is not ev or s.text.startswith("等", last.end)
    after = class_end(s.text, last.end) if listed else last.end   # 等高端学术活动|在我区举行
    return re.split("[，。；]", s.text[after:after + (8 if listed else 4)])[0]


# a leader's post right before the verb: 习近平总书记出席…庆祝大会 is the leader's attendance
_POST_BEFORE = re.compile(r"(?:总书记|主席|总理|副总理|书记|省长|市长|区长|部长|委员长)$")
# 亲自出席: an honorific only a leader's attendance is written with, never the report's author's own
_HONORIFIC_BEFORE = re.compile(r"(?:亲自|亲临|莅临)$")


def _someone_else_joins(s: SentenceContext, ev: Mention, before: str) -> bool:
    """Whether a person or a post stands right before the joining verb, so the person joins the event and
    the actor (落实习近平总书记出席…庆祝大会…精神) does not."""
    verb = list(_PARTICIPATE.finditer(before))[-1]
    lead = before[:verb.start()]
    if _POST_BEFORE.search(lead) or _HONORIFIC_BEFORE.search(lead):
        return True
    at = ev.start - len(before) + verb.start()
    return any(0 <= at - p.end <= 1 for p in s.of("Person")) or leader_subject(s, at)


def event_roles(s: SentenceContext) -> Iterator[Relation | None]:
    for ev in s.of("Event"):
        organizers = _organizers(s, ev)
        for a in organizers:
            yield s.relation(a, "ORGANIZED", ev)
        if organizers:
            # someone else's event: the actor can only take part in it
            if s.actor is not None and _PARTICIPATE.search(s.before(ev, 40)):
                yield s.relation(s.actor, "PARTICIPATED_IN", ev)
            continue
        # the verb before a list of events governs every item (成功举办A、B、C…、H等), however long
        before = _list_opening(s, ev, s.before(ev, 30))
        before = before[max(before.rfind("，"), before.rfind("；")) + 1:]
        if s.actor is None or _SERVE.search(before) or held_by_its_own_body(s.actor, ev):
            continue
        if _PARTICIPATE.search(before):
            if not _someone_else_joins(s, ev, before):
                yield s.relation(s.actor, "PARTICIPATED_IN", ev)
        elif _JOINED_AFTER.match(s.text, ev.end):
            yield s.relation(s.actor, "PARTICIPATED_IN", ev)
        elif _HOLD.search(before) or _HOLD.search(_list_closing(s, ev)):
            yield s.relation(s.actor, "ORGANIZED", ev)
        for p in s.partners:
            # only a partner of the event's own clause: 深化与深圳交响乐团合作，办好…摄影展 names the
            # orchestra a partner of the district, not a party to the exhibition
            if p.start < ev.start and not re.search("[，；]", s.text[p.end:ev.start]):
                yield s.relation(p, "PARTICIPATED_IN", ev)


def held_at(s: SentenceContext) -> Iterator[Relation | None]:
    """在王府半岛酒店、北京国际饭店等…举办了…培训: the places after 在/于 and the event share a clause."""
    at_places: list[Mention] = []
    for p in s.of("Place"):
        before = s.before(p, 2)
        if before.endswith("在") or before.endswith("于"):
            at_places.append(p)
        elif at_places and 0 < p.start - at_places[-1].end <= 1 and s.text[at_places[-1].end] in "、和及":
            at_places.append(p)
    for ev in s.of("Event"):
        for p in at_places:
            if "，" not in s.text[min(p.end, ev.end):max(p.start, ev.start)]:
                yield s.relation(ev, "HELD_AT", p)
