"""Errors analytics raise for bad input, each naming the parameter at fault."""
from __future__ import annotations


class UnknownEntity(ValueError):
    """An entity id that the store does not hold."""

    def __init__(self, param: str, node_id: str):
        super().__init__(f"{param}: no entity {node_id!r} in the store")
        self.param = param
        self.node_id = node_id
