// The report view: a report's text passage by passage under its section headings, each
// passage tagged with its role, and every recognised entity marked inline and clickable.
import { api } from "./api.js";
import { byTestId, clear, el } from "./dom.js";
import { markedNodes } from "./highlight.js";
import { labelName, roleName, t } from "./i18n.js";
import { ALL_LABELS, ROLES, labelStyle, swatch } from "./labels.js";
import { emptyBox, errorBox, loadingBox } from "./notices.js";

// Overlapping mentions (a place inside an agency's name) keep the earlier, longer one.
function disjointMentions(mentions) {
  const sorted = [...mentions].sort((a, b) => a.start - b.start || (b.end - b.start) - (a.end - a.start));
  const out = [];
  let end = -1;
  for (const m of sorted) {
    if (m.start >= end && m.end > m.start) {
      out.push(m);
      end = m.end;
    }
  }
  return out;
}

export class ReportView {
  constructor({ onSelectEntity }) {
    this.root = byTestId("report-view");
    this.select = byTestId("report-select");
    this.onSelectEntity = onSelectEntity;
    this.reports = [];
    this.current = null;
    this.focus = null;
    this.select.addEventListener("change", () => { location.hash = `#/report/${encodeURIComponent(this.select.value)}`; });
  }

  get currentId() {
    return this.current ? this.current.id : (this.reports[0] && this.reports[0].id);
  }

  setReports(reports) {
    this.reports = reports;
    clear(this.select);
    for (const r of reports) {
      this.select.append(el("option", { value: r.id }, `${r.title}${r.year ? ` (${r.year})` : ""}`));
    }
    if (this.current) this.select.value = this.current.id;
  }

  async open(id, focus = null) {
    this.focus = focus;
    if (!id) {
      clear(this.root).append(emptyBox(t("noReports"), "report-empty"));
      return;
    }
    this.select.value = id;
    if (this.current && this.current.id === id) {
      this.render();
      return;
    }
    clear(this.root).append(loadingBox(t("loading"), "report-loading"));
    try {
      this.current = await api.report(id);
      this.mentions = disjointMentions(this.current.mentions || []);
      this.render();
    } catch (err) {
      this.current = null;
      clear(this.root).append(errorBox(err, "report-error"));
    }
  }

  render() {
    const r = this.current;
    if (!r) return;
    clear(this.root);
    const counts = new Map();
    for (const m of r.mentions || []) counts.set(m.label, (counts.get(m.label) || 0) + 1);
    const meta = [
      r.author ? `${t("author")}: ${r.author}` : null,
      r.year,
      r.genre ? `${t("genre")}: ${r.genre}` : null,
      r.chars ? `${Number(r.chars).toLocaleString()} ${t("chars")}` : null,
      `${(r.passages || []).length} ${t("reportPassages")}`,
    ].filter(Boolean).join(" · ");

    this.root.append(el("header", { class: "report-head" },
      el("h1", { testid: "report-title" }, r.title || r.file),
      el("div", { class: "muted small", testid: "report-meta" }, meta, r.file ? el("span", { class: "file" }, ` · ${r.file}`) : null),
      el("div", { class: "report-keys" },
        el("span", { class: "muted small" }, `${t("entitiesMarked")}:`),
        ALL_LABELS.filter((l) => counts.has(l)).map((l) => el("span", { class: "legend-item" }, swatch(l), `${labelName(l)} ${counts.get(l)}`)),
        el("span", { class: "sep" }),
        ROLES.map((role) => el("span", { class: `role role-${role}` }, roleName(role))))));

    const body = el("div", { class: "report-body" });
    let section = null;
    const passages = [...(r.passages || [])].sort((a, b) => a.start - b.start);
    for (const p of passages) {
      if (p.section && p.section !== section) {
        section = p.section;
        body.append(el("h2", { class: "report-section", testid: "report-section" }, section));
      }
      body.append(this.passage(r.text || "", p));
    }
    if (!passages.length) body.append(el("pre", { class: "report-raw" }, r.text || ""));
    this.root.append(body);
    this.scrollToFocus();
  }

  passage(text, p) {
    const focused = this.focus && (this.focus.passage === p.id ||
      (this.focus.start !== undefined && this.focus.start >= p.start && this.focus.start < p.end));
    const make = (piece, m) => {
      const color = labelStyle(m.label).color;
      return el("mark", {
        class: "ent", style: `--ent:${color}`, title: `${labelName(m.label)} · ${m.name}`, testid: "entity-mark",
        dataset: { entity: m.entity, label: m.label }, tabindex: "0",
        onclick: () => this.onSelectEntity(m.entity),
        onkeydown: (e) => { if (e.key === "Enter") this.onSelectEntity(m.entity); },
      }, piece);
    };
    const start = p.start;
    const end = Math.min(p.end, text.length);
    const line = el("p", { class: "rp-text" });
    const f = focused && this.focus.start !== undefined && this.focus.end !== undefined
      ? { s: Math.max(start, this.focus.start), e: Math.min(end, this.focus.end) } : null;
    if (f && f.e > f.s && (f.s > start || f.e < end)) {
      line.append(...markedNodes(text, this.mentions, start, f.s, make));
      line.append(el("span", { class: "focus-span", testid: "focus-span" }, markedNodes(text, this.mentions, f.s, f.e, make)));
      line.append(...markedNodes(text, this.mentions, f.e, end, make));
    } else {
      line.append(...markedNodes(text, this.mentions, start, end, make));
    }
    return el("div", {
      class: `rp rp-${p.role || "other"}${focused ? " focused" : ""}`, testid: "report-passage",
      dataset: { passage: p.id }, id: `p-${p.id}`,
    }, el("span", { class: `role role-${p.role || "other"}` }, roleName(p.role || "other")), line);
  }

  scrollToFocus() {
    const target = this.root.querySelector(".rp.focused");
    if (target) requestAnimationFrame(() => target.scrollIntoView({ block: "center" }));
    else this.root.scrollTop = 0;
  }
}
