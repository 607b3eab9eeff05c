"""A bounded load generator: N client threads (httpx, keep-alive) hitting GET endpoints on loopback.

Every response is checked, not just counted: a request is an error unless it answers 200 with the
JSON shape of its endpoint, within the client timeout.
"""
from __future__ import annotations

import random
import threading
import time
from dataclasses import dataclass, field
from typing import Callable

import httpx


@dataclass
class Sample:
    endpoint: str
    seconds: float
    ok: bool
    detail: str = ""
    started: float = 0.0    # time.monotonic() when the request was sent


@dataclass
class LoadResult:
    samples: list[Sample] = field(default_factory=list)
    wall_seconds: float = 0.0

    @property
    def errors(self) -> list[Sample]:
        return [s for s in self.samples if not s.ok]

    def summary(self) -> dict:
        out: dict = {"requests": len(self.samples), "errors": len(self.errors),
                     "wall_seconds": round(self.wall_seconds, 1),
                     "requests_per_second": round(len(self.samples) / self.wall_seconds, 1)
                     if self.wall_seconds else 0.0}
        for name in sorted({s.endpoint for s in self.samples}) + ["all"]:
            lat = sorted(s.seconds for s in self.samples if name == "all" or s.endpoint == name)
            if lat:
                out[name] = {"requests": len(lat), "p50_ms": round(_pct(lat, 50) * 1000, 1),
                             "p95_ms": round(_pct(lat, 95) * 1000, 1),
                             "p99_ms": round(_pct(lat, 99) * 1000, 1), "max_ms": round(lat[-1] * 1000, 1)}
        return out


def _pct(sorted_values: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    k = max(0, min(len(sorted_values) - 1, int(round(p / 100 * len(sorted_values) + 0.5)) - 1))
    return sorted_values[k]


def check_body(endpoint: str, body: dict) -> str:
    """'' when the body has the shape of the endpoint's answer, else what is wrong."""
    if endpoint == "/search":
        if not isinstance(body.get("hits"), list):
            return "no hits list"
        for h in body["hits"]:
            if not (isinstance(h.get("text"), str) and 0 <= h["start"] < h["end"] and h.get("file")):
                return f"malformed hit {h!r:.200}"
    elif endpoint == "/ask":
        if not (isinstance(body.get("answers"), list) and isinstance(body.get("passages"), list)):
            return "no answers/passages lists"
        for a in body["answers"]:
            if not (a.get("name") and a.get("evidence")):
                return f"answer without evidence {a!r:.200}"
    return ""


def run_load(base: str, requests_for: Callable[[random.Random], tuple[str, dict]], clients: int, seconds: float, max_requests: int,
             timeout: float = 60.0, seed: int = 7, stop: threading.Event | None = None) -> LoadResult:
    """`requests_for(rng)` gives the next (endpoint, params). Stops after `seconds`, `max_requests`
    in all, or when `stop` is set, whichever comes first."""
    result = LoadResult()
    lock = threading.Lock()
    issued = [0]
    deadline = time.monotonic() + seconds
    stop = stop or threading.Event()

    def client(i: int) -> None:
        rng = random.Random(seed * 1000 + i)
        mine: list[Sample] = []
        with httpx.Client(base_url=base, timeout=timeout) as http:
            while time.monotonic() < deadline and not stop.is_set():
                with lock:
                    if issued[0] >= max_requests:
                        break
                    issued[0] += 1
                endpoint, params = requests_for(rng)
                sent = time.monotonic()
                t0 = time.perf_counter()
                try:
                    r = http.get(endpoint, params=params)
                    dt = time.perf_counter() - t0
                    if r.status_code != 200:
                        mine.append(Sample(endpoint, dt, False, f"{r.status_code} {r.text[:300]}", sent))
                    else:
                        problem = check_body(endpoint, r.json())
                        mine.append(Sample(endpoint, dt, not problem, problem, sent))
                except (httpx.HTTPError, ValueError) as e:
                    mine.append(Sample(endpoint, time.perf_counter() - t0, False, f"{type(e).__name__}: {e}", sent))
        with lock:
            result.samples.extend(mine)

    t0 = time.monotonic()
    threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(seconds + timeout + 30)
    result.wall_seconds = time.monotonic() - t0
    assert not any(t.is_alive() for t in threads), "a load client hung past its bound"
    return result
