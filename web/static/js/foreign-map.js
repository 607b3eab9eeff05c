// The offline world map of the foreign-affairs view: Natural Earth countries (world-atlas, vendored)
// drawn with d3-geo as SVG; partner places as points, an arc from the home place to each, coloured by
// tie kind. Everything is local: the shapes come from /static/vendor, never from a CDN.
import { el } from "./dom.js";

const SVG = "http://www.w3.org/2000/svg";
export const KIND_COLOURS = { "友好城市": "#c0392b", "友好交流城市": "#2471a3", event: "#7d8c2f" };
let shapes = null;

function svg(tag, attrs = {}) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) node.setAttribute(k, String(v));
  return node;
}

async function countries() {
  if (!shapes) {
    const world = await (await fetch("/static/vendor/countries-110m.json")).json();
    shapes = window.topojson.feature(world, world.objects.countries);
  }
  return shapes;
}

export async function drawMap(container, rows, { onPick }) {
  const width = 960;
  const height = 500;
  const projection = window.d3.geoNaturalEarth1().fitSize([width, height], { type: "Sphere" });
  const path = window.d3.geoPath(projection);
  const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, class: "world-map", role: "img" });
  root.append(svg("path", { d: path({ type: "Sphere" }), class: "map-sphere" }));
  for (const f of (await countries()).features) root.append(svg("path", { d: path(f), class: "map-country" }));
  const placed = rows.filter((r) => r.partner.lat !== null && r.partner.lon !== null);
  for (const r of placed) {
    if (r.home.lat === null || r.home.lon === null) continue;
    const arc = { type: "LineString", coordinates: [[r.home.lon, r.home.lat], [r.partner.lon, r.partner.lat]] };
    root.append(svg("path", { d: path(arc), class: `map-arc kind-${r.kind}`, stroke: KIND_COLOURS[r.kind] || "#555" }));
  }
  const homes = new Map();
  for (const r of placed) if (r.home.lat !== null) homes.set(r.home.name, projection([r.home.lon, r.home.lat]));
  for (const [name, [x, y]] of homes) {
    const g = svg("g", { class: "map-home" });
    g.append(svg("rect", { x: x - 4, y: y - 4, width: 8, height: 8 }));
    root.append(g);
    g.append(Object.assign(svg("title"), { textContent: name }));
  }
  for (const r of placed) {
    const [x, y] = projection([r.partner.lon, r.partner.lat]);
    const dot = svg("circle", { cx: x, cy: y, r: 5, class: "map-point", fill: KIND_COLOURS[r.kind] || "#555",
      "data-testid": "map-point", "data-partner": r.partner.name, "data-country": r.partner.country || "" });
    dot.append(Object.assign(svg("title"), { textContent: `${r.partner.name} (${r.partner.country || "?"})` }));
    dot.addEventListener("click", () => onPick(r));
    root.append(dot);
  }
  container.replaceChildren(root);
  return root;
}

export function mapLegend() {
  return el("div", { class: "map-legend" }, Object.entries(KIND_COLOURS).map(([kind, colour]) =>
    el("span", { class: "map-key" }, el("i", { style: `background:${colour}` }), kind === "event" ? "活动 / event" : kind)));
}
