// The path finder: two entities picked by name, GET /paths between them.
import { api } from "./api.js";
import { clear, el } from "./dom.js";
import { t } from "./i18n.js";
import { EntityPicker } from "./entity-picker.js";
import { errorBox } from "./notices.js";

export class PathFinder {
  constructor(root, { onFound }) {
    this.root = root;
    this.onFound = onFound;
    this.source = new EntityPicker("path-source");
    this.target = new EntityPicker("path-target");
    this.maxLen = 4;
    this.result = el("div", { class: "path-result", testid: "path-result", "aria-live": "polite" });
    this.render();
  }

  setSource(entity) { this.source.set(entity); }
  setTarget(entity) { this.target.set(entity); }

  render() {
    clear(this.root);
    this.source.relabel();
    this.target.relabel();
    const lengths = [2, 3, 4, 5, 6].map((n) => el("option", { value: n, selected: n === this.maxLen }, String(n)));
    this.root.append(
      el("div", { class: "field-row" },
        el("label", { class: "field grow" }, el("span", {}, t("pathSource")), this.source.root),
        el("label", { class: "field grow" }, el("span", {}, t("pathTarget")), this.target.root),
        el("label", { class: "field" }, el("span", {}, t("pathMaxLen")),
          el("select", { testid: "path-max-len", onchange: (e) => { this.maxLen = Number(e.target.value); } }, lengths))),
      el("div", { class: "actions" },
        el("button", { type: "button", class: "tool primary", testid: "path-find", onclick: () => this.find() }, t("pathFind"))),
      this.result);
  }

  async find() {
    clear(this.result);
    if (!this.source.value || !this.target.value) {
      this.result.append(el("div", { class: "notice empty" }, t("pathNeedBoth")));
      return;
    }
    try {
      const data = await api.paths(this.source.value.id, this.target.value.id, this.maxLen);
      const paths = data.paths || [];
      const message = paths.length
        ? `${paths.length} ${t("pathsFound")}: ${this.source.value.name} → ${this.target.value.name}` : t("noPaths");
      this.result.append(el("div", { class: paths.length ? "notice ok" : "notice empty", testid: "path-count" }, message));
      if (paths.length) this.onFound(paths, message);
    } catch (err) {
      this.result.append(errorBox(err, "path-error"));
    }
  }
}
