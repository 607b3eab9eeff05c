"""Places and organisations found by the shape of Chinese names: a modifier run ending in a class head.

沙头角口岸, 深国际亚太智慧保税物流园, 荣耀全球研发中心, 中英街: the head (口岸, 物流园, 研发中心, 街)
gives the class; the left boundary is the hard part. It is found in three steps:
1. the existing boundary words (spans.expand_left) bound a region of at most 12 characters;
2. jieba segments that region and the words jieba tags as verbs, adverbs, prepositions, numerals
   and the like are dropped from its left (加快建设|深国际亚太… -> 深国际亚太…);
3. what remains must look like a proper name: a word jieba tags as a place, person, abbreviation or
   place word (ns, nr, j, s…), a word jieba does not know, or a run of single characters jieba could
   not join (龙田北, 城投智). A modifier of dictionary common nouns only (先进制造业, 绿色数据) names a
   category and is dropped; so is one made only of name_generic_words.txt.
jieba runs only on these short regions, never on the whole text (cost measured in bench/).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from .foreign_ties import opens_with_country
from .lexicon import Matcher, word_list, word_set
from .mentions import Mention
from .quoted_names import quoted_names_one
from .cluster_names import weak_cluster
from .corridor_names import corridor_name_ok
from .place_abbreviations import opens_with_abbreviations
from .place_noun_names import place_and_noun
from .traps import _PLACE_MORPHEMES as _LANDFORMS, category_words, has_proper_word, is_category, is_known_place
from .words import cut_words, tagger

if TYPE_CHECKING:
    from .resolve import ReportContext

# jieba tags of words that open a clause, not a name: verbs, adverbs, prepositions, conjunctions,
# particles, pronouns, numerals and measure words
_LEAD_DROP = frozenset({"v", "vn", "vd", "vi", "vq", "d", "p", "c", "u", "uj", "ul", "uz", "ud", "ug", "uv", "r", "rr", "rz",
                        "m", "mq", "q", "ad", "an", "y", "e", "o", "x", "t", "tg", "l"})
_NUMERAL = re.compile(r"^(?:[0-9]+|[一二三四五六七八九十百千万两几]+)[大个家所座项类批]?$")
# tags of characters that, two in a row, are a name jieba could not join (龙|田|北), not a phrase (老|旧)
_NAME_SINGLE_TAGS = frozenset({"n", "ng", "nr", "ns", "nz", "s", "zg", "j", None})
# the smallest units: a name never runs on past one (梅林街道|翰岭社区), while a park may follow a
# district (雄安新区中关村科技园 is one name)
_UNIT_HEADS = frozenset({"社区", "街道"})
# zones whose parks carry the zone's name in theirs (雄安新区中关村科技园): a name after one does not
# start right after it
_ZONE_HEADS = frozenset({"新区", "高新区", "开发区", "自贸区", "经济区", "试验区"})
# tags that mark a proper name: places, persons, abbreviations, place words, morphemes of names
_PROPER = frozenset({"ns", "nr", "nrt", "nrfg", "j", "s", "zg"})
# prepositions, conjunctions and particles never stand inside a name: the name starts after them
_HARD = frozenset({"p", "c", "u", "uj", "ul", "uz", "ud", "ug", "uv"})
_FUNCTION_CHARS = frozenset("的和与及等在之")
_NUMERAL_CHARS = frozenset("一二三四五六七八九十百千两0123456789")
_ORDINAL_END = re.compile(r"第[一二三四五六七八九十百零0-9]+$")
_DASH = re.compile(r"[-－—]")
# a place in brackets right before the head: 中韩（惠州）产业园, 中新（广州）知识城
_BRACKETED_PLACE = re.compile(r"（([\u4e00-\u9fff]{2,4})）$")
_NON_NAME = re.compile(r"[^\u4e00-\u9fff0-9A-Za-z\-－—·]")
# jieba counts at or below which a two-character noun is a place-name morpheme, not a common word
# (田心 3, 烟墩 7; 海景 40, 盐田 26 are read as words)
_RARE_PAIR = 10
# a head followed by these is part of a longer common noun: 广河高铁机场段 (a section of a line), or of the
# verb 带动 (第二产业带动, 数字经济带动)
_HEAD_CONTINUES = frozenset("段线动")
# words that may follow a one-character head (中英街的…, 坪山站建设, 金成村和…)
_SHORT_HEAD_FOLLOWERS = frozenset("和及等的建开项片流沿一二三四五六七八九十")  # 茅洲河|流域, 布吉河|二、三期, 深南东路|沿线
# a river's parts follow its name (深圳河|干流, 练江|支流)
_WATER_HEADS = frozenset("河江湖")
_WATER_PARTS = ("干流", "支流", "流域", "沿岸", "北岸", "南岸", "东岸", "西岸", "两岸", "左岸", "右岸", "水系")
# a road's name may put a number or a direction between its name and its head (清水河一路, 深南东路)
_ROAD_HEADS = frozenset("路街")
_ROAD_INFIX = re.compile(r"[东西南北中]?[一二三四五六七八九十]?$")


@lru_cache(maxsize=1)
def _heads() -> Matcher:
    """All class heads in one automaton (a regex alternation of 90 heads was 30% of this finder's time)."""
    return Matcher((h, cls) for h, cls in _head_class().items())


@lru_cache(maxsize=1)
def _head_class() -> dict[str, tuple[str, bool]]:
    out = {h: ("Place", False) for h in word_list("place_heads.txt")}
    out.update({h: ("Organization", False) for h in word_list("org_heads.txt")})
    out.update({h: ("Place", True) for h in word_list("place_heads_short.txt")})
    return out


@lru_cache(maxsize=1)
def _org_head_words() -> tuple[str, ...]:
    return tuple(word_set("org_heads.txt") | word_set("org_suffixes.txt"))


def _ends_in_org_head(name: str) -> bool:
    return name.rstrip("）)").endswith(_org_head_words())


@lru_cache(maxsize=1)
def _clause_openers() -> frozenset[str]:
    """Words after which a name starts: the hand list for shaped names and the corpus-derived openers."""
    return frozenset(word_set("name_shape_boundaries.txt") | word_set("clause_lead_words.txt"))


@lru_cache(maxsize=65536)
def _not_a_word(w: str) -> bool:
    """Whether jieba's dictionary lacks `w` as a common word (赛道, 金山银山 are words; 英街 is not)."""
    jieba, tags = tagger()
    tag = tags.get(w)
    return tag is None or tag in _PROPER


def _join_openers(words: list[str]) -> list[str]:
    """Runs of tokens that spell a clause opener jieba cut apart (做|大|做|强 -> 做大做强)."""
    openers = _clause_openers()
    out: list[str] = []
    i = 0
    while i < len(words):
        for k in (4, 3, 2):
            joined = "".join(words[i:i + k])
            if i + k <= len(words) and len(joined) <= 4 and joined in openers:
                out.append(joined)
                i += k
                break
        else:
            out.append(words[i])
            i += 1
    return out


# a single verb, pronoun, adverb or locative before the name opens the clause even when glued to the next
# character (跨|金湾大道, 我|区北站社区, 站|前广场)
_NO_GLUE_TAGS = frozenset({"v", "vn", "vd", "r", "rr", "rz", "p", "c", "d", "f", "m", "q", "u", "uj"})
# qualities: 老|旧 工业区 is no name
_QUALITY_TAGS = frozenset({"a", "ad", "an", "b", "d", "m", "q", "mq"})


def _glued_single(words: list[str], k: int) -> bool:
    """Whether the one-character token words[k], whatever jieba tags it, sits in a run of single
    characters jieba could not join, i.e. inside a proper name (金|地 工业区, 上|沙 村, 水|围|承|翰 商务大厦)."""
    w = words[k]
    _, tags = tagger()
    if len(w) != 1 or w in _FUNCTION_CHARS or tags.get(w) in _QUALITY_TAGS:
        return False   # 老|旧 工业区, 专|精|特|新 产业园: qualities, not a name
    prev = words[k - 1] if k > 0 else ""
    nxt = words[k + 1] if k + 1 < len(words) else ""
    glued_prev = len(prev) == 1 and prev not in _FUNCTION_CHARS
    if tags.get(w) in ("p", "c"):
        return glued_prev   # 深学笃|用 ends a name; 自|贸 试验区 opens none (自 is a preposition there)
    return glued_prev or (len(nxt) == 1 and nxt not in _FUNCTION_CHARS)


_MEASURE_CHARS = frozenset("个大家所座项类批条处名")


def _glued_numeral(words: list[str], k: int) -> bool:
    """Whether the numeral character words[k] (百, 千, 万) sits between single characters jieba could not join,
    i.e. inside a name (大|百|汇 生命健康产业园), not counting anything (北|三|大, 长|圳|3|个: those stay cuts)."""
    w = words[k]
    prev = words[k - 1] if k > 0 else ""
    nxt = words[k + 1] if k + 1 < len(words) else ""
    return (w in "百千万" and len(prev) == 1 == len(nxt) and not _NUMERAL.match(prev) and not _NUMERAL.match(nxt)
            and prev not in _FUNCTION_CHARS and nxt not in _FUNCTION_CHARS and nxt not in _MEASURE_CHARS)


@lru_cache(maxsize=65536)
def name_modifier(region: str, glue: bool = False) -> str | None:
    """The proper-name part of `region` (the text left of a head), or None when it names a category.
    `glue`: single characters jieba could not join count as a name whatever their tags (金|地 工业区);
    only before a head of two or more characters (before 村, 中|关 would cut 中关村 out of 雄安新区中关村科技园)."""
    jieba, tags = tagger()
    words = _join_openers(cut_words(region))
    stops = _clause_openers()
    boundary = word_set("boundary_words.txt")
    # a boundary word cuts only where jieba reads it as a verb or function word on its own
    # (建设|深港… cuts, 服务 inside 现代服务业 is no token); so does a verb names do not hold (携带, 进入)
    name_verbs = word_set("name_verbs.txt")
    # the last hard word, scanning from the right (the words before it are dropped whatever they are)
    for k in range(len(words) - 1, -1, -1):
        w = words[k]
        tag = tags.get(w)
        if ((tag in _HARD and not (glue and _glued_single(words, k)))
                or w in stops or (_NUMERAL.match(w) and not (glue and _glued_numeral(words, k)))
                or (len(w) >= 4 and w[:2] in stops)   # 建成投产, 加快推进: an opener fused with its verb
                or w in _UNIT_HEADS   # 福中社区|荣获…, 梅林街道|翰岭社区: a community's name ends at its head
                or (w in boundary and tags.get(w, "x") in _LEAD_DROP and w not in name_verbs)
                or (tag == "v" and len(w) > 1 and w not in name_verbs)):
            words = words[k + 1:]
            break
    i = 0
    while i < len(words) and (tags.get(words[i], "x") in _LEAD_DROP or words[i] in stops or words[i] in boundary
                              or words[i] in ("好", "了", "着", "过")):
        if (glue and "\u4e00" <= words[i] <= "\u9fff" and tags.get(words[i]) not in _NO_GLUE_TAGS
                and words[i] not in stops and words[i] not in boundary and _glued_single(words, i)):
            break   # 清|湖 文化产业园: characters jieba could not join open the name
        i += 1
    words = words[i:]
    modifier = "".join(words)
    if len(modifier) < 2:
        return None
    generic = category_words()
    if all(w in generic for w in words):
        return None
    if opens_with_abbreviations(words):
        return modifier              # 广|深 科技创新, 中|新: places joined by their abbreviations
    freq = jieba.dt.FREQ
    singles = 0
    for k, w in enumerate(words):
        tag = tags.get(w)
        if w in generic:
            singles = 0
            continue
        if tag in _PROPER:
            return modifier
        if tag is None and len(w) > 1:
            return modifier          # a word jieba does not know: 城投, 蓝韵
        if tag == "n" and len(w) >= 3 and freq.get(w, 0) <= 10 and not (
                len(w) > 3 and (w[:2] in generic or w[2:] in generic or w[:2] in stops)):
            return modifier          # a rare noun of three or more characters: 沙头角, 避风塘, 东盟国家
        if tag == "n" and len(w) == 2 and freq.get(w, 0) <= _RARE_PAIR and len(words) == 1:
            return modifier          # the name is one rare two-character noun: 田心 (3 in jieba's counts)
        if w in _LANDFORMS and k > 0 and len(words[k - 1]) == 1 and words[k - 1] not in _FUNCTION_CHARS:
            return modifier          # 小|坑, 红|岭: a character and a landform jieba could not join name a place
        if len(w) == 1 and w not in _FUNCTION_CHARS and (tag in _NAME_SINGLE_TAGS or (glue and _glued_single(words, k))):
            singles += 1
            if singles >= 2:
                return modifier      # 龙|田|北: characters jieba could not join into a word
        else:
            singles = 0
    return None


@lru_cache(maxsize=65536)
def clause_lead(region: str) -> int:
    """How many characters at the start of `region` open a clause rather than a name: the verbs,
    adverbs, prepositions and time words jieba reads there (今年|国有大型商业银行) (鼓励|银行, 加快|田心工业区), and a phase or edition
    mark cut from its number (Ⅰ|期临床医院)."""
    _, tags = tagger()
    n = 0
    for w in _join_openers(cut_words(region)):
        tag = tags.get(w, "x")
        verb = tag in ("v", "vd", "vi") and len(w) > 1 and w not in word_set("name_verbs.txt")
        if not (verb or tag in ("d", "p", "c", "t") or w in _clause_openers() or (n == 0 and w in ("期", "届", "批", "号"))):
            break
        n += len(w)
    return n


def _whole_proper(w: str) -> bool:
    """Whether jieba's dictionary holds `w` whole as an organisation's or place's name (东南汽车|城)."""
    _, tags = tagger()
    return tags.get(w) in ("nt", "ns")


def short_head_name(name: str) -> bool:
    """Whether `name` (a modifier and a one-character head: 烟墩山) is no dictionary word and its
    modifier no verb, adverb or common category word (高山, 大河 and 新建站 are not names)."""
    jieba, tags = tagger()
    modifier = name[:-1]
    return (_not_a_word(name) and modifier not in word_set("name_generic_words.txt")
            and tags.get(modifier, "x") not in _LEAD_DROP and not _NUMERAL.match(modifier))


def _region_start(text: str, pos: int, max_len: int) -> int:
    """Where the run of name characters before `pos` starts (at most `max_len` back, never across 、)."""
    i = pos
    if text[i - 1:i] == "）":
        q = text.rfind("（", max(0, i - 7), i)
        if q != -1 and _BRACKETED_PLACE.search(text[q:i]):
            i = q   # 中韩（惠州）产业园: a bracketed place stays inside the name
    while i > max(0, pos - max_len) and not _NON_NAME.match(text[i - 1]) and text[i - 1] != "、":
        i -= 1
    return i


def _quoted_modifier(text: str, h_start: int, h_end: int, head: str) -> str | None:
    """The modifier of a name standing alone in quotes (设立“大铜新区”): quoting makes it a name."""
    if not text.startswith("”", h_end):
        return None
    q = text.rfind("“", max(0, h_start - 10), h_start)
    region = text[q + 1:h_start] if q != -1 else ""
    if (len(region) < 2 or _NON_NAME.search(region) or _FUNCTION_CHARS & set(region) or _NUMERAL_CHARS & set(region)
            or clause_lead(region) or not has_proper_word(region) or not quoted_names_one(region, head)):
        return None  # “书香之城”, “一中心多园区”, “母亲河”, “花漾街区”: slogans are quoted too (quoted_names.py)
    return region


def _modifier_at(text: str, base: int, s: int, h_start: int, head: str, label: str,
                 org_ends: list[int], place_ends: dict[int, Mention]) -> str | None:
    """The proper modifier of the name whose head starts at `h_start`, its region starting at `s`."""
    if h_start - s < 2:
        return None
    inner = [e for e in org_ends if s < e <= h_start] if label == "Place" else []
    if inner:
        s = inner[-1]
        if h_start - s < 2:
            return None
    region = text[s:h_start]
    bracket = _BRACKETED_PLACE.search(region)
    if bracket and is_known_place(bracket.group(1)):
        # 中韩（惠州）产业园: the name before the bracket must stand on its own
        b_start = h_start - len(bracket.group(0))
        before = _modifier_at(text, base, s, b_start, head, label, org_ends, place_ends)
        if before is None and text[max(s, b_start - 2):b_start] == "中国":
            before = "中国"   # 中国（广东）自由贸易试验区: the country and the province name the zone
        return before + bracket.group(0) if before else None
    if _NON_NAME.search(region):
        return None
    modifier = name_modifier(region, glue=len(head) > 1)
    ordinal = _ORDINAL_END.search(region)
    if modifier is None and ordinal:
        modifier = ordinal.group(0)  # 第七工业区: a numbered one is a name
    known = place_ends.get(h_start)
    if modifier is None and known is not None and known.start - base >= s:
        modifier = text[known.start - base:h_start]  # 盐田港 + 智慧冷链产业园: a known place opens it
    if modifier is None:
        modifier = _place_and_kind(text, base, s, h_start, place_ends)
    if modifier is None and len(head) > 1:
        modifier = place_and_noun(text, base, s, h_start, place_ends)  # 盐田|渔港|码头 (place_noun_names.py)
    if modifier is None or is_category(modifier, head) or modifier in _head_class():
        return None   # 口岸经济带: a modifier that is itself a class head names a kind
    parts = _DASH.split(modifier)
    if len(parts) > 1 and parts[-2].endswith(tuple(_head_class())):
        # 银湖山公园-红岗公园: a chain of names, the last starts after the last dash
        last = parts[-1]
        return last if len(last) >= 2 and name_modifier(last) == last and not is_category(last, head) else None
    return modifier


def _place_and_kind(text: str, base: int, s: int, h_start: int, place_ends: dict[int, Mention]) -> str | None:
    """A known place and category words before the head (光明|智慧城市|产业园): the place makes the kind
    one park. The place must stand after the region's clause openers and the rest be category words only."""
    generic = category_words()
    for end, m in sorted(place_ends.items()):
        start = m.start - base
        if not (s <= start and end < h_start and end - start >= 2):
            continue
        rest = cut_words(text[end:h_start])
        lead = text[s:start]
        if all(w in generic for w in rest) and (not lead or clause_lead(lead) == len(lead)):
            return text[start:h_start]
    return None


def find_shaped_names(text: str, base: int, ctx: ReportContext, known_places: list[Mention] = (),
                      known_orgs: list[Mention] = ()) -> list[Mention]:
    """Place and Organization mentions built from a head noun and a proper-name modifier.

    A known place may open the name (盐田港 + 智慧冷链产业园); a known organisation never sits inside
    a place's name (鹏城实验室 + 石壁龙园区 is the lab's campus) but does open a unit's (荣耀全球研发中心,
    PART_OF 荣耀 by the nested_units rule).
    """
    out: list[Mention] = []
    # only a whole body (one ending in an organisation head: 鹏城实验室) closes a place's modifier;
    # a brand inside a park's name stays in it (深汕比亚迪汽车工业园)
    org_ends = sorted(m.end - base for m in known_orgs if _ends_in_org_head(m.surface))
    place_ends = {m.end - base: m for m in known_places}
    taken_end, taken_head = -1, ""
    for h_start, h_end, head, (label, short) in _heads().find(text):
        nxt = text[h_end:h_end + 1]
        if nxt and nxt in _HEAD_CONTINUES:
            continue
        if short and "\u4e00" <= nxt <= "\u9fff" and nxt not in _SHORT_HEAD_FOLLOWERS and not (
                head in _WATER_HEADS and text.startswith(_WATER_PARTS, h_end)):
            continue  # 街道, 路线, 城市: a one-character head must end the word
        if short and head in text[max(0, h_start - 3):h_start]:
            continue  # 金山银山, 千山万水: a parallel idiom repeats its head, a name does not
        infix = _ROAD_INFIX.search(text, max(0, h_start - 2), h_start).group(0) if head in _ROAD_HEADS else ""
        n_start = h_start - len(infix)   # where the name's own part ends (清水河|一|路)
        if short and (n_start == 0 or not _not_a_word(text[n_start - 1] + text[n_start:h_end])):
            continue  # 思路, 网站, 江山: the head closes a common word (checked before any segmentation)
        if short and h_end in place_ends:
            continue  # 建强罗|湖: the head closes a known place (罗湖), no name of its own
        known = place_ends.get(n_start)
        if short and known is not None and not infix and known.end - known.start >= 2:
            # 芝加哥|河, 深圳|河, 深圳|湾: a known place names the river, bay, port or station after it
            start = known.start - base
            out.append(Mention(label, base + start, base + h_end, text[start:h_end], text[start:h_end], set(),
                               {"shape": head}))
            taken_end, taken_head = h_end, head
            continue
        s = _region_start(text, n_start, 4 if short else 16)
        # after a shaped name, the next name starts right after it (梅林街道|翰岭社区); failing that,
        # the earlier name opens this one (盐田港|智慧冷链产业园)
        starts = (taken_end, s) if s < taken_end and taken_head not in _ZONE_HEADS else (s,)
        modifier = None
        for s in starts:
            modifier = _modifier_at(text, base, s, n_start, head, label, org_ends, place_ends)
            if modifier is not None:
                break
        if modifier is None and infix:
            # 锦绣东路: the direction makes the name (东路 is a place word to jieba), no number or direction
            # stands between a name and its head
            infix, n_start = "", h_start
            modifier = _modifier_at(text, base, _region_start(text, h_start, 4), h_start, head, label, org_ends,
                                    place_ends)
        if modifier is None and not infix:
            modifier = _quoted_modifier(text, h_start, h_end, head)
        if modifier is None or weak_cluster(modifier, head) or not corridor_name_ok(modifier, head):
            continue   # weak_cluster: 医美集聚区, 数控机床产业基地 (cluster_names.py); 空中走廊 (corridor_names.py)
        start = n_start - len(modifier)
        if short and _ORDINAL_END.fullmatch(modifier):
            continue   # 中国电子第一街: a rank before a one-character head is a title; numbered zones have longer heads (第七工业区)
        if short and not ((2 <= len(modifier) <= 3 or _whole_proper(modifier)) and _not_a_word(modifier + infix + head)
                          and modifier + infix + head not in word_set("geo_word_stop.txt")):
            continue   # 城中村: a kind jieba tags as a place name (geo_word_stop.txt)
        name = text[start:h_end]
        if opens_with_country(name):
            continue  # 阿联酋哈伊马角经济区: a foreign place after its country is foreign_ties' to name
        out.append(Mention(label, base + start, base + h_end, name, name, set(), {"shape": head}))
        taken_end, taken_head = h_end, head
    return out
