# The two set-up commands of the README: `make run` and `make test`. Both work on a fresh machine.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
GOVGRAPH := $(VENV)/bin/govgraph
STORE ?= govgraph-data
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: install run serve test test-fast neo4j chromium web bench eval clean

install: $(STAMP)

# Reinstall only when the dependencies change; torch is pinned and large, so a kept .venv saves minutes.
$(STAMP): pyproject.toml setup.py
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e '.[test]'
	@touch $@

run: install
	$(GOVGRAPH) ingest data/samples --store $(STORE)
	$(GOVGRAPH) serve --store $(STORE) --port $(PORT)

serve: install
	$(GOVGRAPH) serve --store $(STORE) --port $(PORT)

chromium:
	@bash tools/install_chromium.sh

neo4j: install
	$(PY) tools/neo4j_server.py build

# A real Neo4j is started for the run and stopped after it, whatever the outcome.
test: install chromium neo4j
	$(PY) tools/neo4j_server.py run -- $(PY) -m pytest -q -p no:cacheprovider --durations=25 tests

# Unit tests only: no server, no browser.
test-fast: install
	$(PY) -m pytest -q tests/unit

web:
	cd web && npm ci --no-audit --no-fund && npm run vendor

bench: install neo4j
	$(PY) tools/neo4j_server.py run -- $(PY) bench/run_all.py $(BENCH_ARGS)

# Quality against tests/gold: extraction P/R/F1, then search on a store of the gold questions' reports.
SHARED ?= $(if $(wildcard ../shared/corpus),../shared,/work/shared)
EVAL_STORE ?= .eval-store
eval: install
	$(GOVGRAPH) eval extraction
	$(GOVGRAPH) ingest $$($(PY) -c "import json,os; n={json.loads(l)['report'] for l in open('tests/gold/questions.jsonl') if l.strip()}; print(' '.join(sorted(('$(SHARED)/corpus/' if os.path.exists('$(SHARED)/corpus/'+f) else '$(SHARED)/corpus-extra/')+f for f in n)))") --store $(EVAL_STORE)
	$(GOVGRAPH) eval search --store $(EVAL_STORE)

clean:
	rm -rf $(STORE) .pytest_cache
