"""Where an unbracketed document title begins, and when a phrase ending in a document word is none.

The drafting verb before a title is found by the policy regex, but the clause often chains verbs and
conjunctions before the title proper (制定并公布重大行政决策事项目录, 制定并有序实施…方案, 率先出台全国首个…
措施); they are peeled off by what they are (jieba's tag c, the drafting verbs, an adverb before one of
them, a 首个/首批 descriptor), never by cutting a fixed number of characters. What an implementing verb
governs (落实常态化疫情防控措施, 落实“内防反弹”各项措施) is mostly a description of measures, not a title:
after 落实/执行/贯彻 a weak document word (措施, 政策, 标准…) needs a title mark (a count, a quoted term).

Quoted plans (区“八五”普法规划, 高质量发展“十大计划”) and treaties cited with their abbreviation
(全面与进步跨太平洋伙伴关系协定（CPTPP）) are titles by their shape, whatever verb stands before them.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import word_list, word_set
from .words import cut_words, tagger

# 新一轮中期财政规划: the round of a recurring plan describes this edition, the plan is 中期财政规划
_DESCRIPTOR = re.compile(r"^(?:(?:全国|全省|全市|全区|国内|省内|市内|区内)?首(?:个|批|部|份)|新一(?:轮|批|版))")
_REVISED = re.compile(r"^(?:新|最新)?(?:修订|修改|制定|出台|印发|颁布)的")
_CONJUNCTIONS = ("并且", "以及", "并", "和", "及", "与")
# a document word after an implementing verb names measures in general unless a title mark says otherwise
_WEAK_SUFFIXES = ("措施", "政策", "政策措施", "标准", "制度", "要求", "规则", "清单", "目录", "计划", "决定", "决议")
# a count titles measures after 落实 (落实“稳外贸十二条”); a quoted slogan does not (落实“场所码+…”制度)
_COUNT_MARK = re.compile(r"[0-9一二三四五六七八九十]+条")
# 安排 titles a document only in 《》: unbracketed it is a plan of work (作了全面部署安排)
_BRACKET_ONLY_SUFFIXES = ("安排",)
IMPLEMENT_VERBS = ("贯彻落实", "认真贯彻", "深入贯彻", "落实", "执行", "贯彻")
# 实施 governs plans by name (实施会展业发展三年行动计划) and much else that is no document
CARRY_OUT_VERBS = ("实施", "深入实施", "全面实施")
_CARRIED_PLANS = ("计划", "方案", "规划", "纲要")
_OWNERS = ("市", "省", "区", "县", "政府", "省委", "市委", "区委", "中央", "国家")
_LISTING = ("等", "各项", "各类", "有关", "相关")
# verbs of quality open a description (具有全球竞争力的…); verbs of purpose open titles (支持…的若干措施)
_QUALITY_VERBS = frozenset({"体现", "具有", "具备", "符合", "适应", "适合", "满足", "彰显", "突出"})


@lru_cache(maxsize=1)
def _lead_verbs() -> tuple[str, ...]:
    words = set(word_list("policy_verbs.txt")) | set(word_list("policy_name_lead_verbs.txt"))
    return tuple(sorted(words, key=len, reverse=True))


def strip_lead(name: str) -> int:
    """How many leading characters of `name` belong to the clause, not to the title."""
    _, tags = tagger()
    cut = 0
    while len(name) - cut > 4:
        rest = name[cut:]
        d = _DESCRIPTOR.match(rest) or _REVISED.match(rest)
        if d:
            cut += d.end()
            continue
        conj = next((c for c in _CONJUNCTIONS if rest.startswith(c)), None)
        if conj is not None and tags.get(conj) == "c":
            cut += len(conj)
            continue
        verb = next((v for v in _lead_verbs() if rest.startswith(v)), None)
        if verb is not None:
            cut += len(verb)
            continue
        # an adverb before a drafting verb (有序实施, 加快制定): both belong to the clause
        first = cut_words(rest[:6])[0]
        if len(first) > 1 and tags.get(first) in ("d", "ad") or first in ("有序", "加快", "率先", "全面", "认真"):
            after = rest[len(first):]
            verb = next((v for v in _lead_verbs() if after.startswith(v)), None)
            if verb is not None:
                cut += len(first) + len(verb)
                continue
        break
    return cut


@lru_cache(maxsize=1)
def _not_law_ends() -> tuple[str, ...]:
    return word_list("policy_not_law_ends.txt")


@lru_cache(maxsize=1)
def _generic_words() -> frozenset[str]:
    return word_set("policy_generic_words.txt") | word_set("plan_generic_words.txt")


def generic_title(name: str, suffixes: tuple[str, ...]) -> bool:
    """专项工作方案, 发展规划纲要: only words of kind before the document word, nothing that names it."""
    suffix = next((x for x in suffixes if name.endswith(x)), "")
    body = name[:len(name) - len(suffix)]
    if not body:
        return True
    return all(w in _generic_words() for w in cut_words(body))


def _described_by_clause(name: str) -> bool:
    """对…的保障措施 (a preposition opens it), 统一的…标准 (an adjective before 的): a description;
    支持梅州…加快振兴发展的若干措施 and 面向2035年的…规划 stay titles."""
    _, tags = tagger()
    owner = name[:name.index("的")]
    if owner.endswith(_OWNERS):
        return True      # 深圳市的三年行动方案, 广东省委省政府的实施意见: whose plan, not its title
    words = cut_words(owner)
    if not words:
        return True
    if tags.get(words[0]) == "p" and words[0] not in ("关于", "面向"):
        return True
    if words[0] in _QUALITY_VERBS:
        return True      # 体现福田特色的高端人才认定标准, 具有比较优势的人才政策: what it is like, not its title
    if len(words) == 1 and tags.get(words[0], "x")[0] in "adzv":
        return True      # 统一的监管规则和标准, 新的…: one word of quality or action owns no title
    return all(tags.get(w, "x")[0] in "adz" for w in words)   # 更严格的: a quality


def describes_measures(name: str, verb: str | None, title_marked: bool) -> bool:
    """Whether an unbracketed phrase ending in a document word is a description, not one title."""
    if any(w in name for w in _LISTING if w != "等") or ("等" in name and "等" in cut_words(name)):
        # 双疏散通道等兜底措施, “内防反弹”各项措施: several documents or none; 等 as a word of its own, not
        # inside 高等教育, 中等收入, 平等 (出台高等教育学科发展指导意见: 6 titles over the corpus were lost so)
        return True
    if name.endswith("法") and name.endswith(_not_law_ends()):
        return True      # “大学习、深调研、真落实”工作方法: a method, not a law
    if "的" in name and not title_marked and _described_by_clause(name):
        return True      # 对特殊贫困人口的保障措施, 统一的监管规则和标准
    if (verb in IMPLEMENT_VERBS and name.endswith(_WEAK_SUFFIXES) and not _COUNT_MARK.search(name)
            and not (name.endswith("计划") and "”" in name and not any(c in name for c in "和及与、"))):
        # 落实常态化疫情防控措施: measures carried out, not a document named; a plan named by a quoted
        # term is one (落实“百万英才汇南粤”行动计划, 落实广东省产业“新工匠”培养计划)
        return True
    if verb in CARRY_OUT_VERBS and not name.endswith(_CARRIED_PLANS):
        return True      # 实施X工程/X措施/X制度: work carried out; only a plan carried out is titled (…三年行动计划)
    if name.endswith(_BRACKET_ONLY_SUFFIXES):
        return True
    return False


# 区“八五”普法规划, 市“十四五”规划: a level, a quoted numbered term, a plan word. A plan word opening 体系 names a
# system of plans, not one (“多规合一”空间规划体系, “1+N”规划体系). The pattern opens
# with the quote, a literal the regex engine skips to; the level character and what stands before it
# are read in Python (a look-behind alternation at the pattern's head made it scan every position).
_QUOTED_PLAN = re.compile(r"“[^“”，。；\n]{0,4}[0-9一二三四五六七八九十]+[^“”，。；\n]{0,3}”"
                          r"[\u4e00-\u9fff]{0,6}?(?:规划纲要|规划|纲要|系列文件)"
                          r"(?![\u4e00-\u9fff]{0,2}(?:建议|目标|任务|期|时期|开局|收官|中期)|体系)")
_LEVELS = "区市省县"
_BEFORE_PLAN = "纳入落实编制制定实施对照按照根据执行贯彻"


def _plan_start(text: str, s: int) -> int | None:
    """Where a quoted plan starts: at its level character if it has one; None inside another word."""
    if s > 0 and text[s - 1] in _LEVELS:
        s -= 1
    if s == 0 or not ("\u4e00" <= text[s - 1] <= "\u9fff") or text[s - 1] in _BEFORE_PLAN:
        return s
    return None
# 高质量发展“十大计划”, “稳外贸十二条”: a quoted count of plans or measures
_QUOTED_COUNT = re.compile(r"“(?P<name>[\u4e00-\u9fff]{0,6}?(?:[0-9]{1,3}|[一二三四五六七八九十百]{1,3})(?:大|项)"
                           r"(?:计划|行动计划|举措|措施))”")
# 全面与进步跨太平洋伙伴关系协定（CPTPP）: a treaty or agreement and its Latin abbreviation
_TREATY_HINT = re.compile(r"(?:协定|公约|条约|协议)[（(][A-Z]")
_TREATY = re.compile(r"(?P<name>[\u4e00-\u9fff]{4,24}?(?:协定|公约|条约|协议))(?P<abbr>[（(][A-Z]{3,8}[)）])")


def quoted_plans(text: str) -> list[tuple[int, int, str, set[str]]]:
    """(start, end, canonical name, aliases) of plans titled by a quoted numbered term."""
    out = []
    if "”" not in text:
        return out       # both shapes hold a quoted term; most passages have none
    for m in _QUOTED_PLAN.finditer(text):
        s = _plan_start(text, m.start())
        if s is None:
            continue
        written = text[s:m.end()]
        out.append((s, m.end(), written.replace("“", "").replace("”", ""), {written}))
    for m in _QUOTED_COUNT.finditer(text):
        out.append((m.start(), m.end(), m.group("name"), {m.group(0)}))
    return out


def treaties(text: str) -> list[tuple[int, int, str, set[str]]]:
    """Agreements cited with their abbreviation; the name starts after the verb before it (加入, 签署)."""
    out = []
    if not _TREATY_HINT.search(text):
        return out       # the lazy name scan costs at every position: run it where an abbreviation follows
    for m in _TREATY.finditer(text):
        s = m.start("name")
        name = m.group("name")
        cut = _treaty_lead(name)
        if len(name) - cut < 4:
            continue
        name = name[cut:]
        abbr = m.group("abbr")[1:-1]
        out.append((s + cut, m.end("abbr"), name, {abbr, name + m.group("abbr")}))
    return out


def _treaty_lead(name: str) -> int:
    """Characters before the treaty's name: up to the last clause verb in it (积极推动加入|全面与…);
    jieba's tags cannot say it (跨 in 跨太平洋 is a verb)."""
    verbs = word_list("treaty_lead_verbs.txt")
    return max((i + len(v) for v in verbs for i in [name.rfind(v)] if i >= 0), default=0)
