// The time view: pick a series; see an indicator over the years (targets beside results), the plans of a
// year with the sentence of the next report that reports each (both highlighted), and what changed
// between two of the series' reports. Reads GET /series, /indicators, /plans, /diff.
import { getJSON } from "./api.js";
import { byTestId, clear, el } from "./dom.js";
import { currentLang } from "./i18n.js";
import { errorBox, loadingBox } from "./notices.js";
import { formatValue, indicatorChart } from "./time-chart.js";

const WORDS = {
  zh: { series: "系列", indicator: "指标", year: "年份", target: "目标", actual: "实际", plans: "计划与落实",
    reported: "已报告", not_reported: "未见报告", pending: "待下一年报告", diff: "两年对比", added: "新增", dropped: "不再出现",
    kept: "保留", noSeries: "还没有按年份成系列的报告。", noIndicators: "这个系列没有识别出指标。", noPlans: "这一年没有计划条目。",
    plan: "计划", followUp: "下一年报告" },
  en: { series: "Series", indicator: "Indicator", year: "Year", target: "target", actual: "actual", plans: "Plans followed up",
    reported: "reported", not_reported: "not reported", pending: "pending", diff: "Compare two years", added: "added",
    dropped: "dropped", kept: "kept", noSeries: "No yearly series of reports yet.", noIndicators: "No indicators found in this series.",
    noPlans: "No plan items for this year.", plan: "Plan", followUp: "Next year's report" },
};

function w(key) {
  return (WORDS[currentLang()] || WORDS.zh)[key];
}

function select(testid, options, value, onchange) {
  return el("select", { testid, onchange: (e) => onchange(e.target.value) },
    options.map(([v, text]) => el("option", { value: v, selected: String(v) === String(value) }, text)));
}

export class TimeView {
  constructor(root) {
    this.root = root;
    this.series = [];
    this.state = { series: "", indicator: "", year: "", a: "", b: "" };
    this.data = { indicators: [], plans: [], diff: null };
  }

  async open() {
    if (this.loaded) return;
    clear(this.root).append(loadingBox("…", "time-loading"));
    try {
      this.series = (await getJSON("/series")).series.filter((s) => s.reports.length);
      this.loaded = true;
      const longest = [...this.series].sort((x, y) => y.reports.length - x.reports.length)[0];
      if (longest) await this.pick(longest.id);
      else this.render();
    } catch (err) {
      clear(this.root).append(errorBox(err, "time-error"));
    }
  }

  current() {
    return this.series.find((s) => s.id === this.state.series);
  }

  async pick(id) {
    this.state.series = id;
    const s = this.current();
    const years = [...new Set(s.reports.map((r) => r.plans ?? r.year))].filter(Boolean).sort();
    this.state.year = years.length > 1 ? years[years.length - 2] : years[0] || "";
    this.state.a = s.reports.length > 1 ? s.reports[s.reports.length - 2].id : "";
    this.state.b = s.reports.length ? s.reports[s.reports.length - 1].id : "";
    this.data.indicators = (await getJSON("/indicators", { series: id })).indicators;
    this.state.indicator = this.data.indicators.length ? this.data.indicators[0].id : "";
    await Promise.all([this.loadPlans(), this.loadDiff()]);
    this.render();
  }

  async loadPlans() {
    this.data.plans = this.state.year
      ? (await getJSON("/plans", { series: this.state.series, year: this.state.year })).plans : [];
  }

  async loadDiff() {
    this.data.diff = this.state.a && this.state.b && this.state.a !== this.state.b
      ? await getJSON("/diff", { a: this.state.a, b: this.state.b }) : null;
  }

  render() {
    clear(this.root);
    if (!this.series.length) {
      this.root.append(el("p", { class: "empty", testid: "time-empty" }, w("noSeries")));
      return;
    }
    const s = this.current();
    this.root.append(el("div", { class: "toolbar" },
      el("label", { class: "field inline" }, el("span", {}, w("series")),
        select("time-series", this.series.map((x) => [x.id, `${x.author} (${x.reports.length})`]), this.state.series,
          (v) => this.pick(v)))));
    this.root.append(this.indicatorSection(), this.planSection(s), this.diffSection(s));
  }

  indicatorSection() {
    const box = el("section", { class: "time-block", testid: "time-indicators" });
    const inds = this.data.indicators;
    if (!inds.length) return append(box, el("p", { class: "empty" }, w("noIndicators")));
    const ind = inds.find((i) => i.id === this.state.indicator) || inds[0];
    box.append(
      el("label", { class: "field inline" }, el("span", {}, w("indicator")),
        select("time-indicator", inds.map((i) => [i.id, `${currentLang() === "en" && i.name_en ? i.name_en : i.name} (${i.unit})`]),
          ind.id, (v) => { this.state.indicator = v; this.render(); })),
      indicatorChart(ind.points, ind.unit, { labels: { target: w("target"), actual: w("actual") } }),
      el("ul", { class: "time-points" }, ind.points.map((p) => el("li", { testid: "time-point" },
        `${p.year} ${w(p.kind)} ${formatValue(p.value, ind.unit)}${p.approx ? "≈" : ""} — `,
        el("mark", {}, p.text), ` (${p.file})`))));
    return box;
  }

  planSection(s) {
    const years = [...new Set(s.reports.map((r) => r.plans ?? r.year))].filter(Boolean).sort();
    const box = el("section", { class: "time-block", testid: "time-plans" },
      el("h3", {}, w("plans")),
      el("label", { class: "field inline" }, el("span", {}, w("year")),
        select("time-year", years.map((y) => [y, String(y)]), this.state.year, async (v) => {
          this.state.year = v; await this.loadPlans(); this.render();
        })));
    if (!this.data.plans.length) return append(box, el("p", { class: "empty" }, w("noPlans")));
    box.append(el("ol", { class: "time-plan-list" }, this.data.plans.map((p) => el("li", {
      class: `plan ${p.status}`, testid: "time-plan", dataset: { status: p.status },
    },
    el("span", { class: `badge ${p.status}`, testid: "plan-status" }, w(p.status)), " ",
    el("span", {}, `${w("plan")}: `), el("mark", { class: "plan-text" }, p.text),
    p.delivery.length ? el("div", { class: "delivery" }, `${w("followUp")}: `,
      el("mark", { class: "delivery-text", testid: "plan-delivery" }, p.delivery[0].text),
      ` (${p.delivery[0].file}, ${p.delivery[0].score})`) : null))));
    return box;
  }

  diffSection(s) {
    const box = el("section", { class: "time-block", testid: "time-diff" }, el("h3", {}, w("diff")));
    const opts = s.reports.map((r) => [r.id, `${r.year} ${r.file}`]);
    box.append(el("div", { class: "field-row" },
      select("time-diff-a", opts, this.state.a, async (v) => { this.state.a = v; await this.loadDiff(); this.render(); }),
      select("time-diff-b", opts, this.state.b, async (v) => { this.state.b = v; await this.loadDiff(); this.render(); })));
    const d = this.data.diff;
    if (!d) return box;
    const part = (kind) => el("div", { class: "diff-part", testid: `diff-${kind}` }, el("h4", {}, w(kind)),
      Object.entries(d[kind]).map(([label, items]) => el("p", {},
        el("strong", {}, `${label} (${items.length}): `), items.slice(0, 30).map((x) => x.name).join("、"))));
    box.append(el("div", { class: "diff" }, part("added"), part("dropped")));
    return box;
  }
}

function append(node, child) {
  node.append(child);
  return node;
}
