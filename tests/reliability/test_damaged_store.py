"""A store folder damaged from outside (a torn copy, a disk problem, a killed writer's leftovers) either
still opens and answers, or gives one clear line naming what is wrong and exit status 3: never a
traceback."""
from __future__ import annotations

import json
import shutil
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.conftest import SEED, govgraph

from .helpers import assert_no_stack_trace


@pytest.fixture(scope="module")
def pristine(tmp_path_factory):
    store = tmp_path_factory.mktemp("damaged") / "pristine"
    govgraph("ingest", str(SEED), "--store", str(store), "--no-embed")
    return store


def _segment(store):
    return next((store / "segments").iterdir())


def _truncate(path, keep: float = 0.5):
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])


def _leftovers(store):
    """What a writer killed mid-write leaves: half-written temporary files next to the real ones."""
    (store / ".manifest.json.dead.tmp").write_bytes(b'{"form')
    (store / "segments" / ".x.pkl.dead.tmp").write_bytes(b"\x80")


def _index(store):
    return next(store.glob("index-*"))


DAMAGE = {
    # still fine: these are caches or leftovers, not the record
    "index records truncated": (lambda s: _truncate(_index(s) / "records.sqlite"), "ok"),
    "index column truncated": (lambda s: _truncate(_index(s) / "columns" / "p_year.npy"), "ok"),
    "index meta not JSON": (lambda s: (_index(s) / "meta.json").write_bytes(b"\x00{"), "ok"),
    "index removed": (lambda s: shutil.rmtree(_index(s)), "ok"),
    "leftover temporary files": (lambda s: _leftovers(s), "ok"),
    "orphan segment": (lambda s: (s / "segments" / "report-0000-dead.pkl").write_bytes(b"junk"), "ok"),
    # the record itself is damaged: a clear refusal
    "manifest truncated": (lambda s: _truncate(s / "manifest.json"), "manifest"),
    "manifest not JSON": (lambda s: (s / "manifest.json").write_bytes(b"\x00\x01binary"), "manifest"),
    "manifest of another format": (lambda s: (s / "manifest.json").write_text('{"format": 99}'), "format"),
    "segment missing": (lambda s: _segment(s).unlink(), "segment"),
    "segment truncated": (lambda s: _truncate(_segment(s)), "segment"),
}


def _damaged_copy(pristine, root, damage):
    store = root / damage.replace(" ", "-")
    shutil.copytree(pristine, store)
    harm, expect = DAMAGE[damage]
    if expect != "ok":
        # A damaged record is only read when the index has to be rebuilt from it.
        shutil.rmtree(_index(store))
    harm(store)
    return store


def test_damaged_store_answers_or_refuses_in_one_line(pristine, tmp_path):
    stores = {d: _damaged_copy(pristine, tmp_path, d) for d in DAMAGE}

    def search(damage):
        return govgraph("search", "外语标识", "--store", str(stores[damage]), "--json", check=False)

    # Each case is its own fresh process; three at a time keeps the test short.
    with ThreadPoolExecutor(max_workers=3) as pool:
        results = dict(zip(DAMAGE, pool.map(search, DAMAGE)))
    for damage, res in results.items():
        expect = DAMAGE[damage][1]
        assert_no_stack_trace(res.stderr, f"for {damage}")
        if expect == "ok":
            assert res.returncode == 0, (damage, res.stderr)
            assert json.loads(res.stdout)["hits"], damage
        else:
            assert res.returncode == 3, (damage, res.returncode, res.stderr)
            lines = res.stderr.strip().splitlines()
            assert len(lines) == 1 and expect in lines[0], (damage, res.stderr)
            assert str(stores[damage]) in lines[0] or "segment" in lines[0], (damage, lines[0])
