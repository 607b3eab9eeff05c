// The entity panel: who or what an entity is, the sentences that prove it (with report,
// section and year), and its neighbours grouped by relationship type.
import { api } from "./api.js";
import { clear, el } from "./dom.js";
import { highlightedText } from "./highlight.js";
import { labelName, relName, t } from "./i18n.js";
import { swatch } from "./labels.js";
import { emptyBox, errorBox, loadingBox } from "./notices.js";

const EVIDENCE_PAGE = 8;
const SHOWN_PROPS = ["kind", "status", "year", "since", "country"];

function propValue(key, value) {
  if (key === "status") return t(`status_${value}`);
  return Array.isArray(value) ? value.join("、") : String(value);
}

export class EntityPanel {
  constructor(root, handlers) {
    this.root = root;
    this.h = handlers;
    this.state = null;
    this.evidenceShown = EVIDENCE_PAGE;
    this.controller = null;
  }

  get currentId() {
    return this.state && this.state.id;
  }

  async show(id) {
    if (this.controller) this.controller.abort();
    this.controller = new AbortController();
    this.root.hidden = false;
    document.body.classList.add("panel-open");
    this.state = { id, mode: "loading" };
    this.evidenceShown = EVIDENCE_PAGE;
    this.render();
    try {
      const entity = await api.entity(id, { signal: this.controller.signal });
      this.state = { id, mode: "ready", entity };
    } catch (err) {
      if (err.name === "AbortError") return;
      this.state = { id, mode: "error", err };
    }
    this.render();
  }

  // A relation's own panel: its two ends and the sentences that state it.
  showEdge(edge, source, target) {
    if (this.controller) this.controller.abort();
    this.root.hidden = false;
    document.body.classList.add("panel-open");
    this.state = { id: null, mode: "edge", edge, source, target };
    this.render();
  }

  hide() {
    this.root.hidden = true;
    document.body.classList.remove("panel-open");
    this.state = null;
  }

  render() {
    if (!this.state) return;
    clear(this.root);
    const close = el("button", { type: "button", class: "close", testid: "entity-close", title: t("close"), "aria-label": t("close"), onclick: () => this.h.onClose() }, "×");
    this.root.append(close);
    const s = this.state;
    if (s.mode === "loading") this.root.append(loadingBox(t("loading"), "entity-loading"));
    else if (s.mode === "error") this.root.append(errorBox(s.err, "entity-error"));
    else if (s.mode === "edge") this.renderEdge(s.edge, s.source, s.target);
    else this.renderEntity(s.entity);
  }

  renderEntity(e) {
    const props = Object.entries(e.props || {}).filter(([k, v]) => SHOWN_PROPS.includes(k) && v !== null && v !== "");
    this.root.append(
      el("header", { class: "entity-head" },
        el("div", { class: "badge", testid: "entity-label" }, swatch(e.label), labelName(e.label)),
        el("h2", { testid: "entity-name" }, e.name),
        e.name_en ? el("div", { class: "name-en", testid: "entity-name-en" }, e.name_en) : null),
      el("dl", { class: "facts" },
        e.aliases && e.aliases.length
          ? [el("dt", {}, t("aliases")), el("dd", { testid: "entity-aliases" }, e.aliases.map((a) => el("span", { class: "alias" }, a)))]
          : null,
        props.map(([k, v]) => [el("dt", {}, t(k) === k ? k : t(k)), el("dd", {}, propValue(k, v))])),
      el("div", { class: "actions" },
        el("button", { type: "button", class: "tool", testid: "entity-expand", onclick: () => this.h.onExpand(e.id) }, t("expand")),
        el("button", { type: "button", class: "tool", testid: "entity-path-from", onclick: () => this.h.onPathFrom(e) }, t("pathFrom")),
        el("button", { type: "button", class: "tool", testid: "entity-path-to", onclick: () => this.h.onPathTo(e) }, t("pathTo"))),
      this.evidenceSection(e),
      this.neighborSection(e));
  }

