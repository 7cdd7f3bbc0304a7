"""/metrics summed over the worker processes of one server (server/metrics.py, shared_dir)."""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import subprocess
import sys
import time

import pytest
import requests
from conftest import ROOT, start_policykg

from server.app.factory import create_app
from server.core.metrics import BUCKETS, Metrics

REQ = 'policykg_http_requests_total{route="/sparql",method="GET",status="%d"}'
COUNT = "policykg_query_duration_seconds_count"
SUM = "policykg_query_duration_seconds_sum"
TIMEOUTS = "policykg_query_timeouts_total"


def samples(text: str) -> dict[str, float]:
    """Prometheus text -> {'name{labels}': value}."""
    out = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            name, value = line.rsplit(" ", 1)
            out[name] = float(value)
    return out


def bucket(le: str) -> str:
    return f'policykg_query_duration_seconds_bucket{{le="{le}"}}'


def worker(shared, pid: int, ok: int = 0, bad: int = 0, queries: tuple[float, ...] = (), timeouts: int = 0):
    m = Metrics(str(shared), process_id=pid)
    for _ in range(ok):
        m.request("/sparql", "GET", 200)
    for _ in range(bad):
        m.request("/sparql", "GET", 400)
    for seconds in queries:
        m.query(seconds)
    for _ in range(timeouts):
        m.timeout()
    return m


def test_two_processes_are_summed_in_each_render(tmp_path):
    a = worker(tmp_path, 101, ok=3, queries=(0.004, 0.2), timeouts=1)
    b = worker(tmp_path, 102, ok=2, bad=1, queries=(3.0,))
    a.flush()  # a's counts reach the folder at its next flush (a timer, or a render)
    for m in (b, a):
        s = samples(m.render())
        assert s[REQ % 200] == 5 and s[REQ % 400] == 1
        assert s[COUNT] == 3 and s[bucket("+Inf")] == 3
        assert s[SUM] == pytest.approx(3.204)
        assert (s[bucket("0.005")], s[bucket("0.25")], s[bucket("2.5")], s[bucket("5")]) == (1, 2, 2, 3)
        assert s[TIMEOUTS] == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["101.json", "102.json"]  # no temp files left


def test_render_uses_own_memory_not_own_stale_file(tmp_path):
    a = worker(tmp_path, 101, ok=1)
    a.flush()
    a.request("/sparql", "GET", 200)  # not yet in 101.json
    assert samples(a.render())[REQ % 200] == 2
    assert json.loads((tmp_path / "101.json").read_text())["requests"] == [["/sparql", "GET", 200, 2]]


def test_exited_process_still_counts(tmp_path):
    dead = worker(tmp_path, 201, ok=4, timeouts=2)
    dead.flush()
    del dead
    live = worker(tmp_path, 202, ok=1)
    s = samples(live.render())
    assert s[REQ % 200] == 5 and s[TIMEOUTS] == 2


def test_reused_pid_carries_the_old_counts_on(tmp_path):
    old = worker(tmp_path, 301, ok=4)
    old.flush()
    new = worker(tmp_path, 301, ok=1)  # a new process that got the same pid
    assert samples(new.render())[REQ % 200] == 5
    new.request("/sparql", "GET", 200)
    assert samples(new.render())[REQ % 200] == 6  # adopted once, not again


def test_corrupt_files_are_skipped(tmp_path, caplog):
    worker(tmp_path, 401, ok=2).flush()
    (tmp_path / "402.json").write_text('{"requests": [["/sparql", "GET", 200, 7]], "timeo')  # cut short
    (tmp_path / "403.json").write_text(
        json.dumps({"requests": [], "timeouts": 1, "buckets": [1], "sum": 0, "count": 1})
    )
    (tmp_path / "404.json").write_text("[1, 2]")
    (tmp_path / "405.json.tmp").write_text("{")  # a temp file being written: not read
    live = worker(tmp_path, 406, ok=1, queries=(0.1,))
    with caplog.at_level(logging.WARNING, logger="server.core.metrics"):
        s = samples(live.render())
    assert s[REQ % 200] == 3 and s[TIMEOUTS] == 0 and s[COUNT] == 1
    warned = " ".join(r.getMessage() for r in caplog.records)
    assert all(f"{n}.json" in warned for n in (402, 403, 404)) and "405" not in warned


def test_counts_are_written_by_a_timer_not_on_the_request_path(tmp_path):
    worker(tmp_path, 501, ok=1)
    assert not (tmp_path / "501.json").exists()  # request() did no file I/O
    deadline = time.monotonic() + 10
    while not (tmp_path / "501.json").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert json.loads((tmp_path / "501.json").read_text())["requests"] == [["/sparql", "GET", 200, 1]]
    assert samples(worker(tmp_path, 502).render())[REQ % 200] == 1  # seen from another process


