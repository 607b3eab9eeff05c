"""Cross-agency questions: 「哪些区推进了国际化街区建设？」, "Which districts mention international schools?".

Such a question asks for the agencies (or their places) whose own reports say they do a thing, over a
whole collection: the actor of a work report's sentence is usually its author, left unsaid. This module
reads the Chinese and English of the question only; graph/search/aggregate.py does the retrieval.

- `detect_aggregation(q)`: the scope asked for (district, city, province, agency) and the topic, or None
  for a question that is not an aggregation question (「哪个部门…」 and "which office" ask for one body,
  「哪些市属国企」 for companies).
- `topic_groups(topic)`: the topic as term groups that a sentence must all contain; each group lists
  alternatives, each alternative the words that must all stand in the sentence.
- `place_of(agency)`: 南山区人民政府 -> 南山区 (district); 坪山新区管委会 -> 坪山区 when the lexicon knows
  the district by its later name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache

from .crosslingual import chinese_term_groups, is_phrase_translation
from .extract.lexicon import table
from .question import question_lang
from .tokenize import tokenize


class Scope(str, Enum):
    """What an aggregation question asks for: the place of each acting agency, or the agency itself."""
    DISTRICT = "district"
    CITY = "city"
    PROVINCE = "province"
    AGENCY = "agency"


# 哪些 + the noun asked for. Single-character nouns must not begin a longer noun (哪些市属国企, 哪些区域).
_ZH_NOUNS: tuple[tuple[str, Scope], ...] = (
    ("区县", Scope.DISTRICT), ("县区", Scope.DISTRICT), ("辖区", Scope.DISTRICT), ("行政区", Scope.DISTRICT),
    ("城区", Scope.DISTRICT), ("区", Scope.DISTRICT), ("县", Scope.DISTRICT),
    ("城市", Scope.CITY), ("地市", Scope.CITY), ("市", Scope.CITY),
    ("省份", Scope.PROVINCE), ("省区", Scope.PROVINCE), ("省", Scope.PROVINCE),
    ("政府部门", Scope.AGENCY), ("部门", Scope.AGENCY), ("单位", Scope.AGENCY), ("机构", Scope.AGENCY),
    ("机关", Scope.AGENCY), ("委办局", Scope.AGENCY), ("地方政府", Scope.AGENCY), ("政府", Scope.AGENCY),
)
_ZH_NOUN = {n: s for n, s in _ZH_NOUNS}
_ZH_NOUN_ALT = "|".join(re.escape(n) for n, _ in sorted(_ZH_NOUNS, key=lambda x: -len(x[0])))
# The characters that make 区/市/省/县 the start of another word: 区域, 市属, 市场, 省级, 县城…
_ZH_COMPOUND = "域内级属场民直委政长情里外城域份界"
_ZH_ASK = re.compile(
    rf"(?:(?:有|是)?(?:哪些|哪几个|哪几|哪些个)|各个?|每个)({_ZH_NOUN_ALT})(?![{_ZH_COMPOUND}])")
_EN_NOUNS: dict[str, Scope] = {
    "districts": Scope.DISTRICT, "counties": Scope.DISTRICT, "boroughs": Scope.DISTRICT,
    "cities": Scope.CITY, "municipalities": Scope.CITY,
    "provinces": Scope.PROVINCE, "regions": Scope.PROVINCE,
    "agencies": Scope.AGENCY, "departments": Scope.AGENCY, "governments": Scope.AGENCY,
    "authorities": Scope.AGENCY, "bodies": Scope.AGENCY, "units": Scope.AGENCY,
}
_EN_ASK = re.compile(
    r"\b(?:which|what|list\s+the|name\s+the|compare\s+the|compare|each|every|all)\s+(?:of\s+the\s+)?"
    r"(?:(?:local|district|city|provincial|government|chinese|shenzhen)\s+){0,2}"
    rf"({'|'.join(_EN_NOUNS)}|district|city|province|agency|department)\b", re.IGNORECASE)
_EN_SINGULAR = {"district": Scope.DISTRICT, "city": Scope.CITY, "province": Scope.PROVINCE,
                "agency": Scope.AGENCY, "department": Scope.AGENCY}
_EN_EACH = re.compile(r"\b(?:each|every|compare)\b", re.IGNORECASE)

# Words that say how a question asks, not what about: verbs of doing and mentioning, particles,
# "situation". A report writes 「打造国际化街区」 where the question says 「推进…建设」.
_ZH_STOP = frozenset(
    "有 在 了 的 过 都 也 已 已经 正在 曾 曾经 是否 分别 各自 情况 进展 做法 比较 对比 方面 相关 提到 提及 提出 涉及 "
    "说到 推进 推动 推行 实行 实施 开展 建设 落实 加强 加快 完善 做好 进行 采取 与 和 及 同 对 把 将 会 要 哪些 "
    "怎样 如何 怎么 什么 呢 吗 啊 工作 各区 各市 各省 年 中 上 等 方面 领域 提 说 写 报告 其 所 为 从 由 "
    "开办 建成 设立 打造 发展 推广 实现 支持 鼓励 引进 提升 创建 探索 深化 全面 积极 大力 持续 进一步 启动 "
    "组织 参与 做 搞 办 抓 提出 谈到 部署 安排 计划 打算 准备 今后 下一步 明年 "
    "？ ? 。 ， , ！ !".split())
_EN_STOP = re.compile(
    r"\b(?:mention(?:s|ed)?|promot(?:e|es|ed|ing)|push(?:es|ed)?|advanc(?:e|es|ed)|build(?:s|ing)?|built|"
    r"implement(?:s|ed|ing)?|carr(?:y|ies|ied)\s+out|ha(?:ve|s|d)|d(?:o|id|oes)|work(?:ed)?\s+on|"
    r"develop(?:s|ed)?|launch(?:es|ed)?|set\s+up|adopt(?:s|ed)?|introduc(?:e|es|ed)|support(?:s|ed)?|"
    r"talk(?:s|ed)?\s+about|report(?:s|ed)?(?:\s+on)?|plan(?:s|ned)?\s+to|are|is|were|was|been|"
    r"their|its|the|a|an|of|in|on|for|with|to|and|or|any|about|which|what|how|reports?|"
    r"progress|situation|efforts?|run(?:s|ning)?|going|how|each|every|district|city|province)\b", re.IGNORECASE)
_ZH_PLAN = re.compile(r"计划|打算|下一步|明年|今后|将要|将会|准备")
_EN_PLAN = re.compile(r"\b(?:plan(?:s|ned)?\s+to|will|intend(?:s|ed)?\s+to|going\s+to)\b", re.IGNORECASE)


@dataclass(frozen=True)
class TermGroup:
    """One part of a topic: a sentence has it when it holds every word of any one alternative."""
    alternatives: tuple[tuple[str, ...], ...]

    def words(self) -> list[str]:
        return list(dict.fromkeys(w for alt in self.alternatives for w in alt))


@dataclass
class AggregationIntent:
    scope: Scope
    topic: str
    lang: str
    groups: list[TermGroup] = field(default_factory=list)
    # "plan" when the question asks what agencies plan to do (「计划」, "plan to"), else None.
    role: str | None = None


@dataclass(frozen=True)
class PlaceRef:
    name: str
    kind: str  # district, city or province (the cn_places.tsv vocabulary)


def _glue_single(words: list[str]) -> list[str]:
    """jieba cuts words it does not know into characters (河长制 -> 河 长 制): a run of single
    characters is one word again, and a single character joins the word before it."""
    out: list[str] = []
    run = ""
    for w in words:
        if len(w) == 1:
            run += w
            continue
        if run:
            if len(run) == 1 and out:
                out[-1] += run
            elif len(run) == 1:
                w = run + w
            else:
                out.append(run)
            run = ""
        out.append(w)
    if run:
        if len(run) == 1 and out:
            out[-1] += run
        else:
            out.append(run)
    return out


def _zh_groups(topic: str) -> list[TermGroup]:
    """Runs of topic words between asking words; a run is found as written or word by word."""
    groups: list[TermGroup] = []
    for piece in re.split(r"[^\u4e00-\u9fffA-Za-z0-9]+", topic):
        run: list[str] = []
        for w in tokenize(piece) + ["。"]:
            if w in _ZH_STOP or w not in piece:
                if run:
                    phrase = "".join(run)
                    words = tuple(_glue_single(run))
                    alts = ((phrase,),) if len(words) == 1 else ((phrase,), words)
                    groups.append(TermGroup(alts))
                run = []
            else:
                run.append(w)
    return [g for g in groups if any(len("".join(a)) >= 2 for a in g.alternatives)]


def _en_groups(topic: str) -> list[TermGroup]:
    """A topic that holds terms of government writing (river chief system -> 河长制) is those terms:
    the general dictionary renders the words around them too loosely to require ("pursue" -> 追赶,
    "concept" -> 概念). Otherwise every content word is required."""
    raw = [alts for alts in chinese_term_groups(topic) if alts]
    curated = [alts for alts in raw if is_phrase_translation(alts)]
    chosen = curated or [alts for alts in chinese_term_groups(_EN_STOP.sub(" ", topic)) if alts]
    return [TermGroup(tuple((t,) for t in alts)) for alts in chosen]


def topic_groups(topic: str) -> list[TermGroup]:
    """The term groups of a bare topic (「国际化街区」, "talent housing"); ValueError if none."""
    if not isinstance(topic, str) or not topic.strip():
        raise ValueError("topic: empty topic")
    groups = _zh_groups(topic) if question_lang(topic) == "zh" else _en_groups(topic)
    if not groups:
        raise ValueError(f"topic: no searchable words in {topic!r}")
    return groups


def _role(q: str, lang: str) -> str | None:
    return "plan" if (_ZH_PLAN if lang == "zh" else _EN_PLAN).search(q) else None


def detect_aggregation(q: str) -> AggregationIntent | None:
    """The scope and topic of a cross-agency question, or None if `q` is not one."""
    if not isinstance(q, str) or not q.strip():
        return None
    q = q.strip()
    lang = question_lang(q)
    if lang == "zh":
        m = _ZH_ASK.search(q)
        if not m:
            return None
        scope = _ZH_NOUN[m.group(1)]
    else:
        m = _EN_ASK.search(q)
        if not m:
            return None
        noun = m.group(1).lower()
        if noun in _EN_SINGULAR and not _EN_EACH.search(m.group(0)):
            return None  # "which district hosted…" asks for one
        scope = _EN_NOUNS.get(noun) or _EN_SINGULAR[noun]
    rest = (q[:m.start()] + " " + q[m.end():]).strip()
    try:
        groups = topic_groups(rest)
    except ValueError:
        return None
    return AggregationIntent(scope=scope, topic=_topic_name(rest, groups, lang), lang=lang, groups=groups,
                             role=_role(q, lang))


def _topic_name(rest: str, groups: list[TermGroup], lang: str) -> str:
    """What the question is about, as a title: 「国际化街区」, "international schools"."""
    if lang == "zh":
        return " ".join("".join(g.alternatives[0]) for g in groups)
    words = re.sub(r"\s+", " ", re.sub(r"[^\w\s'-]", " ", _EN_STOP.sub(" ", rest))).strip()
    return words or rest


# -- agencies and their places ------------------------------------------------------------------------
_ADMIN_TAIL = re.compile(r"(?:特别行政区|自治区|自治州|自治县|新区|省|市|区|县)")
_UNLISTED_PLACE = re.compile(r"^([\u4e00-\u9fff]{2,4}?(?:新区|区|县|市|省))(?=人民政府|政府|管委会|管理委员会|党工委|办事处)")


@lru_cache(maxsize=1)
def _places() -> dict[str, str]:
    out: dict[str, str] = {}
    for name, kind, *_ in table("cn_places.tsv"):
        out.setdefault(name, kind)
    return out


@lru_cache(maxsize=4096)
def place_of(agency: str) -> PlaceRef | None:
    """The most local place an agency's name begins with: 深圳市南山区人民政府 -> 南山区 (district).
    A 新区 the lexicon knows only by its later district name is that district (坪山新区 -> 坪山区)."""
    if not agency:
        return None
    places = _places()
    i, found = 0, None
    while i < len(agency):
        hit = next((agency[i:j] for j in range(min(len(agency), i + 9), i + 1, -1) if agency[i:j] in places), None)
        if hit is None:
            m = _UNLISTED_PLACE.match(agency[i:])
            if m:
                name = m.group(1)
                later = name[:-2] + "区" if name.endswith("新区") else None
                if later and places.get(later) == "district":
                    return PlaceRef(later, "district")
                tail = _ADMIN_TAIL.search(name[-2:]).group(0)
                kind = {"省": "province", "市": "city"}.get(tail, "district")
                return PlaceRef(name, kind)
            break
        found = PlaceRef(hit, places[hit])
        i += len(hit)
    return found



class AggregationReader:
    """The three readings graph.search.aggregate.Comparer needs, as one object."""
    detect = staticmethod(detect_aggregation)
    groups = staticmethod(topic_groups)
    place_of = staticmethod(place_of)
