"""Unbracketed document names after any clause verb: 推动民营经济促进条例, 启动北部片区协调发展三年行动计划.

The drafting-verb rule (policies.py) reads a name only right after 制定, 出台, 印发…; reports name their
documents after any verb (推进, 启动, 完成, 依托, 衔接) or none. A strong document word (条例, 实施办法,
行动计划, 总体规划… `document_heads.txt`: words that, written without 《》, end a document's title and
little else) is taken with its modifier run, read leftwards word by word with jieba's tags:
- the word right before the document word always belongs to it (民营经济促进|条例, …建设|规划);
- further left the run stops at a clause opener (`clause_lead_words.txt`, the drafting verbs: 推进, 实施,
  修订), a preposition, conjunction, pronoun, particle or classifier (和, 各, 的, 等, 个), or punctuation.
The candidate then goes through the drafting-verb rule's checks (a description, a kind of documents, a
generic title: 专项规划, 各类专项规划, 具有较强操作性的实施方案 are refused there).

Read on the 143 non-test corpus reports before and after (docs/extraction-policies.md).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import word_list, word_set
from .words import cut_words, tagger

_CLAUSE_MARKS = "，。；：、！？（）()“”《》\n 　"
_MAX_LEFT = 30
# tags that end a name on the left: prepositions, conjunctions, pronouns, particles, classifiers, adverbs
# of degree jieba tags d only when they open a clause (特别 in 深汕特别合作区 is kept: not a clause word)
_STOP_TAGS = ("p", "c", "r", "u", "q", "y", "x", "e", "o")
# what follows a name: punctuation, a list, or the work done on it (编制, 获批); 实施 only at a clause's end
# (完善城市更新专项规划实施体系 names the system of carrying the plan out, not the plan)
# (修订, 修改, 报批: 推动前海合作区条例修订, 推动物业管理条例修订, the work on a named document)
_AFTER = r"(?=[，。；、：\n等和及与以]|编制|修编|修订|修改|报批|获批|(?:实施|出台|落地|印发)[，。；、]|要求|部署|精神|$)"
_NOMINAL = ("n", "j", "l")
_TERMS = ("年", "期", "轮")
# verbs that place something into a plan (纳入, 列入) or hold it against one (对接, 符合): never in a title
_PLACING_VERBS = ("纳入", "列入", "对接", "衔接", "对标", "符合", "修编", "编制", "论证", "指导")
# verbs that legal titles end with before 条例/办法 (民营经济促进条例, 物业管理条例)
_LAW_VERBS = frozenset({"促进", "保护", "管理", "监督", "保障"})
# a round of a recurring document describes this edition (依托深圳新一轮城市总体规划)
_ROUNDS = frozenset({"新一轮", "新一批", "新一版"})
_NEXT_ROUNDS = frozenset({"下一轮", "下一批", "下一期"})


@lru_cache(maxsize=1)
def _heads_re() -> re.Pattern:
    heads = sorted(word_list("document_heads.txt"), key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, heads)) + r")(?:（(?:草案|试行)）)?" + _AFTER)


@lru_cache(maxsize=1)
def _doc_words() -> tuple[str, ...]:
    return tuple(word_list("policy_suffixes.txt"))


@lru_cache(maxsize=1)
def _document_verbs() -> tuple[str, ...]:
    return tuple(word_list("policy_verbs.txt"))


@lru_cache(maxsize=1)
def _clause_words() -> frozenset[str]:
    return (word_set("clause_lead_words.txt") | word_set("policy_verbs.txt")
            | word_set("policy_name_lead_verbs.txt"))


def _name_start(text: str, lo: int, head: int) -> int | None:
    """Where the name whose document word starts at `head` begins; None when no modifier run stands there."""
    _, tags = tagger()
    words = cut_words(text[lo:head])
    start = head
    kept: list[str] = []
    for i in range(len(words) - 1, -1, -1):
        w, tag = words[i], tags.get(words[i], "x")
        left = tags.get(words[i - 1], "x") if i > 0 else "x"
        right = tags.get(kept[-1], "x") if kept else "x"
        if w in _NEXT_ROUNDS or (i > 0 and words[i - 1] + w in _NEXT_ROUNDS):
            return None  # 纳入下一轮|轨道交通建设规划: an edition not yet drafted names no document
        if any(c in _CLAUSE_MARKS for c in w) or w in _ROUNDS or w.endswith(_PLACING_VERBS):
            break        # 19号线|纳入|市轨道五期建设规划, 主动对接|全市城市总体规划
        if w == "和" and i > 0 and left.startswith(_NOMINAL) and not words[i - 1].endswith(_doc_words()):
            pass         # 国民经济和社会发展规划: two nouns joined inside one name (not A规划和B规划)
        elif (tag.startswith(_STOP_TAGS) or (kept and tag == "d") or any(c.isdigit() for c in w)
              or (tag == "m" and not w.endswith(_TERMS))):
            break        # 三|是…, 19|号线: a count; 三年|行动计划 is the plan's term
        elif i > 0 and words[i - 1].endswith(_document_verbs()):
            pass         # 落实|支持民营经济发展若干措施: after a document verb the title may open with a verb
        elif not kept and tag == "v" and w not in _LAW_VERBS:
            break        # 完成|专项规划: a verb before the document word is the clause's, not the title's
        elif kept and tag == "v" and not (left.startswith(_NOMINAL) and right[:1] in "nv"):
            break        # 三|是|发展规划; but 区域|创新|体系, 北部片区|协调|发展 stay inside
        elif kept and w in _clause_words() and not (tag == "vn" and left.startswith(_NOMINAL)):
            break        # 推进|…, 启动|…; but 美丽上海建设|三年行动计划: a verbal noun after its object stays
        start -= len(w)
        kept.append(w)
    if kept and start == lo and (kept[-1] in _clause_words() or tags.get(kept[-1]) == "v"):
        start += len(kept.pop())   # ，衔接|国民经济和社会发展规划, 启动|专项规划: the clause's own verb
    if not kept or all(tags.get(w, "x")[0] in "mqt" for w in kept) or (len(kept) == 1 and len(kept[0]) == 1):
        return None      # 三年行动计划: a span of years names no document; 启动|区|实施方案: no name
    return start


def document_names(text: str) -> list[tuple[int, int, None]]:
    """(start, end, verb) spans of unbracketed document names, for the drafting-verb rule's checks."""
    out: list[tuple[int, int, None]] = []
    for m in _heads_re().finditer(text):
        if m.start() > 0 and text[m.start() - 1] in "》”":
            continue     # a title in 《》 or a quoted term before the word is read by their own rules
        lo = m.start()
        while lo > 0 and m.start() - lo < _MAX_LEFT and text[lo - 1] not in _CLAUSE_MARKS:
            lo -= 1
        s = _name_start(text, lo, m.start())
        if s is not None and not (s > 0 and text[s - 1].isdigit()):
            out.append((s, m.end(), None))   # 9|大片区发展规划: the plans of nine areas, a count
    return out
