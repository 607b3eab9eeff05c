"""A collection moves embedded -> Neo4j -> embedded through `export --with-vectors` and `import`,
and every export along the way is the same file (issue 14)."""
from __future__ import annotations

import json

import pytest

from tests.conftest import govgraph
from tests.neo4j_util import wipe

pytestmark = pytest.mark.neo4j


def test_embedded_to_neo4j_to_embedded_keeps_the_collection(sample_store, neo4j_uri, tmp_path):
    wipe(neo4j_uri)
    exports = [tmp_path / f"{i}.jsonl" for i in range(3)]
    back = tmp_path / "back"
    govgraph("export", "--store", str(sample_store), "--with-vectors", "-o", str(exports[0]))
    govgraph("import", str(exports[0]), "--neo4j", neo4j_uri)
    govgraph("export", "--neo4j", neo4j_uri, "--with-vectors", "-o", str(exports[1]))
    govgraph("import", str(exports[1]), "--store", str(back))
    govgraph("export", "--store", str(back), "--with-vectors", "-o", str(exports[2]))
    texts = [p.read_text("utf-8") for p in exports]
    assert texts[0] == texts[1], "Neo4j's export of the imported collection differs from the embedded one"
    assert texts[2] == texts[0], "the collection came back from Neo4j changed"
    assert json.loads(texts[0].splitlines()[0])["model"]
    # A Neo4j store that holds reports takes no import.
    res = govgraph("import", str(exports[0]), "--neo4j", neo4j_uri, check=False)
    assert res.returncode == 2 and "already holds" in res.stderr, res.stderr
    wipe(neo4j_uri)
