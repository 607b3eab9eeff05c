"""What a question asks for: the entity label it wants and the words left to search with.

「哪些部门开展了外语标识核查？」 asks for an Agency and searches 「开展了外语标识核查」;
"Which companies did the office visit?" asks for an Organization. A question with no
recognisable interrogative asks for nothing in particular (label None): it is a search.

The cue words are those of ordinary Chinese and English questions, not of any one report.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .crosslingual import TermGroup, chinese_terms, english_place_names, term_groups
from .vocabulary import Label, QueryForm, Role
from .level import implied_levels
from .year_part import year_part
from .wordlists import grouped, table, word_list, word_set

# How a query is written: a question (哪些部门…？, "Which office…?") or a noun phrase or keywords
# (合肥滨湖科学城实体化改革实施方案, "Shanghai Grand Opera House").
QUESTION = QueryForm.QUESTION
PHRASE = QueryForm.PHRASE

# Question nouns -> label (lexicon/question_nouns_zh.tsv). Matching tries longer nouns first, so that
# 办公室 wins over 室-less readings and 友好城市 over 城市 when both could match.
_ZH_NOUNS: dict[str, tuple[str, ...]] = grouped("question_nouns_zh.tsv")
_ZH_WHICH = r"哪(?:一|些|个|项|家|所|座|场|次|部|位|几个|几项|几家|几座)?"
_ZH_WHAT = r"(?:什么|何种|何等|啥)"
_ZH_ASK = rf"(?:{_ZH_WHICH}|{_ZH_WHAT})"
_ZH_NOUN_TO_LABEL = {n: lab for lab, nouns in _ZH_NOUNS.items() for n in nouns}
_ZH_NOUNS_LONGEST_FIRST = tuple(sorted(_ZH_NOUN_TO_LABEL, key=len, reverse=True))
_ZH_NOUN_ALT = "|".join(map(re.escape, _ZH_NOUNS_LONGEST_FIRST))
# A noun followed by 级 or 性 modifies the head that comes later (哪些国家级科研机构 -> 机构).
# 「哪项河套深港科技创新合作区的规划」: after 哪 a long modifier may precede the head noun; after
# 什么 only a short one, since 「通过什么平台发布企业岗位」 runs on into the predicate. In a run of
# nouns the last is the head: 「工作方案」 is a Policy, not a Measure.
_ZH_FORWARD = re.compile(
    rf"(?:{_ZH_WHICH}\s*(?:样的|类)?[\u4e00-\u9fff]{{0,16}}?|{_ZH_WHAT}\s*(?:样的|类)?[\u4e00-\u9fff]{{0,2}}?)"
    rf"(?:{_ZH_NOUN_ALT})*({_ZH_NOUN_ALT})(?![级性])")
# 「安徽牵头组建了什么农业科技创新联盟？」: a long modifier after 什么 is safe when the noun ends the question.
_ZH_FINAL = re.compile(rf"(?:{_ZH_WHAT})[\u4e00-\u9fff]{{0,12}}?(?:{_ZH_NOUN_ALT})*({_ZH_NOUN_ALT})[？?。]*$")
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
_EN_NEXT_NOUN = re.compile(rf"\s+(?:{_EN_NOUN_ALT})(?![\w\-])", re.IGNORECASE)
_EN_GENERIC = re.compile(r"\b(?:" + "|".join(word_list("question_generic_en.txt")) + r")\b", re.IGNORECASE)
_EN_WHO = re.compile(r"\b(?:who|whom|whose)\b", re.IGNORECASE)
# "which" before a word: the asked noun phrase starts there and runs to a verb, a preposition or punctuation.
_EN_WHICH = re.compile(r"\bwhich\s+(?=[\w\-'])", re.IGNORECASE)
_EN_PHRASE_END = re.compile(r"^(?:did|does|do|is|are|was|were|has|have|had|will|would|can|could|should|shall|may|"
                            r"might|must|in|on|of|for|to|with|by|from|at|about|as|that|and|or|the|a|an)$", re.IGNORECASE)
# Counts and size words before the noun say nothing of its kind ("which two large shopping hubs").
_EN_VAGUE_MODIFIER = re.compile(r"^(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|some|many|few|"
                             r"major|main|key|large|big|new|other|more)$", re.IGNORECASE)
_EN_WHERE = re.compile(r"\bwhere\b", re.IGNORECASE)

_CJK = re.compile(r"[\u4e00-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")
_ZH_PARTICLES = re.compile(r"[？?！!。，,、；;：:\s]+|(?:吗|呢|啊|呀)(?=[？?。！!]*$)|^(?:请问|请列出|列出|说说)")
_EN_FILLER = re.compile(
    r"\bhow\s+(?:many|much)\b|"
    # not after an apostrophe: the "an" of Bao'an is part of a name
    r"(?<!['’])\b(?:which|what|who|whom|whose|where|when|how|did|does|do|is|are|was|were|has|have|had|"
    r"name|list|the|a|an|of|kinds?|types?)\b|[?!.,;:]", re.IGNORECASE)


@dataclass
class QuestionIntent:
    """label: the node label asked for, or None; focus: the question without its question words;
    terms: for an English question, Chinese words for its focus (so that BM25 can match Chinese text)."""
    label: str | None
    focus: str
    lang: str  # 'zh' | 'en'
    terms: list[str] = field(default_factory=list, compare=False)
    # For an English question, the same words kept apart by English phrase with more senses each, so
    # that a step that knows the searched reports can choose among them (graph/search/crosslingual.py).
    term_groups: list[TermGroup] = field(default_factory=list, compare=False)
    # The passage role the question is about, when it says: shortcomings -> problem, next steps -> plan.
    role: str | None = field(default=None, compare=False)
    # The kind of thing asked for when the question names one more precise than its label, in
    # Chinese (哪个乐团 -> 乐团, "which summit" -> 峰会): an answer whose name ends in it is of that kind.
    kind: list[str] = field(default_factory=list, compare=False)
    # QUESTION or PHRASE. A phrase names what it is after: its head noun gives the label (…方案 ->
    # Policy), and the entity it names is the answer rather than the topic.
    form: str = field(default=QUESTION, compare=False)
    # Where the label came from: "question" (an interrogative), "head" (a phrase's head noun), or None.
    label_from: str | None = field(default=None, compare=False)
    # Other labels the question's noun can mean (机构: Agency or Organization); the retrieved
    # evidence decides between `label` and these.
    alt_labels: list[str] = field(default_factory=list, compare=False)
    # Chinese places and years the question names (南山, "Futian" -> 福田区; 2019): the reports of
    # that place and year are preferred, never required.
    places: list[str] = field(default_factory=list, compare=False)
    years: list[int] = field(default_factory=list, compare=False)
    # Which report of a named year is meant: the one reviewing it, planning it, or dated it (year_part.py).
    year_part: str | None = field(default=None, compare=False)
    # Levels of government its words imply without a place (全国 -> national, 全省 -> province; level.py).
    levels: list[str] = field(default_factory=list, compare=False)
    # Verbs that follow the actor asked for (谁牵头 -> 牵头): a body written right before one in a
    # sentence (由市教育局牵头) is that actor.
    actor_cues: list[str] = field(default_factory=list, compare=False)
    # The question asks for a figure (多少, 几家, "how many"): the passage that puts a number right
    # after the question's words holds it.
    quantity: bool = field(default=False, compare=False)
    # An English "which …" question whose noun no cue list knows ("which typhoon", "which nuclear power
    # plant"): its noun phrase ending at the head, longest first ("nuclear power plant", "power plant",
    # "plant"), for a step that knows the graph to read a label from (graph/search/english_label.py).
    asked_nouns: list[str] = field(default_factory=list, compare=False)
    # The Chinese noun the question asks with, generic or not (企业 of 哪些头部企业): the text's
    # 「A、B等头部企业」 names A and B as things of that kind (graph/search/text_answers.py).
    noun: str = field(default="", compare=False)
    # The answer is the partner of the question's subject (与哪些港澳机构开展了合作, "with which
    # cities"): an entity written after 与/同 and before a verb of cooperation is that partner.
    partner: bool = field(default=False, compare=False)


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
    for rx in (_ZH_FORWARD, _ZH_BACKWARD, _ZH_FINAL):
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
    alt: list[str] = []
    if label == Label.AGENCY and noun in ("机构", "单位"):
        noun_at = q.find(noun, start)
        choice = _agency_or_org(q, noun_at, noun)
        if choice == [Label.ORGANIZATION]:
            label = Label.ORGANIZATION
        elif choice:
            alt = [Label.ORGANIZATION]
    asked = _ZH_ASK_WORD.sub("", q[start:end], count=1)
    if _ZH_WHO.fullmatch(asked) or _ZH_WHERE.fullmatch(asked):
        asked = ""
    # Modifiers and content-bearing nouns stay searchable (「国际友城」); generic ones (部门) go.
    for noun in sorted(_ZH_GENERIC, key=len, reverse=True):
        # a one-character noun goes only alone: 「哪些人」, never the 人 of 「文化名人」
        if asked.endswith(noun) and (len(noun) > 1 or asked == noun):
            asked = asked[: -len(noun)]
            break
    focus = _clean_zh(q[:start] + " " + asked + " " + q[end:])
    return QuestionIntent(label, focus or _clean_zh(q), "zh", kind=kind, alt_labels=alt, noun=noun)


def _asked_nouns_en(q: str) -> list[str]:
    """The noun phrase a "which" question asks about, cut where the predicate starts (an auxiliary, a
    preposition, a past participle without a hyphen), its quantity words dropped, as its tails longest
    first: "Which nuclear power plant entered …" -> nuclear power plant, power plant, plant."""
    m = _EN_WHICH.search(q)
    if m is None:
        return []
    words: list[str] = []
    for w in re.split(r"\s+", q[m.end():].strip()):
        bare = w.rstrip(",;:?!.")
        if not bare or _EN_PHRASE_END.match(bare) or (words and bare.lower().endswith("ed") and "-" not in bare):
            break
        words.append(bare)
        if bare != w:  # punctuation ends the phrase
            break
    words = [w for w in words[:4] if not _EN_VAGUE_MODIFIER.match(w)]
    return [" ".join(words[i:]) for i in range(len(words))]


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
        return QuestionIntent(None, _clean_en(q) or q.strip(), "en", asked_nouns=_asked_nouns_en(q))
    start, end, label = min(found, key=lambda f: (f[0], -(f[1] - f[0])))
    # In a compound the last noun is the head: "which reform plan" asks for a plan.
    nxt = _EN_NEXT_NOUN.match(q, end)
    if nxt is not None:
        label = next(k for k, v in nxt.groupdict().items() if v)
        nouns[start] = nxt.group(label)
        end = nxt.end()
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


# A completed action (推出了, 建成, 已, 成功举办, 去年): the review part of a report tells it. Of the 46
# dev gold questions with such a marker, 45 have their evidence in an achievement section (of the 53
# without one, 27); in a whole collection the same fact planned in another year's report
# (「引进落户一批…」) competes with the year that reports it done. 了 of 为了/除了/了解 is no marker.
# English past tense (did, was, has been) moved three dev questions both ways (MRR -0.001): left out.
_ZH_DONE = re.compile(r"(?<![为除])了(?!解)|已经?|成功|建成|取得|获得|获批|去年|过去(?:一|五)年|上一?年")

def _role_hint(q: str, lang: str) -> str | None:
    problem, plan = (_ZH_PROBLEM, _ZH_PLAN) if lang == "zh" else (_EN_PROBLEM, _EN_PLAN)
    if problem.search(q):
        return Role.PROBLEM
    if plan.search(q):
        return Role.PLAN
    if lang == "zh" and _ZH_DONE.search(q):
        return Role.ACHIEVEMENT
    return None


# Head nouns of noun-phrase queries: a phrase ending in one names a thing of that label. Narrower
# than the question nouns: 工作 or 城市 at the end of a keyword query say nothing of what is wanted.
_ZH_HEADS: dict[str, tuple[str, ...]] = {
    Label.POLICY: ("方案", "办法", "规定", "条例", "规划", "纲要", "意见", "通知", "细则", "计划", "政策", "法规",
               "决定", "行动计划", "指引"),
    Label.PLACE: ("博物馆", "美术馆", "图书馆", "科技馆", "纪念馆", "分馆", "展馆", "场馆", "酒店", "宾馆", "大剧院",
              "歌剧院", "体育场", "体育馆", "公园"),
    Label.EVENT: ("论坛", "峰会", "博览会", "展览会", "交易会", "大会", "运动会", "锦标赛", "联赛", "赛事", "大赛",
              "比赛", "培训班", "研讨会", "招商会", "洽谈会", "推介会", "活动", "电影节", "文化节", "艺术节",
              "旅游节", "展会", "会议"),
    Label.ORGANIZATION: ("大学", "学院", "医院", "公司", "集团", "联盟", "协会", "商会", "研究院", "研究所", "实验室",
                     "银行", "乐团", "剧团", "艺术剧院", "基金会", "学校"),
    Label.AGENCY: ("委员会", "办公室", "管委会", "外办", "人民政府", "局", "厅"),
}
_ZH_HEAD_OF = {n: lab for lab, ns in _ZH_HEADS.items() for n in ns}
_ZH_HEADS_LONGEST_FIRST = tuple(sorted(_ZH_HEAD_OF, key=len, reverse=True))
_EN_HEADS: dict[str, tuple[str, ...]] = {
    Label.POLICY: ("plan", "plans", "action plan", "regulation", "regulations", "rules", "law", "laws", "policy",
               "policies", "scheme", "programme", "program", "guidelines", "outline", "notice", "provisions",
               "measures for"),
    Label.PLACE: ("museum", "gallery", "library", "opera house", "stadium", "park", "hotel", "venue"),
    Label.EVENT: ("forum", "summit", "expo", "exhibition", "fair", "conference", "games", "championships",
              "championship", "festival", "training course", "training", "seminar", "competition", "contest",
              "league", "regatta"),
    Label.ORGANIZATION: ("university", "universities", "hospital", "hospitals", "company", "group", "alliance",
                     "association", "laboratory", "lab", "institute", "bank", "orchestra", "college"),
    Label.AGENCY: ("bureau", "office", "commission", "committee", "department", "government", "ministry"),
}
_EN_HEAD_OF = {n: lab for lab, ns in _EN_HEADS.items() for n in ns}
_EN_PREP = re.compile(r"\s+(?:of|for|on|in|by|with|among|at|from|to)\s+(?:(?!\s(?:of|for|on|in|by|with|among|at|from|to)\s).)*$",
                      re.IGNORECASE)
_ZH_QUOTES = "“”\"'‘’《》「」（）()"
# 机构 alone may be a government body or not: its modifier tells (科研机构, 港澳机构 -> Organization).
_ZH_ORG_MODIFIER = re.compile(r"(?:科研|研究|学术|教育|医疗|卫生|金融|中介|社会|服务|港澳|香港|澳门|台湾|境外|海外|外国|外资|国际|培训|文化|"
                              r"创新|投资|商业|民间|慈善)(?:性)?$")
_ZH_AGENCY_MODIFIER = re.compile(r"(?:行政|政府|执法|监管|党政|议事|事业|职能|主管)$")
# 谁牵头 / 由谁主办: the actor of a leading or hosting verb is a body, not a person.
_ZH_ACTOR = re.compile(r"(?:由)?(?:谁|哪个(?:部门|单位|机构)|哪些(?:部门|单位|机构)|哪家(?:单位|机构))"
                       r"(?:来|负责)?(牵头|主办|承办|负责|组织|发起|主导|会同)")
_EN_ACTOR = re.compile(r"\bwho\s+(?:(?:is|was|were|are)\s+)?(leads?|led|hosts?|hosted|organi[sz]e[sd]?|"
                       r"sponsor(?:s|ed)?|coordinat(?:es|ed)|in charge)\b", re.IGNORECASE)
_EN_ACTOR_CUES = {"lead": "牵头", "led": "牵头", "host": "主办", "organi": "组织", "sponsor": "主办",
                  "coordinat": "牵头", "in charge": "负责"}
_ZH_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?:年|年度)")
_EN_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")
_ZH_PLACE_SUFFIX = re.compile(r"(?:特别行政区|自治区|新区|省|市|区|县)$")


@lru_cache(maxsize=1)
def _zh_places() -> dict[str, str]:
    """Chinese place names and their suffix-less forms (南山区, 南山) -> the full name, from the
    gazetteer the extractor uses. Forms of one character are left out."""
    rows = [r for r in table("cn_places.tsv")]
    provinces = {name for name, kind, *_ in rows if kind == "province"}
    out: dict[str, str] = {}
    for name, _kind, parent, short, *_ in rows:
        # provinces, municipalities and prefecture cities are known by their short forms (大连, 清远)
        known = not parent or parent in provinces
        for form in (name, short, _ZH_PLACE_SUFFIX.sub("", name)):
            if form and len(form) >= 2 and (form == name or known or not _common_word(form)):
                out.setdefault(form, name)
    return out


@lru_cache(maxsize=1)
def _place_parents() -> dict[str, str]:
    return {name: parent for name, _kind, parent, *_ in table("cn_places.tsv") if parent}


def parent_place(name: str | None) -> str | None:
    """The gazetteer's parent of a full place name (福田区 -> 深圳市 -> 广东省), or None."""
    return _place_parents().get(name) if name else None


