"""Direct access to the test Neo4j server, for setting up and checking tests only."""
from __future__ import annotations

from neo4j import GraphDatabase


def wipe(uri: str) -> None:
    """Tests share one server: each that writes starts from an empty database."""
    with GraphDatabase.driver(uri, auth=None) as d:
        with d.session() as s:
            s.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS").consume()
