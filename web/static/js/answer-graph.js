// Answers drawn in the graph: after a question the canvas shows the answers and the entities named
// in their evidence passages, with a way back to what it showed before; expanding a node brings its
// 30 best-attested neighbours (by evidence count) with "show more" for the next 30.
import { getJSON } from "./api.js";

const enc = encodeURIComponent;
export const NEIGHBOUR_PAGE = 30;

export function answerGraphParams(data) {
  const ids = (data.answers || []).filter((a) => a.entity !== false).map((a) => a.id);
  const passages = new Set();
  for (const a of data.answers || []) for (const ev of a.evidence || []) if (ev.passage) passages.add(ev.passage);
  for (const h of data.passages || []) passages.add(h.passage);
  return { ids: ids.join(","), passages: [...passages].slice(0, 200).join(",") };
}

export const fetchAnswerGraph = (data) => getJSON("/answer-graph", answerGraphParams(data));

export const fetchNeighbourPage = (id, offset = 0) =>
  getJSON(`/entities/${enc(id)}/top-neighbours`, { offset, limit: NEIGHBOUR_PAGE });

// What the canvas showed, to go back to: the full API objects of what is drawn.
export class GraphHistory {
  constructor(canvas, button) {
    this.canvas = canvas;
    this.button = button;
    this.stack = [];
    this.button.hidden = true;
  }

  push() {
    const cy = this.canvas.cy;
    if (!cy.nodes().length) return;
    this.stack.push({
      nodes: cy.nodes().map((n) => this.canvas.nodes.get(n.id())).filter(Boolean),
      edges: cy.edges().map((e) => this.canvas.edges.get(e.id())).filter(Boolean),
    });
    this.button.hidden = false;
  }

  back() {
    const last = this.stack.pop();
    if (last) this.canvas.set(last);
    this.button.hidden = this.stack.length === 0;
    return Boolean(last);
  }
}
