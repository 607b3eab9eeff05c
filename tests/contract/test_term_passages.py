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


def test_lexical_vocabulary_is_every_indexed_token(loaded, batches):
    loaded.flush()
    vocab = loaded.lexical_vocabulary()
    if vocab is None:  # the interface's default: search words are then not looked for inside longer ones
        return
    held = {t for toks in batches[0][0].tokens.values() for t in toks}
    assert held <= set(vocab)
    assert "从未出现的词语" not in vocab
    assert set(loaded.term_passages(sorted(held)[:5])) <= set(vocab)
