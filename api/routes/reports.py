"""Reports: the list, one report with its text, passages and marked mentions; ingest and removal (token-protected)."""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from fastapi import APIRouter, Depends, File, UploadFile
from starlette.concurrency import run_in_threadpool

from .. import schemas as S
from ..context import AppContext
from .params import report_or_404, token_guard


def name_span(text: str, ev, node) -> tuple[int, int]:
    """Mark the name inside the evidence sentence when it is there, else the whole evidence."""
    for name in (node.name, *node.aliases):
        i = ev.text.find(name)
        if i >= 0:
            return ev.start + i, ev.start + i + len(name)
    return ev.start, ev.end


def _mentions(ctx: AppContext, report_id: str, passages, text: str) -> list[dict]:
    """Each entity's mentions in this report, in reading order, once per (entity, start)."""
    store = ctx.store
    in_p = store.nodes_in_passages([p.id for p in passages])
    nodes = {n.id: n for n in store.get_nodes(list({i for ids in in_p.values() for i in ids}))}
    mentions, seen = [], set()
    for n in nodes.values():
        for ev in n.evidence:
            if ev.report == report_id and (n.id, ev.start) not in seen:
                seen.add((n.id, ev.start))
                s, e = name_span(text, ev, n)
                mentions.append({"entity": n.id, "label": n.label, "name": n.name, "start": s, "end": e})
    mentions.sort(key=lambda m: (m["start"], -m["end"]))
    return mentions


def router(ctx: AppContext) -> APIRouter:
    r = APIRouter()
    settings = ctx.settings
    require_token = token_guard(settings)

    @r.get("/reports", response_model=S.ReportList)
    def reports():
        store = ctx.store
        # counted, not read: decoding every passage of every report made this the slowest
        # request under load (p99 ~1 s with 16 readers on 9 reports)
        counts = store.passage_counts()
        return {"items": [{**rep.to_dict(), "passages": counts.get(rep.id, 0)}
                          for rep in sorted(store.reports(), key=lambda rep: rep.file)]}

    @r.get("/reports/{report_id}", response_model=S.ReportOut)
    def report(report_id: str):
        rep = report_or_404(ctx, report_id)
        passages = ctx.store.passages_of(rep.id)
        text = ctx.store.report_text(rep.id)
        return {**rep.to_dict(), "passages": [p.to_dict() for p in passages], "text": text,
                "mentions": _mentions(ctx, rep.id, passages, text)}

    @r.post("/ingest", response_model=S.IngestOut, dependencies=[Depends(require_token)])
    async def ingest(files: list[UploadFile] = File(...)):
        from ..ingest_service import ingest_paths
        from ..uploads import save_uploads
        tmp = Path(tempfile.mkdtemp(prefix="govgraph-upload-"))
        try:
            saved = await save_uploads(files, tmp, settings.max_upload_bytes)

            def work():
                # Reuse the loaded model; an empty store starts with the default one, a store
                # built without vectors stays without.
                store = ctx.store
                embedder = ctx.embedder or (ctx.new_embedder() if not store.reports() else None)
                return ingest_paths(store, saved, embedder=embedder)
            # Parsing and embedding take seconds of CPU: off the event loop, so readers keep being answered.
            summary = await run_in_threadpool(work)
            ctx.refresh()
            return summary.to_dict()
        finally:
            shutil.rmtree(tmp, ignore_errors=True)

    @r.delete("/reports/{report_id}", response_model=S.RemovedOut, dependencies=[Depends(require_token)])
    def delete_report(report_id: str):
        rep = report_or_404(ctx, report_id)
        ctx.store.remove_report(rep.id)
        ctx.store.flush()
        ctx.refresh()
        return {"removed": rep.id, "file": rep.file}

    return r
