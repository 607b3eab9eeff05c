// An input that finds entities by the start of their name (/entities?prefix=) and keeps
// the chosen one, for the path finder.
import { api } from "./api.js";
import { clear, debounce, el } from "./dom.js";
import { labelName, t } from "./i18n.js";
import { swatch } from "./labels.js";

const SUGGESTIONS = 8;

export class EntityPicker {
  constructor(testid, { onChange = () => {} } = {}) {
    this.value = null;
    this.onChange = onChange;
    this.active = -1;
    this.items = [];
    this.input = el("input", { type: "text", testid, autocomplete: "off", spellcheck: "false", placeholder: t("pickEntity") });
    this.list = el("ul", { class: "picker-list", testid: `${testid}-options`, role: "listbox", hidden: true });
    this.root = el("div", { class: "picker" }, this.input, this.list);
    const lookup = debounce(() => this.lookup(), 180);
    this.input.addEventListener("input", () => { this.value = null; this.onChange(null); lookup(); });
    this.input.addEventListener("keydown", (e) => this.key(e));
    this.input.addEventListener("blur", () => setTimeout(() => { this.list.hidden = true; }, 150));
  }

  set(entity) {
    this.value = entity ? { id: entity.id, name: entity.name, label: entity.label } : null;
    this.input.value = entity ? entity.name : "";
    this.list.hidden = true;
    this.onChange(this.value);
  }

  relabel() {
    this.input.placeholder = t("pickEntity");
  }

  async lookup() {
    const prefix = this.input.value.trim();
    if (!prefix) { this.list.hidden = true; return; }
    try {
      const data = await api.entities({ prefix, limit: SUGGESTIONS });
      if (this.input.value.trim() !== prefix) return; // a later keystroke owns the list now
      this.items = data.items || [];
      this.active = -1;
      this.renderList();
    } catch {
      this.items = [];
      this.list.hidden = true;
    }
  }

  renderList() {
    clear(this.list);
    this.items.forEach((item, i) => {
      this.list.append(el("li", {
        role: "option", class: i === this.active ? "active" : "", testid: "picker-option",
        onmousedown: (e) => { e.preventDefault(); this.set(item); },
      }, swatch(item.label), el("span", { class: "picker-name" }, item.name), el("span", { class: "muted small" }, labelName(item.label))));
    });
    this.list.hidden = this.items.length === 0;
  }

  key(e) {
    if (this.list.hidden || !this.items.length) return;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      const step = e.key === "ArrowDown" ? 1 : -1;
      this.active = (this.active + step + this.items.length) % this.items.length;
      this.renderList();
    } else if (e.key === "Enter") {
      e.preventDefault();
      this.set(this.items[Math.max(0, this.active)]);
    } else if (e.key === "Escape") {
      this.list.hidden = true;
    }
  }
}
