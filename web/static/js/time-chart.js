// An indicator over the years as an SVG bar chart drawn by hand (no library, works offline): for each
// year a target bar and an actual bar side by side, each with its value, so a plan can be read against
// its result at a glance.
const NS = "http://www.w3.org/2000/svg";

function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

export function formatValue(value, unit) {
  if (unit === "元" || unit === "美元") {
    if (Math.abs(value) >= 1e12) return `${+(value / 1e12).toFixed(2)}万亿${unit}`;
    if (Math.abs(value) >= 1e8) return `${+(value / 1e8).toFixed(2)}亿${unit}`;
    if (Math.abs(value) >= 1e4) return `${+(value / 1e4).toFixed(2)}万${unit}`;
  }
  return `${+Number(value).toFixed(2)}${unit || ""}`;
}

// points: [{year, kind: "target"|"actual", value}], one bar per (year, kind): the first point of each.
export function indicatorChart(points, unit, { labels = { target: "target", actual: "actual" } } = {}) {
  const byYear = new Map();
  for (const p of points) {
    if (p.year == null) continue;
    const slot = byYear.get(p.year) || {};
    if (!(p.kind in slot)) slot[p.kind] = p;
    byYear.set(p.year, slot);
  }
  const years = [...byYear.keys()].sort((a, b) => a - b);
  const values = points.map((p) => p.value).filter((v) => Number.isFinite(v));
  const max = Math.max(0, ...values) || 1;
  const min = Math.min(0, ...values);
  const W = Math.max(320, 70 * years.length + 60), H = 240, left = 40, bottom = 30, top = 24;
  const plotH = H - bottom - top;
  const y = (v) => top + plotH * (max - v) / (max - min || 1);
  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: "img", "data-testid": "time-chart" });
  root.append(svg("line", { x1: left, y1: y(0), x2: W - 10, y2: y(0), stroke: "#999" }));
  const band = (W - left - 10) / Math.max(1, years.length);
  years.forEach((year, i) => {
    const x0 = left + i * band;
    root.append(svg("text", { x: x0 + band / 2, y: H - 10, "text-anchor": "middle", "font-size": 12 }, String(year)));
    ["target", "actual"].forEach((kind, j) => {
      const p = byYear.get(year)[kind];
      if (!p) return;
      const bw = band * 0.32;
      const x = x0 + band * 0.16 + j * bw;
      const y1 = y(Math.max(0, p.value)), y2 = y(Math.min(0, p.value));
      const bar = svg("rect", {
        x, y: y1, width: bw, height: Math.max(1, y2 - y1), class: `bar ${kind}`,
        fill: kind === "target" ? "#fff" : "#2f6fb0", stroke: "#2f6fb0", "stroke-width": 1.5,
        "stroke-dasharray": kind === "target" ? "4 2" : "", "data-testid": `bar-${kind}-${year}`,
        "data-value": p.value,
      });
      bar.append(svg("title", {}, `${year} ${labels[kind]}: ${formatValue(p.value, unit)}\n${p.text}`));
      root.append(bar, svg("text", { x: x + bw / 2, y: y1 - 4, "text-anchor": "middle", "font-size": 10 },
        formatValue(p.value, unit === "%" ? "%" : "")));
    });
  });
  const legend = svg("g", { transform: `translate(${left}, 8)` });
  legend.append(
    svg("rect", { x: 0, y: 0, width: 10, height: 10, fill: "#fff", stroke: "#2f6fb0", "stroke-dasharray": "4 2" }),
    svg("text", { x: 14, y: 9, "font-size": 11 }, labels.target),
    svg("rect", { x: 80, y: 0, width: 10, height: 10, fill: "#2f6fb0" }),
    svg("text", { x: 94, y: 9, "font-size": 11 }, labels.actual));
  root.append(legend);
  return root;
}
