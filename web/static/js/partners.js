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

// Which side of a tie is home: a place whose LOCATED_IN chain reaches China or a Chinese
// province-level unit is domestic; one reaching another country is foreign. Places with no
// known chain stay undecided and the tie's own direction (source first) decides.
const PROVINCE_SUFFIX = /(省|自治区|特别行政区)$/;
const MUNICIPALITIES = new Set(["北京市", "上海市", "天津市", "重庆市"]);

function sides(cy) {
  const parent = new Map();
  cy.edges('[type = "LOCATED_IN"]').forEach((e) => parent.set(e.source().id(), e.target()));
  const foreign = new Set();
  const domestic = new Set();
  cy.nodes().forEach((n) => {
    const seen = new Set();
    for (let cur = n; cur && !seen.has(cur.id()); cur = parent.get(cur.id())) {
      seen.add(cur.id());
      const name = cur.data("name") || "";
      if (HOME_COUNTRY.has(name) || PROVINCE_SUFFIX.test(name) || MUNICIPALITIES.has(name)) {
        domestic.add(n.id());
        break;
      }
      if (cur.data("kind") === "country") {
        foreign.add(n.id());
        break;
      }
    }
  });
  return { foreign, domestic };
}

export function columnsOf(cy) {
  const col = new Map();
  const { foreign, domestic } = sides(cy);
  cy.nodes().forEach((n) => { if (n.data("kind") === "country") col.set(n.id(), 2); });
  cy.edges('[type = "PARTNER_OF"]').forEach((e) => {
    let [home, away] = [e.source(), e.target()];
    const flip = domestic.has(away.id()) ? !domestic.has(home.id()) : foreign.has(home.id()) && !foreign.has(away.id());
    if (flip) [home, away] = [away, home];
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
    // Places tied to partner cities first; then their containers (a country above a
    // prefecture) beside whatever they contain.
    const pending = [];
    for (const id of ids) {
      const linked = cy.getElementById(id).neighborhood("node").filter((m) => col.get(m.id()) === 1).map((m) => m.id());
      if (linked.length) ys.set(id, mean(linked, 0));
      else pending.push(id);
    }
    pending.forEach((id, i) => {
      const placed = cy.getElementById(id).neighborhood("node").map((m) => m.id()).filter((m) => ys.has(m));
      ys.set(id, mean(placed, (partners.length + i) * ROW) + (placed.length ? ROW / 2 : 0));
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
