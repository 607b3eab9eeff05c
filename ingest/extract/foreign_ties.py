"""Foreign ties: PARTNER_OF between a Chinese place and the foreign places a sentence ties it to.

A tie needs a tie word (sister_city_words.txt: 友好城市, 友好交流城区, 友好省州, 友城…) and a cue that
states a tie rather than a programme or a count, in the same clause (，；：):
- an establishing verb before it: 与加拿大奥克维尔市正式缔结友好城区 / 结为友好交流城市 / 新增旧金山、维也纳等5个国际友城;
- an anniversary: 与日本东京都开展目黑区结好30周年儿童画互展 (since = the year less N);
- 友城 right before a foreign place: 友城德国曼海姆市市长率团来访;
- 与X…友城合作: 积极与西班牙拉科鲁尼亚市开展友城合作.
Traps (sister_city_traps.txt: 儿童友好城市, 新就业群体友好城区…) never count; 姊妹学校 and 友好港 are no tie
words; plans (推动与意大利热那亚市缔结…) are not ties yet; counts (总数达95个, 增至208对) name no place,
so they give nothing here (they are indicators). Each listed partner (新增米兰、迪拜2个…) gets its own edge.

The partners are the foreign places of the tie clause: gazetteer places (places.py) and names a
gazetteer does not know written after their country with an administrative suffix (日本长野县饭山市 ->
饭山市, in 日本). The Chinese side is a Chinese place written just before 与 (支持武汉市与法国波尔多市…),
else the report's own place.
"""
from __future__ import annotations

import re
from functools import lru_cache

from govgraph.ingest.vocabulary import Label, PlaceKind, RelType, TieKind

from .lexicon import word_list
from .mentions import Mention, Relation
from .places import gazetteer
from .sentence import SentenceContext

_CLAUSE = re.compile(r"[，；：,;:]")
_ANNIV = re.compile(r"(?:结好|友城|建立友好(?:城市)?关系|缔结友好(?:城市)?关系)\s*(\d{1,3})\s*周年")
_YEAR = re.compile(r"(\d{4})年[^，。；]{0,12}?(?:缔结|结好|结为|结成|结交|建立友好)")
_COOPERATE = re.compile(r"友城(?:务实)?(?:合作|交流)")
_ADMIN = r"(?:特别行政区|大区|市|省|州|郡|县|区|府|都|道)"
# A foreign name's characters: no function words or verbs, so 奥克西塔尼大区正式结为友好省 stops at 大区.
_NAME = r"(?:(?![与和及的在为结缔增友好个对等举签署合作交流共同开展])[\u4e00-\u9fff·]){1,8}?" + _ADMIN
_DOMESTIC_KINDS = (PlaceKind.PROVINCE, PlaceKind.CITY, PlaceKind.DISTRICT)


@lru_cache(maxsize=1)
def _tie_word_re() -> re.Pattern:
    words = sorted(word_list("sister_city_words.txt"), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))


@lru_cache(maxsize=1)
def _trap_re() -> re.Pattern:
    return re.compile("|".join(map(re.escape, sorted(word_list("sister_city_traps.txt"), key=len, reverse=True))))


@lru_cache(maxsize=1)
def _verb_re() -> re.Pattern:
    return re.compile("|".join(map(re.escape, word_list("foreign_tie_verbs.txt"))))


@lru_cache(maxsize=1)
def _plan_re() -> re.Pattern:
    return re.compile("|".join(map(re.escape, word_list("foreign_tie_plans.txt"))))


@lru_cache(maxsize=1)
def _country_re() -> re.Pattern:
    """A country name followed by one or more administrative names: 日本长野县饭山市, 法国伊夫林省."""
    g = gazetteer()
    names = sorted((n for n, i in g.places.items() if i.kind == PlaceKind.COUNTRY), key=len, reverse=True)
    aliases = sorted(_country_aliases(), key=len, reverse=True)
    return re.compile("(" + "|".join(map(re.escape, aliases + names)) + ")((?:" + _NAME + ")+)")


