"""The fixed, content-blind rule that chose the corpus windows of session 6 (w40-w45 test, w48-w50 dev).

Run: python tests/gold/windows/pick_windows.py  (prints the picks; windows.json holds them).

1. Candidates: every report of /work/shared/corpus and corpus-extra that no window and no report gold
   (tests/gold/extraction: 000, 001, 006, 017, 019, 025) uses, without the page of web menus.
2. Genre by file name (district, city, province, State Council).
3. Within a genre, candidates are ordered by the SHA-1 of their file name (an order that knows nothing of
   the text); districts take at most one report per district series. The first `test` of the order are
   test windows, the next `dev` are dev windows: the split is fixed before any window is read.
4. The window of a report is cut as always: the paragraph that starts right after 40% of the text,
   extended paragraph by paragraph to at least 2,000 characters, never past 3,000.
The 法治政府 and foreign-affairs windows come from the search tool's `pages` corpus (README: the first
government-published report of the genre, in rank order, for a fixed query; see the README).
"""
import hashlib
import json
import os
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent
CORPORA = [Path(p) for p in os.environ.get("GOVGRAPH_CORPUS", "").split(os.pathsep) if p] or \
    [Path("/work/shared/corpus"), Path("/work/shared/corpus-extra")]
GOLD_REPORTS = {"000", "001", "006", "017", "019", "025"}
MENU_PAGE = "2021年坪山区政府工作报告_2021.txt"
# the windows.json of session 5, before these picks were added: the rule ran against it
SESSION5_LAST_ID = 36
QUOTA = {"district": (2, 1), "city": (1, 1), "province": (2, 0), "state_council": (1, 1)}
SERIES = {"坪山": "坪山", "盐田": "盐田", "大鹏": "大鹏", "龙岗": "龙岗", "福田": "福田", "宝安": "宝安",
          "南山": "南山", "光明": "光明", "罗湖": "罗湖", "龙华": "龙华", "szft": "福田", "szluohu": "罗湖",
          "szba": "宝安", "szlg": "龙岗", "szlhua": "龙华", "szyt": "盐田", "szgm": "光明", "szns": "南山"}


def genre(name: str) -> str | None:
    if "国务院" in name or "guowuyuan" in name:
        return "state_council"
    if "广东省" in name or "guangdong" in name:
        return "province"
    if name.startswith("深圳市政府工作报告") or "gzbg-shenzhen" in name:
        return "city"
    if any(k in name for k in SERIES):
        return "district"
    if re.match(r"0\d\d_gzbg-", name):
        return "province"
    return None


def cut(text: str) -> tuple[int, int]:
    start = text.find("\n", int(len(text) * 0.4)) + 1
    end = start
    while end - start < 2000:
        nxt = text.find("\n", end + 1)
        nxt = len(text) if nxt < 0 else nxt
        if nxt - start > 3000:
            break
        end = nxt
    return start, end


def picks() -> list[dict]:
    windows = json.loads((ROOT / "windows.json").read_text(encoding="utf-8"))
    used = {w["file"] for w in windows if w.get("id", 0) <= SESSION5_LAST_ID}
    files = {p.name: p for d in reversed(CORPORA) for p in d.glob("*.txt")}
    cands = [f for f in sorted(files) if f not in used and f[:3] not in GOLD_REPORTS and f != MENU_PAGE and genre(f)]
    out = []
    for g, (n_test, n_dev) in QUOTA.items():
        chosen, series = [], set()
        for f in sorted((f for f in cands if genre(f) == g), key=lambda f: hashlib.sha1(f.encode()).hexdigest()):
            if g == "district":
                s = next(v for k, v in SERIES.items() if k in f)
                if s in series:
                    continue
                series.add(s)
            chosen.append(f)
            if len(chosen) == n_test + n_dev:
                break
        for k, f in enumerate(chosen):
            lo, hi = cut(files[f].read_text(encoding="utf-8"))
            out.append({"split": "test" if k < n_test else "dev", "file": f, "genre": g,
                        "start": lo, "end": hi, "chars": hi - lo})
    return out


if __name__ == "__main__":
    for p in picks():
        print(json.dumps(p, ensure_ascii=False))
