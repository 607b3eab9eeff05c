"""Build, start and stop the real Neo4j 5.26 used by tests and local development.

No Docker here, so Neo4j runs embedded in a tiny Java launcher (tools/neo4j/) whose
jars Maven fetches once.  Usage:

    python tools/neo4j_server.py build              # mvn package, skipped when up to date
    python tools/neo4j_server.py run -- CMD ARGS    # fresh server around one command
    python tools/neo4j_server.py start              # background server for dev, prints URI
    python tools/neo4j_server.py status
    python tools/neo4j_server.py stop

`run` gives CMD the server's address in GOVGRAPH_NEO4J_URI, always stops the server
afterwards (also when CMD fails or is interrupted) and exits with CMD's exit code.
"""

from __future__ import annotations

import argparse
import fcntl
import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

PROJECT_DIR = Path(__file__).resolve().parent / "neo4j"
TARGET_DIR = PROJECT_DIR / "target"
CLASSES_DIR = TARGET_DIR / "classes"
LIB_DIR = TARGET_DIR / "lib"
BUILD_STAMP = TARGET_DIR / "govgraph-build.stamp"
RUN_DIR = TARGET_DIR / "run"
STATE_FILE = RUN_DIR / "server.json"

URI_ENV = "GOVGRAPH_NEO4J_URI"
HEAP_ENV = "GOVGRAPH_NEO4J_HEAP"
# The page cache (the launcher's default is 256m, for test servers of small databases). A server
# that holds a whole collection is given one its size, as Neo4j's own sizing advice has it; the
# bench sets this to measure writes as such a server would take them (docs/neo4j.md).
PAGECACHE_ENV = "GOVGRAPH_NEO4J_PAGECACHE"
READY_RE = re.compile(r"^NEO4J READY (bolt://\S+)\s*$")
TEMP_DATA_DIR_RE = re.compile(r"temporary data in (\S+)")
MAIN_CLASS = "govgraph.Neo4jLauncher"

DEFAULT_READY_TIMEOUT = 180.0  # a busy shared 2-core machine has needed 45 s
STOP_TIMEOUT = 30.0

# The flags Neo4j's own scripts give the JVM (see neo4j-admin's config migration):
# without the opens, Neo4j falls back to slow paths for direct buffers and native I/O,
# which vector index population leans on.
JVM_FLAGS: tuple[str, ...] = (
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+DisableExplicitGC",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Dlog4j2.disable.jmx=true",
    "-Dfile.encoding=UTF-8",
)


class Neo4jServerError(RuntimeError):
    """A build or start problem, reported to the user as one clear line."""


# ---------------------------------------------------------------- build


