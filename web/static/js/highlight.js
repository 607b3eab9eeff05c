// Highlighting what matched: the query's words inside a passage, and the one sentence
// that carries most of them. The browser has no Chinese tokenizer, so Chinese terms are
// the longest runs (two characters or more) the query shares with the passage text.
import { el } from "./dom.js";

// Question words match nothing useful in a report and would light up noise.
const QUESTION_WORDS = ["哪些", "哪个", "哪项", "哪家", "哪里", "什么", "如何", "怎样", "怎么", "是否", "多少", "有哪", "了吗"];
const EN_STOP = new Set(["the", "and", "which", "what", "who", "whom", "with", "for", "from", "did", "does", "that", "this", "are", "was", "were", "how", "have", "has", "into", "any", "of", "in", "on", "to", "by"]);
const SENTENCE_END = /[。！？；!?;\n]/;

function isCjk(ch) {
  return /[\u3400-\u9fff\uf900-\ufaff]/.test(ch);
}

// Chinese runs of the query that occur in the text, longest first from each start.
function sharedCjkRuns(query, text) {
  const runs = new Set();
  const chars = [...query];
  let i = 0;
  while (i < chars.length) {
    if (!isCjk(chars[i])) { i += 1; continue; }
    let best = 0;
    for (let len = 2; i + len <= chars.length && chars.slice(i, i + len).every(isCjk); len += 1) {
      if (text.includes(chars.slice(i, i + len).join(""))) best = len;
      else break;
    }
    if (best >= 2) {
      const run = chars.slice(i, i + best).join("");
      if (!QUESTION_WORDS.includes(run)) runs.add(run);
      i += best;
    } else {
      i += 1;
    }
  }
  return [...runs];
}

export function matchTerms(query, text, extra = []) {
  const terms = new Set(sharedCjkRuns(query || "", text));
  for (const word of (query || "").toLowerCase().match(/[a-z0-9][a-z0-9\-]{2,}/g) || []) {
    if (!EN_STOP.has(word)) terms.add(word);
  }
  for (const name of extra) if (name && name.length >= 2) terms.add(name);
  return [...terms];
}

// Non-overlapping [start, end) ranges of every term occurrence, longer terms winning.
export function termRanges(text, terms) {
  const lower = text.toLowerCase();
  const taken = new Array(text.length).fill(false);
  const ranges = [];
  for (const term of [...terms].sort((a, b) => b.length - a.length)) {
    const needle = term.toLowerCase();
    let from = 0;
    for (;;) {
      const at = lower.indexOf(needle, from);
      if (at < 0) break;
      from = at + needle.length;
      let free = true;
      for (let k = at; k < at + needle.length; k += 1) if (taken[k]) { free = false; break; }
      if (!free) continue;
      for (let k = at; k < at + needle.length; k += 1) taken[k] = true;
      ranges.push({ start: at, end: at + needle.length });
    }
  }
  return ranges.sort((a, b) => a.start - b.start);
}

export function sentenceRanges(text) {
  const out = [];
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    if (SENTENCE_END.test(text[i])) {
      out.push({ start, end: i + 1 });
      start = i + 1;
    }
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}

function bestSentence(text, ranges) {
  let best = null;
  let bestScore = 0;
  for (const s of sentenceRanges(text)) {
    let covered = 0;
    for (const r of ranges) covered += Math.max(0, Math.min(r.end, s.end) - Math.max(r.start, s.start));
    if (covered > bestScore) { best = s; bestScore = covered; }
  }
  return best;
}

// Nodes for text[from, to) with `ranges` wrapped by makeMark(piece, range).
export function markedNodes(text, ranges, from, to, makeMark) {
  const nodes = [];
  let pos = from;
  for (const r of ranges) {
    const s = Math.max(r.start, from);
    const e = Math.min(r.end, to);
    if (e <= s || s < pos) continue;
    if (s > pos) nodes.push(document.createTextNode(text.slice(pos, s)));
    nodes.push(makeMark(text.slice(s, e), r));
    pos = e;
  }
  if (pos < to) nodes.push(document.createTextNode(text.slice(pos, to)));
  return nodes;
}

const defaultMark = (piece) => el("mark", { class: "term" }, piece);

// A passage with the query terms marked and its best sentence set apart.
export function highlightedText(text, terms, { className = "passage-text", testid } = {}) {
  const ranges = termRanges(text, terms);
  // A lone sentence needs no setting apart from itself.
  const sentence = sentenceRanges(text).length > 1 ? bestSentence(text, ranges) : null;
  const root = el("p", { class: className, testid });
  if (!sentence) {
    root.append(...markedNodes(text, ranges, 0, text.length, defaultMark));
    return root;
  }
  root.append(...markedNodes(text, ranges, 0, sentence.start, defaultMark));
  root.append(el("span", { class: "hit-sentence", testid: "hit-sentence" },
    markedNodes(text, ranges, sentence.start, sentence.end, defaultMark)));
  root.append(...markedNodes(text, ranges, sentence.end, text.length, defaultMark));
  return root;
}