@lru_cache(maxsize=1)
def _country_aliases() -> dict[str, str]:
    """Other written forms of a country (大韩民国, 日本国, 阿拉伯联合酋长国) -> its gazetteer name."""
    from .lexicon import table
    out: dict[str, str] = {}
    for zh, _en, others in table("countries.tsv"):
        for o in filter(None, others.split(",")):
            out[o] = zh
        out.setdefault(zh + "国", zh)
    return out


def clause_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The clauses of text[start:end] as absolute spans."""
    out, s = [], start
    for m in _CLAUSE.finditer(text, start, end):
        out.append((s, m.start()))
        s = m.end()
    out.append((s, end))
    return [(a, b) for a, b in out if b > a]


def _tie_words(text: str, a: int, b: int) -> list[re.Match]:
    traps = [(m.start(), m.end()) for m in _trap_re().finditer(text, a, b)]
    return [m for m in _tie_word_re().finditer(text, a, b)
            if not any(s <= m.start() and m.end() <= e for s, e in traps)]


def _cue(text: str, a: int, b: int, words: list[re.Match], partners: list[Mention]) -> bool:
    """Whether the clause text[a:b] states a tie (not a plan, a programme or a count)."""
    clause = text[a:b]
    if _ANNIV.search(clause):
        return True
    first = words[0].start()
    verb = _verb_re().search(text, a, first)
    if verb is not None and not _plan_re().search(text, a, verb.start()):
        return True
    countries = _country_names()
    for w in words:
        if w.group(0) == "结好" and not _plan_re().search(text, a, w.start()):
            return True  # 与X正式结好
        if w.group(0) == "友城" and any(text[w.end():p.start] in countries for p in partners if p.start >= w.end()):
            return True  # 友城德国曼海姆市
    # 与西班牙拉科鲁尼亚市开展友城合作
    return bool(_COOPERATE.search(clause) and "与" in text[a:first] and not _plan_re().search(text, a, first))


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    """Every written form of a country, and '' (a place right after the word)."""
    g = gazetteer()
    return frozenset({n for n, i in g.places.items() if i.kind == PlaceKind.COUNTRY} | set(_country_aliases()) | {""})


def opens_with_country(name: str) -> bool:
    """美国夏洛特市, 法国伊夫林省: a place written after its country (this module names and links those)."""
    m = _country_re().match(name)
    return m is not None and m.end() == len(name) and _country_aliases().get(m.group(1), m.group(1)) != "中国"


def _unknown_places(text: str, a: int, b: int, known: list[Mention]) -> list[Mention]:
    """Foreign places no gazetteer knows, written after their country: 法国伊西莱·莫利诺市, 日本长野县饭山市."""
    out = []
    aliases = _country_aliases()
    for m in _country_re().finditer(text, a, b):
        country = aliases.get(m.group(1), m.group(1))
        names = list(re.finditer(_NAME, m.group(2)))
        if not names:
            continue
        last = names[-1]
        s, e = m.start(2) + last.start(), m.start(2) + last.end()
        if any(k.start < e and s < k.end for k in known):
            continue
        surface = text[s:e]
        name = surface[:-1] if surface.endswith("市") and len(surface) >= 3 else surface
        out.append(Mention(Label.PLACE.value, s, e, surface, name, {surface} - {name},
                           {"kind": PlaceKind.CITY.value, "foreign": True, "country": country}))
    return out


def _country_of(m: Mention) -> str | None:
    if m.props.get("country"):
        return m.props["country"]
    chain = gazetteer().chain(m.props.get("gazetteer", m.name))
    return chain[-1].name if chain and chain[-1].kind == PlaceKind.COUNTRY else None


def _most_local(places: list[Mention]) -> list[Mention]:
    """东京都 and 目黑区 in one clause: the partner is the most local place named."""
    g = gazetteer()
    parents = set()
    for p in places:
        parents |= {c.name for c in g.chain(p.props.get("gazetteer", p.name))[1:]}
    return [p for p in places if p.props.get("gazetteer", p.name) not in parents]


def _home_side(text: str, a: int, domestic: list[Mention], home: Mention | None) -> Mention | None:
    """The Chinese side: a Chinese place right before 与 in the clause (武汉市与…), else the report's place."""
    for d in domestic:
        if a <= d.start and text[d.end:d.end + 1] == "与":
            return d
    return home


