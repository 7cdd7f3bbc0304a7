"""Runaway queries in bursts against `policykg serve` while a client keeps asking ``ASK {}``:
how long each runaway takes to be answered 503, the cheap query's latency meanwhile, and which
worker processes were replaced.

    python bench/runaway_burst.py --data-dir /tmp/sab/policykg --bursts 5 --size 4 --timeout 1

Prints the runaways' answer times (each should be within timeout + 1 s), the ASK p50/p99/max
and the worker pids before and after. Never run from the test suite.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import http_bench as hb

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def children(pid: int) -> set[int]:
    return {int(p) for p in open(f"/proc/{pid}/task/{pid}/children").read().split()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data-dir", required=True)
    ap.add_argument("--bursts", type=int, default=5)
    ap.add_argument("--size", type=int, default=4, help="runaways sent at once per burst")
    ap.add_argument("--timeout", type=float, default=1.0)
    ap.add_argument("--pause", type=float, default=1.0, help="seconds between bursts")
    args = ap.parse_args()
    port = hb.free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "POLICYKG_LOG_LEVEL": "WARNING"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "server", "serve", "--data-dir", args.data_dir, "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        hb.wait_up(url + "/health", proc)
        time.sleep(1)
        before = children(proc.pid)
        stop = threading.Event()
        cheap: list[float] = []
        cheap_errors: list[int] = []

        def ask_loop() -> None:  # a new connection each time: a replaced worker's idle ones are closed
            while not stop.is_set():
                t = time.perf_counter()
                try:
                    r = requests.get(url + "/sparql", params={"query": "ASK {}"}, timeout=60)
                    status = r.status_code
                except requests.RequestException:
                    status = 0
                cheap.append(time.perf_counter() - t)
                if status != 200:
                    cheap_errors.append(status)
                time.sleep(0.01)

        answers: list[tuple[int, float]] = []
        lock = threading.Lock()

        def runaway() -> None:
            t = time.perf_counter()
            r = requests.get(url + "/sparql", params={"query": RUNAWAY, "timeout": str(args.timeout)}, timeout=120)
            with lock:
                answers.append((r.status_code, time.perf_counter() - t))

        asker = threading.Thread(target=ask_loop)
        asker.start()
        for _ in range(args.bursts):
            burst = [threading.Thread(target=runaway) for _ in range(args.size)]
            for t in burst:
                t.start()
            for t in burst:
                t.join()
            time.sleep(args.pause)
        time.sleep(5)  # replacements finish
        stop.set()
        asker.join()
        after = children(proc.pid)
        print("  answer times in order:", " ".join(f"{s:.2f}" for _, s in answers))
        times = sorted(s for _, s in answers)
        statuses = sorted({c for c, _ in answers})
        lat = sorted(cheap)
        p = lambda q: lat[min(len(lat) - 1, int(q * len(lat)))] * 1000
        print(f"runaways: {len(answers)} in {args.bursts} bursts of {args.size}, timeout {args.timeout:g} s")
        print(f"  statuses {statuses}; answered after median {statistics.median(times):.2f} s, max {times[-1]:.2f} s")
        print(f"  within timeout + 1 s: {sum(t <= args.timeout + 1 for t in times)}/{len(times)}")
        print(
            f"ASK {{}} meanwhile: {len(lat)} requests, p50 {p(0.5):.1f} ms, p99 {p(0.99):.1f} ms, max {lat[-1] * 1000:.1f} ms"
        )
        print(f"  non-200: {len(cheap_errors)}")
        print(f"server children before {sorted(before)}, after {sorted(after)}")
        print(f"  unchanged {len(before & after)}, replaced {len(before - after)}")
    finally:
        hb.stop([proc])


if __name__ == "__main__":
    main()
