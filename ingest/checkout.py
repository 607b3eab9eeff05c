"""The repository around the running code, when govgraph runs from a checkout; nothing from a wheel.

setup.py maps the repository's top-level folders onto `govgraph.*`, so the folder above this package is
the repository root in a checkout (an editable install) and `site-packages/govgraph` in a wheel install.
Files that belong to the repository and not to the product (the gold under tests/gold, the sample
reports) are therefore found only in a checkout; a wheel user passes their own (`--gold`).
"""
from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GOLD_EXTRACTION = "tests/gold/extraction"
GOLD_QUESTIONS = "tests/gold/questions.jsonl"


class NotInCheckout(LookupError):
    """A repository file was asked for while govgraph runs from an installed wheel."""


def in_checkout() -> bool:
    # pyproject.toml sits beside the package folders only in a checkout, never in site-packages.
    return (REPO / "pyproject.toml").is_file()


def checkout_path(relative: str) -> Path | None:
    """`relative` inside the repository, or None outside a checkout or when it is not there."""
    path = REPO / relative
    return path if in_checkout() and path.exists() else None


def shipped_gold(relative: str, option: str = "--gold") -> Path:
    """The repository's gold at `relative`; outside a checkout, an error saying to pass `option`."""
    path = checkout_path(relative)
    if path is None:
        raise NotInCheckout(f"no gold given: pass {option} (the project's own gold, {relative}, "
                            "is found only when govgraph runs from a checkout of its repository)")
    return path