def _source_fingerprint() -> str:
    """Hash of everything the build reads, so a stale target/ is rebuilt even when
    git checkouts leave file times misleading."""
    digest = hashlib.sha256()
    files = [PROJECT_DIR / "pom.xml", *sorted((PROJECT_DIR / "src").rglob("*.java"))]
    for path in files:
        digest.update(str(path.relative_to(PROJECT_DIR)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def is_built() -> bool:
    """True when target/ holds classes and jars built from the current sources."""
    launcher = CLASSES_DIR / "govgraph" / "Neo4jLauncher.class"
    if not (launcher.is_file() and LIB_DIR.is_dir() and BUILD_STAMP.is_file()):
        return False
    if not any(LIB_DIR.glob("neo4j-5.*.jar")):
        return False
    return BUILD_STAMP.read_text().strip() == _source_fingerprint()


def build(force: bool = False, quiet: bool = False) -> None:
    """Compile the launcher and copy Neo4j's jars into target/lib (no-op when current)."""
    if not force and is_built():
        if not quiet:
            print(f"neo4j_server: already built ({LIB_DIR})", file=sys.stderr)
        return
    TARGET_DIR.mkdir(parents=True, exist_ok=True)
    # Several test runs may start at once; two Mavens writing one target/ would clash.
    with open(TARGET_DIR / "build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not force and is_built():
            return
        _run_maven()


def _run_maven() -> None:
    mvn = shutil.which("mvn")
    if mvn is None:
        raise Neo4jServerError("Maven ('mvn') is not on PATH; install it (apt-get install maven)")
    _require_java()
    started = time.monotonic()
    print("neo4j_server: building tools/neo4j with Maven ...", file=sys.stderr)
    # Output is kept for failures only: Maven's -q still prints colour escapes.
    result = subprocess.run(
        [mvn, "-q", "-B", "-Dstyle.color=never", "package"],
        cwd=PROJECT_DIR,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        errors="replace",
    )
    if result.returncode != 0:
        tail = "\n".join(result.stdout.splitlines()[-40:])
        raise Neo4jServerError(
            f"'mvn -q -B package' failed in {PROJECT_DIR} (exit {result.returncode}):\n{tail}"
        )
    BUILD_STAMP.write_text(_source_fingerprint() + "\n")
    print(f"neo4j_server: built in {time.monotonic() - started:.1f}s", file=sys.stderr)


def _require_java() -> str:
    java_home = os.environ.get("JAVA_HOME")
    if java_home and (Path(java_home) / "bin" / "java").is_file():
        return str(Path(java_home) / "bin" / "java")
    java = shutil.which("java")
    if java is None:
        raise Neo4jServerError("'java' (17 or newer) is not on PATH and JAVA_HOME is not set")
    return java


def java_command(port: int = 0, data_dir: Path | None = None, exit_on_stdin_close: bool = False) -> list[str]:
    """The full command line that starts the launcher."""
    heap = os.environ.get(HEAP_ENV, "1g")
    classpath = os.pathsep.join([str(CLASSES_DIR), str(LIB_DIR / "*")])
    # Same temp root as Python's, so either side can find and remove the data folder.
    tmp = f"-Djava.io.tmpdir={tempfile.gettempdir()}"
    cmd = [_require_java(), f"-Xmx{heap}", *JVM_FLAGS, tmp, "-cp", classpath, MAIN_CLASS]
    cmd += ["--port", str(port)]
    if os.environ.get(PAGECACHE_ENV):
        cmd += ["--pagecache", os.environ[PAGECACHE_ENV]]
    if data_dir is not None:
        cmd += ["--data-dir", str(data_dir)]
    if exit_on_stdin_close:
        cmd.append("--exit-on-stdin-close")
    return cmd


# ---------------------------------------------------------------- server process


@dataclass
class RunningServer:
    """A launcher process that has announced its Bolt address."""

    process: subprocess.Popen[bytes]
    uri: str
    log_path: Path
    out_path: Path
    startup_seconds: float

    @property
    def pid(self) -> int:
        return self.process.pid

    def stop(self, keep_logs: bool = False) -> None:
        stop_pid(self.pid, self.log_path, process=self.process)
        if not keep_logs:
            # One pair per run would pile up under target/run; failures keep theirs.
            self.log_path.unlink(missing_ok=True)
            self.out_path.unlink(missing_ok=True)


def start_server(
    port: int = 0,
    data_dir: Path | None = None,
    timeout: float = DEFAULT_READY_TIMEOUT,
    detach: bool = False,
) -> RunningServer:
    """Start the launcher and wait for its ready line.

    detach=False ties the server to this process through its stdin: if we die without
    cleaning up, the server sees EOF and exits instead of lingering.
    """
    if not is_built():
        build(quiet=True)
    RUN_DIR.mkdir(parents=True, exist_ok=True)
    stamp = f"{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}"
    out_path = RUN_DIR / f"neo4j-{stamp}.out"
    log_path = RUN_DIR / f"neo4j-{stamp}.log"
    cmd = java_command(port=port, data_dir=data_dir, exit_on_stdin_close=not detach)
    started = time.monotonic()
    with open(out_path, "wb") as out, open(log_path, "wb") as log:
        # Own session: a Ctrl-C meant for the command under test must not kill the
        # database while that command is still cleaning up.
        process = subprocess.Popen(
            cmd,
            stdin=subprocess.DEVNULL if detach else subprocess.PIPE,
            stdout=out,
            stderr=log,
            start_new_session=True,
        )
    try:
        uri = _wait_for_ready(process, out_path, log_path, timeout)
    except BaseException:
        stop_pid(process.pid, log_path, process=process)
        raise
    return RunningServer(process, uri, log_path, out_path, time.monotonic() - started)


def _wait_for_ready(process: subprocess.Popen[bytes], out_path: Path, log_path: Path, timeout: float) -> str:
    deadline = time.monotonic() + timeout
    while True:
        for line in out_path.read_text(encoding="utf-8", errors="replace").splitlines():
            match = READY_RE.match(line)
            if match:
                return match.group(1)
        if process.poll() is not None:
            raise Neo4jServerError(
                f"Neo4j exited with code {process.returncode} before it was ready; "
                f"log {log_path}:\n{_tail(log_path)}"
            )
        if time.monotonic() > deadline:
            raise Neo4jServerError(
                f"Neo4j printed no ready line within {timeout:.0f}s; log {log_path}:\n{_tail(log_path)}"
            )
        time.sleep(0.1)


def _tail(path: Path, lines: int = 30) -> str:
    try:
        return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def stop_pid(pid: int, log_path: Path | None = None, process: subprocess.Popen[bytes] | None = None) -> None:
    """SIGTERM the launcher (its shutdown hook closes the store and deletes the temp
    data dir); SIGKILL only if it hangs, then remove the data dir ourselves."""
    if process is not None and process.stdin is not None:
        process.stdin.close()
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    if not _wait_gone(pid, process, STOP_TIMEOUT):
        print(f"neo4j_server: Neo4j (pid {pid}) ignored SIGTERM for {STOP_TIMEOUT:.0f}s; killing", file=sys.stderr)
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        _wait_gone(pid, process, STOP_TIMEOUT)
    # The launcher removes its temp folder itself unless it was killed or hit by a
    # signal too early; this catches those cases.
    if log_path is not None:
        _remove_temp_data_dir(log_path)


def _wait_gone(pid: int, process: subprocess.Popen[bytes] | None, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None:
            if process.poll() is not None:
                return True
        elif not _alive(pid):
            return True
        time.sleep(0.05)
    return False


def _remove_temp_data_dir(log_path: Path) -> None:
    # Only the launcher's own throwaway folder is named so, never a --data-dir.
    match = TEMP_DATA_DIR_RE.search(_tail(log_path, 1000))
    if match is not None:
        shutil.rmtree(match.group(1), ignore_errors=True)


# ---------------------------------------------------------------- commands


def run_with_server(command: Sequence[str], port: int = 0, timeout: float = DEFAULT_READY_TIMEOUT) -> int:
    """Run `command` against a fresh server; returns the command's exit code."""
    if not command:
        raise Neo4jServerError("run needs a command after '--', e.g. run -- python -m pytest")
    if shutil.which(command[0]) is None:
        raise Neo4jServerError(f"command not found or not executable: {command[0]!r}")
    # From here on SIGTERM unwinds like Ctrl-C, so the server is always stopped.
    previous_term = signal.signal(signal.SIGTERM, _raise_terminated)
    server: RunningServer | None = None
    child: subprocess.Popen[bytes] | None = None
    try:
        server = start_server(port=port, timeout=timeout)
        print(f"neo4j_server: {server.uri} ready in {server.startup_seconds:.1f}s", file=sys.stderr)
        env = dict(os.environ, **{URI_ENV: server.uri})
        try:
            child = subprocess.Popen(list(command), env=env)
        except OSError as exc:
            raise Neo4jServerError(f"cannot run {command[0]!r}: {exc}") from exc
        return _exit_code(child.wait())
    except (KeyboardInterrupt, _Terminated) as exc:
        forward = isinstance(exc, _Terminated)
        if child is not None:
            _stop_child(child, forward_now=forward)
            return _exit_code(child.returncode) or (143 if forward else 130)
        return 143 if forward else 130
    finally:
        if server is not None:
            server.stop()
            print("neo4j_server: Neo4j stopped", file=sys.stderr)
        signal.signal(signal.SIGTERM, previous_term)


class _Terminated(BaseException):
    """SIGTERM reached us; unwinds like KeyboardInterrupt so cleanup still runs."""


def _stop_child(child: subprocess.Popen[bytes], forward_now: bool) -> None:
    # After Ctrl-C the child (same terminal) got SIGINT too and usually ends by itself;
    # a SIGTERM was sent to us alone, so it is passed on at once.
    if not forward_now:
        try:
            child.wait(timeout=5)
            return
        except subprocess.TimeoutExpired:
            pass
    stop_process(child, STOP_TIMEOUT)


def stop_process(proc: subprocess.Popen, timeout: float) -> None:
    """SIGTERM, then SIGKILL if it has not ended within `timeout` seconds (tools/serve_process too)."""
    proc.terminate()
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def _raise_terminated(signum: int, frame: object) -> None:
    raise _Terminated()


def _exit_code(returncode: int) -> int:
    # Popen reports death by signal N as -N; shells report 128+N.
    return 128 - returncode if returncode < 0 else returncode


def start_background(port: int = 0, data_dir: Path | None = None, timeout: float = DEFAULT_READY_TIMEOUT) -> str:
    """Start a detached dev server, remember it in target/run/server.json, return its URI."""
    state = _read_state()
    if state is not None and _alive(state["pid"]):
        return state["uri"]
    server = start_server(port=port, data_dir=data_dir, timeout=timeout, detach=True)
    RUN_DIR.mkdir(parents=True, exist_ok=True)
    STATE_FILE.write_text(
        json.dumps(
            {"pid": server.pid, "uri": server.uri, "log": str(server.log_path), "out": str(server.out_path)},
            indent=2,
        )
        + "\n"
    )
    return server.uri


def stop_background() -> bool:
    """Stop the dev server from `start`; False when none was running."""
    state = _read_state()
    if state is None:
        return False
    was_alive = _alive(state["pid"])
    if was_alive:
        stop_pid(state["pid"], Path(state["log"]))
    for key in ("log", "out"):
        if key in state:
            Path(state[key]).unlink(missing_ok=True)
    STATE_FILE.unlink(missing_ok=True)
    return was_alive


def _read_state() -> dict | None:
    try:
        state = json.loads(STATE_FILE.read_text())
    except (OSError, ValueError):
        return None
    if not isinstance(state, dict) or not {"pid", "uri", "log"} <= state.keys():
        return None
    return state


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="neo4j_server.py", description="Real Neo4j 5.26 (embedded, Bolt only, no auth) for govgraph."
    )
    sub = parser.add_subparsers(dest="action", required=True)
    p_build = sub.add_parser("build", help="mvn package in tools/neo4j (skipped when up to date)")
    p_build.add_argument("--force", action="store_true", help="rebuild even if up to date")
    p_run = sub.add_parser("run", help="run a command with GOVGRAPH_NEO4J_URI set, then stop Neo4j")
    p_start = sub.add_parser("start", help="start a background server and print its bolt:// URI")
    p_start.add_argument("--data-dir", type=Path, help="keep the database here instead of a temp dir")
    for p in (p_run, p_start):
        p.add_argument("--port", type=int, default=0, help="Bolt port (default: a free one)")
        p.add_argument("--timeout", type=float, default=DEFAULT_READY_TIMEOUT, help="seconds to wait for ready")
    p_run.add_argument("command", nargs=argparse.REMAINDER, help="-- CMD ARGS...")
    sub.add_parser("stop", help="stop the background server")
    sub.add_parser("status", help="print the background server's URI, if running")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.action == "build":
            build(force=args.force)
            return 0
        if args.action == "run":
            command = list(args.command)
            if command and command[0] == "--":
                command = command[1:]
            if not 0 <= args.port <= 65535:
                raise Neo4jServerError(f"--port must be 0..65535, got {args.port}")
            return run_with_server(command, port=args.port, timeout=args.timeout)
        if args.action == "start":
            if not 0 <= args.port <= 65535:
                raise Neo4jServerError(f"--port must be 0..65535, got {args.port}")
            print(start_background(port=args.port, data_dir=args.data_dir, timeout=args.timeout))
            return 0
        if args.action == "stop":
            if not stop_background():
                print("neo4j_server: no background server was running", file=sys.stderr)
            return 0
        if args.action == "status":
            state = _read_state()
            if state is not None and _alive(state["pid"]):
                print(state["uri"])
                return 0
            print("neo4j_server: not running", file=sys.stderr)
            return 1
    except Neo4jServerError as exc:
        print(f"neo4j_server: error: {exc}", file=sys.stderr)
        return 2
    return 2


if __name__ == "__main__":
    sys.exit(main())
