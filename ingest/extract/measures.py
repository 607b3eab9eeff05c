"""Measures: the numbered lines of work and the concrete actions inside them.

A line of work is the head of a numbered item (一是坚持党对外事工作的集中统一领导。 / （一）深入推进…，);
an action is an action verb with its object ending in a work word (组织开展公共场所外语标识核查纠错工作
-> 公共场所外语标识核查纠错), or what a report presses harder on (加大对…执法检查和督促整改力度).
Work reports also state their lines as clauses: a sentence that opens with a policy verb
(扎实推进重大合作平台建设，…), a clause that names a programme (启动“数字湾区”建设), or a named line
followed by its progress (农业强省建设取得新进展). Names drop subjects, manner adverbs, light verbs
(推进, 实施, 开展…) and a trailing 工作; the words as written stay as an alias.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import re
from functools import lru_cache

from .lexicon import word_list, word_set
from .mentions import Mention

if TYPE_CHECKING:  # resolve imports places: the context type is for annotations only
    from .resolve import ReportContext

_NUMBERED_HEAD = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[.、．](?!\d)|第[一二三四五六七八九十]+[，,、])\s*")
_INLINE = re.compile(r"(?:^|(?<=[。；;\s]))\s*([一二三四五六七八九十]+是)")
_HEAD_END = re.compile(r"[。；;：:！\n]")
_CLAUSE = re.compile(r"[^，。；：！？\n]+")
_DIGIT = re.compile(r"[0-9０-９%]")
# A count inside a line of work is no part of its name: 推进33个县域商业示范县建设
_COUNT = re.compile(r"[0-9０-９]+(?:\.\d+)?[个项家批类条所座]")
_SENTENCE_OPEN = set("。；;！？!?：:\n")
_LEAD_TIME = re.compile(r"^(?:(?:19|20)\d{2}年(?:\d{1,2}月)?(?:以来)?|今年|明年|一年来|五年来|过去一年)")
# Objects too vague to name a line of work: 推进法治建设重要工作
_LISTED = re.compile(r"^(?P<items>[^、，。；：\n]{2,16}(?:、[^、，。；：\n]{2,16})+)等(?:相继|先后|顺利|陆续)?"
                     r"(?:落地实施|落地见效|落地|全面推行|深入实施|全面实施|实施)")
_PRESS = re.compile(r"加大(?:对)?(?P<obj>[^，。；：、\n]{4,30}?)(?:的)?(?:工作)?力度")


def _alt(name: str) -> str:
    return "|".join(map(re.escape, sorted(word_list(name), key=len, reverse=True)))


@lru_cache(maxsize=1)
def _leading_re() -> re.Pattern:
    return re.compile(rf"^(?:{_alt('measure_adverbs.txt')})+")


@lru_cache(maxsize=1)
def _topic_re() -> re.Pattern:
    """Subject and adverbs, then a policy verb: the opening of a clause stating a line of work."""
    return re.compile(rf"^(?:{_alt('measure_adverbs.txt')})*(?:{_alt('measure_clause_starts.txt')})")


@lru_cache(maxsize=1)
def _topic_firsts() -> frozenset[str] | None:
    """The characters a topic clause can open with (None: any). Most clauses open with none of them,
    and the character test is far cheaper than trying the regex's ~140 alternatives."""
    words = word_list("measure_adverbs.txt") + word_list("measure_clause_starts.txt")
    return None if not all(words) else frozenset(w[0] for w in words)


@lru_cache(maxsize=1)
def _progress_words() -> re.Pattern | None:
    """The progress predicates: a clause holding none cannot match _progress_re (a cheap search first)."""
    return re.compile(_alt("measure_progress.txt")) if all(word_list("measure_progress.txt")) else None


@lru_cache(maxsize=1)
def _work_noun_re() -> re.Pattern:
    return re.compile(rf"(?:{_alt('measure_work_nouns.txt')})$")


@lru_cache(maxsize=1)
def _progress_re() -> re.Pattern:
    nouns = _alt("measure_work_nouns.txt")
    return re.compile(rf"^(?P<np>[^，。；：\n]{{2,30}}?(?:{nouns}))(?:[^，。；：\n]{{0,12}}?)(?:{_alt('measure_progress.txt')})")


