"""A name and the kind of thing it names, joined as Chinese writes them.

English writes a place or an institution as a name and a kind word (Xili Lake, Shenzhen Bay, Qianhai
Cooperation Zone, Wutong Mountain, Pengcheng Laboratory); Chinese writes one word, the kind a short ending
glued onto the name (西丽湖, 深圳湾, 前海合作区, 梧桐山, 鹏城实验室). Read phrase by phrase, the kind becomes a word
of its own (lake -> 湖泊, mountain -> 山岳, zone -> 地带) that the passage naming the place never writes, and
the name is looked for alone, in every passage that names the district or the brand it shares.

So a name group (a gazetteer place, a romanised name with the spellings the reports use, an acronym, a
capitalised dictionary word) followed by a kind word of `lexicon/english_name_kinds.tsv` gives one more
group: every spelling of the name joined to every ending of the kind, kept when the searched reports write
the join as it is. Kinds chain (Shenzhen Bay Laboratory -> 深圳湾 -> 深圳湾实验室).
"""
from __future__ import annotations

from typing import Callable, Sequence

from govgraph.ingest.crosslingual import TermGroup, TermSource
from govgraph.ingest.wordlists import table

# English kind (lower case, one or two words) -> the endings Chinese writes for it
KINDS: dict[str, tuple[str, ...]] = {row[0].lower(): tuple(row[1].split()) for row in table("english_name_kinds.tsv")}
# Kinds of bodies, which Chinese names by their field as often as by a name (教育局, 卫生健康委员会, 妇女联合会): any
# dictionary word before them joins, not only a name (education bureau -> 教育局).
BODY_KINDS = frozenset(row[0].lower() for row in table("english_name_kinds.tsv") if row[2:3] == ("body",))
_BODY_STEMS = frozenset(k.rstrip("s") for k in BODY_KINDS)  # bureaus, commissions
LONGEST_KIND = max((len(k.split()) for k in KINDS), default=1)
# Groups that can be the name part: what the gazetteers, the romanisation and capitals say is a name.
NAME_SOURCES = frozenset({TermSource.PLACE, TermSource.ROMANIZED, TermSource.ACRONYM, TermSource.NAMED})


def is_name(group: TermGroup) -> bool:
    """A group that names something: a place, a romanised name, an acronym, or a capitalised dictionary word
    (Xili, Hetao, Wutong: CC-CEDICT's proper-name readings)."""
    return group.source in NAME_SOURCES or (group.source == TermSource.DICTIONARY and group.english[:1].isupper())


def kind_at(groups: Sequence[TermGroup], i: int) -> tuple[int, tuple[str, ...]]:
    """(groups the kind spans, its endings) for a kind word starting at groups[i]; (0, ()) when none."""
    for n in range(min(LONGEST_KIND, len(groups) - i), 0, -1):
        words = " ".join(g.english for g in groups[i:i + n]).lower()
        for key in (words, words[:-1] if words.endswith("s") else None):
            if key and key in KINDS:
                return n, KINDS[key]
    return 0, ()


def _body_at(groups: Sequence[TermGroup], i: int) -> bool:
    """Whether a kind of body (bureau, commission) starts at groups[i]."""
    n, _ = kind_at(groups, i)
    return bool(n) and " ".join(g.english for g in groups[i:i + n]).lower().rstrip("s") in _BODY_STEMS


def joined_names(groups: Sequence[TermGroup], spellings: Callable[[TermGroup], Sequence[str]],
                 written: Callable[[Sequence[str]], list[str]]) -> list[TermGroup]:
    """One NAMED group per name followed by kind words, its terms the joins `written` finds in the reports
    (none found: no group). `spellings` gives a name group's Chinese spellings."""
    out: list[TermGroup] = []
    for i, g in enumerate(groups):
        starts = is_name(g) or (g.source == TermSource.DICTIONARY and _body_at(groups, i + 1))
        if not starts or (i and is_name(groups[i - 1]) and kind_at(groups, i)[0]):
            continue
        english, names, j = g.english, list(spellings(g)), i + 1
        joined: TermGroup | None = None
        while names and j < len(groups):
            n, endings = kind_at(groups, j)
            if not n:
                break
            found = written([name + end for name in names for end in endings])
            if not found:
                break
            english = " ".join([english, *(x.english for x in groups[j:j + n])])
            joined = TermGroup(english, TermSource.NAMED, tuple(found))
            names, j = found, j + n
        if joined is not None:
            out.append(joined)
    return out
