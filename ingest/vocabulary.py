"""The project's vocabulary: every closed set of names a node, edge, passage or report may carry.

One `StrEnum` per set, so a misspelt name fails at import instead of matching nothing. Members are
`str`s (`Label.PLACE == "Place"`, `f"{Label.PLACE}"` is `Place`), so stores, JSON and Cypher see the
plain names they always saw. `ingest` is the bottom layer: `graph`, `api` and the web UI's generated
`web/static/js/vocabulary.js` (tools/write_vocabulary_js.py) all read these.
"""
from __future__ import annotations

from enum import StrEnum


class Label(StrEnum):
    """Node labels. Report and Passage are materialised by stores; the rest are entities."""
    REPORT = "Report"
    PASSAGE = "Passage"
    AGENCY = "Agency"
    ORGANIZATION = "Organization"
    PERSON = "Person"
    PLACE = "Place"
    POLICY = "Policy"
    MEASURE = "Measure"
    EVENT = "Event"
    INDICATOR = "Indicator"  # one figure of a report: a target or a result (ingest/time/indicators.py)
    PLAN = "Plan"            # the planned tasks of one plan passage (ingest/time/plans.py)


ENTITY_LABELS: tuple[Label, ...] = tuple(lab for lab in Label if lab not in (Label.REPORT, Label.PASSAGE))
# Time records: entities of the store like the rest, but figures and task lists rather than things one draws
# in a network, so the graph view leaves them out unless asked (the time view shows them).
TIME_LABELS: tuple[Label, ...] = (Label.INDICATOR, Label.PLAN)


class RelType(StrEnum):
    """Relation types. AUTHORED, HAS_PASSAGE, MENTIONED_IN and CITES are materialised by stores."""
    AUTHORED = "AUTHORED"
    HAS_PASSAGE = "HAS_PASSAGE"
    MENTIONED_IN = "MENTIONED_IN"
    CARRIED_OUT = "CARRIED_OUT"
    ORGANIZED = "ORGANIZED"
    PARTICIPATED_IN = "PARTICIPATED_IN"
    COOPERATED_WITH = "COOPERATED_WITH"
    ISSUED = "ISSUED"
    IMPLEMENTS = "IMPLEMENTS"
    CITES = "CITES"
    PARTNER_OF = "PARTNER_OF"
    HELD_AT = "HELD_AT"
    LOCATED_IN = "LOCATED_IN"
    HEADS = "HEADS"
    PART_OF = "PART_OF"
    VISITED = "VISITED"


# Relations whose direction carries no meaning; stores keep one copy, ordered by id.
SYMMETRIC: frozenset[RelType] = frozenset({RelType.COOPERATED_WITH, RelType.PARTNER_OF})


class TieKind(StrEnum):
    """The kind of a foreign tie: a PARTNER_OF's `kind`, or a place reached through an event (foreign view)."""
    SISTER = "友好城市"
    EXCHANGE = "友好交流城市"
    EVENT = "event"


class Role(StrEnum):
    """What a passage's section is about (structure/roles.py reads it from headings)."""
    ACHIEVEMENT = "achievement"
    PROBLEM = "problem"
    PLAN = "plan"
    OTHER = "other"


class YearPart(StrEnum):
    """Which report of a year a question names it asks about (ingest/year_part.py)."""
    REVIEWS = "reviews"  # the report reviewing the year (a work report of the next year)
    PLANS = "plans"      # the report planning it (the work report dated that year)
    DATED = "dated"      # the report dated that year ("its 2023 work report")


class Level(StrEnum):
    """The level of government a report speaks for, or a question implies (ingest/level.py)."""
    NATIONAL = "national"  # 国务院
    PROVINCE = "province"  # 广东省, 广西壮族自治区
    CITY = "city"          # 深圳市, 北京市
    DISTRICT = "district"  # 福田区, 大鹏新区


class Genre(StrEnum):
    """The kind of report (structure/meta.py)."""
    FZZF = "fzzf"    # 法治政府建设年度情况报告
    GZBG = "gzbg"    # 政府工作报告
    OTHER = "other"


class Status(StrEnum):
    """A Measure's or Event's `status` property, from the role of the passage naming it."""
    PLANNED = "planned"
    DONE = "done"


# The status a passage's role gives the measures and events it names; other roles give none.
STATUS_OF_ROLE: dict[Role, Status] = {Role.PLAN: Status.PLANNED, Role.ACHIEVEMENT: Status.DONE}


class IndicatorKind(StrEnum):
    """An Indicator's `kind`: set as a target in a plan section, or reported as a result in a review."""
    TARGET = "target"
    ACTUAL = "actual"


class FollowUp(StrEnum):
    """What the report reviewing a plan's year says of it (graph/time/followup.py)."""
    REPORTED = "reported"
    NOT_REPORTED = "not_reported"
    PENDING = "pending"      # no report reviewing that year is stored yet


class PlaceKind(StrEnum):
    """A Place's `kind` property: gazetteer levels (lexicon/*places.tsv), or a venue read from text."""
    COUNTRY = "country"
    PROVINCE = "province"
    CITY = "city"
    DISTRICT = "district"
    VENUE = "venue"


class FileStatus(StrEnum):
    """What an ingest did with one file (api/ingest_service.py, the CLI and POST /ingest)."""
    ADDED = "added"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    FAILED = "failed"


class Direction(StrEnum):
    """Which way a neighbour's relation points, seen from the entity asked about."""
    OUT = "out"
    IN = "in"


class QueryForm(StrEnum):
    """How a search or question is written: with an interrogative, or as a noun phrase / keywords."""
    QUESTION = "question"
    PHRASE = "phrase"
