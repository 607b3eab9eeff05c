"""Places joined by dashes (issue 13, session 9).

District reports name a stretch, a corridor or a pair of plots by the places at its ends, joined by a dash:
依托梅林-彩田、车公庙金地沙头片区升级改造, 整体提升南海意库—海上世界—汇港—太子湾片区, 依托天安——车公庙——沙头
现有产业优势, 落实大望-梧桐山片区生态补偿, 光明—金平产业协同发展, 宝安—潮南. Other finders read the items they
know (梅林, 海上世界, 梧桐山) and lose the bare names between and after them. Over the 155 reports about 560
dash chains of Chinese words stand; half of them chain places, the rest chain stages or actors (科技—产业—金融,
企业出题—高校, 招商-纳统-增固, 区-街道-社区) or name a body or an event (清华-伯克利深圳学院, 深圳-米兰双城时尚周).

So a chain is read as places only when
- another finder found a place among its items, or three or more items are all bare site names, and
- no item overlaps a body, event or document another finder made, and
- every new item is a site's name by the tests of `site_lists` (a bare name of 2-4 characters with a proper
  word and no common word, or a place head after a modifier that is no category) and holds no word jieba
  tags as an organisation (南航 in 深圳-南航低空智联…).
Middle items are whole segments. The first item starts after the clause's opening verbs (整体提升|南海意库), the
last one is the longest run of its first words that is a site's name (沙头|现有产业优势 -> 沙头).
"""
from __future__ import annotations

import re

from .mentions import Mention
from .name_shapes import clause_lead
from .list_siblings import _head_of
from .site_lists import _bare_site, _headed_site
from .words import cut_words, tagger

_DASH = r"(?:——|—|－|-|–)"
_CHAIN = re.compile(r"[\u4e00-\u9fff]{2,12}(?:" + _DASH + r"[\u4e00-\u9fff]{2,12})+")
_SPLIT = re.compile(_DASH)
# an item holding an organisation's word (南航, 东盟) names a body, not a site
_BODY_TAGS = ("nt",)
# words that end a site's name: verbs, adverbs, prepositions, conjunctions, particles, numerals
_NOT_IN_SITE = ("v", "d", "p", "c", "u", "m", "q", "r", "f", "t")
_THREE_BARE = 3
_KIND_TAGS = ("n", "vn", "nz", "l")
_NAME_TAGS = ("ns", "nr", "nz", "nrt", "nrfg")
# characters that may stand next to a name without belonging to it
_FUNCTION_CHARS = frozenset("的和与及或等在将对把被为从向了是中至到以及、")
_MAX_ITEM = 6


def _site(item: str) -> bool:
    from .traps import is_known_place
    _, tags = tagger()
    words = cut_words(item)
    for w in words:
        tag = tags.get(w) or ""
        if tag in _BODY_TAGS or (tag == "j" and len(w) > 1 and not is_known_place(w)):
            return False   # 南航 (j), 东盟: a body's abbreviation
    if len(words) == 1 and len(item) >= 4 and tags.get(item) in _KIND_TAGS:
        return False   # one dictionary noun: 服务平台, 建设工程, 儿童乐园 are kinds of things
    head = _head_of(item)
    if head is not None and len(item) - len(head[0]) == 1:
        return _bare_site(item) and _proper(item)   # 龙湖, 银湖: a two-character name ending in a landform
    if head is not None:
        return _headed_site(item)   # a head needs a proper modifier: 森林公园, 科学城, 流动站 are kinds
    return _bare_site(item)


def _proper(item: str) -> bool:
    """Whether a word of `item` is tagged as a name or unknown to jieba (天安 nz, 沙头角), or two single
    characters stand together (车|公|庙)."""
    _, tags = tagger()
    words = cut_words(item)
    if any(len(a) == 1 == len(b) and a not in _FUNCTION_CHARS and b not in _FUNCTION_CHARS
           for a, b in zip(words, words[1:])):
        return True   # 车|公|庙: characters jieba could not join into a word
    return any(tags.get(w) in _NAME_TAGS or (tags.get(w) is None and len(w) > 1) for w in words)


