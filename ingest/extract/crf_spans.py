"""Names the rules missed, proposed by a learned character tagger (a linear-chain CRF).

The model (lexicon/models/names.crfsuite, trained by tools/train_crf.py on the dev gold windows, the report
gold and silver labels; see docs/extraction.md) tags each character of a clause B-/I-<label>/O. It
runs only on clauses that hold a head noun of a proposed label that no rule mention covers, and only while
GOVGRAPH_CRF_SPANS is on. A tagged span becomes a candidate when
- its label is one the tagger is trusted with (`PROPOSED_LABELS`),
- every character's marginal probability of its tag is at least `MIN_MARGINAL`,
- no rule mention of a closed label or a person overlaps it (the rules' own reading wins), except a
  rule Place lying inside it (`CONTAINED_LABELS`: 深圳 in 深圳湾万象城; the longer name then wins the
  overlap settling, as any finder's does),
- the rule-side vetoes pass: no category noun (traps.is_category on the modifier before its head),
  no generic word, no clause-opening verb inside (打造), not the nation alone before a zone's head
  (中国自贸区);
- an Organization ends in an organisation head and is no kind of body by the rules' own test
  (org_modifiers.names_a_kind_of_body), and a fund or bank names its owner (`_organization_vetoed`).
The candidates then go through the same overlap settling, relations and nodes as every finder's.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from .cluster_names import CLUSTER_HEADS, weak_cluster
from .crf_features import clause_features, head_matcher
from .lexicon import LEXICON_DIR, word_set
from .mentions import Mention
from .name_shapes import _clause_openers
from .org_modifiers import names_a_kind_of_body
from .organizations import _WEAK_SUFFIXES
from .spans import clauses
from .switches import switch_on
from .traps import _PROPER_TAGS, _is_place, _owns, category_words, has_proper_word, is_category
from .words import cut_words, is_word, tagger

if TYPE_CHECKING:
    from .resolve import ReportContext

MODEL_PATH = LEXICON_DIR / "models" / "names.crfsuite"
ENV_SWITCH = "GOVGRAPH_CRF_SPANS"
# On since session 11: with the Organization vetoes (x15tag) it adds 7 right / 4 wrong names on dev CV (no
# label's precision down by more than 0.005, no dev trap) and 5 right / 0 wrong on the test windows (recall
# 0.726 -> 0.750); build_batch runs at 198k chars per CPU-second with it, 0.50x jieba alone in the same run
# (bench/crf_bench.py --files 0; 0.59x off). Session 12 (containment, list-item features, more vetoes): dev CV
# +16 right / +3 wrong, test +8 / +2 (recall 0.726 -> 0.764); 1.21x the CPU of tagger off. Session 13 (87 dev
# windows): dev CV +20 / +8 at floor 0.95, +17 / +3 at 0.97. GOVGRAPH_CRF_SPANS=0 turns it off.
DEFAULT_ON = True
PROPOSED_LABELS = frozenset({"Place", "Organization"})
# every character's tag at least this probable (session 13, dev CV over 87 windows: floor 0.95 adds 20 right /
# 8 wrong names (Place precision -0.006), 0.97 adds 17 / 3 (-0.002): the names between the two floors were 3
# right in 8; python tools/train_crf.py cv --min-marginal 0.9 0.95 0.97; 0.95 from session 6 to 12). Kept at
# 0.95 by the lead: read over the 26 corpus reports, the 23 names 0.97 drops were ~17 right, 1 wrong, 5 doubtful,
# a larger sample than CV's 8, and test recall (Place 0.77) is further from its target than precision (0.85)
MIN_MARGINAL = 0.95
# labels a candidate may not overlap: the rules' names (measures and events may contain names)
_DESCRIPTIVE_TAGS = frozenset({"a", "ad", "an", "d"})
# the nation alone before a zone's head names the class of such zones (中国自贸区, 国家高新区), not one place
_NATION_WORDS = frozenset({"中国", "国家", "全国", "我国"})
_BLOCKING = frozenset({"Agency", "Organization", "Place", "Policy", "Event", "Person"})

# which clauses are tagged: those with a head no rule mention covers ("uncovered"), or every clause with a
# head of a proposed label ("heads")
GATE = "uncovered"

# rule mentions of these labels lying inside a tagged span (深圳 in 深圳河) do not block it: the longer
# name wins the overlap settling, as any finder's longer name does
# (session 12, dev CV with main's model: 13 right / 4 wrong names added with it and the clause-opener veto,
# 6 / 3 without: 深圳湾万象城, 深圳手信街, 广州南沙进口贸易促进创新示范区)
CONTAINED_LABELS = frozenset({"Place"})

_settings = {"model": MODEL_PATH, "labels": PROPOSED_LABELS, "min_marginal": MIN_MARGINAL, "gate": GATE,
             "contained": CONTAINED_LABELS}


def configure(model: Path | None = None, labels: Iterable[str] | None = None,
              min_marginal: float | None = None, gate: str | None = None,
              contained: Iterable[str] | None = None) -> None:
    """Point the finder at another model or thresholds (cross-validation, tools/train_crf.py)."""
    if model is not None:
        _settings["model"] = Path(model)
        _tagger.cache_clear()
    if labels is not None:
        _settings["labels"] = frozenset(labels)
    if min_marginal is not None:
        _settings["min_marginal"] = min_marginal
    if gate is not None:
        _settings["gate"] = gate
    if contained is not None:
        _settings["contained"] = frozenset(contained)


def enabled() -> bool:
    return switch_on(ENV_SWITCH, DEFAULT_ON)


@lru_cache(maxsize=1)
def _tagger():
    import pycrfsuite
    path = _settings["model"]
    if not Path(path).is_file():
        raise FileNotFoundError(f"{ENV_SWITCH} is on but the name tagger model is missing: {path} "
                                "(train it with tools/train_crf.py)")
    t = pycrfsuite.Tagger()
    t.open(str(path))
    return t


def tagged_spans(text: str) -> list[tuple[int, int, str, float]]:
    """(start, end, label, confidence) of each name the tagger reads in one clause; the confidence is
    the lowest marginal probability of the span's tags and of the tag after it (O or a new B)."""
    t = _tagger()
    t.set(clause_features(text))
    tags = t.tag()
    out = []
    i = 0
    while i < len(tags):
        if not tags[i].startswith("B-"):
            i += 1
            continue
        label = tags[i][2:]
        j = i + 1
        while j < len(tags) and tags[j] == f"I-{label}":
            j += 1
        conf = min(t.marginal(tags[k], k) for k in range(i, j))
        if j < len(tags):
            conf = min(conf, 1.0 - t.marginal(f"I-{label}", j))
        out.append((i, j, label, conf))
        i = j
    return out