def foreign_ties(s: SentenceContext) -> list[Relation]:
    """The relation rule (rules.RULES): a sentence's sister-city and friendly-exchange ties."""
    return partner_ties(s.text, s.start, s.end, s.mentions, s.home, s.year)


def partner_ties(text: str, start: int, end: int, mentions: list[Mention], home: Mention | None,
                 year: int | None) -> list[Relation]:
    """PARTNER_OF relations the sentence text[start:end] states; `year` is the year it reports on."""
    if not _tie_word_re().search(text, start, end):
        return []
    rels: list[Relation] = []
    places = [m for m in mentions if m.label == Label.PLACE and m.props.get("kind") != PlaceKind.VENUE]
    for a, b in clause_spans(text, start, end):
        words = _tie_words(text, a, b)
        if not words:
            continue
        inside = [p for p in places if a <= p.start and p.end <= b]
        foreign = [p for p in inside if p.props.get("foreign") and p.props.get("kind") != PlaceKind.COUNTRY]
        foreign += _unknown_places(text, a, b, inside)
        domestic = [p for p in inside if not p.props.get("foreign") and p.props.get("kind") in _DOMESTIC_KINDS]
        if not foreign or not _cue(text, a, b, words, foreign):
            continue
        side = _home_side(text, a, domestic, home)
        if side is None:
            continue
        kind = TieKind.EXCHANGE if any("交流" in w.group(0) for w in words) else TieKind.SISTER
        since = _since(text[start:end], text[a:b], year)
        for p in sorted(_most_local(foreign), key=lambda m: m.start):
            country = _country_of(p)
            if country:
                p.props["country"] = country
            props = {"kind": kind.value, **({"since": since} if since else {})}
            rels.append(Relation(side, RelType.PARTNER_OF.value, p, start, end, props))
    return rels


def _since(sentence: str, clause: str, year: int | None) -> int | None:
    m = _YEAR.search(clause) or _YEAR.search(sentence)
    if m:
        return int(m.group(1))
    m = _ANNIV.search(clause)
    if m and year:
        return year - int(m.group(1))
    return None


@lru_cache(maxsize=1)
def _intl_orgs() -> tuple[str, ...]:
    return tuple(sorted(word_list("international_orgs.txt"), key=len, reverse=True))


@lru_cache(maxsize=1 << 14)  # bodies are named again in passage after passage (the gazetteer is fixed)
def _foreign_prefix(name: str) -> str | None:
    """The country of a name that begins with a foreign place or country (首尔市政府 -> 韩国)."""
    g = gazetteer()
    aliases = _country_aliases()
    for k in range(min(len(name), 10), 1, -1):
        head = name[:k]
        head = aliases.get(head, head)
        info = g.places.get(head)
        if info is not None and info.foreign:
            chain = g.chain(info.name)
            return chain[-1].name if chain and chain[-1].kind == PlaceKind.COUNTRY else info.name
    return None


def mark_foreign_bodies(mentions: list[Mention]) -> None:
    """Foreign agencies, consulates and international organisations carry `foreign` (and `country`);
    foreign places their `country`."""
    for m in mentions:
        if m.label == Label.PLACE and m.props.get("foreign") and m.props.get("kind") != PlaceKind.COUNTRY:
            country = _country_of(m)  # every foreign place carries its country (目黑区 -> 日本)
            if country:
                m.props["country"] = country
            continue
        if m.label not in (Label.AGENCY, Label.ORGANIZATION):
            continue
        if m.name.startswith(_intl_orgs()):
            m.props["foreign"] = True
            continue
        country = _foreign_prefix(m.name)
        if country is not None:
            m.props["foreign"] = True
            m.props["country"] = country