@pytest.mark.parametrize("thread", ["main", "foreign"])
def test_a_real_process_writes_its_last_counts_when_it_exits(tmp_path, thread):
    count = "for _ in range(3): m.request('/sparql', 'GET', 200)\nm.timeout()\n"
    if thread == "foreign":  # counted in a thread ``threading`` did not start, like Granian's request threads
        count = (
            "import _thread; done = _thread.allocate_lock(); done.acquire()\n"
            "def count():\n" + "".join(f"    {line}\n" for line in count.splitlines()) + "    done.release()\n"
            "_thread.start_new_thread(count, ()); done.acquire()\n"
        )
    code = "import sys; from server.core.metrics import Metrics\nm = Metrics(sys.argv[1])\n" + count
    # no flush(), no render(): the pending timer writes at interpreter exit
    proc = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)], cwd=ROOT, timeout=60, capture_output=True, check=False
    )
    assert proc.returncode == 0, proc.stderr
    s = samples(worker(tmp_path, os.getpid() + 10_000_000).render())
    assert s[REQ % 200] == 3 and s[TIMEOUTS] == 1


def test_without_shared_dir_nothing_changes(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    a, b = Metrics(), Metrics(None)
    for m in (a, b):
        m.request("/sparql", "GET", 200)
        m.query(0.3)
    assert a.render() == b.render()
    s = samples(b.render([("policykg_store_triples", "Quads.", 12.0)]))
    assert s[REQ % 200] == 1 and s[COUNT] == 1 and s["policykg_store_triples"] == 12
    assert len(BUCKETS) == sum(1 for k in s if "_bucket" in k) - 1
    assert list(tmp_path.iterdir()) == [] and b._timer is None


def test_app_metrics_include_other_workers(settings, store, tmp_path):
    shared = tmp_path / "metrics"
    shared.mkdir()
    app = create_app(dataclasses.replace(settings, metrics_dir=str(shared)), store=store)
    client = app.test_client()
    assert client.get("/sparql", query_string={"query": "ASK {}"}).status_code == 200
    worker(shared, 1, ok=5, queries=(0.01,)).flush()  # another worker of the same server
    s = samples(client.get("/metrics").data.decode())
    assert s[REQ % 200] == 6 and s[COUNT] == 2
    assert s["policykg_store_triples"] == len(list(store.quads()))  # gauges unchanged
    assert f"{os.getpid()}.json" in os.listdir(shared)


def test_serve_with_two_workers_reports_totals():
    proc, url = start_policykg("--memory", env={"POLICYKG_WORKERS": "2"})  # + one /health probe
    health = 'policykg_http_requests_total{route="/health",method="GET",status="200"}'
    try:
        for _ in range(20):  # a new connection each: both workers get some
            resp = requests.get(url + "/health", headers={"Connection": "close"}, timeout=10)
            assert resp.json()["status"] == "ok"
        seen: list[float] = []
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:  # each scrape may be answered by either worker
            seen.append(samples(requests.get(url + "/metrics", timeout=10).text).get(health, 0))
            if seen[-1] >= 21:
                break
            time.sleep(0.2)
        assert seen[-1] == 21 and seen == sorted(seen), seen  # all counted, never back
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def children(pid: int) -> set[int]:
    return {int(p) for p in open(f"/proc/{pid}/task/{pid}/children").read().split()}


@pytest.mark.skipif(not os.path.exists("/proc/self/task"), reason="reads the server's workers from /proc")
def test_counts_of_a_retired_worker_are_kept():
    """The worker whose query timed out retires and exits: its counts stay in the totals."""
    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    proc, url = start_policykg("--memory", env={"POLICYKG_WORKERS": "2"})
    try:
        workers = children(proc.pid)
        resp = requests.get(url + "/sparql", params={"query": runaway, "timeout": "1"}, timeout=30)
        assert resp.status_code == 503 and resp.json()["error"]["code"] == "timeout"
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:  # until the retired worker is gone and replaced
            now = children(proc.pid)
            if len(now) == len(workers) and now != workers:
                break
            time.sleep(0.1)
        assert len(now) == len(workers) and now != workers, (workers, now)
        # answered by a worker that did not time out; the retired one's counts arrive with its last
        # snapshot (written a moment after the request, or when it exits): poll, never a fixed sleep
        while True:
            s = samples(requests.get(url + "/metrics", timeout=10).text)
            if s[TIMEOUTS] == 1 or time.monotonic() > deadline:
                break
            time.sleep(0.2)
        assert s[TIMEOUTS] == 1 and s[REQ % 503] == 1 and s[bucket("+Inf")] >= 1, s
    finally:
        proc.terminate()
        proc.wait(timeout=30)
