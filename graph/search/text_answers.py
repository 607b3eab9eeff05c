"""Answers the evidence text gives where the graph holds no entity for them.

The answer ranker names entities the extractor made; on the dev half 8 of the 10 answer misses were
entities never made (issue 13): 「新引进冯巩、濮存昕等文化名人」, 「福田籍运动员王欣瑜」, a noun-phrase query
「进一步深化国资国企改革方案」 written word for word in its passage. Three patterns of government writing
say what a span is, and only in answer to a question that asks for that kind:
- the noun-phrase query itself, when a passage writes it whole and its head noun gave the label;
- the items of a list closed by 等 and the question's kind noun (「A、B等文化名人」: A and B are 名人);
- a person's name right after the question's kind noun (「运动员王欣瑜」), for a person question.
Each span answer carries its report, passage and offsets like an entity's evidence; its id says it
is a text span (`text:` + passage + offsets), not a graph node.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from govgraph.ingest.batch import Evidence
from govgraph.ingest.tokenize import word_classes
from govgraph.ingest.vocabulary import Label
from govgraph.ingest.wordlists import table

from .results import Hit

TEXT_ID_PREFIX = "text:"
_STOP = "，,。；;！？!?：:、\n"
_ITEM = r"[^，,。；;！？!?：:、\s“”\"（）()《》]{2,20}"
# What closes a list before its kind noun: 等 or a count (两大, 三个), and up to four characters
# between (等重大展会, 等文化名人, 两大超级商圈).
_LIST_GAP = r"(?:等|[两二三四五六七八九十]+[大个项家座所条])[\u4e00-\u9fff]{0,4}?"
# A part of a district named by its side (东部凤凰城、西部红花山) is no part of the name.
_SIDE = re.compile(r"^[东西南北中]部(?=[\u4e00-\u9fff]{2})")
_QUOTES = "“”\"'‘’「」《》"


@dataclass(frozen=True)
class TextSpan:
    """A span of a retrieved passage that answers the question, and why."""
    name: str
    hit: Hit
    offset: int  # into hit.text
    how: str  # PHRASE | LISTED | APPOSED

    def evidence(self) -> Evidence:
        start = self.hit.start + self.offset
        return Evidence(report=self.hit.report, file=self.hit.file, passage=self.hit.passage,
                        start=start, end=start + len(self.name), text=self.name)

    @property
    def id(self) -> str:
        ev = self.evidence()
        return f"{TEXT_ID_PREFIX}{ev.passage}:{ev.start}-{ev.end}"


PHRASE, LISTED, APPOSED, PARTNER = "PHRASE", "LISTED", "APPOSED", "PARTNER"

# 与/同 + the partner + a verb of cooperation, in one clause (与法国伊西莱·莫利诺市建立友好关系).
WITH = re.compile(r"[与同跟]")
COOPERATE = re.compile(r"合作|签约|签署|签订|共建|缔结|结好|结为|建立|交流|对接|联合|携手|共同")
_PARTNER_SLOT = re.compile(rf"(?<=[与同跟])([^{_STOP}\s“”\"（）()《》]{{2,24}}?)(?={COOPERATE.pattern})")
# A place asked for as a partner ends in a division's word (伊西莱·莫利诺市, 阿普利亚大区, 大阪府).
_DIVISION_END = re.compile(r"(?:市|县|州|省|区|府|郡|镇|邦)$")


def is_text_answer(answer_id: str) -> bool:
    return answer_id.startswith(TEXT_ID_PREFIX)


def phrase_spans(query: str, kind: Sequence[str], hits: list[Hit]) -> list[TextSpan]:
    """The part of a noun-phrase query that ends in its head noun (「上海 世界赛艇锦标赛」 -> the second),
    wherever a retrieved passage writes it whole; the first place in each passage."""
    parts = [p.strip(_QUOTES) for p in query.split()]
    parts = [p for p in parts if len(p) >= 4 and (not kind or any(p.endswith(k) for k in kind))]
    if not parts:
        return []
    phrase = parts[-1]
    return [TextSpan(phrase, h, h.text.find(phrase), PHRASE) for h in hits if phrase in h.text]


def _after_last_verb(item: str) -> tuple[str, int]:
    """The first item of a list carries the verb before it (新引进冯巩, 办好广交会): what follows the
    item's last verb, and where it starts."""
    words = word_classes(item)
    cut = max((i for i, (_, f) in enumerate(words[:-1]) if f.startswith("v")), default=-1)
    skipped = sum(len(w) for w, _ in words[: cut + 1])
    return item[skipped:], skipped


def listed_spans(kind: Sequence[str], hits: list[Hit]) -> list[TextSpan]:
    """Items of each list closed by 等 + a kind noun (「新引进冯巩、濮存昕等文化名人」)."""
    if not kind:
        return []
    rx = re.compile(rf"((?:{_ITEM}、)+{_ITEM}){_LIST_GAP}(?:{'|'.join(map(re.escape, kind))})")
    return [sp for h in hits for m in rx.finditer(h.text) for sp in _items(h, m.start(1), m.group(1).split("、"))]


