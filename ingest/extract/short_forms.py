"""A body or document named in full and by a short form is one entity in its report.

Two kinds of short form:
- **defined** by the report itself right after the full name: 《…纲要（草案）》（以下简称《纲要草案》）,
  …合作区（以下简称“合作区”）, …（简称SUC项目）, …（下称X）. The short form is an alias of the entity the
  full name is, from the definition on, for the whole report.
- **well known**, written without a definition (lexicon/body_abbreviations.tsv: 南科大 -> 南方科技大学,
  中科院 -> 中国科学院): the same in every report.

A mention another rule found under the short form takes the full name (the short form becomes its alias);
an occurrence no rule found becomes a mention of the full entity where it stands as a word of its own
(word_alignment.stands_as_word: 北大 in 清华、北大合作, not in 北大荒) or, for a defined form, between quotes
or title marks as it was defined. Each keeps its own offsets, so the node's evidence is every sentence
that names it either way.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import Matcher, table
from .mentions import Mention
from .places import is_rare_word
from .word_alignment import opens_longer_name, stands_as_word

# 简称 / 以下简称 / 下称 / 以下称, optionally after an English gloss (Solid Oxide Fuel Cell，简称SOFC), then
# the short form in quotes, title marks or bare up to the next punctuation
_DEFINITION = re.compile(
    r"[（(](?:[A-Za-z][^（）()，,]{0,80}[，,]\s*)?(?:(?:以下|下文)?简称|(?:以下|下文|下)称)\s*[：:为]?\s*"
    r"(?:[“\"「]([^”\"」（）()，,]{2,20})[”\"」]|《([^》（）()]{2,40})》|([^，,；;：:、）)“”\"《》\s]{2,12}))"
    r"\s*(?=[）)，,；;])")
# marks that may close the full name between it and the definition's bracket (…”（简称…）, …》（以下简称…）)
_CLOSERS = "”\"」》"
_OPENERS = "“\"「《"
# labels a short form may stand for; measures are phrases, not named entities
_LABELS = frozenset({"Organization", "Agency", "Place", "Policy", "Event"})
# what follows an abbreviation when the words name something else after it: a line (…城际), a gate
# (守好“北大门”), a neighbourhood (清华社区, 南科大安置区), an affiliated school (南科大附中); over the
# corpus these were 7 of the first 69 additions read, all wrong
_NOT_THE_BODY = re.compile(r"(?:城际|铁路|高铁|高速|大道|通道|线|门|社区|小区|村|附|安置)")


@dataclass(frozen=True)
class ShortForm:
    short: str
    name: str           # the full entity's canonical name
    label: str
    since: int          # offset from which the short form stands for it (0 for a well-known one)
    defined: bool
    props: tuple[tuple[str, object], ...] = ()


@lru_cache(maxsize=1)
def known_abbreviations() -> dict[str, tuple[str, str]]:
    """body_abbreviations.tsv: abbreviation -> (full name, label)."""
    return {a: (full, label) for a, full, label in table("body_abbreviations.tsv") if a and full and label}


def expand_abbreviation(name: str) -> tuple[str, set[str]]:
    """The full name of a well-known abbreviation and the aliases it keeps (南科大 -> 南方科技大学, {南科大})."""
    hit = known_abbreviations().get(name)
    return (hit[0], {name}) if hit is not None else (name, set())


def _full_mention(text: str, start: int, ms: list[Mention]) -> Mention | None:
    """The name mention ending right before the definition's bracket at `start` (closing marks between)."""
    end = start
    while end > 0 and text[end - 1] in _CLOSERS:
        end -= 1
    best = None
    for m in ms:
        if m.label in _LABELS and not m.props.get("implicit") and m.end in (start, end) \
                and (best is None or m.end - m.start > best.end - best.start):
            best = m
    return best


