// How each node label looks: one colour and one shape per label, shared by the graph
// canvas, the legend, badges and the inline marks of the report view. Shapes differ as
// well as colours so the graph stays readable in greyscale prints and for colour-blind readers.

// The names themselves are generated from ingest/vocabulary.py (vocabulary.js).
import { ALL_LABELS, ENTITY_LABELS, ROLES, TIME_LABELS } from "./vocabulary.js";

export { ALL_LABELS, ENTITY_LABELS, ROLES };
// What the graph view draws unless asked: the entities, not the time records (figures, task lists).
export const GRAPH_LABELS = ENTITY_LABELS.filter((l) => !TIME_LABELS.includes(l));

export const LABEL_STYLE = {
  Report: { color: "#475569", shape: "round-rectangle" },
  Passage: { color: "#94a3b8", shape: "rectangle" },
  Agency: { color: "#2563eb", shape: "ellipse" },
  Organization: { color: "#0d9488", shape: "hexagon" },
  Person: { color: "#db2777", shape: "star" },
  Place: { color: "#16a34a", shape: "round-triangle" },
  Policy: { color: "#b45309", shape: "round-tag" },
  Measure: { color: "#7c3aed", shape: "round-diamond" },
  Event: { color: "#dc2626", shape: "round-pentagon" },
  Indicator: { color: "#0891b2", shape: "barrel" },
  Plan: { color: "#65a30d", shape: "cut-rectangle" },
};

const FALLBACK = { color: "#64748b", shape: "ellipse" };

export function labelStyle(label) {
  return LABEL_STYLE[label] || FALLBACK;
}

// SVG outlines matching the canvas shapes closely enough to be recognised in the legend.
const SWATCH_PATHS = {
  ellipse: '<circle cx="8" cy="8" r="6.5"/>',
  rectangle: '<rect x="2" y="3.5" width="12" height="9"/>',
  "round-rectangle": '<rect x="1.5" y="3" width="13" height="10" rx="3"/>',
  hexagon: '<polygon points="4.5,2 11.5,2 15,8 11.5,14 4.5,14 1,8"/>',
  star: '<polygon points="8,1 10,6 15,6.2 11,9.4 12.4,14.5 8,11.6 3.6,14.5 5,9.4 1,6.2 6,6"/>',
  "round-triangle": '<polygon points="8,1.5 15,14 1,14" stroke-linejoin="round" stroke-width="1.5"/>',
  "round-tag": '<polygon points="1.5,3 11,3 15,8 11,13 1.5,13" stroke-linejoin="round" stroke-width="1.2"/>',
  "round-diamond": '<polygon points="8,1 15,8 8,15 1,8" stroke-linejoin="round" stroke-width="1.2"/>',
  "round-pentagon": '<polygon points="8,1.2 15,6.4 12.3,14.5 3.7,14.5 1,6.4" stroke-linejoin="round" stroke-width="1.2"/>',
  barrel: '<rect x="2" y="2" width="12" height="12" rx="5" ry="2"/>',
  "cut-rectangle": '<polygon points="4,2 12,2 15,5 15,14 1,14 1,5"/>',
};

export function swatch(label) {
  const { color, shape } = labelStyle(label);
  const span = document.createElement("span");
  span.className = "swatch";
  // The markup is a fixed table above, never data, so innerHTML is safe here.
  span.innerHTML = `<svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" fill="${color}" stroke="${color}">${SWATCH_PATHS[shape] || SWATCH_PATHS.ellipse}</svg>`;
  return span;
}
