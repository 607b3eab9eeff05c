"""Reports grouped into series: one body's reports of one genre over the years.

A report joins the series of its place (ReportInfo.place, read by ingest.time.place) and genre; a place
whose reports show an earlier name (place_before: 坪山新区 -> 坪山区) joins that name's series, so a
renamed body keeps one series. A report without a year or a place joins none, and says why.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from govgraph.ingest.batch import ReportInfo


@dataclass
class Series:
    id: str
    author: str
    genre: str
    places: list[str]
    reports: list[ReportInfo] = field(default_factory=list)  # by year, then file

    def to_dict(self) -> dict:
        return {"id": self.id, "author": self.author, "genre": self.genre, "places": self.places,
                "reports": [{"id": r.id, "file": r.file, "year": r.year, "reviews": r.reviews, "plans": r.plans,
                             "author": r.author} for r in self.reports]}

    def following(self, year: int) -> list[ReportInfo]:
        """The reports that review `year` (a 2024 work report reviews 2023)."""
        return [r for r in self.reports if r.reviews == year]


@dataclass
class Unplaced:
    id: str
    file: str
    reason: str

    def to_dict(self) -> dict:
        return {"id": self.id, "file": self.file, "reason": self.reason}


def series_id(genre: str, place: str) -> str:
    return "series-" + hashlib.sha1(f"{genre}\x1f{place}".encode("utf-8")).hexdigest()[:12]


def _root(parent: dict[str, str], x: str) -> str:
    while parent.setdefault(x, x) != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


def build_series(reports: list[ReportInfo]) -> tuple[list[Series], list[Unplaced]]:
    unplaced: list[Unplaced] = []
    placed: list[ReportInfo] = []
    for r in reports:
        if r.year is None:
            unplaced.append(Unplaced(r.id, r.file, "no year found in its title, file name or text"))
        elif not (r.place or r.author):
            unplaced.append(Unplaced(r.id, r.file, "no author found, so no series to join"))
        else:
            placed.append(r)
    parent: dict[str, str] = {}
    key = {r.id: f"{r.genre or 'other'}\x1f{r.place or r.author}" for r in placed}
    for r in placed:
        _root(parent, key[r.id])
        if r.place_before:
            before = f"{r.genre or 'other'}\x1f{r.place_before}"
            parent[_root(parent, before)] = _root(parent, key[r.id])
    groups: dict[str, list[ReportInfo]] = {}
    for r in placed:
        groups.setdefault(_root(parent, key[r.id]), []).append(r)
    out = []
    for members in groups.values():
        members.sort(key=lambda r: (r.year, r.file))
        latest = members[-1]
        place = latest.place or latest.author
        places = list(dict.fromkeys(m.place or m.author for m in members))
        out.append(Series(series_id(latest.genre or "other", place), latest.author or place, latest.genre or "other",
                          places, members))
    out.sort(key=lambda s: (s.genre, s.author))
    return out, sorted(unplaced, key=lambda u: u.file)
