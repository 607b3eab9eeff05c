"""Property-based run of the OpenAPI schema: no 5xx, every response matches its schema."""
from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from govgraph.api.app import create_app
from govgraph.api.context import Settings

# FastAPI publishes OpenAPI 3.1; Schemathesis 3.x checks it behind this switch.
schemathesis.experimental.OPEN_API_3_1.enable()


@pytest.fixture(scope="module")
def asgi_schema(sample_store):
    return schemathesis.from_asgi("/openapi.json", create_app(Settings(store=str(sample_store))))


schema = schemathesis.from_pytest_fixture("asgi_schema")


@schema.parametrize(endpoint="^/(health|stats|search|ask|entities|subgraph|paths|partners|reports|export)")
@settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms(case):
    response = case.call_asgi()
    case.validate_response(response)
    assert response.status_code < 500
