"""The cost of the first browser request after a write: `policykg serve` (one worker, so that
every request meets the same caches), the home page and a search timed warm, then right after
a one-triple write (first request), then again (second request); each page after a write of
its own, so that its first request pays for whatever the write left to do.

    python bench/after_write.py --data-dir /tmp/sab/policykg --rounds 5

Prints the median times in ms side by side, then every time. Writes one triple per round into a graph of its own
(<urn:bench:after-write>), which stays in the store. Never run from the test suite.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import http_bench as hb

TOKEN = "bench-after-write"
PAGES = {"home": "/", "search": "/search?q=Proposal"}


def timed(url: str) -> float:
    t = time.perf_counter()
    r = requests.get(url, timeout=300)
    r.raise_for_status()
    return (time.perf_counter() - t) * 1000


def write(url: str, i: int) -> None:
    update = f"INSERT DATA {{ GRAPH <urn:bench:after-write> {{ <urn:bench:s{time.time_ns()}> <urn:bench:p> {i} }} }}"
    r = requests.post(
        url + "/sparql", data={"update": update}, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=60
    )
    r.raise_for_status()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data-dir", required=True)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    port = hb.free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "POLICYKG_LOG_LEVEL": "WARNING", "POLICYKG_WORKERS": "1"}
    cmd = [sys.executable, "-m", "server", "serve", "--data-dir", args.data_dir, "--port", str(port)]
    proc = subprocess.Popen(
        cmd + ["--update-token", TOKEN], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}"
    times: dict[tuple[str, str], list[float]] = {}
    try:
        hb.wait_up(url + "/health", proc)
        for page in PAGES.values():
            timed(url + page)  # the caches built once
        for i in range(args.rounds):
            for name, page in PAGES.items():
                times.setdefault((name, "warm"), []).append(timed(url + page))
            for name, page in PAGES.items():  # each page its own write: its first request meets it alone
                write(url, i)
                times.setdefault((name, "first"), []).append(timed(url + page))
                times.setdefault((name, "second"), []).append(timed(url + page))
        print(
            f"{'page':7} {'warm':>9} {'first after write':>18} {'second after write':>19}   (median ms of {args.rounds})"
        )
        for name in PAGES:
            med = [statistics.median(times[(name, when)]) for when in ("warm", "first", "second")]
            print(f"{name:7} {med[0]:9.1f} {med[1]:18.1f} {med[2]:19.1f}")
        for (name, when), values in times.items():
            print(f"  {name} {when}: {', '.join(f'{v:.0f}' for v in values)}")
    finally:
        hb.stop([proc])


if __name__ == "__main__":
    main()
