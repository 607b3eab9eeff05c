"""Rule mentions the learned character tagger reads as no name at all (a veto, off by default).

The tagger of crf_spans.py gives each character of a clause a marginal probability of the O tag (no
name). A rule mention of a closed label whose every character the tagger calls O with probability at
least `VETO_FLOOR` is dropped before overlap settling: the rules read a kind (城中村, 纾困基金) or a fragment
where the annotated writing the tagger learned from holds none. Switched by GOVGRAPH_CRF_VETO; the
figures that decided its default are in docs/extraction.md (tools/train_crf.py cv --veto).
"""
from __future__ import annotations

from typing import Iterable

from .crf_features import clause_features
from .crf_spans import _tagger
from .mentions import Mention
from .spans import clauses
from .switches import switch_on

ENV_SWITCH = "GOVGRAPH_CRF_VETO"
DEFAULT_ON = False
VETO_FLOOR = 0.95
VETOED_LABELS = frozenset({"Agency", "Organization", "Place", "Policy", "Event"})

_settings = {"floor": VETO_FLOOR, "labels": VETOED_LABELS}


def configure(floor: float | None = None, labels: Iterable[str] | None = None) -> None:
    """Another floor or label set (cross-validation, tools/train_crf.py)."""
    if floor is not None:
        _settings["floor"] = floor
    if labels is not None:
        _settings["labels"] = frozenset(labels)


def enabled() -> bool:
    return switch_on(ENV_SWITCH, DEFAULT_ON)


def o_marginals(clause: str) -> list[float]:
    """The tagger's probability that each character of one clause is in no name."""
    t = _tagger()
    t.set(clause_features(clause))
    t.tag()
    return [t.marginal("O", i) for i in range(len(clause))]


def veto_mentions(text: str, base: int, found: list[Mention]) -> list[Mention]:
    """`found` (mentions of passage `text` at `base`) without the rule mentions the tagger calls O."""
    if not enabled():
        return found
    labels, floor = _settings["labels"], _settings["floor"]
    suspects = [m for m in found if m.label in labels and "crf" not in m.props and m.end > m.start]
    if not suspects:
        return found
    dropped: set[int] = set()
    for cs, ce in clauses(text):
        inside = [m for m in suspects if cs <= m.start - base and m.end - base <= ce]
        if not inside:
            continue
        p_o = o_marginals(text[cs:ce])
        for m in inside:
            if min(p_o[m.start - base - cs:m.end - base - cs]) >= floor:
                m.props["crf_veto"] = True
                dropped.add(id(m))
    return [m for m in found if id(m) not in dropped]