# jieba's word classes of verbs, adjectives, adverbs and function words: the suffix-less form of a county,
# county-level city or district that the general dictionary knows as one of these is read as that word
# (149 forms in the gazetteer: 合作 of 合作市, 比如, 解放, 前进, 友好). 「国务院出台了哪项河套深港科技创新
# 合作区的规划」 and 「上海合作组织峰会」 named 合作市; 光明 (n) and 南山 (ns) stay places.
_COMMON_CLASSES = ("v", "a", "d", "c", "p", "u", "r", "m", "q")


def _posseg():
    """jieba's part-of-speech cutter, loaded quietly (tokenize._init): a command's stderr holds its
    own one-line message, not jieba's loading chatter (tests/reliability/test_damaged_store.py)."""
    from .tokenize import _init
    _init()
    import jieba.posseg
    return jieba.posseg


def _common_word(form: str) -> bool:
    tag = _posseg().dt.word_tag_tab.get(form, "")
    return tag.startswith(_COMMON_CLASSES)


def _organisation_spans(q: str) -> list[tuple[int, int]]:
    """Spans of the words jieba's dictionary classes as organisation names (nt: 北京人艺, 中山大学,
    深圳证券交易所). A place inside one is part of the name, not the place the question speaks of:
    「北京人艺扩建…」 named 北京 and preferred the Beijing report over Dongcheng's."""
    spans, at = [], 0
    for w in _posseg().dt.cut(q, HMM=False):
        if w.flag == "nt" and len(w.word) > 2:
            spans.append((at, at + len(w.word)))
        at += len(w.word)
    return spans


