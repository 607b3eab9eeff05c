"""Package layout: one import namespace, `govgraph`, over the repository's fixed top-level folders.

The repository keeps `ingest/`, `graph/`, `api/` and `web/` at the top (DESIGN.md); installed, they are
`govgraph.ingest`, `govgraph.graph`, `govgraph.api` and `govgraph.web`, so no generic top-level name
(`api`, `graph`) lands in site-packages. setuptools' `package_dir` maps each namespace root to its folder;
the subpackages are found under each root here, so a new subfolder needs no edit. Metadata is in
pyproject.toml.
"""
from setuptools import find_packages, setup

ROOTS = ("ingest", "graph", "api")


def packages() -> list[str]:
    found = ["govgraph.web"]
    for root in ROOTS:
        found.append(f"govgraph.{root}")
        found += [f"govgraph.{root}.{sub}" for sub in find_packages(root)]
    return found


setup(
    packages=packages(),
    package_dir={"govgraph.web": "web", **{f"govgraph.{root}": root for root in ROOTS}},
    # The web UI (static files and vendored libraries) and the lexicons travel inside the wheel.
    package_data={"govgraph.web": ["index.html", "static/*", "static/*/*", "static/*/*/*"],
                  "govgraph.ingest": ["lexicon/*.txt", "lexicon/*.tsv"]},
)
