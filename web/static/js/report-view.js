// The report view: a report's text passage by passage under its section headings, each
// passage tagged with its role, and every recognised entity marked inline and clickable.
import { api } from "./api.js";
import { byTestId, clear, el } from "./dom.js";
import { markedNodes } from "./highlight.js";
import { labelName, roleName, t } from "./i18n.js";
import { ALL_LABELS, ROLES, labelStyle, swatch } from "./labels.js";
import { emptyBox, errorBox, loadingBox } from "./notices.js";

// Slack for a surface mention's span over its canonical name (区发改委 for a longer name
// is shorter; 东城区人民政府外事办公室（区政府外办） a little longer).
const SURFACE_SLACK = 6;
// Names do not hold clause punctuation; a span that does is a sentence.
const CLAUSE_PUNCT = /[。；！？，;!?]/;

// Mentions come in two kinds: a name written in the text, and a whole sentence credited to
// an entity the sentence leaves unnamed (the omitted subject of Chinese reports). Names are
// marked inline; sentence-level credits become a small chip where the sentence starts.
export function splitMentions(mentions, text) {
  const surface = [];
  const implied = [];
  for (const m of mentions) {
    if (m.end <= m.start) continue;
    const piece = text.slice(m.start, m.end);
    if (!CLAUSE_PUNCT.test(piece) && m.end - m.start <= [...(m.name || "")].length + SURFACE_SLACK) surface.push(m);
    else implied.push(m);
  }
  return { surface: disjoint(surface), implied: dedupe(implied) };
}

// Overlapping names (a place inside an agency's name) keep the earlier, longer one.
function disjoint(mentions) {
  const sorted = [...mentions].sort((a, b) => a.start - b.start || (b.end - b.start) - (a.end - a.start));
  const out = [];
  let end = -1;
  for (const m of sorted) {
    if (m.start >= end) {
      out.push(m);
      end = m.end;
    }
  }
  return out;
}

function dedupe(mentions) {
  const seen = new Set();
  return [...mentions].sort((a, b) => a.start - b.start).filter((m) => {
    const key = `${m.entity}@${m.start}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export class ReportView {
  constructor({ onSelectEntity }) {
    this.root = byTestId("report-view");
    this.select = byTestId("report-select");
    this.onSelectEntity = onSelectEntity;
    this.reports = [];
    this.current = null;
    this.mentions = [];
    this.implied = [];
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
      const { surface, implied } = splitMentions(this.current.mentions || [], this.current.text || "");
      this.mentions = surface;
      this.implied = implied;
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
        el("span", { class: "legend-item muted" }, el("span", { class: "implied sample" }, "…"), t("impliedActor")),
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
    const f = focused && this.focus.start !== undefined && this.focus.end !== undefined
      ? { s: Math.max(start, this.focus.start), e: Math.min(end, this.focus.end) } : null;
    const focusOn = f && f.e > f.s && (f.s > start || f.e < end);
    const chips = this.implied.filter((m) => m.start >= start && m.start < end);
    // Cut the passage where chips sit and where the focused span begins and ends.
    const cuts = [...new Set([start, end, ...chips.map((m) => m.start), ...(focusOn ? [f.s, f.e] : [])])]
      .filter((c) => c >= start && c <= end).sort((a, b) => a - b);
    const line = el("p", { class: "rp-text" });
    for (let i = 0; i < cuts.length; i += 1) {
      for (const m of chips.filter((c) => c.start === cuts[i])) line.append(this.chip(m));
      if (i + 1 >= cuts.length) break;
      const [from, to] = [cuts[i], cuts[i + 1]];
      const nodes = markedNodes(text, this.mentions, from, to, make);
      if (focusOn && from >= f.s && to <= f.e) line.append(el("span", { class: "focus-span", testid: "focus-span" }, nodes));
      else line.append(...nodes);
    }
    return el("div", {
      class: `rp rp-${p.role || "other"}${focused ? " focused" : ""}`, testid: "report-passage",
      dataset: { passage: p.id }, id: `p-${p.id}`,
    }, el("span", { class: `role role-${p.role || "other"}` }, roleName(p.role || "other")), line);
  }

  chip(m) {
    return el("button", {
      type: "button", class: "implied", style: `--ent:${labelStyle(m.label).color}`, testid: "implied-mark",
      title: `${t("impliedActor")}: ${m.name}`, dataset: { entity: m.entity },
      onclick: () => this.onSelectEntity(m.entity),
    }, swatch(m.label), m.name);
  }

  scrollToFocus() {
    const target = this.root.querySelector(".rp.focused");
    if (target) requestAnimationFrame(() => target.scrollIntoView({ block: "center" }));
    else this.root.scrollTop = 0;
  }
}