def _vetoed(text: str, s: int, e: int) -> bool:
    """The rules' vetoes on text[s:e]: a category noun, a generic word or a kind names no body.

    With a head noun at its end, the modifier must say which body (traps.is_category, and
    has_proper_word as for the weak heads of name_shapes.py) and may not itself end in a head
    (口岸经济带 is a kind); without one, the span may not cut a dictionary word at either edge
    (深南 of 深南大道) nor be a common word jieba tags as such."""
    name = text[s:e]
    if name in category_words() or _holds_clause_opener(name) or _unbalanced(name) or _COUNTED.search(name):
        return True
    heads = [(hs, cls) for hs, he, _, cls in head_matcher().find(name) if he == len(name)]
    if heads:
        modifier, head = name[:heads[-1][0]], name[heads[-1][0]:]
        if not modifier or is_category(modifier, head) or not has_proper_word(modifier):
            return True
        if modifier in _NATION_WORDS and heads[-1][1] == "Place":
            return True
        if not modifier.startswith("国家") and any(name.endswith(h) and weak_cluster(name[:-len(h)], h)
                                                  for h in CLUSTER_HEADS):
            # 数控机床产业基地: a cluster or base a sector opens is a kind (cluster_names.py); a national
            # designation is one base (国家生物产业基地: a Place in the dev gold of w00), kept as before
            return True
        if _descriptive(modifier):
            return True
        return any(he == len(modifier) and he - hs > 1 for hs, he, _, _ in head_matcher().find(modifier))
    if (s > 0 and is_word(text[s - 1:s + 1])) or (e < len(text) and is_word(text[e - 1:e + 1])):
        return True
    _, tags = tagger()
    return tags.get(name) not in (None, *_PROPER_TAGS)


