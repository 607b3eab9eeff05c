// The comparison view: one row per agency (or district), one column per year, a mark per report
// where the agency did (●) or planned (○) the thing; each mark opens its sentence. CSV export
// builds the file in the browser, so nothing leaves the server's origin.
import { getJSON } from "./api.js";
import { clear, el } from "./dom.js";
import { currentLang, t } from "./i18n.js";
import { emptyBox, errorBox, loadingBox } from "./notices.js";

const WORDS = {
  zh: { title: "跨机构对比", csv: "导出 CSV", rows: "个机构", done: "已做", planned: "计划", mentioned: "提及",
        name: "机构", reports: "报告数", open: "在报告中查看", pick: "点击标记查看原文句子", none: "没有机构的报告提到这一主题",
        compare: "按年份对比各机构" },
  en: { title: "Compare agencies", csv: "Export CSV", rows: "agencies", done: "done", planned: "planned", mentioned: "mentioned",
        name: "Agency", reports: "Reports", open: "Open in report", pick: "Click a mark to read its sentence", none: "No agency's reports speak of this topic",
        compare: "Compare agencies by year" },
};
const MARK = { done: "●", planned: "○", mentioned: "◦" };

export function w(key) {
  return (WORDS[currentLang()] || WORDS.zh)[key];
}

export const compareApi = (q, params, opts) => getJSON("/compare", { q, ...params }, opts);

function csvCell(value) {
  const s = String(value ?? "");
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

// One line per (agency, report): what a spreadsheet user filters and pivots on.
export function toCsv(data) {
  const lines = [["name", "agencies", "year", "status", "report", "file", "sentence"].join(",")];
  for (const row of data.rows || []) {
    for (const ev of row.evidence || []) {
      lines.push([row.name, (row.agencies || []).join("; "), ev.year ?? "", ev.status, ev.title || "", ev.file, ev.text]
        .map(csvCell).join(","));
    }
  }
  return lines.join("\n") + "\n";
}

export class CompareView {
  constructor(root, { onOpenReport }) {
    this.root = root;
    this.onOpenReport = onOpenReport;
    this.state = { mode: "empty" };
    this.controller = null;
  }

  async open(q) {
    if (!q) { this.render(); return; }
    if (this.state.q === q && this.state.mode === "results") { this.render(); return; }
    if (this.controller) this.controller.abort();
    this.controller = new AbortController();
    this.state = { mode: "loading", q };
    this.render();
    try {
      const data = await compareApi(q, {}, { signal: this.controller.signal });
      this.state = { mode: "results", q, data, picked: null };
    } catch (err) {
      if (err.name === "AbortError") return;
      this.state = { mode: "error", q, err };
    }
    this.render();
  }

  exportCsv() {
    const { data } = this.state;
    if (!data) return;
    const blob = new Blob(["\ufeff" + toCsv(data)], { type: "text/csv;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const a = el("a", { href: url, download: `govgraph-compare-${(data.topic || "topic").slice(0, 30)}.csv` });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 2000);
  }

  render() {
    clear(this.root);
    const s = this.state;
    const bar = el("div", { class: "toolbar" },
      el("span", { class: "view-title", testid: "compare-title" }, s.data ? `${w("title")}: ${s.data.topic}` : w("title")),
      el("span", { class: "graph-status", testid: "compare-status" },
        s.data ? `${s.data.rows.length} ${w("rows")} · ● ${w("done")} ○ ${w("planned")} ◦ ${w("mentioned")}` : ""),
      el("span", { class: "spacer" }),
      el("button", { type: "button", class: "tool", testid: "compare-csv", disabled: !s.data, onclick: () => this.exportCsv() }, w("csv")));
    this.root.append(bar);
    const body = el("div", { class: "compare-body" });
    this.root.append(body);
    if (s.mode === "loading") body.append(loadingBox(t("searching"), "compare-loading"));
    else if (s.mode === "error") body.append(errorBox(s.err, "compare-error"));
    else if (s.mode === "results") this.renderTable(body, s.data);
  }

  renderTable(body, data) {
    const rows = data.rows || [];
    if (!rows.length) { body.append(emptyBox(w("none"), "compare-empty")); return; }
    const years = [...new Set(rows.flatMap((r) => r.years))].sort((a, b) => a - b);
    const head = el("tr", {}, el("th", {}, w("name")), el("th", {}, w("reports")), years.map((y) => el("th", {}, String(y))));
    const table = el("table", { class: "compare-table", testid: "compare-table" }, el("thead", {}, head));
    const tbody = el("tbody");
    for (const row of rows) {
      const byYear = new Map();
      for (const ev of row.evidence) {
        if (!byYear.has(ev.year)) byYear.set(ev.year, []);
        byYear.get(ev.year).push(ev);
      }
      tbody.append(el("tr", { testid: "compare-row", dataset: { name: row.name } },
        el("th", { scope: "row", title: (row.agencies || []).join("、") }, row.name),
        el("td", { class: "count" }, String(row.count)),
        years.map((y) => el("td", {}, (byYear.get(y) || []).map((ev) =>
          el("button", {
            type: "button", class: `mark mark-${ev.status}`, testid: "compare-mark",
            title: `${row.name} ${y} ${w(ev.status)}`, dataset: { status: ev.status },
            onclick: () => this.pick(row, ev),
          }, MARK[ev.status] || "•"))))));
    }
    table.append(tbody);
    body.append(el("div", { class: "compare-scroll" }, table));
    const detail = el("div", { class: "compare-detail", testid: "compare-detail" });
    body.append(detail);
    this.detail = detail;
    this.showPicked();
  }

  pick(row, ev) {
    this.state.picked = { row, ev };
    this.showPicked();
  }

  showPicked() {
    if (!this.detail) return;
    clear(this.detail);
    const p = this.state.picked;
    if (!p) { this.detail.append(el("p", { class: "muted" }, w("pick"))); return; }
    const { row, ev } = p;
    this.detail.append(
      el("div", { class: "passage-meta" }, el("strong", {}, row.name), ` · ${ev.year ?? ""} · ${w(ev.status)}`),
      el("blockquote", { class: "evidence-text", testid: "compare-sentence" }, ev.text),
      el("a", {
        href: "#", class: "source-link", testid: "compare-open-report",
        onclick: (e) => { e.preventDefault(); this.onOpenReport(ev.report, { passage: ev.passage, start: ev.start, end: ev.end }); },
      }, `${w("open")}: ${ev.title || ev.file}`));
  }
}



// The way from an aggregation question's answers to this view.
export function compareButton(onclick) {
  return el("button", { type: "button", class: "link-button block", testid: "answers-to-compare", onclick }, w("compare"));
}
