// The results pane: a welcome with example questions, then for a question the ranked
// answer entities with their evidence and the passages with the matching sentence marked.
import { api } from "./api.js";
import { clear, el } from "./dom.js";
import { highlightedText, matchTerms } from "./highlight.js";
import { currentLang, labelName, roleName, t } from "./i18n.js";
import { swatch } from "./labels.js";
import { emptyBox, errorBox, loadingBox } from "./notices.js";
import { compareButton } from "./compare.js";

const EXAMPLES = {
  zh: ["哪些部门开展了外语标识核查？", "与哪些城市建立了友好城市关系？", "哪些企业得到了走访服务？", "哪项规定与外语标识有关？"],
  en: ["Which agencies checked foreign-language signage?", "Which cities are sister cities?", "Which companies were visited?", "Which regulation covers foreign-language signs?"],
};

const EVIDENCE_SHOWN = 2;
// Evidence shorter than this is the bare mention; the passage around it says more.
const SHORT_EVIDENCE = 16;

export class SearchPanel {
  constructor(root, { onAnswer, onShowAnswers, onOpenReport, onAsk, onCompare, onResults }) {
    this.root = root;
    this.onResults = onResults;
    this.onAnswer = onAnswer;
    this.onShowAnswers = onShowAnswers;
    this.onOpenReport = onOpenReport;
    this.onAsk = onAsk;
    this.onCompare = onCompare;
    this.state = { mode: "welcome" };
    this.controller = null;
  }

  welcome(health) {
    this.state = { mode: "welcome", health };
    this.render();
  }

  async ask(q) {
    if (this.controller) this.controller.abort();
    this.controller = new AbortController();
    this.state = { mode: "loading", q };
    this.render();
    try {
      const data = await api.ask(q, { k: 10 }, { signal: this.controller.signal });
      this.state = { mode: "results", q, data };
      if (this.onResults) this.onResults(data);
    } catch (err) {
      if (err.name === "AbortError") return;
      this.state = { mode: "error", q, err };
    }
    this.render();
  }

  render() {
    clear(this.root);
    const s = this.state;
    if (s.mode === "welcome") this.renderWelcome(s.health);
    else if (s.mode === "loading") this.root.append(loadingBox(t("searching"), "search-loading"));
    else if (s.mode === "error") this.root.append(errorBox(s.err, "search-error"));
    else this.renderResults(s.q, s.data);
  }

  renderWelcome(health) {
    const examples = EXAMPLES[currentLang()].map((q, i) =>
      el("button", { type: "button", class: "chip", testid: `example-${i}`, onclick: () => this.onAsk(q) }, q));
    const stats = health
      ? el("dl", { class: "stats", testid: "store-stats" },
          [["statReports", health.reports], ["statPassages", health.passages], ["statNodes", health.nodes], ["statEdges", health.edges]]
            .map(([key, n]) => el("div", {}, el("dt", {}, (n ?? 0).toLocaleString()), el("dd", {}, t(key)))))
      : null;
    this.root.append(el("section", { class: "welcome", testid: "welcome" },
      el("h2", {}, t("welcomeTitle")),
      el("p", { class: "muted" }, t("welcomeBody")),
      el("h3", {}, t("examples")),
      el("div", { class: "chips" }, examples),
      stats ? el("h3", {}, t("corpusStats")) : null,
      stats));
  }

  renderResults(q, data) {
    const answers = data.answers || [];
    const passages = data.passages || [];
    const byPassage = new Map(passages.map((h) => [h.passage, h]));
    const names = answers.map((a) => a.name);

    const head = el("div", { class: "results-head" },
      el("span", { class: "muted" }, `${t("asking")}: `),
      data.label
        ? el("span", { class: "badge", testid: "question-label" }, swatch(data.label), labelName(data.label))
        : el("span", { class: "badge plain", testid: "question-label" }, t("anyType")));
    this.root.append(head);

    const answerSection = el("section", { class: "answers", testid: "answers" },
      el("h2", {}, t("answers"), el("span", { class: "count" }, answers.length)));
    if (!answers.length) {
      answerSection.append(emptyBox(t("noAnswers"), "answers-empty"));
    } else {
      const top = Math.max(...answers.map((a) => a.score || 0), 1e-9);
      const list = el("ol", { class: "answer-list" });
      answers.forEach((a, i) => list.append(this.answerItem(a, i, top, q, byPassage)));
      answerSection.append(list);
      answerSection.append(el("button", {
        type: "button", class: "link-button", testid: "answers-to-graph",
        onclick: () => this.onShowAnswers(data),
      }, t("showAnswersInGraph")));
      // An aggregation question (哪些区…) also opens as a table of agencies by year.
      if (data.aggregate && this.onCompare) answerSection.append(compareButton(() => this.onCompare(data.question)));
    }
    this.root.append(answerSection);

    const passageSection = el("section", { class: "passages", testid: "passages" },
      el("h2", {}, t("passages"), el("span", { class: "count" }, passages.length)));
    if (!passages.length) passageSection.append(emptyBox(t("noPassages"), "passages-empty"));
    else {
      const list = el("ol", { class: "passage-list" });
      for (const hit of passages) list.append(this.passageItem(hit, q, names));
      passageSection.append(list);
    }
    this.root.append(passageSection);
  }

