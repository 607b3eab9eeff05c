"""`govgraph serve` in a process of its own on a free port, for the tests and the benchmarks.

It lives in tools/ rather than tests/ so that bench scripts, which put the repository on sys.path
but are no test package, can import it too (`from tools.serve_process import serve`).
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Mapping, Sequence

from tools.neo4j_server import stop_process

STOP_TIMEOUT = 20.0
LOG_TAIL = 1500


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def govgraph_command() -> list[str]:
    """The CLI installed beside this interpreter; where it is not installed, its entry point."""
    exe = Path(sys.executable).parent / "govgraph"
    if exe.exists():
        return [str(exe)]
    return [sys.executable, "-c", "from govgraph.api.cli import main; main()"]


def wait_http(url: str, timeout: float = 120.0, proc: subprocess.Popen | None = None) -> None:
    """Poll `url` until it answers 200; give up at once when `proc`, the server, has exited."""
    deadline = time.monotonic() + timeout
    last: Exception | None = None
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as r:
                if r.status == 200:
                    return
        except Exception as e:  # noqa: BLE001 - still starting
            last = e
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"the server for {url} exited with code {proc.returncode}: {last}")
        time.sleep(0.3)
    raise RuntimeError(f"{url} did not come up within {timeout:.0f}s: {last}")


@dataclass
class Served:
    """A running `govgraph serve`: `base` is its URL, `log` its combined output (None: discarded)."""

    proc: subprocess.Popen
    base: str
    log: Path | None

    def log_text(self) -> str:
        return self.log.read_text("utf-8", errors="replace") if self.log else ""


def stop(proc: subprocess.Popen) -> None:
    stop_process(proc, STOP_TIMEOUT)


@contextmanager
def serve(args: Sequence[str] = (), *, log: Path | None = None, env: Mapping[str, str | None] | None = None,
          ready_path: str = "/health", timeout: float = 120.0, cwd: Path | None = None,
          command: Sequence[str] | None = None) -> Iterator[Served]:
    """`govgraph serve ARGS --port P`, yielded once `ready_path` answers 200, stopped whatever happens.

    `env` is laid over this process's environment, a None value removing the variable (a benchmark
    must not inherit the test Neo4j's address, say). `command` is another `govgraph` to run (the one
    a wheel installed into a fresh environment, say); by default the one beside this interpreter.
    """
    port = free_port()
    environ = dict(os.environ)
    for key, value in (env or {}).items():
        if value is None:
            environ.pop(key, None)
        else:
            environ[key] = value
    cmd = [*(command or govgraph_command()), "serve", *args, "--port", str(port)]
    with open(log, "wb") if log else nullcontext(subprocess.DEVNULL) as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=environ, cwd=cwd)
    served = Served(proc, f"http://127.0.0.1:{port}", log)
    try:
        try:
            wait_http(served.base + ready_path, timeout, proc)
        except RuntimeError as e:
            raise RuntimeError(f"govgraph serve did not come up: {e}\n{served.log_text()[-LOG_TAIL:]}") from None
        yield served
    finally:
        stop(proc)
