"""Persons: officials named with their posts (党组书记、主任周桂芳同志, 北京市市长 殷勇, 习近平总书记)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from .lexicon import word_list, word_set
from .mentions import Mention

if TYPE_CHECKING:  # resolve imports places: the context type is for annotations only
    from .resolve import ReportContext


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    posts = "|".join(map(re.escape, sorted(word_list("person_posts.txt"), key=len, reverse=True)))
    surnames = "".join(sorted({s for s in word_list("surnames.txt") if len(s) == 1}))
    double = "|".join(map(re.escape, [s for s in word_list("surnames.txt") if len(s) == 2]))
    name = rf"(?:{double}|[{surnames}])[\u4e00-\u9fff]{{1,2}}?"
    # post then name: 主任周桂芳同志 / 市长 殷勇 / 区长王立德在
    after = re.compile(rf"(?P<post>{posts})[ 　]?(?P<name>{name})(?=同志|在|作|代表|主持|指出|强调|出席|[，,。、：:\s（(]|$)")
    # name then post: 习近平总书记 (the name's start is checked against the surname list)
    before = re.compile(r"(?P<post>总书记|总理)(?!事|办|府)")
    return after, before


@lru_cache(maxsize=1)
def _named_then_post() -> re.Pattern:
    """科技部王志刚部长表示: a body, a name, then the post (checked against the body's end by the caller)."""
    posts = "|".join(map(re.escape, sorted(word_list("person_posts.txt"), key=len, reverse=True)))
    surnames = "".join(sorted({s for s in word_list("surnames.txt") if len(s) == 1}))
    double = "|".join(map(re.escape, [s for s in word_list("surnames.txt") if len(s) == 2]))
    return re.compile(rf"(?P<name>(?:{double}|[{surnames}])[\u4e00-\u9fff]{{1,2}}?)(?P<post>{posts})"
                      rf"(?=同志|一行|表示|指出|强调|出席|在|对|等|[，,。、：:\s（(]|$)")


def find_persons(text: str, base: int, ctx: ReportContext, agencies: list[Mention] = ()) -> list[Mention]:
    """Person mentions in a passage; `agencies` (absolute offsets) anchor names written before the post."""
    out: list[Mention] = []
    stop = word_set("person_stop.txt")
    after, before = _patterns()
    surnames = word_set("surnames.txt")
    found: list[tuple[int, int, str, int, int]] = []
    named_posts: list[tuple[int, int]] = []
    for m in before.finditer(text):
        p = m.start()
        if p >= 2 and text[p - 2] in surnames or p >= 3 and text[p - 3] in surnames:
            named_posts.append(m.span())
    for m in after.finditer(text):
        s, e = m.span("name")
        if any(a <= m.start("post") < b for a, b in named_posts):
            continue  # 李克强总理关注: the post belongs to the name before it
        found.append((s, e, m.group("post"), m.start("post"), m.end("post")))
    for m in before.finditer(text):
        p = m.start()
        for n in (3, 2):
            s = p - n
            if s < 0:
                continue
            cand = text[s:p]
            if cand[0] in surnames and all("\u4e00" <= c <= "\u9fff" for c in cand):
                found.append((s, p, m.group("post"), m.start(), m.end()))
                break
    agency_ends = {a.end - base for a in agencies}
    for m in _named_then_post().finditer(text):
        s, e = m.span("name")
        if s not in agency_ends or any(s < f[1] and f[0] < e for f in found):
            continue
        # the body is right before the name, so HEADS reads it there as it does before a post
        found.append((s, e, m.group("post"), s, m.end("post")))
    for s, e, post, ps, pe in found:
        name = text[s:e]
        if name in stop or name[:2] in stop:
            continue
        out.append(Mention("Person", base + s, base + e, name, name, set(),
                           {"post": post, "post_start": base + ps, "post_end": base + pe}))
    return out