def _items(h: Hit, pos: int, items: list[str]) -> list[TextSpan]:
    """The spans of a list's items that start at `pos` of the passage, the first without its verb."""
    out = []
    for i, item in enumerate(items):
        name, skip = _after_last_verb(item) if i == 0 else (item, 0)
        side = _SIDE.match(name)
        if side:
            name, skip = name[side.end():], skip + side.end()
        if len(name) >= 2:
            out.append(TextSpan(name, h, pos + skip, LISTED))
        pos += len(item) + 1
    return out


def kind_ended_spans(kind: Sequence[str], hits: list[Hit]) -> list[TextSpan]:
    """Items of a list each ending in a kind noun, the list ending the clause or closed by 等
    (「召开区委全面依法治区委员会第三次会议、区委全面依法治区委员会工作会议等，」): each is of that kind."""
    if not kind:
        return []
    nouns = "|".join(map(re.escape, kind))
    one = rf"[^{_STOP}\s“”\"（）()《》]{{1,20}}?(?:{nouns})"
    rx = re.compile(rf"({one}(?:、{one})+)(?=[等，,。；;]|$)")
    # the bare noun is no name (「…方案、规划」)
    return [sp for h in hits for m in rx.finditer(h.text) for sp in _items(h, m.start(1), m.group(1).split("、"))
            if not any(sp.name.endswith(k) and len(sp.name) <= len(k) + 1 for k in kind)]


def quoted_after_kind_spans(kind: Sequence[str], hits: list[Hit]) -> list[TextSpan]:
    """A quoted name right after the kind noun (「35年来最强台风“山竹”」, 「平台“i深圳”」)."""
    if not kind:
        return []
    rx = re.compile(rf"(?:{'|'.join(map(re.escape, kind))})“([^”{_STOP}]{{2,16}})”")
    return [TextSpan(m.group(1), h, m.start(1), APPOSED) for h in hits for m in rx.finditer(h.text)]


def apposed_person_spans(kind: Sequence[str], hits: list[Hit]) -> list[TextSpan]:
    """A person's name written right after the kind noun (「福田籍运动员王欣瑜获得…」): jieba's name class."""
    if not kind:
        return []
    rx = re.compile("|".join(map(re.escape, kind)))
    out: list[TextSpan] = []
    for h in hits:
        for m in rx.finditer(h.text):
            tail = h.text[m.end(): m.end() + 8]
            words = word_classes(tail)
            if words and words[0][1] == "nr" and 2 <= len(words[0][0]) <= 4:
                out.append(TextSpan(words[0][0], h, m.end(), APPOSED))
    return out


def partner_spans(label: str, kind: Sequence[str], hits: list[Hit], known: set[str]) -> list[TextSpan]:
    """The partner written between 与 and a verb of cooperation after its country (「与法国伊西莱·莫利诺市建立
    友好关系」, 「与西班牙马尔贝拉市签署友好交流合作」), for a question asking for one, where no entity the graph
    holds in the passages has that name: the country says a foreign name follows, which the extractor's
    gazetteer seldom holds. What follows the country must end as the asked kind does (a division's word
    for a place, the kind noun otherwise). Without a country the slot holds common words as often as
    names (与其他区合作, 与友好城市交流, 与沿线城市共建: 20 of 22 over the corpus), so it gives nothing."""
    out: list[TextSpan] = []
    for h in hits:
        for m in _PARTNER_SLOT.finditer(h.text):
            pos = m.start(1)
            for item in re.split(r"[和及、]", m.group(1)):
                # a verb inside the slot starts another phrase (与日本东京都开展目黑区结好: 目黑区)
                tail, cut = _after_last_verb(item + "。")
                name, skip = _after_country(tail[:-1])
                skip += cut
                if (len(name) >= 2 and name not in known and _ends_as_asked(name, label, kind)):
                    out.append(TextSpan(name, h, pos + skip, PARTNER))
                pos += len(item) + 1
    return out


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    return frozenset(n for zh, _en, others, *_ in table("countries.tsv") for n in (zh, *others.split(",")) if n)


def _after_country(item: str) -> tuple[str, int]:
    """What follows the country `item` begins with (法国伊西莱·莫利诺市 -> 伊西莱·莫利诺市, 2), or ("", 0)."""
    lead = max((item[:n] for n in range(2, min(len(item), 8)) if item[:n] in _countries()), key=len, default="")
    return (item[len(lead):], len(lead)) if lead else ("", 0)


def _ends_as_asked(name: str, label: str, kind: Sequence[str]) -> bool:
    if any(name.endswith(k) and len(name) > len(k) for k in kind):
        return True
    return label == Label.PLACE and bool(_DIVISION_END.search(name))


def text_spans(label: str, query: str, kind: Sequence[str], phrase: bool, hits: list[Hit],
               heads: Sequence[str] = (), partner: bool = False, known: set[str] | None = None) -> list[TextSpan]:
    """Every span of the retrieved passages that one of the patterns names as of the asked kind;
    `heads`, more nouns that close lists (the question's own noun even when too generic to be a
    kind: 企业), also close lists. `partner`: the question asks for a partner, and `known` holds the
    names of the entities in the passages."""
    spans = phrase_spans(query, kind, hits) if phrase else []
    nouns = list(dict.fromkeys([*kind, *heads]))
    spans += listed_spans(nouns, hits) + kind_ended_spans(nouns, hits) + quoted_after_kind_spans(kind, hits)
    if label == Label.PERSON:
        spans += apposed_person_spans(kind, hits)
    if partner:
        spans += partner_spans(label, kind, hits, known or set())
    return spans
