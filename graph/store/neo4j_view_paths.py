"""Paths past the shortest, a length at a time, by Yen's deviations (issue 18).

When fewer than n shortest paths join two entities, the next ones are deviations of those
already known. Let `known` hold every simple path of at most h hops. A path Q of h + 1 hops
shares its longest prefix P_0..P_i with some known path P and then steps to a node no known path
with that prefix steps to. From P_i, avoiding P_0..P_{i-1} and those steps, no path shorter than
h + 1 - i reaches the target (it would close a path of at most h hops that no known path is), so
Q's rest is one of the shortest paths from P_i under those bans. Hence: one bounded shortest-path
search per distinct prefix of the known paths (a `Spur`), each capped at h + 1 - i hops, finds
every path of h + 1 hops; repeat with them added for h + 2.

Neo4j answers each search with allShortestPaths (a bidirectional breadth-first search bounded by
the cap) where `SHORTEST k` under a hop cap walked from one end through the hubs (docs/neo4j.md,
session 12).
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Spur:
    root: tuple[str, ...]       # the shared prefix P_0..P_i; the search starts at its last node
    banned: tuple[str, ...]     # P_0..P_{i-1}: a simple path does not come back to them
    avoid: tuple[str, ...]      # the next nodes of the known paths with this prefix
    hops: int                   # the search's cap: h + 1 - i

    @property
    def start(self) -> str:
        return self.root[-1]


def spurs(known: list[tuple[str, ...]], hops: int) -> list[Spur]:
    """One search per distinct proper prefix of the known paths (all of at most hops - 1 hops),
    each capped so that root plus spur makes `hops` hops. Sorted for a stable query."""
    nexts: dict[tuple[str, ...], set[str]] = {}
    for path in known:
        for i in range(len(path) - 1):
            nexts.setdefault(path[:i + 1], set()).add(path[i + 1])
    out = []
    for root, avoid in sorted(nexts.items()):
        cap = hops - (len(root) - 1)
        if cap >= 1:
            out.append(Spur(root, root[:-1], tuple(sorted(avoid)), cap))
    return out


def deviations(spur: Spur, found: list[list[str]], hops: int) -> set[tuple[str, ...]]:
    """The root joined to each path the spur's search found, kept when simple and `hops` long
    (a path of hops + 1 ids); walks that differ only in the relation taken on a hop are one."""
    out = set()
    for rest in found:
        path = spur.root + tuple(rest[1:])
        if len(path) == hops + 1 and len(set(path)) == len(path):
            out.add(path)
    return out
