"""docker-compose.yml cannot run here (no Docker engine); check what production relies on."""
from __future__ import annotations

import yaml

from tests.conftest import ROOT


def test_compose_services():
    doc = yaml.safe_load((ROOT / "docker-compose.yml").read_text("utf-8"))
    neo, app = doc["services"]["neo4j"], doc["services"]["govgraph"]
    assert neo["image"].startswith("neo4j:5.26")
    assert "NEO4J_PASSWORD" in neo["environment"]["NEO4J_AUTH"]
    assert "apoc" in neo["environment"]["NEO4J_PLUGINS"]
    assert any(str(p).endswith(":7687") for p in neo["ports"])
    assert neo["healthcheck"]["test"] and neo["volumes"]
    assert app["build"] == "."
    assert app["depends_on"]["neo4j"]["condition"] == "service_healthy"
    env = app["environment"]
    assert env["GOVGRAPH_NEO4J_URI"] == "bolt://neo4j:7687"
    assert "GOVGRAPH_NEO4J_PASSWORD" in env
    assert any(str(p).endswith(":8000") for p in app["ports"])
    assert set(doc["volumes"]) >= {v.split(":")[0] for v in neo["volumes"]}


def test_dockerfile_runs_the_server():
    text = (ROOT / "Dockerfile").read_text("utf-8")
    assert "FROM python:3.11" in text and "govgraph" in text and "EXPOSE 8000" in text
