// The Cytoscape stylesheet: label colours and shapes from labels.js, node size by degree
// within the view, edge captions by relationship type that fade out when zoomed far out
// (min-zoomed-font-size) so a few hundred nodes stay legible.
import { LABEL_STYLE } from "./labels.js";
import { SYMMETRIC_TYPES } from "./vocabulary.js";

export const FONT_STACK = '"Inter", "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", system-ui, sans-serif';

export function graphStyle() {
  const perLabel = Object.entries(LABEL_STYLE).map(([label, { color, shape }]) => ({
    selector: `node[label = "${label}"]`,
    style: { "background-color": color, shape },
  }));
  return [
    {
      selector: "node",
      style: {
        label: "data(display)",
        "font-family": FONT_STACK,
        // Hubs get larger captions, which stay visible when zoomed out past min-zoomed-font-size.
        "font-size": "mapData(deg, 0, 40, 11, 24)",
        color: "#1f2937",
        "text-valign": "bottom",
        "text-halign": "center",
        "text-margin-y": 4,
        "text-wrap": "ellipsis",
        "text-max-width": 240,
        "text-background-color": "#ffffff",
        "text-background-opacity": 0.75,
        "text-background-padding": 1.5,
        "min-zoomed-font-size": 7,
        width: "mapData(deg, 0, 24, 18, 52)",
        height: "mapData(deg, 0, 24, 18, 52)",
        "border-width": 1.5,
        "border-color": "#ffffff",
        "overlay-padding": 4,
      },
    },
    ...perLabel,
    { selector: "node.anchor", style: { "border-width": 3, "border-color": "#0f172a" } },
    { selector: "node:selected", style: { "border-width": 4, "border-color": "#f59e0b", "z-index": 20 } },
    {
      selector: "edge",
      style: {
        label: "data(caption)",
        "font-family": FONT_STACK,
        "font-size": 8,
        color: "#64748b",
        "text-rotation": "autorotate",
        "text-background-color": "#ffffff",
        "text-background-opacity": 0.85,
        "text-background-padding": 1,
        "min-zoomed-font-size": 8,
        width: 1.2,
        "line-color": "#cbd5e1",
        "curve-style": "bezier",
        "target-arrow-shape": "triangle",
        "target-arrow-color": "#cbd5e1",
        "arrow-scale": 0.7,
      },
    },
    { selector: SYMMETRIC_TYPES.map((type) => `edge[type = "${type}"]`).join(", "), style: { "target-arrow-shape": "none" } },
    { selector: 'edge[type = "PARTNER_OF"]', style: { "line-color": "#16a34a", width: 2.2, color: "#166534", "font-size": 9 } },
    { selector: 'edge[type = "LOCATED_IN"]', style: { "line-style": "dashed", "line-color": "#94a3b8", "target-arrow-color": "#94a3b8" } },
    { selector: 'edge[type = "MENTIONED_IN"], edge[type = "HAS_PASSAGE"]', style: { "line-color": "#e2e8f0", "target-arrow-color": "#e2e8f0" } },
    { selector: "edge:selected", style: { "line-color": "#f59e0b", "target-arrow-color": "#f59e0b", width: 2.5 } },
    { selector: ".dim", style: { opacity: 0.15 } },
    { selector: "node.onpath", style: { "border-width": 3, "border-color": "#f59e0b" } },
    { selector: "edge.onpath", style: { "line-color": "#f59e0b", "target-arrow-color": "#f59e0b", width: 3, color: "#92400e" } },
  ];
}
