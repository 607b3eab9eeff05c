// The graph filters (label, report, year, passage role) that drive GET /subgraph.
import { clear, el } from "./dom.js";
import { labelName, roleName, t } from "./i18n.js";
import { ALL_LABELS, GRAPH_LABELS, ROLES, swatch } from "./labels.js";

export const DEFAULT_LIMIT = 300;

export class Filters {
  constructor(root, { onApply }) {
    this.root = root;
    this.onApply = onApply;
    this.reports = [];
    this.state = { labels: [...GRAPH_LABELS], report: "", year: "", role: "" };
  }

  setReports(reports) {
    this.reports = reports;
    this.render();
  }

  set(partial) {
    Object.assign(this.state, partial);
    this.render();
  }

  params() {
    const { labels, report, year, role } = this.state;
    return { labels: labels.join(","), report, year, role, limit: DEFAULT_LIMIT };
  }

  render() {
    clear(this.root);
    const years = [...new Set(this.reports.map((r) => r.year).filter(Boolean))].sort((a, b) => b - a);
    const select = (testid, value, options, onchange) => el("select", { testid, onchange: (e) => onchange(e.target.value) },
      el("option", { value: "" }, t("any")),
      options.map(([v, text]) => el("option", { value: v, selected: String(v) === String(value) }, text)));

    const labelBoxes = ALL_LABELS.map((label) => el("label", { class: "check" },
      el("input", {
        type: "checkbox", testid: `filter-label-${label}`, checked: this.state.labels.includes(label),
        onchange: (e) => {
          const set = new Set(this.state.labels);
          if (e.target.checked) set.add(label); else set.delete(label);
          this.state.labels = ALL_LABELS.filter((l) => set.has(l));
        },
      }),
      swatch(label), labelName(label)));

    this.root.append(
      el("fieldset", { class: "field" }, el("legend", {}, t("labels")), el("div", { class: "checks" }, labelBoxes)),
      el("div", { class: "field-row" },
        el("label", { class: "field" }, el("span", {}, t("report")),
          select("filter-report", this.state.report, this.reports.map((r) => [r.id, `${r.title}${r.year ? ` (${r.year})` : ""}`]), (v) => { this.state.report = v; })),
        el("label", { class: "field" }, el("span", {}, t("year")),
          select("filter-year", this.state.year, years.map((y) => [y, String(y)]), (v) => { this.state.year = v; })),
        el("label", { class: "field" }, el("span", {}, t("role")),
          select("filter-role", this.state.role, ROLES.map((r) => [r, roleName(r)]), (v) => { this.state.role = v; }))),
      el("div", { class: "actions" },
        el("button", { type: "button", class: "tool primary", testid: "filter-apply", onclick: () => this.onApply(this.params()) }, t("apply")),
        el("button", {
          type: "button", class: "tool", testid: "filter-reset",
          onclick: () => { this.state = { labels: [...GRAPH_LABELS], report: "", year: "", role: "" }; this.render(); this.onApply(this.params()); },
        }, t("reset"))));
  }
}
