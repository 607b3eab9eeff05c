"""The manifest encoder re-encodes only the reports a write names; what it writes must always be
the whole manifest as it is, in its order, whatever sequence of writes led there."""
from __future__ import annotations

import json
import random

from govgraph.graph.store.manifest_codec import ManifestEncoder


def _put(m: dict, rid: str, n: int) -> None:
    m["segments"][rid] = f"{rid}-{n:04x}.pkl"
    m["reports"][rid] = {"id": rid, "file": f"{rid}.txt", "year": 2000 + n % 25, "title": f"报告{n}"}
    m["version"] += 1


def test_incremental_encoding_equals_a_whole_encoding_after_puts_replacements_and_removals():
    rng = random.Random(18)
    m = {"format": 1, "version": 0, "model": "m", "segments": {}, "reports": {}}
    enc = ManifestEncoder()
    for n in range(400):
        rid = f"r{rng.randrange(60)}"
        if rid in m["segments"] and rng.random() < 0.3:
            del m["segments"][rid], m["reports"][rid]
            m["version"] += 1
        else:
            _put(m, rid, n)
        text = enc.encode(m, [rid])
        assert json.loads(text) == m
        assert list(json.loads(text)["segments"]) == list(m["segments"])   # order kept too
        assert text == ManifestEncoder().encode(m)


def test_a_change_not_named_is_still_written():
    m = {"format": 1, "version": 0, "model": None, "segments": {}, "reports": {}}
    enc = ManifestEncoder()
    _put(m, "a", 1)
    enc.encode(m, ["a"])
    _put(m, "b", 2)                      # not named below: the counts differ, so all is re-encoded
    assert json.loads(enc.encode(m, [])) == m


def test_another_manifest_dict_is_encoded_whole():
    m = {"format": 1, "version": 0, "model": None, "segments": {}, "reports": {}}
    enc = ManifestEncoder()
    _put(m, "a", 1)
    enc.encode(m, ["a"])
    fresh = json.loads(json.dumps(m))    # as read from disk after another process wrote
    fresh["segments"]["a"] = "a-ffff.pkl"
    assert json.loads(enc.encode(fresh, [])) == fresh
