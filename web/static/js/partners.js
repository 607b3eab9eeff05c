// The partner network view: sister-city and exchange ties across all ingested reports,
// drawn in three columns (domestic place or agency -> partner city -> country) so the
// eye reads who partners with whom, and where the partner lies, left to right.
import { api } from "./api.js";
import { byTestId, clear } from "./dom.js";
import { relName, t } from "./i18n.js";
import { GraphCanvas, sinceText } from "./graph-canvas.js";
import { renderLegend } from "./legend.js";
import { emptyBox, errorBox, loadingBox } from "./notices.js";

const HOME_COUNTRY = new Set(["中国", "中华人民共和国", "China", "People's Republic of China"]);
const COLUMN_X = [0, 300, 600];
const ROW = 48;

// Foreign places are those whose LOCATED_IN chain reaches a country other than China;
// places with no known country stay undecided (not foreign).
function foreignSet(cy) {
  const parent = new Map();
  cy.edges('[type = "LOCATED_IN"]').forEach((e) => parent.set(e.source().id(), e.target()));
  const foreign = new Set();
  cy.nodes().forEach((n) => {
    const seen = new Set();
    for (let cur = n; cur && !seen.has(cur.id()); cur = parent.get(cur.id())) {
      seen.add(cur.id());
      if (cur.data("kind") === "country") {
        if (!HOME_COUNTRY.has(cur.data("name"))) foreign.add(n.id());
        break;
      }
    }
  });
  return foreign;
}

export function columnsOf(cy) {
  const col = new Map();
  const foreign = foreignSet(cy);
  cy.nodes().forEach((n) => { if (n.data("kind") === "country") col.set(n.id(), 2); });
  cy.edges('[type = "PARTNER_OF"]').forEach((e) => {
    let [home, away] = [e.source(), e.target()];
    if (foreign.has(home.id()) && !foreign.has(away.id())) [home, away] = [away, home];
    if (!col.has(away.id())) col.set(away.id(), 1);
    if (!col.has(home.id())) col.set(home.id(), 0);
  });
  // Containers of a column's places (a province above a district) sit beside them.
  cy.edges('[type = "LOCATED_IN"]').forEach((e) => {
    const c = col.get(e.source().id());
    if (!col.has(e.target().id())) col.set(e.target().id(), c === 1 ? 2 : 0);
  });
  cy.nodes().forEach((n) => { if (!col.has(n.id())) col.set(n.id(), 0); });
  return col;
}

function spread(items, ys) {
  // Keep the wished-for heights but never closer than one row.
  items.sort((a, b) => ys.get(a) - ys.get(b));
  let last = -Infinity;
  for (const id of items) {
    const y = Math.max(ys.get(id), last + ROW);
    ys.set(id, y);
    last = y;
  }
}

function columnLayout(cy) {
  const col = columnsOf(cy);
  const ys = new Map();
  const countryOf = new Map();
  cy.edges('[type = "LOCATED_IN"]').forEach((e) => countryOf.set(e.source().id(), e.target().data("name")));
  const partners = cy.nodes().filter((n) => col.get(n.id()) === 1).map((n) => n.id());
  partners.sort((a, b) => (countryOf.get(a) || "").localeCompare(countryOf.get(b) || "", "zh") ||
    cy.getElementById(a).data("name").localeCompare(cy.getElementById(b).data("name"), "zh"));
  partners.forEach((id, i) => ys.set(id, i * ROW));
  const mean = (ids, fallback) => (ids.length ? ids.reduce((s, id) => s + (ys.get(id) ?? 0), 0) / ids.length : fallback);
  for (const c of [0, 2]) {
    const ids = cy.nodes().filter((n) => col.get(n.id()) === c).map((n) => n.id());
    ids.forEach((id, i) => {
      const linked = cy.getElementById(id).neighborhood("node").filter((m) => col.get(m.id()) === 1).map((m) => m.id());
      ys.set(id, mean(linked, i * ROW));
    });
    spread(ids, ys);
  }
  return {
    name: "preset",
    positions: (node) => ({ x: COLUMN_X[col.get(node.id())], y: ys.get(node.id()) ?? 0 }),
    fit: true,
    padding: 40,
  };
}

function partnerCaption(type, since) {
  if (type === "PARTNER_OF") return sinceText(since);
  return relName(type);
}

export class PartnersView {
  constructor({ onSelect, onEdge }) {
    this.onEdge = onEdge;
    this.canvasEl = byTestId("partners-canvas");
    this.overlay = byTestId("partners-overlay");
    this.status = byTestId("partners-status");
    this.legend = byTestId("partners-legend");
    this.onSelect = onSelect;
    this.canvas = null;
    this.loaded = false;
  }

  async open() {
    if (!this.canvas) {
      this.canvas = new GraphCanvas(this.canvasEl, {
        onSelect: this.onSelect, onEdge: this.onEdge, layout: columnLayout, caption: partnerCaption,
      });
      window.govgraph.partners = this.canvas.cy;
    }
    this.canvas.resize();
    if (this.loaded) return;
    this.showOverlay(loadingBox(t("loadingGraph"), "partners-loading"));
    try {
      const data = await api.partners();
      this.loaded = true;
      this.canvas.set(data);
      this.refresh();
      if (!(data.nodes || []).length) this.showOverlay(emptyBox(t("partnersEmpty"), "partners-empty"));
      else clear(this.overlay).hidden = true;
    } catch (err) {
      this.showOverlay(errorBox(err, "partners-error"));
    }
  }

  showOverlay(node) {
    clear(this.overlay).append(node);
    this.overlay.hidden = false;
  }

  fit() { if (this.canvas) this.canvas.fit(); }

  refresh() {
    if (!this.canvas) return;
    this.canvas.refreshCaptions();
    const { nodes, edges } = this.canvas.size;
    this.status.textContent = this.loaded ? `${nodes} ${t("nodes")} · ${edges} ${t("edges")}` : "";
    renderLegend(this.legend, this.canvas.labelsPresent(), [
      { className: "partner", text: `${t("partnerDomestic")} — ${t("partnerCity")}`, testid: "legend-partner-of" },
      { className: "located", text: `${t("partnerCity")} ⇢ ${t("partnerCountry")}`, testid: "legend-located-in" },
    ]);
  }
}
