"""Helpers every benchmark shares: timing, percentiles, the machine, result rows and their table.

Machines running these benchmarks are shared and noisy, so every figure is reported beside a
baseline measured in the same process and run, as a ratio; CPU time (time.process_time) is
reported beside wall time where a step is CPU-bound.
"""
from __future__ import annotations

import datetime as _dt
import os
import platform
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Sequence

import numpy as np

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parent
if str(REPO) not in sys.path:  # `python bench/x.py` from anywhere imports the project's packages
    sys.path.insert(0, str(REPO))


# -- timing ---------------------------------------------------------------------------------
class Timer:
    """`with Timer() as t: ...` then t.wall and t.cpu in seconds (cpu = this process, all threads)."""

    def __enter__(self) -> "Timer":
        self._w0 = time.perf_counter()
        self._c0 = time.process_time()
        self.wall = self.cpu = 0.0
        return self

    def __exit__(self, *exc) -> None:
        self.wall = time.perf_counter() - self._w0
        self.cpu = time.process_time() - self._c0


def percentiles(samples_ms: Sequence[float], ps: Iterable[float] = (50, 95, 99)) -> dict[str, float]:
    """{"p50": …, "p95": …, "p99": …} (linear interpolation), in the samples' unit."""
    if not len(samples_ms):
        return {f"p{int(p)}": float("nan") for p in ps}
    arr = np.asarray(samples_ms, dtype=np.float64)
    return {f"p{int(p)}": float(np.percentile(arr, p)) for p in ps}


def latencies(fn: Callable[[object], object], items: Sequence, rounds: int = 1, warmup: int = 2) -> list[float]:
    """Milliseconds of fn(item) for every item, `rounds` times, after `warmup` untimed calls."""
    for item in list(items)[:warmup]:
        fn(item)
    out = []
    for _ in range(rounds):
        for item in items:
            t0 = time.perf_counter()
            fn(item)
            out.append((time.perf_counter() - t0) * 1000.0)
    return out


# -- the machine ----------------------------------------------------------------------------
def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def ram_gb() -> float:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) / 1024 / 1024
    except OSError:
        pass
    return float("nan")


def load_avg() -> tuple[float, float, float]:
    try:
        return os.getloadavg()
    except OSError:
        return (float("nan"),) * 3


def machine_info() -> dict:
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:
        cpus = os.cpu_count() or 0
    return {"cpus": cpus, "cpu_model": cpu_model(), "ram_gb": round(ram_gb(), 1),
            "python": platform.python_version(), "platform": platform.platform(terse=True),
            "load": load_avg(), "date": _dt.datetime.now().astimezone().isoformat(timespec="seconds")}


def peak_rss_mb(pid: int | None = None) -> float:
    """The process's high-water resident set (VmHWM) in MiB; the current RSS where that is unknown."""
    path = Path(f"/proc/{pid or 'self'}/status")
    try:
        for line in path.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import psutil
    return psutil.Process(pid).memory_info().rss / 1024 / 1024


# -- results --------------------------------------------------------------------------------
@dataclass
class Row:
    """One figure beside its baseline. `ratio` = value / baseline (same unit).

    target: (op, threshold) on `value`, op one of "<=" ">=", or None. `status` is filled from it.
    """
    section: str
    metric: str
    value: float
    unit: str
    baseline: str = ""
    baseline_value: float | None = None
    target: tuple[str, float] | None = None
    note: str = ""
    ratio: float | None = field(default=None)
    status: str = ""

    def __post_init__(self) -> None:
        if self.ratio is None and self.baseline_value not in (None, 0) and _finite(self.value) \
                and _finite(self.baseline_value):
            self.ratio = self.value / self.baseline_value
        if self.target and not self.status:
            op, thr = self.target
            ok = (self.value <= thr) if op == "<=" else (self.value >= thr)
            self.status = "PASS" if _finite(self.value) and ok else "MISS"

    @property
    def missed(self) -> bool:
        return self.status == "MISS"


def _finite(x) -> bool:
    try:
        return x is not None and np.isfinite(float(x))
    except (TypeError, ValueError):
        return False


def fmt(x, unit: str = "") -> str:
    if x is None:
        return "-"
    if isinstance(x, str):
        return x
    if not _finite(x):
        return "n/a"
    x = float(x)
    a = abs(x)
    if a >= 100_000:
        s = f"{x:,.0f}"
    elif a >= 100:
        s = f"{x:.0f}"
    elif a >= 10:
        s = f"{x:.1f}"
    elif a >= 1:
        s = f"{x:.2f}"
    else:
        s = f"{x:.3f}"
    return s


def _cells(r: Row) -> list[str]:
    target = f"{r.target[0]} {fmt(r.target[1])}" if r.target else ""
    base = f"{r.baseline} = {fmt(r.baseline_value)}" if r.baseline and r.baseline_value is not None \
        else r.baseline
    ratio = f"{r.ratio:.2f}x" if r.ratio is not None and _finite(r.ratio) else ""
    return [r.section, r.metric, fmt(r.value), r.unit, base, ratio, target, r.status, r.note]


