"""A bounded fuzz of the HTTP API from its own OpenAPI schema (schemathesis): no 5xx, and
every response conforms to the schema (status code, content type, body).

schemathesis is a dev dependency; without it this module is skipped with a message.
"""

from __future__ import annotations

from pathlib import Path

import pytest

schemathesis = pytest.importorskip(
    "schemathesis", reason="schemathesis is not installed (pip install schemathesis==4.32.5)"
)
from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.specs.openapi import checks  # noqa: E402

from crosswire.config import load_settings  # noqa: E402
from crosswire.server.app import create_app  # noqa: E402

TOKEN = "fuzz-token"
STAGES = ["ingest", "extract", "clean", "metadata", "language"]
MAX_EXAMPLES = 15  # per operation: bounded, so the suite stays quick


def _app() -> object:
    folder = Path(__import__("tempfile").mkdtemp(prefix="crosswire-fuzz-"))
    overrides = {"store.path": str(folder / "s.duckdb"), "pipeline.stages": STAGES}
    return create_app(load_settings(overrides=overrides), token=TOKEN)


APP = _app()
schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", APP)


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_api_conforms_to_its_schema(case: schemathesis.Case) -> None:
    # Every response check; the two request-leniency checks are left out: FastAPI
    # coerces "+0.0" to an int and the schema cannot say "at least one file", which
    # are no 5xx and no response outside the schema.
    case.call_and_validate(
        headers={"X-Crosswire-Token": TOKEN},
        excluded_checks=[checks.negative_data_rejection, checks.positive_data_acceptance],
    )