@lru_cache(maxsize=1)
def _action_re() -> re.Pattern:
    verbs = _alt("measure_verbs.txt")
    objs = _alt("measure_objects.txt")
    return re.compile(rf"(?:{verbs})(?P<obj>[^，。；：、\n]{{2,32}}?)(?P<tail>{objs})(?=[，。；、\n和及等]|$)")


@lru_cache(maxsize=1)
def _coord_re() -> re.Pattern:
    # 开展安全生产专项整治三年行动和安全生产百日攻坚行动: the second object shares the verb
    objs = _alt("measure_objects.txt")
    return re.compile(rf"[和及、](?P<obj>[^，。；：、\n和及]{{2,24}}?)(?P<tail>{objs})(?=[，。；、\n和及等]|$)")


def short_name(s: str) -> str:
    """A line of work's canonical name: no quotes, subject, adverbs, light verbs or trailing 工作."""
    leading = _leading_re()
    s = leading.sub("", s.replace("“", "").replace("”", "").strip(" \""))
    verbs = sorted(word_list("measure_verbs.txt"), key=len, reverse=True)
    changed = True
    while changed:
        changed = False
        for v in verbs:
            if s.startswith(v) and len(s) - len(v) >= 4:
                s = leading.sub("", s[len(v):])
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


def _mention(text: str, base: int, s: int, e: int, name: str, props: dict) -> Mention:
    raw = text[s:e]
    aliases = {raw} if raw != name else set()
    return Mention("Measure", base + s, base + e, raw, name, aliases, props)


def _lines(text: str, base: int) -> list[Mention]:
    out: list[Mention] = []
    head_stop = word_list("measure_head_stop.txt")
    spans: list[tuple[int, int]] = []
    m = _NUMBERED_HEAD.match(text)
    if m and not re.match(r"\s*[一二三四五六七八九十]+、", text):
        # 一、… titles a part of the report; its lines of work are the （一） and 一是 items
        h = _head(text, m.end())
        glossary = re.match(r"\s*\d", text) and h and text.startswith(("：", ":"), h[1]) and h[1] - h[0] <= 24
        if h and not glossary:  # 42.先租后让：根据… explains a term in the notes
            spans.append(h)
    for m in _INLINE.finditer(text):
        h = _head(text, m.end(1))
        if h:
            spans.append(h)
    for s, e in spans:
        end = _HEAD_END.search(text, s)
        full_line = text[s:end.start() if end else len(text)]
        if any(w in full_line for w in head_stop):
            continue
        if end and text.startswith(("：指", ":指", "：是指"), end.start()):
            continue  # 4.“3+4”重点产业：指… is a glossary note, not a line of work
        name = short_name(text[s:e])
        if len(name) < 4:
            continue
        out.append(_mention(text, base, s, e, name, {"line": True}))
    return out


