"""Documents named by a quoted nickname and a document word outside the quotes: “一村一园区一特色”产业规划,
“开工零等待”实施办法, “一城一街一带”发展规划, 基层治理“1+6”文件, 营商环境“1+5”文件.

Governments name their plans, schemes and document sets the way they name programmes (quoted_plan_words.py:
“粤贸全国”计划): a quoted nickname, a short kind phrase (产业, 空间, 发展, 建设, 系列扶持) and a document word
(规划, 方案, 办法, 意见, 文件). Over the 143 non-test corpus reports the shape occurs 207 times; 77 of them were
no Policy node (the drafting-verb rule reads only names after its own verbs, quoted_plans only numbered terms
at a clause's start). Two kinds of quote:
- a nickname in words (“智慧盐田”总体规划, “都市阳台”落地方案) is the name itself, whatever verb stands before it;
- a number formula (“1+6”, “1＋10”, “5+3”) names nothing alone: the document is named by the topic written
  before the quote (基层治理“1+6”文件, 创新驱动发展“1＋10”文件), read leftwards word by word with jieba's tags
  (nouns, and verbs after a noun: 基层|治理); without a topic (配套“1+6”文件, 等“1+6”文件) nothing is named.

Refused: five-year-plan terms (“十四五”规划: quoted_plans and the gold's slogan convention), a kind phrase holding
a particle, conjunction, preposition, pronoun, adverb, count or body (“一核”多中心规划, “以投带创”模式写入国务院
文件) or a placing verb (“第三通道”纳入市级规划), a document word opening a longer noun (文件精神 is kept: what
follows is read by the lookahead).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import word_set
from .words import cut_words, tagger

_WORDS = "规划纲要|总体规划|实施方案|实施办法|实施意见|管理办法|系列文件|配套文件|规划|方案|办法|意见|文件"
_QUOTED = re.compile(r"“(?P<q>[^“”《》，。；：！？、\n]{2,20})”(?P<mod>[\u4e00-\u9fff]{0,8}?)"
                     rf"(?P<word>{_WORDS})"
                     # what follows a name: punctuation, a list, the work done on it or its spirit
                     # (编制 only closing the clause: “多规合一”规划编制体系 is a system, not a plan)
                     r"(?=[，。；、：\n）)等和及与以]|(?:编制|修编|修订)(?:工作)?(?:[，。；、\n]|$)|获批"
                     r"|(?:实施|出台|落地|印发)[，。；、]|要求|部署|精神|$)")
# “十四五”, “八五” (普法): five-year-plan terms, read by quoted_plans and optional in the gold as slogans
_PLAN_TERM = re.compile(r"^[一二三四五六七八九十]+五$")
# “1+6”, “1＋10”, “1+N”, “5+3”, “1+1+N”: a formula of counts
_FORMULA = re.compile(r"^[0-9０-９]+(?:[+＋][0-9０-９N]+)+$")
# tags that make the words between quote and document word a clause, not a kind: particles, conjunctions,
# prepositions, pronouns, adverbs, modals, counts, bodies and persons
_CLAUSE_TAGS = ("u", "c", "p", "r", "d", "y", "m", "nt", "nr")
_PLACING = ("纳入", "列入", "写入", "写进", "对接", "衔接", "上升", "按照", "按")
# a glossary's definition (“两级”指市级总体规划) or a release (“一号文”全球发布实施方案) is no kind phrase
_DEFINING = ("指", "是", "即", "系")
_NOT_IN_KIND = ("规划", "政策", "等", "的")
# the words a topic before a formula is built of: nouns, verbal nouns, abbreviations, places
_TOPIC_TAGS = ("n", "vn", "an", "j", "l", "ns", "nz")
# generic modifiers name no topic (配套“1+6”文件: the documents that go with another one)
_GENERIC = frozenset({"配套", "相关", "有关", "系列", "各项", "全套"})
_MAX_TOPIC = 16
_JOINS = frozenset({"与", "和", "及"})


def _kind_ok(mod: str) -> bool:
    if not mod:
        return True
    if any(w in mod for w in _NOT_IN_KIND) or any(v in mod for v in _PLACING):
        return False
    _, tags = tagger()
    return not any(tags.get(w, "x").startswith(_CLAUSE_TAGS) or w in _document_verbs() or w in _DEFINING
                   for w in cut_words(mod))


@lru_cache(maxsize=1)
def _document_verbs() -> frozenset[str]:
    """Verbs that draft or issue a document (出台, 制定, 印发, 发布): the title opens after them."""
    return word_set("policy_verbs.txt") | word_set("drafting_verbs.txt")


@lru_cache(maxsize=1)
def _clause_words() -> frozenset[str]:
    """Verbs that open a clause or draft a document (推进, 实施, 出台, 发布): never inside a kind phrase or topic."""
    return (word_set("clause_lead_words.txt") | word_set("policy_verbs.txt") | word_set("policy_name_lead_verbs.txt")
            | word_set("measure_clause_starts.txt"))


def _topic_start(text: str, q: int) -> int | None:
    """Where the topic before a formula quote starts (基层治理|“1+6”); None when no topic is written."""
    lo = q
    while lo > 0 and q - lo < _MAX_TOPIC and "\u4e00" <= text[lo - 1] <= "\u9fff":
        lo -= 1
    _, tags = tagger()
    words = cut_words(text[lo:q])
    if lo > 0 and "\u4e00" <= text[lo - 1] <= "\u9fff" and words:
        lo += len(words.pop(0))  # cut by the length cap: the first word may be half of one
    start = q
    for i in range(len(words) - 1, -1, -1):
        w, tag = words[i], tags.get(words[i], "x")
        left = tags.get(words[i - 1], "x") if i > 0 else "x"
        nominal_left = left.startswith(_TOPIC_TAGS) and not left.startswith("nr")
        after_drafting = i > 0 and words[i - 1] in _document_verbs()
        if w in _GENERIC or w in _PLACING or w in _document_verbs():
            break
        if after_drafting and tag.startswith(("v", "n", "a", "j")):
            start -= len(w)      # 出台|创新驱动发展, 出台|优化提升营商环境: the title's first word
        elif w in _clause_words() and not nominal_left:
            break                # 实施|, 深化|: the clause's verb
        elif tag.startswith(_TOPIC_TAGS):
            start -= len(w)
        elif tag == "v" and nominal_left:
            start -= len(w)      # 基层|治理: a verb after its object
        elif w in _JOINS and start < q and nominal_left:
            start -= len(w)      # 建筑市场监管|与|信用管理机制: two topics joined inside one title
        else:
            break                # 等|, 和| after a verb: a listing
    first = cut_words(text[start:q])[:1]
    if first and start == lo and (lo == 0 or not "\u4e00" <= text[lo - 1] <= "\u9fff") \
            and (tags.get(first[0], "x").startswith("v") or first[0] in _clause_words()):
        start += len(first[0])   # ，深化|“4+7”…: the verb opening the clause is the clause's
    return start if q - start >= 2 else None


def quoted_documents(text: str) -> list[tuple[int, int, str, set[str]]]:
    """(start, end, name, aliases) of each document named by a quote and its document word."""
    out: list[tuple[int, int, str, set[str]]] = []
    if "”" not in text:
        return out       # most passages quote nothing
    for m in _QUOTED.finditer(text):
        q, mod = m.group("q").strip(), m.group("mod")
        if _PLAN_TERM.match(q) or not _kind_ok(mod):
            continue
        s = m.start()
        if _FORMULA.match(q.replace(" ", "")):
            s = _topic_start(text, m.start())
            if s is None:
                continue
        # the written form is an alias; a formula's form without its topic (“1+6”文件) is not: it names
        # a different document in every report
        name = text[s:m.start()] + q + mod + m.group("word")
        out.append((s, m.end(), name, {text[s:m.end()]}))
    return out