  answerItem(answer, rank, topScore, q, byPassage) {
    const pct = Math.round(100 * Math.max(0, Math.min(1, (answer.score || 0) / topScore)));
    const evidence = (answer.evidence || []).slice(0, EVIDENCE_SHOWN).map((ev) => this.evidenceItem(ev, answer.name, q, byPassage));
    const extra = (answer.evidence || []).length - EVIDENCE_SHOWN;
    return el("li", { class: "answer", testid: "answer-item", dataset: { entity: answer.id } },
      el("button", { type: "button", class: "answer-head", testid: "answer-open", onclick: () => this.openAnswer(answer) },
        el("span", { class: "rank" }, rank + 1),
        swatch(answer.label),
        el("span", { class: "answer-name", testid: "answer-name" }, answer.name),
        el("span", { class: "label-name" }, labelName(answer.label)),
        el("span", { class: "scorebar", title: `${t("score")} ${(answer.score || 0).toFixed(3)}` }, el("span", { style: `width:${pct}%` }))),
      el("ul", { class: "evidence-list" }, evidence),
      extra > 0 ? el("div", { class: "muted small" }, `+${extra} ${t("more")}`) : null);
  }

  // An entity opens in the graph; a span of the text that answers (entity: false, no node) opens where it is written.
  openAnswer(answer) {
    const ev = (answer.evidence || [])[0];
    if (answer.entity === false && ev) this.onOpenReport(ev.report, { start: ev.start, end: ev.end, passage: ev.passage });
    else this.onAnswer(answer.id);
  }

  evidenceItem(ev, name, q, byPassage) {
    const hit = byPassage.get(ev.passage);
    let text = ev.text || "";
    if (text.length < SHORT_EVIDENCE && hit && hit.text) text = hit.text;
    return el("li", { class: "evidence", testid: "answer-evidence" },
      highlightedText(text, matchTerms(q, text, [name]), { className: "evidence-text" }),
      el("a", {
        href: "#", class: "source-link", testid: "evidence-link",
        onclick: (e) => { e.preventDefault(); this.onOpenReport(ev.report, { start: ev.start, end: ev.end, passage: ev.passage }); },
      }, hit ? `${hit.title || ev.file}${hit.year ? ` · ${hit.year}` : ""}` : ev.file || t("openInReport")));
  }

  passageItem(hit, q, names) {
    const meta = [hit.section, hit.year].filter(Boolean).join(" · ");
    return el("li", { class: "passage", testid: "passage-item", dataset: { passage: hit.passage } },
      el("div", { class: "passage-meta" },
        el("span", { class: "passage-title" }, hit.title || hit.file),
        hit.role ? el("span", { class: `role role-${hit.role}` }, roleName(hit.role)) : null),
      meta ? el("div", { class: "muted small section-line" }, meta) : null,
      highlightedText(hit.text || "", matchTerms(q, hit.text || "", names), { testid: "passage-text" }),
      // the same passage in other years of the series, folded into this hit by the server
      hit.also_in && hit.also_in.length
        ? el("div", { class: "muted small also-in", testid: "passage-also-in" }, `${t("alsoIn")} ${hit.also_in.join(", ")}`)
        : null,
      el("a", {
        href: "#", class: "source-link", testid: "passage-open-report",
        onclick: (e) => { e.preventDefault(); this.onOpenReport(hit.report, { passage: hit.passage, start: hit.start, end: hit.end }); },
      }, t("openInReport")));
  }
}