HEADER = ["section", "metric", "value", "unit", "baseline (same run)", "ratio", "target", "", "note"]


def format_table(rows: Sequence[Row]) -> str:
    """A fixed-width text table for the terminal."""
    cells = [HEADER] + [_cells(r) for r in rows]
    width = [max(_display_width(c[i]) for c in cells) for i in range(len(HEADER))]
    lines = []
    for n, c in enumerate(cells):
        lines.append("  ".join(_pad(s, width[i]) for i, s in enumerate(c)).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in width))
    return "\n".join(lines)


def markdown_table(rows: Sequence[Row]) -> str:
    def esc(s: str) -> str:
        return s.replace("|", "\\|")
    out = ["| " + " | ".join(HEADER[:7] + ["status", "note"]) + " |",
           "|" + "---|" * len(HEADER)]
    for r in rows:
        out.append("| " + " | ".join(esc(s) for s in _cells(r)) + " |")
    return "\n".join(out)


def _display_width(s: str) -> int:
    # CJK characters take two columns in a terminal
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in s)


def _pad(s: str, w: int) -> str:
    return s + " " * (w - _display_width(s))


def write_results(path: Path, rows: Sequence[Row], machine_start: dict, machine_end: dict,
                  notes: Sequence[str] = (), profiles: Sequence[tuple[str, str]] = (),
                  args: str = "") -> None:
    ls, le = machine_start["load"], machine_end["load"]
    misses = [r for r in rows if r.missed]
    lines = [
        "# govgraph benchmark results",
        "",
        f"Written by `bench/run_all.py {args}`".rstrip() + f" on {machine_start['date']} "
        f"(finished {machine_end['date']}).",
        "",
        "## Machine",
        "",
        f"- CPUs: {machine_start['cpus']} x {machine_start['cpu_model']}",
        f"- RAM: {machine_start['ram_gb']} GiB",
        f"- Python {machine_start['python']} on {machine_start['platform']}",
        f"- load average (1/5/15 min) at start: {ls[0]:.2f} / {ls[1]:.2f} / {ls[2]:.2f}; "
        f"at end: {le[0]:.2f} / {le[1]:.2f} / {le[2]:.2f}",
        "",
        "The machine is shared: a load above the CPU count means other work competed for the cores "
        "during the run, which inflates wall times. That is why every figure stands beside a baseline "
        "measured in the same run, and CPU time is given where it matters.",
        "",
        "## Figures",
        "",
        markdown_table(rows),
        "",
        f"Targets missed: {len(misses)}" + (": " + "; ".join(f"{r.section} / {r.metric}" for r in misses)
                                             if misses else "."),
        "",
    ]
    if notes:
        lines += ["## Notes", ""] + [f"- {n}" for n in notes] + [""]
    if profiles:
        lines += ["## Profiles of missed targets", ""]
        for title, text in profiles:
            lines += [f"### {title}", "", "```", text.rstrip(), "```", ""]
    path.write_text("\n".join(lines), encoding="utf-8")


# -- profiling ------------------------------------------------------------------------------
def profile_top(fn: Callable[[], object], lines: int = 40) -> str:
    """pyinstrument's call tree of fn(), its first `lines` lines; '' when pyinstrument is missing."""
    try:
        from pyinstrument import Profiler
    except ImportError:
        return "(pyinstrument is not installed: pip install pyinstrument)"
    p = Profiler(interval=0.001)
    p.start()
    try:
        fn()
    finally:
        p.stop()
    text = p.output_text(unicode=False, color=False, show_all=False)
    return "\n".join(text.splitlines()[:lines])


class Report:
    """What a benchmark script hands back: rows, notes and profiles."""

    created: list["Report"] = []  # every report made, so a benchmark that fails keeps its rows so far

    def __init__(self) -> None:
        Report.created.append(self)
        self.rows: list[Row] = []
        self.notes: list[str] = []
        self.profiles: list[tuple[str, str]] = []

    def add(self, *rows: Row) -> None:
        for r in rows:
            self.rows.append(r)
            print("  " + " | ".join(s for s in _cells(r) if s), flush=True)

    def note(self, text: str) -> None:
        self.notes.append(text)
        print(f"  note: {text}", flush=True)

    def profile(self, title: str, fn: Callable[[], object], lines: int = 40) -> None:
        text = profile_top(fn, lines)
        self.profiles.append((title, text))
        print(f"  profile of {title}:\n" + "\n".join("    " + s for s in text.splitlines()[:25]), flush=True)

    def extend(self, other: "Report") -> None:
        self.rows += other.rows
        self.notes += other.notes
        self.profiles += other.profiles


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)