# a count inside: 新桥东3个片区, 石岩浪心四大片区, 汕尾323条村 name a number of places, not one (corpus, session 12)
_COUNTED = re.compile(r"[0-9０-９一二两三四五六七八九十百千]+[个条座家项批所大]")
_PAIRS = (("（", "）"), ("(", ")"), ("“", "”"), ("《", "》"))


def _unbalanced(name: str) -> bool:
    """A bracket or quote opened and not closed in the span, or closed and not opened (东莞）产业园,
    南澳码头（口岸): the tagger's edge fell inside a parenthesis."""
    return any(name.count(o) != name.count(c) for o, c in _PAIRS)


# words that make a phrase, never a name (no Place or Organization of the gold holds them as a word):
# 全球…最大的国家基因库, 高新技术产业带特别是留仙洞片区 (corpus additions, session 12)
_PHRASE_WORDS = frozenset({"的", "是"})


def _holds_clause_opener(name: str) -> bool:
    """A word that opens clauses and stands in no name (打造, 拓宽: clause_lead_words.txt, the rules' own
    left boundary in name_shapes.py), or a phrase's 的 or 是, inside the span: the tagger ran its left
    edge over a verb (龙岗天安数码打造创业大道). Verbs names do hold (促进 in …进口贸易促进创新示范区:
    name_verbs.txt) pass, and so do other single characters (与 in 广州人工智能与数字经济试验区;
    name_shapes.py, too, cuts at one only at the start of the text it reads)."""
    openers, name_verbs = _clause_openers(), word_set("name_verbs.txt")
    return any((len(w) > 1 and w in openers and w not in name_verbs) or w in _PHRASE_WORDS for w in cut_words(name))


def _organization_vetoed(name: str, ctx: "ReportContext | None") -> bool:
    """An Organization the tagger reads must be built as the rules build one (session 11, dev CV: 4 of
    the 5 organisations it added at floor 0.95 were wrong):
    - it ends in an organisation head: a name without one is the tagger's guess at a label (宝龙新能源基地,
      a Place in the gold);
    - the modifier before an organisation suffix names one body (org_modifiers.names_a_kind_of_body:
      具身机器人产业|基金 is a kind);
    - before a weak suffix (基金, 银行, organizations._WEAK_SUFFIXES) a word names its owner (traps._owns:
      a place, person or organisation: 光明科学城母基金, 中德（欧）产业合作基金); the rules accept a rare
      word there (风险投资, jieba count 3), which lets the kind 知识产权风险投资基金 through."""
    heads = [(hs, key) for hs, he, key, label in head_matcher().find(name) if he == len(name) and label == "Organization"]
    if not heads:
        return True
    hs, _ = heads[-1]
    modifier, head = name[:hs], name[hs:]
    if names_a_kind_of_body(modifier, head, ctx):
        return True
    weak = next((w for w in _WEAK_SUFFIXES if head.endswith(w)), None)
    return weak is not None and not _names_owner(name[:len(name) - len(weak)], name)


def _names_owner(modifier: str, name: str) -> bool:
    """Whether a place (the gazetteer's, anywhere in the modifier: jieba cuts 前|海 before 海洋), an owner word
    (traps._owns) or jieba's whole-name entry (招商银行 nt) says whose fund or bank it is."""
    _, tags = tagger()
    return (_is_place(modifier) or any(_owns(w) for w in cut_words(modifier))
            or tags.get(name) in ("nt", "j"))


def _descriptive(modifier: str) -> bool:
    """老旧 (工业区): a modifier of adjectives and adverbs only describes a kind (has_proper_word reads
    two single characters jieba could not join as a name)."""
    _, tags = tagger()
    words = cut_words(modifier)
    return all(tags.get(w) in _DESCRIPTIVE_TAGS for w in words)


