"""Measures: the numbered lines of work and the concrete actions inside them.

A line of work is the head of a numbered item (一是坚持党对外事工作的集中统一领导。 / （一）深入推进…，);
an action is an action verb with its object ending in a work word (组织开展公共场所外语标识核查纠错工作
-> 公共场所外语标识核查纠错). Names drop the verb, first-person place words (我区) and a trailing 工作.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import word_list, word_set
from .mentions import Mention

_NUMBERED_HEAD = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[.、．](?!\d)|第[一二三四五六七八九十]+[，,、])\s*")
_INLINE = re.compile(r"(?:^|(?<=[。；;\s]))\s*([一二三四五六七八九十]+是)")
_HEAD_END = re.compile(r"[。；;：:！\n]")
_LEADING = re.compile(r"^(?:了|好|我区|我市|我省|我办|全区|全市|全省|区内|本区|各项|相关|有关|积极|全面|扎实|认真|深入|持续|大力|着力|切实|不断|进一步|主动|坚决|继续|加快)+")


_CLAUSE = re.compile(r"[^，。；：！？\n]+")
_DIGIT = re.compile(r"[0-9０-９%]")


@lru_cache(maxsize=1)
def _clause_start_re() -> re.Pattern:
    words = "|".join(map(re.escape, sorted(word_list("measure_clause_starts.txt"), key=len, reverse=True)))
    return re.compile(rf"(?:{words})")


@lru_cache(maxsize=1)
def _action_re() -> re.Pattern:
    verbs = "|".join(map(re.escape, sorted(word_list("measure_verbs.txt"), key=len, reverse=True)))
    objs = "|".join(map(re.escape, sorted(word_list("measure_objects.txt"), key=len, reverse=True)))
    return re.compile(rf"(?:{verbs})(?P<obj>[^，。；：、\n]{{3,32}}?)(?P<tail>{objs})(?=[，。；、\n和及等]|$)")


def short_name(s: str) -> str:
    s = _LEADING.sub("", s.replace("“", "").replace("”", "").strip(" \""))
    verbs = sorted(word_list("measure_verbs.txt"), key=len, reverse=True)
    changed = True
    while changed:
        changed = False
        for v in verbs:
            if s.startswith(v) and len(s) - len(v) >= 4:
                s = _LEADING.sub("", s[len(v):])
                changed = True
                break
    if s.endswith("工作") and len(s) > 6:
        s = s[:-2]
    return s


def _head(text: str, start: int) -> tuple[int, int] | None:
    m = _HEAD_END.search(text, start)
    end = m.start() if m else len(text)
    # a long head is cut at its first comma: the line's topic comes first
    comma = text.find("，", start, end)
    if comma != -1 and comma - start >= 6:
        end = comma
    elif end - start > 40:
        return None
    if end - start < 4:
        return None
    return start, end


def find_measures(text: str, base: int, ctx) -> list[Mention]:
    out: list[Mention] = []
    head_stop = word_list("measure_head_stop.txt")
    lines: list[tuple[int, int]] = []
    m = _NUMBERED_HEAD.match(text)
    if m and not re.match(r"\s*[一二三四五六七八九十]+、", text):
        # 一、… titles a part of the report; its lines of work are the （一） and 一是 items
        h = _head(text, m.end())
        if h:
            lines.append(h)
    for m in _INLINE.finditer(text):
        h = _head(text, m.end(1))
        if h:
            lines.append(h)
    for s, e in lines:
        raw = text[s:e]
        full_line = text[s:(_HEAD_END.search(text, s) or re.compile("$").search(text, s)).start()]
        if any(w in full_line for w in head_stop):
            continue
        name = short_name(raw)
        if len(name) < 4:
            continue
        out.append(Mention("Measure", base + s, base + e, raw, name, set(), {"line": True}))
    # Work-report style: a short clause opening with an action word is a line of work
    # (加快建设全球数字经济标杆城市，…), the way these reports list what was done.
    starts = _clause_start_re()
    for cm in _CLAUSE.finditer(text):
        cs, ce = cm.span()
        while cs < ce and text[cs] in " 　\t":
            cs += 1
        clause = text[cs:ce]
        if not (6 <= len(clause) <= 22) or _DIGIT.search(clause) or not starts.match(clause):
            continue
        if any(cs <= o.start - base < ce or o.start - base <= cs < o.end - base for o in out):
            continue
        name = clause.replace("“", "").replace("”", "")
        out.append(Mention("Measure", base + cs, base + ce, clause, name, set(), {"line": False, "clause": True}))
    stop = word_set("measure_stop.txt")
    for m in _action_re().finditer(text):
        obj = m.group("obj") + m.group("tail")
        name = short_name(obj)
        if name.endswith(("各项", "相关", "有关")):
            continue
        if len(name) < 4 or name in stop or short_name(m.group("obj")) + "工作" in stop or m.group("obj").lstrip("了") + m.group("tail") in stop:
            continue
        s = m.start("obj")
        if any(o.start - base <= s < o.end - base and (o.name == name or o.props.get("clause")) for o in out):
            continue
        out.append(Mention("Measure", base + m.start(), base + m.end(), text[m.start():m.end()], name, set(),
                           {"line": False}))
    return out
