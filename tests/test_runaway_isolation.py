"""A runaway query replaces only the worker that evaluated it (server.app.wsgi.Server): the
other workers keep their process (and so their result caches) and keep answering."""

from __future__ import annotations

import os
import threading
import time

import pytest
import requests
from conftest import start_policykg

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
CHEAP = "ASK {}"
WORKERS = 3

pytestmark = pytest.mark.skipif(not os.path.exists("/proc/self/task"), reason="reads the server's workers from /proc")


def children(pid: int) -> set[int]:
    return {int(p) for p in open(f"/proc/{pid}/task/{pid}/children").read().split()}


def settled(pid: int, before: set[int], timeout: float = 60, quiet: float = 4) -> set[int]:
    """The server's children once replacements are over: as many as before, not all the same,
    and unchanged for ``quiet`` seconds (a second replacement may follow the first)."""
    deadline = time.monotonic() + timeout
    last, since = children(pid), time.monotonic()
    while time.monotonic() < deadline:
        time.sleep(0.2)
        now = children(pid)
        if now != last:
            last, since = now, time.monotonic()
        elif len(now) == len(before) and now != before and time.monotonic() - since >= quiet:
            break
    return last


def runaway(url: str, out: list[requests.Response]) -> None:
    out.append(requests.get(url + "/sparql", params={"query": RUNAWAY, "timeout": "1"}, timeout=60))


def test_only_the_worker_that_ran_a_runaway_is_replaced(tmp_path):
    proc, url = start_policykg(
        "--data-dir", str(tmp_path / "store"), env={"POLICYKG_WORKERS": str(WORKERS), "POLICYKG_LOG_LEVEL": "WARNING"}
    )
    stop, cheap_failures, cheap_count = threading.Event(), [], [0]

    def cheap_loop() -> None:  # a new connection each time: a replaced worker closes its idle ones
        while not stop.is_set():
            r = requests.get(url + "/sparql", params={"query": CHEAP}, timeout=30)
            if r.status_code != 200 or r.json()["boolean"] is not True:
                cheap_failures.append(r.status_code)
            cheap_count[0] += 1
            time.sleep(0.02)

    cheap = threading.Thread(target=cheap_loop)
    cheap.start()
    try:
        for _ in range(3):  # one runaway at a time: exactly one worker replaced, the others untouched
            before = children(proc.pid)
            out: list[requests.Response] = []
            runaway(url, out)
            assert out[0].status_code == 503 and out[0].json()["error"]["code"] == "timeout"
            after = settled(proc.pid, before)
            assert len(after) == len(before) and len(before - after) == 1, (before, after)
        for _ in range(2):  # bursts of two: at most two replaced, at least one of three untouched
            before = children(proc.pid)
            out = []
            threads = [threading.Thread(target=runaway, args=(url, out)) for _ in range(2)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            assert [r.status_code for r in out] == [503, 503]
            after = settled(proc.pid, before)
            assert len(after) == len(before) and 1 <= len(before - after) <= 2, (before, after)
    finally:
        stop.set()
        cheap.join()
        proc.terminate()
        proc.wait(30)
    assert cheap_count[0] > 0 and cheap_failures == []
