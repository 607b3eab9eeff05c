// Polite error and status messages: problem+json titles and details from the API,
// shown inline where the failure happened or as a toast that fades on its own.
import { byTestId, el } from "./dom.js";
import { t } from "./i18n.js";

export function errorBox(err, testid = "error") {
  const title = err && err.title ? err.title : t("errTitle");
  const detail = err && err.detail !== undefined ? err.detail : String((err && err.message) || err || "");
  return el("div", { class: "notice error", role: "alert", testid },
    el("strong", {}, title), detail ? el("span", {}, detail) : null);
}

export function emptyBox(text, testid = "empty") {
  return el("div", { class: "notice empty", testid }, text);
}

export function loadingBox(text, testid = "loading") {
  return el("div", { class: "notice loading", testid }, el("span", { class: "spinner", "aria-hidden": "true" }), text);
}

export function toast(message, { kind = "info", ms = 3500 } = {}) {
  const host = byTestId("toasts");
  const node = el("div", { class: `toast ${kind}`, testid: `toast-${kind}` }, message);
  host.append(node);
  setTimeout(() => node.classList.add("leaving"), ms);
  setTimeout(() => node.remove(), ms + 400);
}

export function toastError(err) {
  if (err && err.name === "AbortError") return;
  const title = err && err.title ? err.title : t("errTitle");
  const detail = err && err.detail ? `: ${err.detail}` : "";
  toast(`${title}${detail}`, { kind: "error", ms: 6000 });
}
