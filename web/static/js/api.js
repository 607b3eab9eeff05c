// The HTTP client for api/API_SPEC.md. Failures become ApiError carrying the server's
// problem+json title and detail, so the UI can show the server's own words.
import { t } from "./i18n.js";

export class ApiError extends Error {
  constructor(status, title, detail) {
    super(detail ? `${title}: ${detail}` : title);
    this.status = status;
    this.title = title;
    this.detail = detail;
  }
}

function query(params) {
  const usp = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    if (value === undefined || value === null || value === "") continue;
    usp.set(key, Array.isArray(value) ? value.join(",") : String(value));
  }
  const s = usp.toString();
  return s ? `?${s}` : "";
}

export async function getJSON(path, params, { signal } = {}) {
  let response;
  try {
    response = await fetch(path + query(params), { signal, headers: { Accept: "application/json" } });
  } catch (err) {
    if (err.name === "AbortError") throw err;
    throw new ApiError(0, t("errNetworkTitle"), t("errNetworkDetail"));
  }
  if (!response.ok) {
    let title = `${response.status} ${response.statusText}`.trim();
    let detail = "";
    try {
      const body = await response.json();
      title = body.title || title;
      detail = typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail ?? "");
    } catch {
      // A non-JSON error body (a proxy page, say) still gets a readable status line.
    }
    throw new ApiError(response.status, title, detail);
  }
  return response.json();
}

const enc = encodeURIComponent;

export const api = {
  health: () => getJSON("/health"),
  stats: () => getJSON("/stats"),
  reports: () => getJSON("/reports"),
  report: (id) => getJSON(`/reports/${enc(id)}`),
  ask: (q, params, opts) => getJSON("/ask", { q, ...params }, opts),
  search: (q, params, opts) => getJSON("/search", { q, ...params }, opts),
  entities: (params, opts) => getJSON("/entities", params, opts),
  entity: (id, opts) => getJSON(`/entities/${enc(id)}`, null, opts),
  neighbors: (id, params) => getJSON(`/entities/${enc(id)}/neighbors`, { depth: 1, ...params }),
  subgraph: (params, opts) => getJSON("/subgraph", params, opts),
  paths: (source, target, maxLen = 6) => getJSON("/paths", { source, target, max_len: maxLen }),
  partners: () => getJSON("/partners"),
};
