// Wires the views together: search results, graph canvas, entity panel, filters, path
// finder, partner network and report view, with hash routes (#/graph, #/partners,
// #/report/ID) so views can be linked and the back button works.
import { api } from "./api.js";
import { fetchAnswerGraph, fetchNeighbourPage, GraphHistory, NEIGHBOUR_PAGE } from "./answer-graph.js";
import { $$, byTestId, clear } from "./dom.js";
import { applyStatic, currentLang, onLangChange, setLang, t } from "./i18n.js";
import { EntityPanel } from "./entity-panel.js";
import { Filters } from "./filters.js";
import { GraphCanvas } from "./graph-canvas.js";
import { renderLegend } from "./legend.js";
import { emptyBox, errorBox, loadingBox, toast, toastError } from "./notices.js";
import { PartnersView } from "./partners.js";
import { PathFinder } from "./path-finder.js";
import { ReportView } from "./report-view.js";
import { SearchPanel } from "./search.js";
import { CompareView } from "./compare.js";
import { TimeView } from "./time-view.js";

// The canvases have no DOM per node, so tests and the console reach them here.
window.govgraph = {};

const ui = {};
const state = { reports: [], health: null, truncated: false, view: "graph" };

function graphOverlay(node) {
  const overlay = byTestId("graph-overlay");
  if (!node) {
    clear(overlay).hidden = true;
    return;
  }
  clear(overlay).append(node);
  overlay.hidden = false;
}

function refreshGraphChrome() {
  const { nodes, edges } = ui.graph.size;
  byTestId("graph-status").textContent = nodes
    ? `${nodes} ${t("nodes")} · ${edges} ${t("edges")}${state.truncated ? ` ${t("truncated")}` : ""}`
    : "";
  renderLegend(byTestId("graph-legend"), ui.graph.labelsPresent());
  byTestId("graph-canvas").title = nodes ? t("doubleClickHint") : "";
}

async function loadSubgraph(params) {
  closePopovers();
  graphOverlay(loadingBox(t("loadingGraph"), "graph-loading"));
  try {
    const data = await api.subgraph(params);
    state.truncated = Boolean(data.truncated);
    ui.graph.set(data);
    graphOverlay((data.nodes || []).length ? null : emptyBox(state.reports.length ? t("emptyGraph") : t("emptyStore"), "graph-empty"));
  } catch (err) {
    graphOverlay(errorBox(err, "graph-error"));
  }
  refreshGraphChrome();
}

// A hub's neighbours come 30 at a time, best attested first; "show more" brings the next 30.
async function expand(id, offset = 0) {
  try {
    const data = await fetchNeighbourPage(id, offset);
    const added = ui.graph.merge(data, { around: id });
    graphOverlay(null);
    const more = byTestId("show-more");
    const next = offset + NEIGHBOUR_PAGE;
    more.hidden = next >= data.total;
    more.textContent = `${t("showMore")} (${Math.min(next, data.total)}/${data.total})`;
    more.onclick = () => expand(id, next);
    toast(added ? `${t("expanded")}: +${added} ${t("newNodes")}` : t("nothingNew"));
  } catch (err) {
    toastError(err);
  }
  refreshGraphChrome();
}

// Puts an entity on the canvas (with its neighbours if it is not there yet) and selects it.
async function focusEntity(id) {
  if (!ui.graph.has(id)) await expand(id);
  ui.graph.select(id);
}

function selectEntity(id, { fromCanvas = false } = {}) {
  ui.panel.show(id);
  if (state.view === "graph" && ui.graph.has(id)) ui.graph.select(id, { center: !fromCanvas });
}

async function openAnswer(id) {
  if (state.view !== "graph") location.hash = "#/graph";
  ui.panel.show(id);
  await focusEntity(id);
}

// After a question: the answers and the entities of their evidence, the previous graph kept for "back".
async function showAnswers(data) {
  if (!(data.answers || []).length && !(data.passages || []).length) return;
  if (state.view !== "graph") location.hash = "#/graph";
  try {
    const sg = await fetchAnswerGraph(data);
    ui.history.push();
    state.truncated = Boolean(sg.truncated);
    ui.graph.set(sg);
    byTestId("show-more").hidden = true;
    graphOverlay(null);
  } catch (err) {
    toastError(err);
  }
  refreshGraphChrome();
}

