"""Shared checks and tools of the robustness suite (no fixtures here: see conftest.py).

- ``Figures``: counters written to the terminal summary (requests fuzzed, 5xx seen, kills
  survived, writes lost, attacks tried) and, with POLICYKG_ROBUSTNESS_REPORT=path, to JSON.
- ``check_response``: the invariants every response must keep (no 5xx, no traceback, the
  one JSON error shape or the HTML error page, never credentialed CORS).
- ``snapshot``: every quad of a store, to prove a rejected request changed nothing.
- ``Server``: the real ``python -m server serve`` (Granian) in its own process group, so a
  test can SIGKILL or SIGTERM the whole tree (master, worker, query executors).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

import requests

HEAVY = os.environ.get("POLICYKG_HEAVY", "") not in ("", "0", "false", "no")
ROOT = Path(__file__).resolve().parents[2]


class Figures:
    """Process-wide counters of the suite (thread-safe)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.counts: Counter[str] = Counter()
        self.notes: dict[str, Any] = {}

    def add(self, key: str, n: int = 1) -> None:
        with self._lock:
            self.counts[key] += n

    def note(self, key: str, value: Any) -> None:
        with self._lock:
            self.notes[key] = value

    def as_dict(self) -> dict[str, Any]:
        return {"counts": dict(sorted(self.counts.items())), "measurements": dict(sorted(self.notes.items()))}


FIGURES = Figures()

BROWSER_PREFIXES = ("/id/", "/page", "/data", "/ontology", "/class", "/search", "/query", "/")
TRACEBACK_MARKERS = (b"Traceback (most recent call last)", b'File "/', b"werkzeug.exceptions", b"pyoxigraph.")


def is_error_shape(doc: Any, status: int, *, page: bool = False) -> bool:
    """The one error shape {"error": {status, code, message, detail?}}. ``page``: the JSON of a
    browser page (/query.json) that shows the error inside the page's other data."""
    if not isinstance(doc, dict) or "error" not in doc or (not page and set(doc) != {"error"}):
        return False
    err = doc["error"]
    return (
        isinstance(err, dict)
        and {"status", "code", "message"} <= set(err) <= {"status", "code", "message", "detail"}
        and err["status"] == status
        and isinstance(err["code"], str)
        and isinstance(err["message"], str)
        and bool(err["message"])
    )


def check_response(
    status: int, headers: Any, body: bytes, *, what: str = "", counted: bool = True, page: bool = False
) -> None:
    """Assert the invariants of any response; ``headers`` is a mapping (case-insensitive get)."""
    if counted:
        FIGURES.add("requests_fuzzed")
        if status >= 500:
            FIGURES.add("5xx_seen")
    ctype = (headers.get("Content-Type") or "").split(";")[0].strip().lower()
    assert status < 500 or (status == 503 and _is_json_error(body, status)), f"{what}: {status} {body[:600]!r}"
    for marker in TRACEBACK_MARKERS:
        assert marker not in body, f"{what}: traceback-like text {marker!r} in the body: {body[:600]!r}"
    assert headers.get("Access-Control-Allow-Credentials") is None, f"{what}: credentialed CORS"
    if status >= 400:
        if ctype == "text/html":
            text = body.decode("utf-8", "replace")
            assert "<html" in text.lower() and str(status) in text, f"{what}: HTML error page without status"
        else:
            assert ctype == "application/json", f"{what}: error {status} with Content-Type {ctype!r}: {body[:300]!r}"
            assert _is_json_error(body, status, page), f"{what}: not the one error shape: {body[:400]!r}"


def _is_json_error(body: bytes, status: int, page: bool = False) -> bool:
    try:
        return is_error_shape(json.loads(body), status, page=page)
    except ValueError:
        return False


def check_flask(resp: Any, what: str = "") -> None:
    page = resp.request.path in ("/query", "/query.json")
    check_response(resp.status_code, resp.headers, resp.get_data(), what=what, page=page)


def snapshot(store: Any) -> frozenset[str]:
    """Every quad of the store (as N-Quads-like strings), for before/after comparison."""
    return frozenset(str(q) for q in store.quads())


def restore(store: Any, quads: list[Any]) -> None:
    with store.writer() as raw:
        raw.clear()
        raw.extend(quads)


# -- the real server ------------------------------------------------------------------------
def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """``python -m server serve`` in a new session (process group) with its output in a file."""

    def __init__(
        self,
        data_dir: Path,
        *args: str,
        env: dict[str, str] | None = None,
        preexec: Any = None,
        user: str | None = None,
        log: Path | None = None,
    ):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log or data_dir.parent / f"server-{self.port}.log"
        cmd = [sys.executable, "-m", "server", "serve", "--port", str(self.port), "--data-dir", str(data_dir), *args]
        full_env = {**os.environ, "POLICYKG_LOG_LEVEL": "WARNING", "PYTHONPATH": str(ROOT), **(env or {})}
        self._out = open(self.log, "wb")  # noqa: SIM115 - open for the server's lifetime
        self.proc = subprocess.Popen(
            cmd,
            env=full_env,
            stdout=self._out,
            stderr=subprocess.STDOUT,
            cwd=str(ROOT),
            start_new_session=True,
            preexec_fn=preexec,  # noqa: PLW1509 - rlimit only
            user=user,
        )

    def wait_healthy(self, timeout: float = 90) -> Server:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited {self.proc.returncode}: {self.output()[-3000:]}")
            try:
                if requests.get(self.url + "/health", timeout=2).status_code == 200:
                    return self
            except requests.RequestException:
                pass
            time.sleep(0.1)
        self.kill()
        raise RuntimeError(f"server not healthy: {self.output()[-3000:]}")

    def output(self) -> str:
        if not self._out.closed:
            self._out.flush()
        return self.log.read_text(errors="replace")

    def pids(self) -> list[int]:
        """The server's process tree (master, worker, executors, forkserver): its process group."""
        out = []
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            fields = stat.rsplit(")", 1)[1].split()
            if int(fields[2]) == self.proc.pid:  # field 5 (pgrp)
                out.append(int(entry))
        return out

    def rss_mb(self) -> float:
        total = 0
        for pid in self.pids():
            try:
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
            except OSError:
                pass
        return total / 1024

    def kill(self) -> None:
        """SIGKILL the whole process group at once (no graceful shutdown)."""
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.proc.wait(30)
        self._wait_group_gone()
        self._out.close()

    def terminate(self, timeout: float = 30) -> int:
        self.proc.send_signal(signal.SIGTERM)
        try:
            code = self.proc.wait(timeout)
        finally:
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)  # leftovers, if any
            except ProcessLookupError:
                pass
            self._wait_group_gone()
            self._out.close()
        return code

    def _wait_group_gone(self, timeout: float = 15) -> None:
        deadline = time.monotonic() + timeout
        while self.pids() and time.monotonic() < deadline:
            time.sleep(0.05)
