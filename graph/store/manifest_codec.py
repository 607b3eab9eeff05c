"""manifest.json written in time that does not grow with the store's reports.

Every write replaces the manifest, which lists every report; encoding it whole took 0.35 s a
write at 16x the corpus (2,480 reports, 1.7 MB) on the shared 2-core machine, so a 4x ingest's
last quarter cost about twice its first. Each report's entries are encoded once and kept, keyed
by its segment file (a new name on every write of that report): a write re-encodes one report and
joins the rest. The text is the JSON the old encoder wrote, without the indentation.
"""
from __future__ import annotations

import json


def _enc(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class ManifestEncoder:
    def __init__(self) -> None:
        self._parts: dict[str, tuple[str | None, str, str]] = {}   # rid -> (segment, its two entries)

    def encode(self, manifest: dict) -> bytes:
        segments, reports = manifest["segments"], manifest["reports"]
        seg_parts, rep_parts, kept = [], [], {}
        for rid in dict.fromkeys([*segments, *reports]):
            fname = segments.get(rid)
            hit = self._parts.get(rid)
            if hit is None or hit[0] != fname or fname is None:
                key = _enc(rid)
                hit = (fname, f"{key}:{_enc(fname)}" if fname is not None else "",
                       f"{key}:{_enc(reports[rid])}" if rid in reports else "")
            kept[rid] = hit
            if hit[1]:
                seg_parts.append(hit[1])
            if hit[2]:
                rep_parts.append(hit[2])
        self._parts = kept
        head = ",".join(f"{_enc(k)}:{_enc(v)}" for k, v in manifest.items() if k not in ("segments", "reports"))
        text = f'{{{head},"segments":{{{",".join(seg_parts)}}},"reports":{{{",".join(rep_parts)}}}}}'
        return text.encode("utf-8")