function showPaths(paths) {
  const nodes = new Map();
  const edges = new Map();
  for (const p of paths) {
    for (const n of p.nodes || []) nodes.set(n.id, n);
    for (const e of p.edges || []) edges.set(e.id || `${e.source}|${e.type}|${e.target}`, e);
  }
  state.truncated = false;
  ui.graph.set({ nodes: [...nodes.values()], edges: [...edges.values()] });
  graphOverlay(null);
  refreshGraphChrome();
}

function openReport(reportId, focus) {
  const q = new URLSearchParams();
  if (focus) for (const [k, v] of Object.entries(focus)) if (v !== undefined && v !== null) q.set(k, v);
  const qs = q.toString();
  location.hash = `#/report/${encodeURIComponent(reportId)}${qs ? `?${qs}` : ""}`;
}

function closePopovers() {
  for (const panel of $$("[data-pop-panel]")) panel.hidden = true;
  for (const button of $$("[data-pop]")) button.setAttribute("aria-expanded", "false");
}

function togglePopover(name) {
  const panel = document.querySelector(`[data-pop-panel="${name}"]`);
  const open = panel.hidden;
  closePopovers();
  panel.hidden = !open;
  document.querySelector(`[data-pop="${name}"]`).setAttribute("aria-expanded", String(open));
}

function showView(name) {
  state.view = name;
  for (const view of $$(".view")) view.hidden = view.dataset.view !== name;
  for (const tab of $$("nav.views a")) {
    if (tab.dataset.view === name) tab.setAttribute("aria-current", "page");
    else tab.removeAttribute("aria-current");
  }
  if (name === "graph") ui.graph.resize();
  if (name === "partners") ui.partners.open();
  if (name === "time") ui.time.open();
}

function route() {
  const hash = location.hash || "#/graph";
  const [path, qs] = hash.slice(1).split("?");
  const parts = path.split("/").filter(Boolean);
  const params = new URLSearchParams(qs || "");
  if (parts[0] === "partners") showView("partners");
  else if (parts[0] === "compare") {
    showView("compare");
    ui.compare.open(params.get("q"));
  }
  else if (parts[0] === "time") showView("time");
  else if (parts[0] === "report") {
    showView("report");
    const id = parts[1] ? decodeURIComponent(parts[1]) : ui.reports.currentId;
    const focus = {};
    if (params.has("passage")) focus.passage = params.get("passage");
    if (params.has("start")) focus.start = Number(params.get("start"));
    if (params.has("end")) focus.end = Number(params.get("end"));
    ui.reports.open(id, Object.keys(focus).length ? focus : null);
  } else showView("graph");
}

function exportPng(canvas, name) {
  const blob = canvas.png();
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = `govgraph-${name}-${new Date().toISOString().slice(0, 10)}.png`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 2000);
}

function syncLangButton() {
  byTestId("lang-toggle").textContent = currentLang() === "zh" ? "English" : "中文";
}

function wire() {
  const form = byTestId("search-form");
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const q = byTestId("search-input").value.trim();
    if (q) ui.search.ask(q);
  });
  byTestId("lang-toggle").addEventListener("click", () => setLang(currentLang() === "zh" ? "en" : "zh"));
  for (const button of $$("[data-pop]")) {
    button.setAttribute("aria-expanded", "false");
    button.addEventListener("click", () => togglePopover(button.dataset.pop));
  }
  byTestId("zoom-in").addEventListener("click", () => ui.graph.zoomBy(1.25));
  byTestId("zoom-out").addEventListener("click", () => ui.graph.zoomBy(0.8));
  byTestId("fit").addEventListener("click", () => ui.graph.fit());
  byTestId("graph-back").addEventListener("click", () => { ui.history.back(); byTestId("show-more").hidden = true; refreshGraphChrome(); });
  byTestId("relayout").addEventListener("click", () => ui.graph.layout({ randomize: true }));
  byTestId("export-png").addEventListener("click", () => exportPng(ui.graph, "graph"));
  byTestId("partners-fit").addEventListener("click", () => ui.partners.fit());
  byTestId("report-to-graph").addEventListener("click", () => {
    const id = ui.reports.currentId;
    if (!id) return;
    ui.filters.set({ report: id });
    location.hash = "#/graph";
    loadSubgraph(ui.filters.params());
  });
  window.addEventListener("hashchange", route);
  window.addEventListener("resize", () => ui.graph.resize());
  document.addEventListener("keydown", (e) => { if (e.key === "Escape") closePopovers(); });

  onLangChange(() => {
    syncLangButton();
    ui.search.render();
    ui.panel.render();
    ui.filters.render();
    ui.paths.render();
    ui.graph.refreshCaptions();
    refreshGraphChrome();
    ui.partners.refresh();
    ui.reports.render();
    ui.compare.render();
    if (ui.time.loaded) ui.time.render();
  });
}

