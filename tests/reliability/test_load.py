"""32 concurrent clients on /search and /ask for 30 s (bounded in requests too): zero errors.

The figures (request counts, p50/p95/p99 latency) are printed and written to
docs/reliability-figures.json for the README's reliability section.
"""
from __future__ import annotations

from .helpers import assert_no_stack_trace, record_figures
from .load import run_load
from .queries import gold_questions, mixed_requests, report_phrases, warm_up

CLIENTS = 32
SECONDS = 30.0
MAX_REQUESTS = 50_000


def test_32_clients_for_30_seconds_without_an_error(served_app):
    questions, phrases = gold_questions(), report_phrases()
    assert questions and phrases
    warm_up(served_app, questions, phrases)

    result = run_load(served_app, mixed_requests(questions, phrases), clients=CLIENTS,
                      seconds=SECONDS, max_requests=MAX_REQUESTS)
    summary = {"clients": CLIENTS, "seconds_bound": SECONDS, "max_requests": MAX_REQUESTS,
               "store": "embedded, 5 sample reports, with vectors", **result.summary()}
    print(f"\nload: {summary}")
    record_figures("load", summary)

    assert not result.errors, f"{len(result.errors)} errors, e.g. {result.errors[:3]}"
    for s in result.samples:
        assert_no_stack_trace(s.detail)
    assert summary["/search"]["requests"] > CLIENTS and summary["/ask"]["requests"] > CLIENTS
    assert result.wall_seconds < SECONDS + 60 + 30