def _named_places_zh(q: str) -> list[str]:
    """Longest gazetteer names in the question, left to right (深圳市南山区 -> 深圳市, 南山区); none inside
    an organisation's name (北京人艺)."""
    places = _zh_places()
    orgs = _organisation_spans(q)
    out: list[str] = []
    i = 0
    while i < len(q):
        for n in range(min(8, len(q) - i), 1, -1):
            full = places.get(q[i:i + n])
            if full and any(a <= i and i + n <= b and b - a > n for a, b in orgs):
                i += n
                break
            if full:
                out += [q[i:i + n], full]
                i += n
                break
        else:
            i += 1
    return list(dict.fromkeys(out))


def _years(q: str, lang: str) -> list[int]:
    rx = _ZH_YEAR if lang == "zh" else _EN_YEAR
    return list(dict.fromkeys(int(m.group(1)) for m in rx.finditer(q)))


def query_form(q: str, lang: str) -> str:
    """PHRASE when no interrogative, question mark or question verb stands in the query."""
    if lang == "zh":
        asks = re.search(r"[？?]|哪|什么|谁|多少|几[个项家座次年届]|第几|如何|怎么|怎样|吗|是否|何时|何地|何种", q)
    else:
        asks = re.search(r"\?|\b(?:which|what|who|whom|whose|how|where|when|why|did|does|do|is|are|was|were|"
                         r"has|have|can|name|list)\b", q, re.IGNORECASE)
    return QUESTION if asks else PHRASE


