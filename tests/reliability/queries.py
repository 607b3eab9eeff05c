"""Realistic queries for load: the gold questions, and phrases cut from the sample reports."""
from __future__ import annotations

import json
import random

import httpx

from tests.conftest import ROOT, SAMPLES


def gold_questions() -> list[str]:
    with open(ROOT / "tests" / "gold" / "questions.jsonl", encoding="utf-8") as f:
        return [json.loads(line)["question"] for line in f if line.strip()]


def report_phrases(n: int = 300, seed: int = 5) -> list[str]:
    """Phrases of 4-16 characters from the sample reports' lines, as people paste them."""
    rng = random.Random(seed)
    lines = [line.strip() for f in sorted(SAMPLES.glob("*.txt"))
             for line in f.read_text("utf-8").splitlines() if len(line.strip()) >= 16]
    out = []
    for _ in range(n):
        line = rng.choice(lines)
        size = rng.randint(4, 16)
        start = rng.randrange(0, len(line) - size + 1)
        out.append(line[start:start + size])
    return out


def mixed_requests(questions: list[str], phrases: list[str]):
    """Half /search, half /ask, with k varied as a UI would."""
    def next_request(rng: random.Random) -> tuple[str, dict]:
        if rng.random() < 0.5:
            q = rng.choice(phrases) if rng.random() < 0.7 else rng.choice(questions)
            return "/search", {"q": q, "k": rng.choice((5, 10, 20))}
        return "/ask", {"q": rng.choice(questions), "k": rng.choice((5, 10))}
    return next_request


def warm_up(base: str, questions: list[str], phrases: list[str], searches: int = 12) -> None:
    """Sequential queries until the server is warm: the embedder traces its fast query path after a
    few single queries (or in the server's warm-up thread) and holds its lock while it does, so
    figures taken before that would measure start-up, not serving."""
    with httpx.Client(base_url=base, timeout=300) as http:
        for q in phrases[-searches:]:
            assert http.get("/search", params={"q": q}).status_code == 200
        for q in questions[:2]:
            assert http.get("/ask", params={"q": q}).status_code == 200
