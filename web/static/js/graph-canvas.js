// One Cytoscape canvas: holds nodes and edges from API subgraphs, lays them out with
// fcose, merges expansions in place so the reader keeps their mental map, and exports PNG.
import { graphStyle } from "./graph-style.js";
import { currentLang, relName } from "./i18n.js";

const MAX_LABEL = 14;
const FIT_MAX_ZOOM = 1.3;

function shortName(name) {
  const chars = [...(name || "")];
  return chars.length > MAX_LABEL ? chars.slice(0, MAX_LABEL - 1).join("") + "…" : chars.join("");
}

export function edgeKey(edge) {
  return edge.id || `${edge.source}|${edge.type}|${edge.target}`;
}

export function sinceText(since) {
  if (since === null || since === undefined || since === "") return "";
  const s = String(since);
  if (!/^\d{4}$/.test(s)) return s;
  return currentLang() === "zh" ? `${s}年起` : `since ${s}`;
}

function defaultCaption(type, since) {
  return since ? `${relName(type)} · ${sinceText(since)}` : relName(type);
}

function nodeElement(node) {
  return {
    group: "nodes",
    data: {
      id: node.id, label: node.label, name: node.name, name_en: node.name_en || "",
      display: shortName(node.name), deg: 0, kind: (node.props && node.props.kind) || "",
    },
  };
}

function edgeElement(edge, caption) {
  return {
    group: "edges",
    data: {
      id: edgeKey(edge), source: edge.source, target: edge.target, type: edge.type,
      since: (edge.props && edge.props.since) || "",
      caption: caption(edge.type, (edge.props && edge.props.since) || ""),
    },
  };
}

function ensureFcose() {
  // The UMD build of cytoscape-fcose registers itself when it sees the cytoscape global;
  // registering twice would throw, so only `use` it when the layout is still unknown.
  if (!window.cytoscape("layout", "fcose") && window.cytoscapeFcose) window.cytoscape.use(window.cytoscapeFcose);
  return Boolean(window.cytoscape("layout", "fcose"));
}

export class GraphCanvas {
  constructor(container, { onSelect = () => {}, onExpand = () => {}, onEdge = () => {}, layout = null, caption = defaultCaption } = {}) {
    this.container = container;
    // Full API objects by id: the canvas keeps only what it draws, the panel wants the evidence.
    this.edges = new Map();
    this.nodes = new Map();
    this.caption = caption;
    this.customLayout = layout;
    this.hasFcose = ensureFcose();
    this.cy = window.cytoscape({
      container,
      style: graphStyle(),
      minZoom: 0.05,
      maxZoom: 4,
      boxSelectionEnabled: false,
    });
    this.cy.on("tap", "node", (evt) => onSelect(evt.target.id(), { fromCanvas: true }));
    // The canvas changes size when side panels open; Cytoscape only watches the window.
    // No refit here: a click that opens the entity panel must leave the node under the
    // pointer, or the second click of a double-click lands on empty canvas.
    new ResizeObserver(() => this.cy.resize()).observe(container);
    this.cy.on("layoutstop", () => this.fitCapped(false));
    this.cy.on("dbltap", "node", (evt) => onExpand(evt.target.id()));
    this.cy.on("tap", "edge", (evt) => {
      const edge = this.edges.get(evt.target.id());
      if (edge) onEdge(edge, this.nodes.get(edge.source), this.nodes.get(edge.target));
    });
    this.tip = document.createElement("div");
    this.tip.className = "tip";
    this.tip.hidden = true;
    container.parentElement.append(this.tip);
    this.cy.on("mouseover", "node", (evt) => this.showTip(evt.target));
    this.cy.on("mouseout", "node", () => { this.tip.hidden = true; });
    this.cy.on("viewport", () => { this.tip.hidden = true; });
  }

  get size() {
    return { nodes: this.cy.nodes().length, edges: this.cy.edges().length };
  }

  has(id) {
    return this.cy.getElementById(id).nonempty();
  }

  showTip(node) {
    const { x, y } = node.renderedPosition();
    const full = this.nodes.get(node.id());
    this.tip.textContent = "";
    const name = document.createElement("strong");
    name.textContent = node.data("name");
    this.tip.append(name);
    if (full && full.name_en) this.tip.append(document.createElement("br"), full.name_en);
    this.tip.style.left = `${x + 14}px`;
    this.tip.style.top = `${y + 10}px`;
    this.tip.hidden = false;
  }

  set(subgraph) {
    this.cy.elements().remove();
    this.edges.clear();
    this.nodes.clear();
    this.add(subgraph);
    this.layout({ randomize: true });
  }

