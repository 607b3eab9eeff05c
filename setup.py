"""Package layout: one import namespace, `govgraph`, over the repository's fixed top-level folders.

The repository keeps `ingest/`, `graph/`, `api/` and `web/` at the top (DESIGN.md); installed, they are
`govgraph.ingest`, `govgraph.graph`, `govgraph.api` and `govgraph.web`, so no generic top-level name
(`api`, `graph`) lands in site-packages. setuptools' `package_dir` maps each namespace root to its folder;
the subpackages are found under each root here, so a new subfolder needs no edit. `govgraph` itself is an
implicit namespace package (no folder of its own: the layout is fixed). Why this mechanism: docs/packaging.md.
Metadata is in pyproject.toml.

Data folders (the web UI's `static/`, the lexicons) are listed as packages too, each carrying all its files:
every file at any depth travels in the wheel, a new static subfolder needs no edit, and setuptools does
not warn that an importable folder is missing from `packages`. `web/node_modules` is npm's working folder
for `make web`, never shipped: only `web/index.html` and `web/static/` are.
"""
from pathlib import Path

from setuptools import find_namespace_packages, find_packages, setup

CODE_ROOTS = ("ingest", "graph", "api")
# folder -> its data subfolder; every file below the subfolder is package data.
DATA_ROOTS = {"web": "static", "ingest": "lexicon"}


def code_packages(root: str) -> list[str]:
    return [f"govgraph.{root}"] + [f"govgraph.{root}.{sub}" for sub in find_packages(root)]


def data_packages(root: str, sub: str) -> list[str]:
    below = find_namespace_packages(str(Path(root) / sub), exclude=["*__pycache__*"])
    return [f"govgraph.{root}.{sub}"] + [f"govgraph.{root}.{sub}.{pkg}" for pkg in below]


CODE = [pkg for root in CODE_ROOTS for pkg in code_packages(root)]
DATA = [pkg for root, sub in DATA_ROOTS.items() for pkg in data_packages(root, sub)]

setup(
    packages=["govgraph.web", *CODE, *DATA],
    package_dir={"govgraph.web": "web", **{f"govgraph.{root}": root for root in CODE_ROOTS}},
    package_data={"govgraph.web": ["index.html"], **{pkg: ["*"] for pkg in DATA}},
)
