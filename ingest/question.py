"""What a question asks for: the entity label it wants and the words left to search with.

「哪些部门开展了外语标识核查？」 asks for an Agency and searches 「开展了外语标识核查」;
"Which companies did the office visit?" asks for an Organization. A question with no
recognisable interrogative asks for nothing in particular (label None): it is a search.

The cue words are those of ordinary Chinese and English questions, not of any one report.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .crosslingual import chinese_terms
from .wordlists import grouped, word_list, word_set

# Question nouns -> label (lexicon/question_nouns_zh.tsv). Matching tries longer nouns first, so that
# 办公室 wins over 室-less readings and 友好城市 over 城市 when both could match.
_ZH_NOUNS: dict[str, tuple[str, ...]] = grouped("question_nouns_zh.tsv")
_ZH_WHICH = r"哪(?:一|些|个|项|家|所|座|场|次|部|位|几个|几项|几家|几座)?"
_ZH_WHAT = r"(?:什么|何种|何等|啥)"
_ZH_ASK = rf"(?:{_ZH_WHICH}|{_ZH_WHAT})"
_ZH_NOUN_TO_LABEL = {n: lab for lab, nouns in _ZH_NOUNS.items() for n in nouns}
_ZH_NOUNS_LONGEST_FIRST = tuple(sorted(_ZH_NOUN_TO_LABEL, key=len, reverse=True))
_ZH_NOUN_ALT = "|".join(map(re.escape, _ZH_NOUNS_LONGEST_FIRST))
# 「哪项河套深港科技创新合作区的规划」: after 哪 a long modifier may precede the head noun; after
# 什么 only a short one, since 「通过什么平台发布企业岗位」 runs on into the predicate. In a run of
# nouns the last is the head: 「工作方案」 is a Policy, not a Measure.
_ZH_FORWARD = re.compile(
    rf"(?:{_ZH_WHICH}\s*(?:样的|类)?[\u4e00-\u9fff]{{0,16}}?|{_ZH_WHAT}\s*(?:样的|类)?[\u4e00-\u9fff]{{0,2}}?)"
    rf"(?:{_ZH_NOUN_ALT})*({_ZH_NOUN_ALT})")
_ZH_BACKWARD = re.compile(rf"({_ZH_NOUN_ALT})(?:都)?(?:有|是|包括)(?:哪些|哪个|哪几个|哪家|什么)")
_ZH_ASK_WORD = re.compile(rf"^{_ZH_ASK}\s*(?:样的|类)?")
# Label nouns that say nothing about the topic; the others (友城, 博览会, 规划…) are kept in the focus.
_ZH_GENERIC = word_set("question_generic_zh.txt")
_ZH_WHO = re.compile(r"谁|哪位|何人")
_ZH_WHERE = re.compile(r"在哪里|在哪儿|哪里|何地|何处|在哪|哪国|哪几国")

_EN_NOUNS: dict[str, tuple[str, ...]] = grouped("question_nouns_en.tsv")
_EN_NOUN_ALT = "|".join(f"(?P<{lab}>{'|'.join(ns)})" for lab, ns in _EN_NOUNS.items())
# "which office", "what kind of companies", "which two foreign cities", "name the policies"
_EN_FORWARD = re.compile(
    rf"\b(?:which|what|name\s+the|list\s+the)\s+(?:kinds?\s+of\s+|types?\s+of\s+)?(?:(?!(?:did|does|do|is|are|was|were|has|have|had|will|can|should|would|the|a|an|in|on|of|for|to|with|by|from|at|about)\b)[\w\-']+\s+){{0,3}}?(?:{_EN_NOUN_ALT})(?![\w\-])",
    re.IGNORECASE)
_EN_GENERIC = re.compile(r"\b(?:" + "|".join(word_list("question_generic_en.txt")) + r")\b", re.IGNORECASE)
_EN_WHO = re.compile(r"\b(?:who|whom|whose)\b", re.IGNORECASE)
_EN_WHERE = re.compile(r"\bwhere\b", re.IGNORECASE)

_CJK = re.compile(r"[\u4e00-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")
_ZH_PARTICLES = re.compile(r"[？?！!。，,、；;：:\s]+|(?:吗|呢|啊|呀)(?=[？?。！!]*$)|^(?:请问|请列出|列出|说说)")
_EN_FILLER = re.compile(
    r"\bhow\s+(?:many|much)\b|"
    r"\b(?:which|what|who|whom|whose|where|when|how|did|does|do|is|are|was|were|has|have|had|"
    r"name|list|the|a|an|of|kinds?|types?)\b|[?!.,;:]", re.IGNORECASE)


@dataclass
class QuestionIntent:
    """label: the node label asked for, or None; focus: the question without its question words;
    terms: for an English question, Chinese words for its focus (so that BM25 can match Chinese text)."""
    label: str | None
    focus: str
    lang: str  # 'zh' | 'en'
    terms: list[str] = field(default_factory=list, compare=False)
    # The passage role the question is about, when it says: shortcomings -> problem, next steps -> plan.
    role: str | None = field(default=None, compare=False)
    # The kind of thing asked for when the question names one more precise than its label, in
    # Chinese (哪个乐团 -> 乐团, "which summit" -> 峰会): an answer whose name ends in it is of that kind.
    kind: list[str] = field(default_factory=list, compare=False)


def question_lang(q: str) -> str:
    """Chinese if Chinese characters carry the question, even with Latin words mixed in."""
    cjk = len(_CJK.findall(q))
    latin = len(_LATIN.findall(q))
    return "zh" if cjk and cjk * 3 >= latin else "en"


def _clean_zh(text: str) -> str:
    text = _ZH_PARTICLES.sub(" ", text)
    return re.sub(r"\s+", " ", text).strip()


def _clean_en(text: str) -> str:
    text = _EN_FILLER.sub(" ", text)
    return re.sub(r"\s+", " ", text).strip()


def _analyze_zh(q: str) -> QuestionIntent:
    found = []
    for rx in (_ZH_FORWARD, _ZH_BACKWARD):
        for m in rx.finditer(q):
            found.append((m.start(), m.end(), _ZH_NOUN_TO_LABEL[m.group(1)]))
    for rx, lab in ((_ZH_WHO, "Person"), (_ZH_WHERE, "Place")):
        for m in rx.finditer(q):
            found.append((m.start(), m.end(), lab))
    if not found:
        return QuestionIntent(None, _clean_zh(q) or q.strip(), "zh")
    # The first interrogative decides: 「哪个部门组织了什么活动」 asks first for the department.
    start, end, label = min(found, key=lambda f: (f[0], -(f[1] - f[0])))
    noun = next((n for n in _ZH_NOUNS_LONGEST_FIRST if q[start:end].endswith(n) or q[start:end].startswith(n)), "")
    kind = [noun] if noun and noun not in _ZH_GENERIC and _ZH_NOUN_TO_LABEL[noun] == label else []
    asked = _ZH_ASK_WORD.sub("", q[start:end], count=1)
    if _ZH_WHO.fullmatch(asked) or _ZH_WHERE.fullmatch(asked):
        asked = ""
    # Modifiers and content-bearing nouns stay searchable (「国际友城」); generic ones (部门) go.
    for noun in sorted(_ZH_GENERIC, key=len, reverse=True):
        if asked.endswith(noun):
            asked = asked[: -len(noun)]
            break
    focus = _clean_zh(q[:start] + " " + asked + " " + q[end:])
    return QuestionIntent(label, focus or _clean_zh(q), "zh", kind=kind)


def _analyze_en(q: str) -> QuestionIntent:
    found = []
    nouns: dict[int, str] = {}
    for m in _EN_FORWARD.finditer(q):
        lab = next(k for k, v in m.groupdict().items() if v)
        found.append((m.start(), m.end(), lab))
        nouns[m.start()] = m.group(lab)
    for rx, lab in ((_EN_WHO, "Person"), (_EN_WHERE, "Place")):
        for m in rx.finditer(q):
            found.append((m.start(), m.end(), lab))
    if not found:
        return QuestionIntent(None, _clean_en(q) or q.strip(), "en")
    start, end, label = min(found, key=lambda f: (f[0], -(f[1] - f[0])))
    focus = _clean_en(q[:start] + " " + _EN_GENERIC.sub(" ", q[start:end]) + " " + q[end:])
    noun = nouns.get(start, "")
    kind = [] if not noun or _EN_GENERIC.fullmatch(noun) else \
        [w for w in chinese_terms(noun) if w not in _ZH_GENERIC]
    return QuestionIntent(label, focus or _clean_en(q) or q.strip(), "en", kind=kind)


_ZH_PROBLEM = re.compile(r"问题|不足|短板|困难|挑战|差距|薄弱|弱项")
_ZH_PLAN = re.compile(r"计划|打算|下一步|明年|今后|将要|将会|将如何|要如何|安排|部署|将(?:加快|推动|办好|落实|开展|举办)")
_EN_PROBLEM = re.compile(r"\b(?:shortcomings?|weakness(?:es)?|problems?|challenges?|difficult(?:y|ies)|"
                         r"deficienc(?:y|ies)|gaps?)\b", re.IGNORECASE)
_EN_PLAN = re.compile(r"\b(?:will|plans? to|planned|planning|next steps?|going to|intends? to|in the coming)\b",
                      re.IGNORECASE)


def _role_hint(q: str, lang: str) -> str | None:
    problem, plan = (_ZH_PROBLEM, _ZH_PLAN) if lang == "zh" else (_EN_PROBLEM, _EN_PLAN)
    if problem.search(q):
        return "problem"
    if plan.search(q):
        return "plan"
    return None


def analyze_question(q: str) -> QuestionIntent:
    """The label a question asks for (Agency, Organization, Place, Policy, Person, Event, Measure or
    None) and its focus text; raises ValueError on an empty question."""
    if not isinstance(q, str) or not q.strip():
        raise ValueError("question: empty question")
    q = q.strip()
    if question_lang(q) == "zh":
        intent = _analyze_zh(q)
    else:
        intent = _analyze_en(q)
        intent.terms = chinese_terms(intent.focus)
    intent.role = _role_hint(q, intent.lang)
    return intent