  // Returns how many nodes were new; new nodes start on a ring round `around`.
  merge(subgraph, { around = null } = {}) {
    const anchor = around ? this.cy.getElementById(around) : null;
    const added = this.add(subgraph);
    if (!added.nodes().length && !added.edges().length) return 0;
    if (anchor && anchor.nonempty()) {
      const { x, y } = anchor.position();
      const ring = added.nodes();
      const radius = 60 + ring.length * 4;
      ring.forEach((n, i) => {
        const angle = (2 * Math.PI * i) / ring.length;
        n.position({ x: x + radius * Math.cos(angle), y: y + radius * Math.sin(angle) });
      });
      this.cy.elements().removeClass("anchor");
      anchor.addClass("anchor");
    }
    this.layout({ randomize: false });
    return added.nodes().length;
  }

  add(subgraph) {
    const fresh = [];
    for (const node of subgraph.nodes || []) {
      this.nodes.set(node.id, node);
      if (!this.has(node.id)) fresh.push(nodeElement(node));
    }
    const known = new Set([...this.cy.nodes().map((n) => n.id()), ...fresh.map((n) => n.data.id)]);
    for (const edge of subgraph.edges || []) {
      // Subgraphs may cut an edge's far end (limit, filters); Cytoscape rejects dangling edges.
      if (!known.has(edge.source) || !known.has(edge.target) || this.has(edgeKey(edge))) continue;
      this.edges.set(edgeKey(edge), edge);
      fresh.push(edgeElement(edge, this.caption));
    }
    const added = this.cy.add(fresh);
    this.cy.nodes().forEach((n) => n.data("deg", n.degree(false)));
    return added;
  }

  layout({ randomize = true } = {}) {
    const n = this.cy.nodes().length;
    if (!n) return;
    if (this.customLayout) {
      this.cy.layout(this.customLayout(this.cy)).run();
      return;
    }
    const options = this.hasFcose
      ? {
          name: "fcose", quality: n > 400 ? "draft" : "default", randomize,
          animate: !randomize && n < 250, animationDuration: 450, fit: true, padding: 36,
          // Spokes of a hub get longer edges so its many neighbours' captions have room.
          nodeRepulsion: () => 9000,
          idealEdgeLength: (e) => 60 + 4 * Math.min(80, Math.max(e.source().degree(), e.target().degree())),
          edgeElasticity: () => 0.4,
          nodeSeparation: 90, gravity: 0.3, packComponents: true, numIter: 2500,
          // Isolated nodes are tiled; their captions need room on both axes.
          tile: true, tilingPaddingVertical: 28, tilingPaddingHorizontal: 70,
        }
      : { name: "cose", animate: false, randomize, fit: true, padding: 36 };
    this.cy.layout(options).run();
  }

  fit() {
    this.fitCapped(true);
  }

  // Fitting a handful of nodes would blow them up to poster size; stop at FIT_MAX_ZOOM.
  fitCapped(animate) {
    const eles = this.cy.elements();
    if (!eles.length) return;
    const { width, height } = this.container.getBoundingClientRect();
    if (!width || !height) return;
    const box = eles.boundingBox();
    const padding = 36;
    const zoom = Math.min(FIT_MAX_ZOOM, (width - 2 * padding) / Math.max(box.w, 1), (height - 2 * padding) / Math.max(box.h, 1));
    const pan = { x: width / 2 - zoom * (box.x1 + box.w / 2), y: height / 2 - zoom * (box.y1 + box.h / 2) };
    if (animate) this.cy.animate({ zoom, pan }, { duration: 250 });
    else this.cy.viewport({ zoom, pan });
  }

  zoomBy(factor) {
    const zoom = this.cy.zoom() * factor;
    const { width, height } = this.container.getBoundingClientRect();
    this.cy.zoom({ level: zoom, renderedPosition: { x: width / 2, y: height / 2 } });
  }

  // Selections made on the canvas stay put; ones made elsewhere bring the node into view.
  select(id, { center = true } = {}) {
    this.cy.elements().unselect();
    const node = this.cy.getElementById(id);
    if (node.empty()) return;
    node.select();
    if (center) this.cy.animate({ center: { eles: node } }, { duration: 250 });
  }

  // Dims everything but the given elements; empty lists clear the highlight.
  highlight(nodeIds = [], edgeIds = []) {
    this.cy.elements().removeClass("dim onpath");
    if (!nodeIds.length) return;
    const keep = this.cy.collection();
    for (const id of nodeIds) keep.merge(this.cy.getElementById(id));
    for (const id of edgeIds) keep.merge(this.cy.getElementById(id));
    this.cy.elements().not(keep).addClass("dim");
    keep.addClass("onpath");
  }

  refreshCaptions() {
    this.cy.edges().forEach((e) => e.data("caption", this.caption(e.data("type"), e.data("since"))));
  }

  labelsPresent() {
    return [...new Set(this.cy.nodes().map((n) => n.data("label")))];
  }

  png() {
    return this.cy.png({ output: "blob", full: true, scale: 2, bg: "#ffffff", maxWidth: 4096, maxHeight: 4096 });
  }

  resize() {
    this.cy.resize();
  }
}