async function start() {
  applyStatic();
  syncLangButton();
  ui.graph = new GraphCanvas(byTestId("graph-canvas"), {
    onSelect: selectEntity, onExpand: expand, onEdge: (edge, s, t2) => ui.panel.showEdge(edge, s, t2),
  });
  window.govgraph.graph = ui.graph.cy;
  ui.history = new GraphHistory(ui.graph, byTestId("graph-back"));
  window.govgraph.expand = expand;
  ui.search = new SearchPanel(byTestId("results-pane"), {
    onAnswer: openAnswer, onShowAnswers: showAnswers, onOpenReport: openReport, onResults: showAnswers,
    onAsk: (q) => { byTestId("search-input").value = q; ui.search.ask(q); },
    onCompare: (q) => { location.hash = `#/compare?${new URLSearchParams({ q })}`; },
  });
  ui.compare = new CompareView(byTestId("view-compare"), { onOpenReport: openReport });
  ui.panel = new EntityPanel(byTestId("entity-panel"), {
    onClose: () => ui.panel.hide(),
    onNavigate: async (id) => {
      ui.panel.show(id);
      if (state.view === "graph") await focusEntity(id);
    },
    onExpand: (id) => { if (state.view !== "graph") location.hash = "#/graph"; expand(id).then(() => ui.graph.select(id)); },
    onPathFrom: (e) => { ui.paths.setSource(e); if (state.view !== "graph") location.hash = "#/graph"; togglePopover("paths"); },
    onPathTo: (e) => { ui.paths.setTarget(e); if (state.view !== "graph") location.hash = "#/graph"; togglePopover("paths"); },
    onOpenReport: openReport,
  });
  ui.filters = new Filters(byTestId("filters-panel"), { onApply: loadSubgraph });
  ui.filters.render();
  ui.paths = new PathFinder(byTestId("paths-panel"), {
    onFound: (paths, message) => { closePopovers(); showPaths(paths); toast(message); },
  });
  ui.partners = new PartnersView({
    onSelect: (id) => ui.panel.show(id), onEdge: (edge, s, t2) => ui.panel.showEdge(edge, s, t2),
  });
  ui.reports = new ReportView({ onSelectEntity: (id) => ui.panel.show(id) });
  ui.time = new TimeView(byTestId("view-time"));
  window.govgraph.ui = ui;
  wire();
  ui.search.welcome(null);
  route();

  graphOverlay(loadingBox(t("loadingGraph"), "graph-loading"));
  try {
    const [health, reports] = await Promise.all([api.health(), api.reports()]);
    state.health = health;
    state.reports = reports.items || [];
    ui.search.welcome(health);
    ui.filters.setReports(state.reports);
    ui.reports.setReports(state.reports);
  } catch (err) {
    graphOverlay(errorBox(err, "startup-error"));
    return;
  }
  // A newcomer first sees something real: the graph of the first report.
  if (state.reports.length) {
    ui.filters.set({ report: state.reports[0].id });
    await loadSubgraph(ui.filters.params());
  } else {
    graphOverlay(emptyBox(t("emptyStore"), "graph-empty"));
  }
  if (state.view === "report" && !ui.reports.current) route();
  document.body.dataset.ready = "true";
}

// Vendored scripts are `defer`red and run before module scripts, so cytoscape exists here.
start();