# A package of measures named by its count of articles is a policy (民营经济30条, 稳外贸“24条”,
# "Guangdong's thirty measures"): crosslingual reads "thirty measures" as 30条.
_ZH_COUNTED_POLICY = re.compile(r"(?:\d+|[一二三四五六七八九十百]+)条$")
_EN_COUNTED_POLICY = re.compile(r"^\d+条$")
# A participle and what follows it qualify the head before it ("thirty measures supporting the
# private sector" -> measures).
_EN_PARTICIPLE = re.compile(r"\s+[a-z]+ing(?:\s+\S+)*$")


def _phrase_head_zh(q: str) -> tuple[str | None, str]:
    """The label a Chinese noun phrase names by its last word's head noun, and that noun."""
    last = q.split()[-1].strip(_ZH_QUOTES + "。？！，、") if q.split() else ""
    if len(last) > 3 and _ZH_COUNTED_POLICY.search(last):
        return Label.POLICY, "条"
    for noun in _ZH_HEADS_LONGEST_FIRST:
        if last.endswith(noun) and len(last) > len(noun):
            return _ZH_HEAD_OF[noun], noun
    return None, ""


def _phrase_head_en(q: str, places: set[str]) -> tuple[str | None, str]:
    """The label an English noun phrase names: its head is its last word once trailing places,
    participles and prepositional phrases are taken off ("Great Wall Museum of China opened" ->
    museum; "Anhui plan for co-building …" -> plan)."""
    text = re.sub(r"[^\w\s'\-]", " ", q).strip()
    for _ in range(8):
        words = text.split()
        if not words:
            return None, ""
        for n in (2, 1):
            tail = " ".join(words[-n:]).lower()
            if len(words) >= n and tail in _EN_HEAD_OF:
                return _EN_HEAD_OF[tail], tail
        if len(words) >= 2 and words[-1].lower() in ("measures", "articles"):
            counted = " ".join(words[-2:]).lower()
            if any(_EN_COUNTED_POLICY.match(t) for t in chinese_terms(counted)):
                return Label.POLICY, counted
        last = words[-1]
        if last[:1].isupper() and english_place_names(last):
            text = " ".join(words[:-1])
        elif last.lower().endswith("ed") and len(words) > 1:
            text = " ".join(words[:-1])
        else:
            cut = _EN_PREP.sub("", text)
            if cut == text:
                cut = _EN_PARTICIPLE.sub("", text) if len(words) > 2 else text
            if cut == text:
                return None, ""
            text = cut
    return None, ""


