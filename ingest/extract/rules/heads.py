"""HEADS: 党组书记、主任周桂芳 -> the author; 北京市市长 殷勇 -> 北京市人民政府; 总理 -> 国务院."""
from __future__ import annotations

from typing import Iterator

from ..mentions import Mention, Relation
from ..sentence import SentenceContext, implicit


def _headed(s: SentenceContext, pe: Mention) -> Mention | None:
    post = pe.props.get("post", "")
    ps = pe.props.get("post_start", pe.start)
    if post.startswith("副") or post in ("委员", "主任委员"):
        return None  # a deputy or member serves in a body without heading it
    target = None
    for a in s.of("Agency"):
        if 0 <= ps - a.end <= 1:
            target = a
    if target is not None:
        return target
    if post == "总书记":
        return implicit("Agency", "中共中央", pe)
    if post == "总理":
        return implicit("Agency", "国务院", pe)
    if post.endswith(("市长", "区长", "省长")):
        pl = [p for p in s.of("Place") if 0 <= ps - p.end <= 1]
        if pl:
            return implicit("Agency", f"{pl[-1].name}人民政府", pe)
        if s.author is not None and s.report.author_is_government:
            return s.author
        return None
    if s.author is not None and not s.report.author_is_government:
        return s.author
    return None


def heads(s: SentenceContext) -> Iterator[Relation | None]:
    for pe in s.of("Person"):
        target = _headed(s, pe)
        if target is not None:
            yield s.relation(pe, "HEADS", target)