def _glued(text: str, at: int, left: bool) -> bool:
    """Whether the character next to an item's edge at `at` is a single character jieba could not join to
    anything, so the name runs on (围|岭山, 东西|涌): the item's edge is then unknown."""
    if left:
        if at == 0:
            return False
        words = cut_words(text[max(0, at - 4):at])
        w = words[-1] if words else ""
    else:
        words = cut_words(text[at:at + 4])
        w = words[0] if words else ""
    return len(w) == 1 and "\u4e00" <= w <= "\u9fff" and w not in _FUNCTION_CHARS


def _plain_word(w: str) -> bool:
    _, tags = tagger()
    return (tags.get(w) or "x")[:1] not in _NOT_IN_SITE


def _first_words_site(seg: str) -> int:
    """The length of the longest run of `seg`'s first words that is a site's name (0 if none)."""
    best, n = 0, 0
    for w in cut_words(seg[:_MAX_ITEM + 2]):
        n += len(w)
        if n > _MAX_ITEM or not _plain_word(w):
            break
        if _site(seg[:n]):
            best = n
    return best


def _last_words_site(seg: str) -> int:
    """The length of the longest run of `seg`'s last words that is a site's name, stopping at the clause's
    verbs (整体提升|南海意库) (0 if none)."""
    best, n = 0, 0
    for w in reversed(cut_words(seg)):
        n += len(w)
        if n > _MAX_ITEM or not _plain_word(w):
            break
        if _site(seg[-n:]):
            best = n
    return best


def _items(text: str, m: re.Match) -> list[tuple[int, int, bool]]:
    """(start, end, whole) per segment of the chain: middle segments whole, the first and last ones cut
    to their edge words later."""
    out, pos = [], m.start()
    parts = _SPLIT.split(m.group())
    seps = [x.group() for x in _SPLIT.finditer(m.group())]
    for k, part in enumerate(parts):
        out.append((pos, pos + len(part), 0 < k < len(parts) - 1))
        pos += len(part) + (len(seps[k]) if k < len(seps) else 0)
    return out


def find_dash_chains(text: str, base: int, found: list[Mention]) -> list[Mention]:
    """Place mentions of the bare items of dash-joined chains of places; `found`: this passage's mentions."""
    out: list[Mention] = []
    if not any(d in text for d in "-—－–"):
        return out
    local = [(m.start - base, m.end - base, m.label) for m in found]
    for m in _CHAIN.finditer(text):
        if m.start() > 0 and text[m.start() - 1] == "@":
            continue   # @深圳—民意速办: a service's handle
        segs = _items(text, m)
        known_place, bodies, new, failed = False, False, [], 0
        for k, (s, e, whole) in enumerate(segs):
            if k == 0:
                hit = next((x for x in local if x[1] == e and x[0] >= s), None)
            elif k == len(segs) - 1:
                hit = next((x for x in local if x[0] == s and x[1] <= e), None)
            else:
                hit = next((x for x in local if x[0] == s and x[1] == e), None)
            if hit is not None:
                known_place |= hit[2] == "Place"
                bodies |= hit[2] != "Place"
                continue
            if k == 0:
                n = _last_words_site(text[s:e])
                span = (e - n, e)
            elif k == len(segs) - 1:
                span = (s, s + _first_words_site(text[s:e]))
            else:
                span = (s, e) if _site(text[s:e]) else (s, s)
            if (span[1] - span[0] < 2 or (k == 0 and span[0] > s and _glued(text, span[0], True))
                    or (k == len(segs) - 1 and span[1] < e and _glued(text, span[1], False))):
                failed += 1
                continue
            new.append(span)
        # one item that is no site's name (儿童乐园 among 塘朗山-安托山-…-红树林) is skipped; more make the chain
        # a chain of something else (科技—产业—金融)
        if failed > 1 or failed >= len(segs) - failed or bodies or not new:
            continue
        # a body, event or document among the chain's words: 清华-伯克利深圳学院, 深圳-米兰双城时尚周
        if any(x[2] != "Place" and x[0] < m.end() and m.start() < x[1] for x in local if x[2] != "Measure"):
            continue
        if not known_place and (len(segs) < _THREE_BARE or failed or sum(_proper(text[s:e]) for s, e in new) < 2):
            continue   # no place vouches: three or more site names, two of them proper (天安——车公庙——沙头)
        for s, e in new:
            if any(x[0] < e and s < x[1] and x[2] != "Measure" for x in local):
                continue
            out.append(Mention("Place", base + s, base + e, text[s:e], text[s:e], set(), {"listed": "dash"}))
    return out