def _agency_or_org(q: str, start: int, noun: str) -> list[str]:
    """For 机构/单位: Organization if a modifier right before it says so, [] to keep Agency."""
    if noun not in ("机构", "单位"):
        return []
    before = q[max(0, start - 6):start]
    if _ZH_ORG_MODIFIER.search(before):
        return [Label.ORGANIZATION]
    if _ZH_AGENCY_MODIFIER.search(before):
        return []
    return [Label.AGENCY, Label.ORGANIZATION]


def analyze_question(q: str) -> QuestionIntent:
    """The label a question asks for (Agency, Organization, Place, Policy, Person, Event, Measure or
    None) and its focus text; raises ValueError on an empty question."""
    if not isinstance(q, str) or not q.strip():
        raise ValueError("question: empty question")
    q = q.strip()
    lang = question_lang(q)
    if lang == "zh":
        intent = _analyze_zh(q)
        intent.places = _named_places_zh(q)
    else:
        intent = _analyze_en(q)
        intent.terms = chinese_terms(intent.focus)
        intent.term_groups = term_groups(intent.focus, None)
        intent.places = english_place_names(q)
    intent.role = _role_hint(q, intent.lang)
    intent.years = _years(q, lang)
    intent.year_part = year_part(q, lang, intent.role) if intent.years else None
    intent.levels = implied_levels(q, lang)
    intent.form = query_form(q, lang)
    if intent.label is not None:
        intent.label_from = "question"
    _actor(q, intent)
    intent.partner = bool((_ZH_PARTNER if lang == "zh" else _EN_PARTNER).search(q))
    intent.quantity = asks_quantity(q, lang)
    if intent.label is None and intent.form == PHRASE:
        label, noun = _phrase_head_zh(q) if lang == "zh" else _phrase_head_en(q, set(intent.places))
        if label is not None:
            intent.label, intent.label_from = label, "head"
            kind = [noun] if lang == "zh" else [w for w in chinese_terms(noun) if w not in _ZH_GENERIC]
            intent.kind = intent.kind or kind
    return intent