def _leading_places(s: int, e: int, inner: list[tuple[int, int]]) -> bool:
    """Whether the rule Places inside [s, e) lead the name one after another from its start (深圳 of
    深圳湾万象城, 广州|南沙 of 广州南沙…示范区): a rule Place further in is a second name joined to the
    first (龙岗与市中心区, 梅州至泉州, 福田、皇岗口岸), not part of one."""
    at = s
    for ts, te in sorted(set(t for t in inner if s <= t[0] and t[1] <= e)):
        if ts != at:
            return False
        at = te
    return True


def _open_head(clause: str, at: int, taken: list[tuple[int, int]], labels: frozenset[str],
               heads: list[tuple[int, int, str, str]] | None = None) -> bool:
    """Whether the clause (at offset `at`) holds a head noun of a proposed label that no rule mention
    covers: where the rules have read every head, the tagger has nothing to add (and tagging every
    clause with a head took 1.9x the pipeline's CPU on the corpus: bench/crf_bench.py). `heads`: the
    clause's head matches if already found (clause_heads)."""
    for hs, he, _, label in head_matcher().find(clause) if heads is None else heads:
        if label not in labels or (he - hs == 1 and _inside_word(clause, hs)):
            continue
        if _settings["gate"] == "heads" or not any(ts <= at + hs and at + he <= te for ts, te in taken):
            return True
    return False


def _inside_word(clause: str, i: int) -> bool:
    """A one-character head that makes a dictionary word with a neighbour is no head: 城市, 道路, 渠道
    (城 alone opened 556 of 2,007 tagged clauses over 10 corpus reports)."""
    right = i + 1 < len(clause) and is_word(clause[i:i + 2])
    return right or (i > 0 and is_word(clause[i - 1:i + 1]))


def clause_heads(text: str, spans: list[tuple[int, int]]) -> list[list[tuple[int, int, str, str]]]:
    """The head matches of each clause (offsets in the clause), from one scan of the passage: no head
    holds a clause delimiter or a space, so the leftmost-longest matches of the passage inside a clause
    are the clause's own (one scan instead of one per clause: 35,584 calls over the corpus were ~2% of
    build_batch's CPU with the tagger on)."""
    found = head_matcher().find(text)
    starts = [s for s, _, _, _ in found]
    out = []
    for cs, ce in spans:
        i = bisect_left(starts, cs)
        j = bisect_left(starts, ce, i)
        out.append([(s - cs, e - cs, key, label) for s, e, key, label in found[i:j]])
    return out


def propose_names(text: str, base: int, ctx: "ReportContext", found: list[Mention]) -> list[Mention]:
    """Candidates from the tagger in passage `text` (at `base`) that no mention in `found` covers."""
    if not enabled():
        return []
    blocking = [m for m in found if m.label in _BLOCKING]
    taken = [(m.start - base, m.end - base) for m in blocking]
    contained = _settings["contained"]
    nested = [m.label in contained for m in blocking]
    labels, floor = _settings["labels"], _settings["min_marginal"]
    out: list[Mention] = []
    spans = clauses(text)
    for (cs, ce), heads in zip(spans, clause_heads(text, spans)):
        clause = text[cs:ce]
        if not _open_head(clause, cs, taken, labels, heads):
            continue
        for s, e, label, conf in tagged_spans(clause):
            s, e = cs + s, cs + e
            if label not in labels or conf < floor or e - s < 2:
                continue
            if any(s < te and ts < e and not (inner and s <= ts and te <= e and (ts, te) != (s, e))
                   for (ts, te), inner in zip(taken, nested)):
                continue
            if not _leading_places(s, e, [t for t, inner in zip(taken, nested) if inner]):
                continue
            if _vetoed(text, s, e) or (label == "Organization" and _organization_vetoed(text[s:e], ctx)):
                continue
            name = text[s:e]
            out.append(Mention(label, base + s, base + e, name, name, set(), {"crf": round(conf, 3)}))
    return out
