"""Errors of the time views; the CLI turns NotFound into exit 4, the API into 404."""
from __future__ import annotations


class NotFound(LookupError):
    """An unknown series, report or entity, named in the message."""
