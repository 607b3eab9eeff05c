"""manifest.json written in time that does not grow with the store's reports.

Every write replaces the manifest, which lists every report; encoding it whole took 0.35 s a
write at 16x the corpus (2,480 reports, 1.7 MB) on the shared 2-core machine, so a 4x ingest's
last quarter cost about twice its first. Each report's two entries are encoded once and kept in
dicts that follow the manifest's own (same keys, same order); a write names the reports it
changed, re-encodes only those and joins the rest in C (`str.join` over the kept strings). A
Python loop over every report on each write (the previous version of this class compared each
report's segment name) still cost 2.2 ms a write at 4x, 4.4x its cost at 1x (cProfile, CPU
time). The text is the JSON the old encoder wrote, without the indentation.
"""
from __future__ import annotations

import json
from typing import Iterable


def _enc(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _entry(rid: str, value) -> str:
    return f"{_enc(rid)}:{_enc(value)}"


class ManifestEncoder:
    def __init__(self) -> None:
        self._of: dict | None = None          # the manifest the kept entries describe
        self._segments: dict[str, str] = {}   # rid -> '"rid":"segment file"'
        self._reports: dict[str, str] = {}    # rid -> '"rid":{report info}'

    def encode(self, manifest: dict, changed: Iterable[str] | None = None) -> bytes:
        """`manifest` as JSON. `changed`: the reports written or removed since the last call on
        this same manifest dict; None (or another dict, e.g. one read from disk after another
        process wrote) encodes every report again."""
        if changed is None or manifest is not self._of:
            self._encode_all(manifest)
        else:
            for rid in changed:
                self._refresh(manifest, rid)
            if len(self._segments) != len(manifest["segments"]) or len(self._reports) != len(manifest["reports"]):
                self._encode_all(manifest)   # a change nobody named: never write a stale entry
        head = ",".join(_entry(k, v) for k, v in manifest.items() if k not in ("segments", "reports"))
        text = (f'{{{head},"segments":{{{",".join(self._segments.values())}}},'
                f'"reports":{{{",".join(self._reports.values())}}}}}')
        return text.encode("utf-8")

    def _encode_all(self, manifest: dict) -> None:
        self._of = manifest
        self._segments = {rid: _entry(rid, f) for rid, f in manifest["segments"].items()}
        self._reports = {rid: _entry(rid, r) for rid, r in manifest["reports"].items()}

    def _refresh(self, manifest: dict, rid: str) -> None:
        """One report's entries as `manifest` has them now. Assigning to a key that is there keeps
        its place, a new key goes last, a popped one goes: the same order the manifest's dicts keep."""
        for kept, now in ((self._segments, manifest["segments"]), (self._reports, manifest["reports"])):
            if rid in now:
                kept[rid] = _entry(rid, now[rid])
            else:
                kept.pop(rid, None)
