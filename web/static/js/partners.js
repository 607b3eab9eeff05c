// The foreign-affairs view: for a Chinese place or agency (or all), its foreign ties on an offline
// world map (arcs from home, coloured by tie kind), as a network grouped by country (with events and
// foreign bodies), and as a table exportable as CSV; every tie carries its evidence sentence.
// Filters: home, the year up to which ties are shown (its `since`, else its report's year), country.
import { getJSON } from "./api.js";
import { byTestId, clear, el } from "./dom.js";
import { t } from "./i18n.js";
import { drawMap, KIND_COLOURS, mapLegend } from "./foreign-map.js";
import { emptyBox, errorBox, loadingBox } from "./notices.js";

const CSV_COLUMNS = ["home", "partner", "name_en", "country", "kind", "since", "year", "via", "report", "file", "evidence"];

export function csvOf(rows) {
  const cell = (v) => {
    const s = v === null || v === undefined ? "" : String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [CSV_COLUMNS.join(",")];
  for (const r of rows) {
    lines.push([r.home.name, r.partner.name, r.partner.name_en, r.partner.country, r.kind, r.since, r.year,
      r.via && r.via.name, r.evidence.report, r.evidence.file, r.evidence.text].map(cell).join(","));
  }
  return lines.join("\n") + "\n";
}

export class PartnersView {
  constructor({ onSelect }) {
    this.onSelect = onSelect;
    this.root = byTestId("view-partners");
    this.homeSel = byTestId("foreign-home");
    this.yearInput = byTestId("foreign-year");
    this.yearLabel = byTestId("foreign-year-label");
    this.countrySel = byTestId("foreign-country");
    this.mapEl = byTestId("foreign-map");
    this.netEl = byTestId("foreign-network");
    this.tableEl = byTestId("foreign-table");
    this.evidenceEl = byTestId("foreign-evidence");
    this.unplacedEl = byTestId("foreign-unplaced");
    this.status = byTestId("partners-status");
    this.overlay = byTestId("partners-overlay");
    this.data = null;
    this.cy = null;
    this.homeSel.addEventListener("change", () => this.load(this.homeSel.value || null));
    this.yearInput.addEventListener("input", () => this.render());
    this.countrySel.addEventListener("change", () => this.render());
    byTestId("foreign-csv").addEventListener("click", () => this.exportCsv());
  }

  async open() {
    if (this.data) return;
    await this.load(null);
  }

  async load(home) {
    this.overlay.hidden = false;
    clear(this.overlay).append(loadingBox(t("loadingGraph"), "partners-loading"));
    try {
      this.data = await getJSON("/foreign", home ? { home } : null);
      this.setControls();
      this.render();
      if (!this.data.ties.length) clear(this.overlay).append(emptyBox(t("partnersEmpty"), "partners-empty"));
      else clear(this.overlay).hidden = true;
      window.govgraph.foreign = this.data;
    } catch (err) {
      clear(this.overlay).append(errorBox(err, "partners-error"));
    }
  }

  setControls() {
    const d = this.data;
    if (this.homeSel.options.length === 0 || !d.home) {
      clear(this.homeSel).append(el("option", { value: "", text: t("foreignAllHomes") }),
        ...d.homes.map((h) => el("option", { value: h.id, text: `${h.name} (${h.ties})` })));
    }
    this.homeSel.value = d.home || "";
    const years = d.ties.map((r) => r.year).filter((y) => y);
    const lo = Math.min(...years, new Date().getFullYear());
    const hi = Math.max(...years, lo);
    Object.assign(this.yearInput, { min: lo, max: hi, value: hi });
    clear(this.countrySel).append(el("option", { value: "", text: t("foreignAllCountries") }),
      ...d.countries.map((c) => el("option", { value: c.name || "", text: `${c.name || "?"} ${c.name_en ? `(${c.name_en})` : ""}` })));
  }

  visible() {
    const year = Number(this.yearInput.value);
    const country = this.countrySel.value;
    return this.data.ties.filter((r) => (!r.year || r.year <= year) && (!country || r.partner.country === country));
  }

  render() {
    const rows = this.visible();
    this.yearLabel.textContent = `≤ ${this.yearInput.value}`;
    this.status.textContent = `${rows.length} ${t("foreignTies")}`;
    drawMap(this.mapEl, rows, { onPick: (r) => this.pick(r) }).then(() => this.mapEl.append(mapLegend()));
    this.drawNetwork(rows);
    this.drawTable(rows);
    const unplaced = [...new Set(rows.filter((r) => r.partner.lat === null).map((r) => r.partner.name))];
    clear(this.unplacedEl).append(unplaced.length ? `${t("foreignUnplaced")}: ${unplaced.join("、")}` : "");
  }

  drawNetwork(rows) {
    const net = this.data.network;
    const shown = new Set(rows.flatMap((r) => [r.home.id, r.partner.id, r.via && r.via.id].filter(Boolean)));
    const pairs = new Set(rows.map((r) => `${r.home.id}|${r.partner.id}`));
    const keep = (n) => shown.has(n.id) || (n.foreign && n.label !== "Place" &&
      net.edges.some((e) => (e.source === n.id && shown.has(e.target)) || (e.target === n.id && shown.has(e.source))));
    const nodes = net.nodes.filter(keep);
    const ids = new Set(nodes.map((n) => n.id));
    const groups = [...new Set(nodes.map((n) => n.country || "?"))];
    const elements = groups.map((c) => ({ data: { id: `country:${c}`, name: c, group: true } }));
    for (const n of nodes) elements.push({ data: { ...n, parent: `country:${n.country || "?"}` } });
    for (const e of net.edges) {
      if (!ids.has(e.source) || !ids.has(e.target)) continue;
      if (e.type === "PARTNER_OF" && !pairs.has(`${e.source}|${e.target}`) && !pairs.has(`${e.target}|${e.source}`)) continue;
      elements.push({ data: { id: `${e.source}|${e.type}|${e.target}`, source: e.source, target: e.target, type: e.type,
        colour: KIND_COLOURS[e.props.kind] || "#888", evidence: e.evidence } });
    }
    if (this.cy) this.cy.destroy();
    this.cy = window.cytoscape({
      container: this.netEl, elements,
      style: [
        { selector: "node", style: { label: "data(name)", "font-size": 10, width: 14, height: 14, "background-color": "#5d6d7e" } },
        { selector: "node[?foreign]", style: { "background-color": "#c0392b" } },
        { selector: 'node[label = "Event"]', style: { shape: "diamond", "background-color": "#7d8c2f" } },
        { selector: 'node[label = "Agency"], node[label = "Organization"]', style: { shape: "round-rectangle" } },
        { selector: "node[?group]", style: { "background-opacity": 0.06, "text-valign": "top", "font-size": 12, "border-width": 1 } },
        { selector: "edge", style: { width: 1.5, "line-color": "data(colour)", "curve-style": "bezier" } },
      ],
      layout: { name: "fcose", animate: false, randomize: true, nodeRepulsion: 6000 },
    });
    window.govgraph.foreignNetwork = this.cy;
    this.cy.on("tap", "node", (evt) => {
      const n = evt.target;
      if (n.data("group")) return;
      const r = rows.find((x) => x.partner.id === n.id() || (x.via && x.via.id === n.id()));
      if (r) this.pick(r);
      else if (this.onSelect) this.onSelect(n.id());
    });
  }

  drawTable(rows) {
    const head = el("tr", {}, ["home", "partner", "country", "kind", "since", "year", "evidence"].map((k) =>
      el("th", { text: t(`foreignCol_${k}`) })));
    const body = rows.map((r) => el("tr", { testid: "foreign-row", dataset: { partner: r.partner.name }, onclick: () => this.pick(r) },
      el("td", { text: r.home.name }),
      el("td", { text: r.partner.name_en ? `${r.partner.name} (${r.partner.name_en})` : r.partner.name }),
      el("td", { text: r.partner.country || "" }),
      el("td", { text: r.via ? `${r.kind}: ${r.via.name}` : r.kind }),
      el("td", { text: r.since || "" }),
      el("td", { text: r.year || "" }),
      el("td", { class: "evidence-cell", text: r.evidence.text || "" })));
    clear(this.tableEl).append(el("table", { class: "foreign-table" }, el("thead", {}, head), el("tbody", {}, body)));
  }

  pick(r) {
    const ev = r.evidence || {};
    clear(this.evidenceEl).append(
      el("h4", { text: `${r.home.name} — ${r.partner.name}${r.partner.country ? ` (${r.partner.country})` : ""}` }),
      el("p", { class: "tie-kind", text: [r.kind, r.via && r.via.name, r.since && `${t("foreignSince")} ${r.since}`].filter(Boolean).join(" · ") }),
      el("blockquote", { testid: "foreign-evidence-text", text: ev.text || "" }),
      el("p", { class: "muted", text: `${ev.file || ""} [${ev.start}–${ev.end}]` }));
    this.evidenceEl.hidden = false;
  }

  exportCsv() {
    const blob = new Blob([csvOf(this.visible())], { type: "text/csv;charset=utf-8" });
    const a = el("a", { href: URL.createObjectURL(blob), download: "foreign-ties.csv", testid: "foreign-csv-link" });
    document.body.append(a);
    a.click();
    a.remove();
  }

  fit() { if (this.cy) this.cy.fit(); }

  refresh() { if (this.data) this.render(); }
}