def defined_short_forms(text: str, ms: list[Mention]) -> list[ShortForm]:
    """The report's own definitions whose full name is a mention (宫颈癌及乳腺癌（简称“两癌”）names none)."""
    out = []
    for d in _DEFINITION.finditer(text):
        short = next(g for g in d.groups() if g)
        full = _full_mention(text, d.start(), ms)
        if full is None or short == full.name or short == full.surface:
            continue
        props = tuple((k, v) for k, v in full.props.items() if k in ("kind", "foreign", "gazetteer"))
        out.append(ShortForm(short, full.name, full.label, d.start(), True, props))
    return out


def _known_forms() -> list[ShortForm]:
    return [ShortForm(a, full, label, 0, False) for a, (full, label) in known_abbreviations().items()]


@lru_cache(maxsize=1)
def _full_names() -> dict[str, str]:
    return {full: label for full, label in known_abbreviations().values()}


def _expanded_prefix(name: str) -> ShortForm | None:
    """A body of the table written with its parent abbreviated: 中科院深圳先进技术研究院 is 中国科学院深圳先进技术研究院."""
    for a, (full, _label) in known_abbreviations().items():
        if name.startswith(a) and len(name) > len(a):
            whole = full + name[len(a):]
            if whole in _full_names():
                return ShortForm(name, whole, _full_names()[whole], 0, False, (("expanded", True),))
    return None


def _quoted(text: str, s: int, e: int) -> bool:
    return s > 0 and e < len(text) and text[s - 1] in _OPENERS and text[e] in _CLOSERS


def _stands_alone(text: str, s: int, e: int, form: ShortForm) -> bool:
    """Whether text[s:e] names the body: a word of its own here, or quoted as it was defined."""
    if form.defined and _quoted(text, s, e):
        return True
    if opens_longer_name(text, e) or _NOT_THE_BODY.match(text, e):
        return False
    # a defined form that is a common word (《意见》, “合作区”) counts unmarked only where a rule found it:
    # 征求意见 names no document
    return stands_as_word(text, s, e) and (not form.defined or is_rare_word(form.short))


def _rename(m: Mention, form: ShortForm) -> None:
    if m.name != form.name:
        m.aliases.add(m.name)
    if m.surface and m.surface != form.name:
        m.aliases.add(m.surface)
    m.aliases.discard(form.name)
    m.name, m.label = form.name, form.label
    for k, v in form.props:
        m.props.setdefault(k, v)


def resolve_short_forms(text: str, passages: list[tuple[int, int, list[Mention]]]) -> None:
    """Rename the mentions written by a short form and add its occurrences no rule found (in place)."""
    all_ms = [m for _, _, ms in passages for m in ms]
    forms: dict[str, list[ShortForm]] = {}
    for f in defined_short_forms(text, all_ms) + _known_forms():
        forms.setdefault(f.short, []).append(f)
    if not forms:
        return

    def form_at(short: str, at: int) -> ShortForm | None:
        # the latest definition before the occurrence; a report's own definition wins over the table
        fs = [f for f in forms.get(short, ()) if f.since <= at]
        return max(fs, key=lambda f: (f.defined, f.since)) if fs else None

    for m in all_ms:
        if m.label in _LABELS and not m.props.get("implicit"):
            f = form_at(m.name, m.start) or form_at(m.surface, m.start) or _expanded_prefix(m.name)
            if f is not None and f.label == m.label or (f is not None and f.defined):
                _rename(m, f)
    matcher = Matcher((s, s) for s in forms)
    for lo, hi, ms in passages:
        names = [m for m in ms if m.label not in ("Measure", "Event")]
        added, inside = [], []
        for s, e, short, _ in matcher.find(text[lo:hi]):
            a, b = lo + s, lo + e
            f = form_at(short, a)
            if f is None or not _stands_alone(text, a, b, f):
                continue
            # the longer name wins, as in the overlap settlement: 深圳 inside 中科院深圳先进院 goes
            within = [m for m in names if a <= m.start and m.end <= b and (m.start, m.end) != (a, b)]
            if any(m.start < b and a < m.end and m not in within for m in names):
                continue
            inside += within
            added.append(Mention(f.label, a, b, short, f.name, {short}, dict(f.props) | {"short_form": True}))
        if added:
            ms[:] = [m for m in ms if not any(m is x for x in inside)] + added
            ms.sort(key=lambda m: (m.start, -m.end))
