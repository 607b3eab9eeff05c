"""Names the rules missed, chosen by a boundary classifier over head-noun candidates (off by default).

For each head noun that no rule mention covers (crf_spans._open_head's test), span_features.py lists
every left edge jieba's words allow; a logistic regression (weights in lexicon/models/span_boundaries.json,
trained by tools/train_span_model.py on the dev windows and the report gold; docs/extraction.md) scores
each, and the best one becomes a candidate when its probability is at least the floor, no rule mention of
a closed label or a person overlaps it, and the rule-side vetoes of crf_spans pass. Switched by
GOVGRAPH_SPAN_MODEL.
"""
from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from .crf_spans import _BLOCKING, _open_head, _vetoed, tagged_spans
from .lexicon import LEXICON_DIR
from .mentions import Mention
from .span_features import Candidate, candidates, features
from .spans import clauses
from .switches import switch_on

if TYPE_CHECKING:
    from .resolve import ReportContext

MODEL_PATH = LEXICON_DIR / "models" / "span_boundaries.json"
ENV_SWITCH = "GOVGRAPH_SPAN_MODEL"
DEFAULT_ON = False
MIN_PROBABILITY = 0.8
_ALL_LABELS = frozenset({"Agency", "Organization", "Place", "Policy", "Event"})

# moving a rule mention's left edge: off (None) or the classifier's floor for the new edge
CORRECT_FLOOR: float | None = None
# ... and the most the classifier may give the rule's own edge
CORRECT_CEILING = 0.2

# proposing only where the character tagger (crf_spans) reads the same span: off (None) or its floor
AGREE_FLOOR: float | None = None

_settings = {"model": MODEL_PATH, "floor": MIN_PROBABILITY, "vetoes": True, "correct": CORRECT_FLOOR,
             "propose": True, "agree": AGREE_FLOOR}


def configure(model: Path | None = None, floor: float | None = None, vetoes: bool | None = None,
              correct: float | None | bool = False, propose: bool | None = None,
              agree: float | None | bool = False) -> None:
    """Another model, floor or veto setting (cross-validation, tools/train_span_model.py); `correct`
    and `agree` False leave those settings as they are, None turns them off."""
    if model is not None:
        _settings["model"] = Path(model)
        _weights.cache_clear()
    if floor is not None:
        _settings["floor"] = floor
    if vetoes is not None:
        _settings["vetoes"] = vetoes
    if correct is not False:
        _settings["correct"] = correct
    if propose is not None:
        _settings["propose"] = propose
    if agree is not False:
        _settings["agree"] = agree


def enabled() -> bool:
    return switch_on(ENV_SWITCH, DEFAULT_ON)


@lru_cache(maxsize=1)
def _weights() -> tuple[float, dict[str, float]]:
    path = Path(_settings["model"])
    if not path.is_file():
        raise FileNotFoundError(f"{ENV_SWITCH} is on but the boundary model is missing: {path} "
                                "(train it with tools/train_span_model.py)")
    m = json.loads(path.read_text(encoding="utf-8"))
    return float(m["bias"]), {k: float(v) for k, v in m["weights"].items()}


def probability(feats: dict[str, float]) -> float:
    bias, w = _weights()
    z = bias + sum(w.get(k, 0.0) * v for k, v in feats.items())
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))


def scored_candidates(clause: str, keep: Callable[[Candidate], bool] | None = None) -> list[tuple[Candidate, float]]:
    """The candidates of `clause` (those `keep` accepts) with their probabilities."""
    cands, words, starts = candidates(clause)
    return [(c, probability(features(clause, c, words, starts))) for c in cands if keep is None or keep(c)]


def best_per_head(scored: list[tuple[Candidate, float]]) -> list[tuple[Candidate, float]]:
    """The most probable left edge of each head noun, with its probability."""
    best: dict[tuple[int, int], tuple[Candidate, float]] = {}
    for c, p in scored:
        key = (c.head_start, c.end)
        if key not in best or p > best[key][1]:
            best[key] = (c, p)
    return list(best.values())


def correct_edges(text: str, base: int, found: list[Mention]) -> None:
    """Move the left edge of a rule mention ending at a head noun when the classifier gives another
    edge of that head at least the correction floor and the rule's own edge at most CORRECT_CEILING
    (物联网大厦 -> 联润物联网大厦). The mention is changed in place and keeps its label."""
    floor = _settings["correct"]
    if floor is None:
        return
    for cs, ce in clauses(text):
        inside = [m for m in found if m.label in _BLOCKING and "crf" not in m.props
                  and cs <= m.start - base and m.end - base <= ce]
        if not inside:
            continue
        scored = scored_candidates(text[cs:ce])
        best = {(c.end, c.label): (c, p) for c, p in best_per_head(scored)}
        own = {(c.start, c.end, c.label): p for c, p in scored}
        for m in inside:
            s, e = m.start - base - cs, m.end - base - cs
            c, p = best.get((e, m.label), (None, 0.0))
            if c is None or c.start == s or p < floor or own.get((s, e, m.label), 0.0) > CORRECT_CEILING:
                continue
            m.start = base + cs + c.start
            m.surface = m.name = text[cs + c.start:cs + e]
            m.props["span_model_edge"] = round(p, 3)


def _tagger_reading(clause: str) -> dict[tuple[int, int], str] | None:
    """With agreement on, the spans (and labels) the character tagger reads in `clause` at its floor."""
    floor = _settings["agree"]
    if floor is None:
        return None
    return {(s, e): label for s, e, label, conf in tagged_spans(clause) if conf >= floor}


def propose_spans(text: str, base: int, ctx: "ReportContext", found: list[Mention]) -> list[Mention]:
    """Candidates in passage `text` (at `base`) for heads no mention in `found` covers."""
    if not enabled():
        return []
    correct_edges(text, base, found)
    if not _settings["propose"]:
        return []
    taken = [(m.start - base, m.end - base) for m in found if m.label in _BLOCKING]
    floor = _settings["floor"]
    out: list[Mention] = []
    for cs, ce in clauses(text):
        clause = text[cs:ce]
        if not _open_head(clause, cs, taken, _ALL_LABELS):
            continue  # every head read by a rule: nothing to score (the features are most of the cost)

        def uncovered(c: Candidate, cs: int = cs) -> bool:
            return not any(ts <= cs + c.head_start and cs + c.end <= te for ts, te in taken)

        tagged = _tagger_reading(clause)
        for c, p in best_per_head(scored_candidates(clause, uncovered)):
            s, e = cs + c.start, cs + c.end
            if p < floor or (tagged is not None and (c.start, c.end) not in tagged):
                continue
            label = c.label if tagged is None else tagged[(c.start, c.end)]
            if any(s < te and ts < e for ts, te in taken) or (_settings["vetoes"] and _vetoed(text, s, e)):
                continue
            taken.append((s, e))
            name = text[s:e]
            out.append(Mention(label, base + s, base + e, name, name, set(), {"span_model": round(p, 3)}))
    return out