_ZH_PARTNER = re.compile(r"[与同跟][^，。？?]{0,8}?哪(?:些|个|家|几|国)")
_EN_PARTNER = re.compile(r"\bwith\s+(?:which|what|whom)\b|^\s*(?:which|what)\b.*\bwith\W*$", re.IGNORECASE)
_ZH_QUANTITY = re.compile(r"多少|几(?:个|家|项|座|所|次|名|人|倍|成)|第几|多大|多高|多长|比重|占比|增长了?百分之几")
_EN_QUANTITY = re.compile(r"\bhow\s+(?:many|much|large|big|fast)\b|\bwhat\s+(?:share|percentage|proportion)\b",
                          re.IGNORECASE)


def asks_quantity(q: str, lang: str) -> bool:
    """Does the question ask for a figure (多少家, 几个, "how many")?"""
    return bool((_ZH_QUANTITY if lang == "zh" else _EN_QUANTITY).search(q))


def _actor(q: str, intent: QuestionIntent) -> None:
    """谁牵头 / 由哪个单位主办 / "who leads": the answer is a body (an Agency, or else an
    Organization) written before the verb in the evidence."""
    if intent.lang == "zh":
        m = _ZH_ACTOR.search(q)
        cue = m.group(1) if m else None
    else:
        m = _EN_ACTOR.search(q)
        verb = m.group(1).lower() if m else ""
        cue = next((zh for en, zh in _EN_ACTOR_CUES.items() if verb.startswith(en)), None) if m else None
    if cue is None:
        return
    intent.actor_cues = [cue]
    if intent.label in (None, Label.PERSON, Label.AGENCY):
        intent.label, intent.label_from = Label.AGENCY, "question"
        intent.alt_labels = [Label.ORGANIZATION]
