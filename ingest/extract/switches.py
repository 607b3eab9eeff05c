"""On/off switches of optional extraction steps, read from the environment at each call."""
from __future__ import annotations

import os

_OFF_WORDS = ("", "0", "off", "false", "no")


def switch_on(env_name: str, default: bool) -> bool:
    """The step named by `env_name` runs: the variable's value if set (0/off/false/no/empty turn it off),
    else `default`."""
    value = os.environ.get(env_name)
    if value is None:
        return default
    return value.strip().lower() not in _OFF_WORDS
