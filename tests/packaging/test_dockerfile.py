"""The Dockerfile cannot be built here (no Docker engine): check by reading that it installs the wheel.

tests/packaging/test_wheel.py builds the wheel from the build stage's COPY list, so that list is checked there.
"""
from __future__ import annotations

from tests.conftest import ROOT


def stages(text: str) -> list[list[str]]:
    """The instructions of each stage, comments and blank lines dropped."""
    out: list[list[str]] = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.upper().startswith("FROM "):
            out.append([])
        out[-1].append(line)
    return out


def test_the_runtime_stage_installs_the_built_wheel_and_no_source():
    build, runtime = stages((ROOT / "Dockerfile").read_text("utf-8"))
    assert build[0].lower().endswith(" as build") and any("pip wheel" in i for i in build)
    assert runtime[0] == "FROM python:3.11-slim"
    copies = [i for i in runtime if i.upper().startswith(("COPY", "ADD"))]
    assert copies and all(i.startswith("COPY --from=build ") for i in copies), copies
    installs = [i for i in runtime if "pip install" in i]
    assert installs and all(".whl" in i and " -e " not in i for i in installs), installs
    assert runtime[-1].startswith("CMD") and '"govgraph", "serve"' in runtime[-1]


def test_the_build_context_leaves_out_environments_and_npm():
    ignored = set((ROOT / ".dockerignore").read_text("utf-8").split())
    assert {".venv", "web/node_modules", ".git"} <= ignored
