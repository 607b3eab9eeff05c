"""GraphStore.term_passages: None (the store cannot say) or, for tokens its lexical index holds, the
passages holding them, as rows valid for the store's version (graph/search/crosslingual.py)."""
from __future__ import annotations


def test_term_passages_names_only_held_tokens(loaded, batches):
    loaded.flush()
    batch = batches[0][0]
    held = sorted({t for toks in batch.tokens.values() for t in toks})[:5]
    got = loaded.term_passages(held + ["从未出现的词语"])
    if got is None:  # the interface's default: the caller keeps the dictionary's senses
        return
    assert set(got) == set(held)
    n = loaded.stats()["passages"]
    assert all(len(rows) >= 1 and all(0 <= int(r) < n for r in rows) for rows in got.values())
