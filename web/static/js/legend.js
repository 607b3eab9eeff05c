// The legend under a canvas: the shape and colour of each label present in the view.
import { clear, el } from "./dom.js";
import { labelName, t } from "./i18n.js";
import { ALL_LABELS, swatch } from "./labels.js";

export function renderLegend(container, labels, extra = []) {
  clear(container);
  const ordered = ALL_LABELS.filter((l) => labels.includes(l));
  if (!ordered.length && !extra.length) {
    container.hidden = true;
    return;
  }
  container.hidden = false;
  container.append(el("span", { class: "legend-title" }, t("legend")));
  for (const label of ordered) {
    container.append(el("span", { class: "legend-item", testid: `legend-${label}` }, swatch(label), labelName(label)));
  }
  for (const item of extra) {
    container.append(el("span", { class: "legend-item", testid: item.testid },
      el("span", { class: `legend-line ${item.className}` }), item.text));
  }
}