  renderEdge(edge, source, target) {
    const end = (node, id) => el("button", {
      type: "button", class: "neighbor", testid: "edge-end", dataset: { entity: id },
      onclick: () => this.h.onNavigate(id),
    }, node ? swatch(node.label) : null, node ? node.name : id);
    const since = edge.props && edge.props.since;
    const names = [source, target].filter(Boolean).flatMap((n) => [n.name, ...(n.aliases || [])]);
    const evidence = edge.evidence || [];
    this.root.append(
      el("header", { class: "entity-head" },
        el("div", { class: "badge plain", testid: "edge-type" }, relName(edge.type)),
        el("h2", { testid: "edge-title" }, `${source ? source.name : edge.source} — ${target ? target.name : edge.target}`)),
      el("div", { class: "edge-ends" }, end(source, edge.source), el("span", { class: "muted" }, relName(edge.type)), end(target, edge.target)),
      since ? el("dl", { class: "facts" }, el("dt", {}, t("since")), el("dd", {}, String(since))) : null,
      el("section", { class: "entity-evidence", testid: "edge-evidence" },
        el("h3", {}, t("evidence"), el("span", { class: "count" }, evidence.length)),
        evidence.length
          ? el("ul", { class: "evidence-list" }, evidence.map((ev) => el("li", { class: "evidence", testid: "evidence-item" },
              highlightedText(ev.text || "", names, { className: "evidence-text" }),
              el("a", {
                href: "#", class: "source-link", testid: "evidence-source",
                onclick: (evt) => { evt.preventDefault(); this.h.onOpenReport(ev.report, { passage: ev.passage, start: ev.start, end: ev.end }); },
              }, ev.file || t("openInReport")))))
          : emptyBox(t("noEvidence"))));
  }

  evidenceSection(e) {
    const evidence = e.evidence || [];
    const section = el("section", { class: "entity-evidence", testid: "entity-evidence" },
      el("h3", {}, t("evidence"), el("span", { class: "count" }, evidence.length)));
    if (!evidence.length) {
      section.append(emptyBox(t("noEvidence")));
      return section;
    }
    const names = [e.name, ...(e.aliases || [])];
    const list = el("ul", { class: "evidence-list" });
    for (const ev of evidence.slice(0, this.evidenceShown)) {
      const meta = [ev.title || ev.file, ev.section, ev.year].filter((x) => x !== null && x !== undefined && x !== "").join(" · ");
      list.append(el("li", { class: "evidence", testid: "evidence-item" },
        highlightedText(ev.text || "", names, { className: "evidence-text" }),
        el("a", {
          href: "#", class: "source-link", testid: "evidence-source",
          onclick: (evt) => { evt.preventDefault(); this.h.onOpenReport(ev.report, { passage: ev.passage, start: ev.start, end: ev.end }); },
        }, meta || t("openInReport"))));
    }
    section.append(list);
    if (evidence.length > this.evidenceShown) {
      section.append(el("button", {
        type: "button", class: "link-button", testid: "evidence-more",
        onclick: () => { this.evidenceShown += EVIDENCE_PAGE; this.render(); },
      }, `+${evidence.length - this.evidenceShown} ${t("more")}`));
    }
    return section;
  }

  neighborSection(e) {
    const groups = Object.entries(e.neighbors || {}).filter(([, items]) => items && items.length);
    const section = el("section", { class: "entity-neighbors", testid: "entity-neighbors" },
      el("h3", {}, t("neighbors")));
    if (!groups.length) {
      section.append(emptyBox(t("noNeighbors")));
      return section;
    }
    groups.sort((a, b) => b[1].length - a[1].length);
    for (const [type, items] of groups) {
      section.append(el("details", { class: "rel-group", open: true, testid: `neighbors-${type}` },
        el("summary", {}, relName(type), el("span", { class: "count" }, items.length)),
        el("ul", { class: "neighbor-list" }, items.map((n) => el("li", {},
          el("button", {
            type: "button", class: "neighbor", testid: "neighbor-item", dataset: { entity: n.id },
            title: labelName(n.label), onclick: () => this.h.onNavigate(n.id),
          },
          el("span", { class: "dir" }, n.direction === "in" ? t("incoming") : t("outgoing")),
          swatch(n.label), n.name))))));
    }
    return section;
  }
}
