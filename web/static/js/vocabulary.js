// GENERATED from ingest/vocabulary.py by `python -m govgraph.api.vocabulary_js`: do not edit by hand.
// tests/unit/test_vocabulary.py checks that this file matches the Python enums.

export const ENTITY_LABELS = ["Agency", "Organization", "Person", "Place", "Policy", "Measure", "Event", "Indicator", "Plan"];
export const ALL_LABELS = ["Report", "Passage", "Agency", "Organization", "Person", "Place", "Policy", "Measure", "Event", "Indicator", "Plan"];
export const TIME_LABELS = ["Indicator", "Plan"];
export const REL_TYPES = ["AUTHORED", "HAS_PASSAGE", "MENTIONED_IN", "CARRIED_OUT", "ORGANIZED", "PARTICIPATED_IN", "COOPERATED_WITH", "ISSUED", "IMPLEMENTS", "CITES", "PARTNER_OF", "HELD_AT", "LOCATED_IN", "HEADS", "PART_OF", "VISITED"];
export const SYMMETRIC_TYPES = ["COOPERATED_WITH", "PARTNER_OF"];
export const ROLES = ["achievement", "problem", "plan", "other"];
export const STATUSES = ["planned", "done"];