def _clause_lines(text: str, base: int, taken: list[Mention]) -> list[Mention]:
    """Work-report lines of work written as clauses (see the module docstring)."""
    out: list[Mention] = []
    topic, progress, work_noun = _topic_re(), _progress_re(), _work_noun_re()
    firsts, progress_words = _topic_firsts(), _progress_words()
    # Only the passage's numbered lines can overlap a clause: what this scan adds lies inside its own
    # clause, and clauses do not overlap. Checking those too (and copying the text before each clause
    # to see whether it is blank) made the scan quadratic in a passage's clauses.
    taken_spans = [(o.start - base, o.end - base) for o in taken]
    blank_before = len(text) - len(text.lstrip())  # a clause starting at or before this opens the passage
    for cm in _CLAUSE.finditer(text):
        cs, ce = cm.span()
        while cs < ce and text[cs] in " 　\t":
            cs += 1
        opens = cs == 0 or text[cs - 1] in _SENTENCE_OPEN or cs <= blank_before
        lt = _LEAD_TIME.match(text, cs)
        if lt:
            cs = lt.end()
        if ce - cs < 4 or any(cs < oe and os_ < ce for os_, oe in taken_spans):
            continue
        clause = text[cs:ce]
        if text.startswith("是", ce + 1) or text.startswith("是", ce):
            continue  # 加快改善生态环境，是人民群众的迫切愿望: the clause is a subject, not a line of work
        plain = clause.replace("“", "").replace("”", "")
        tm = topic.match(clause) if firsts is None or clause[:1] in firsts else None
        if tm:
            rest = clause[tm.end():]
            if rest.startswith(word_list("drafting_verbs.txt")):
                continue  # 推动出台…条例 names a document, which policies.py reads
            # a sentence's opening clause states a line; inside a sentence only a named programme
            # does: one ending in a work noun, one in quotes (深入实施“万名干部助企行”), or one the
            # verb itself calls a project (启动建设…中心)
            named = (work_noun.search(plain) or (rest.startswith("“") and rest.endswith("”"))
                     or tm.group(0).endswith("建设"))
            if not (opens or named):
                continue
            if len(clause) > 24 or (_DIGIT.search(clause) and not named):
                continue
            name = short_name(_COUNT.sub("", clause))
            if len(name) >= 4 and not name.endswith(word_list("measure_vague_ends.txt")):
                out.append(_mention(text, base, cs, ce, name, {"line": False, "clause": True}))
            continue
        lm = _LISTED.match(clause)
        if lm:
            # “港车北上”、“澳车北上”、人才签注等落地实施: each programme listed is a line of work
            pos = cs
            for item in lm.group("items").split("、"):
                if 2 <= len(item.strip("“”")) <= 14 and not _DIGIT.search(item):
                    out.append(_mention(text, base, pos, pos + len(item), short_name(item),
                                        {"line": False, "clause": True}))
                pos += len(item) + 1
            continue
        pm = progress.match(clause) if progress_words is None or progress_words.search(clause) else None
        if pm:
            np_ = pm.group("np")
            if _DIGIT.search(np_) or len(short_name(np_)) < 4:
                continue
            items = np_.split("、")
            if len(items) > 1 and "等" in np_:
                continue  # 昌平南口、马池口等…集群建设: examples of a line, no clean name for it
            if len(items) > 1 and all(len(short_name(i)) >= 4 for i in items):
                # “大资产”统筹管理、“农业保险+”改革全面推开: each line listed makes progress
                pos = cs
                for i in items:
                    out.append(_mention(text, base, pos, pos + len(i), short_name(i), {"line": False, "clause": True}))
                    pos += len(i) + 1
                continue
            out.append(_mention(text, base, cs, cs + len(np_), short_name(np_), {"line": False, "clause": True}))
    return out


def _actions(text: str, base: int, taken: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    stop = word_set("measure_stop.txt")
    found: list[tuple[int, int, str, str]] = []
    for m in _action_re().finditer(text):
        found.append((m.start(), m.end(), m.group("obj"), m.group("tail")))
        pos = m.end()
        while True:
            c = _coord_re().match(text, pos)
            if not c:
                break
            found.append((c.start("obj"), c.end(), c.group("obj"), c.group("tail")))
            pos = c.end()
    for m in _PRESS.finditer(text):
        found.append((m.start(), m.end(), m.group("obj"), ""))
    for s, e, obj, tail in found:
        name = short_name(obj + tail)
        core = obj.lstrip("了")
        if name.endswith(("各项", "相关", "有关")) or (tail == "工作" and core.endswith(word_list("measure_vague_ends.txt"))):
            continue
        if len(name) < 4 or name in stop or short_name(obj) + "工作" in stop or core + tail in stop:
            continue
        if any(o.start - base <= s < o.end - base and (o.name == name or o.props.get("clause") or o.props.get("line"))
               for o in taken + out):
            continue  # an action inside a line's head or a clause is part of that line's name
        out.append(_mention(text, base, s, e, name, {"line": False}))
    return out


def find_measures(text: str, base: int, ctx: ReportContext) -> list[Mention]:
    out = _lines(text, base)
    if getattr(ctx, "genre", None) == "gzbg":
        # Work reports state lines of work as clauses; other genres number them (一是…) and
        # their clauses are the details of a line, not lines of their own.
        out += _clause_lines(text, base, out)
    out += _actions(text, base, out)
    return out
