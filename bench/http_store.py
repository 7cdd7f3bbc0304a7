"""The HTTP query mix of bench/run.py against `policykg serve` on an existing store folder.

    python bench/http_store.py /tmp/big-10m/w/policykg --seconds 3 --rounds 2

For a store a scale run left behind (``bench/run.py --workdir``): prints one row per query
(median req/s over the rounds, their range, p50) and the server's peak memory, as run.py does.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import http_bench
import run


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("store", type=Path)
    ap.add_argument("--seconds", type=float, default=3.0)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--connections", type=int, default=4)
    args = ap.parse_args(argv)
    port = run.free_port()
    proc = subprocess.Popen(
        run.PKG + ["serve", "--port", str(port), "--data-dir", str(args.store)],
        env=run.ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        http_bench.wait_up(f"http://127.0.0.1:{port}/health", proc, timeout=600)
        for name, query, accept in http_bench.mix("http://localhost:8000/id/person/a-7"):
            url = f"http://127.0.0.1:{port}/sparql?" + urllib.parse.urlencode({"query": query})
            results = []
            for _ in range(max(1, args.rounds)):
                http_bench.settle([proc.pid])
                results.append(http_bench.run_wrk(url, accept, args.seconds, args.connections))
            mid = http_bench.median_result(results)
            print(
                f"| HTTP {name}: policykg (embedded) | {statistics.median(r.rps for r in results):.0f} req/s"
                f"{run.spread(results)}, p50 {mid.p50_ms:.1f} ms |  |  |  | — |"
            )
        print(f"| server peak memory: policykg (embedded) | {run.tree_hwm_mb(proc.pid):.0f} MB |  |  |  |  |")
    finally:
        http_bench.stop([proc])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
