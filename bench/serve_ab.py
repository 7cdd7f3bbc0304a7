"""Side by side: `policykg serve` in several configurations against `oxigraph serve`, on the
stores a bench run kept, with the HTTP mix of bench/http_bench.py, in rounds (medians).

    python bench/run.py --size 100k --phases load,reason,http --workdir /tmp/bw   # keep the stores
    python bench/serve_ab.py /tmp/bw WORKERS=2,THREADS=4 WORKERS=4,THREADS=2 --rounds 5

Each configuration is a comma-separated list of POLICYKG_* settings (without the prefix) for
one `policykg serve` over <workdir>/policykg; `oxigraph serve` serves <workdir>/oxigraph-serve.
All servers run at once and are measured one after the other, each once all are idle, so the
configurations share the machine's conditions. Prints req/s per round and the geometric mean
of the median ratios to oxigraph serve. Never run from the test suite.
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import statistics
import subprocess
import sys
import urllib.parse
from pathlib import Path

import http_bench as hb

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("workdir", type=Path, help="a --workdir of bench/run.py (policykg/ and oxigraph-serve/)")
    ap.add_argument("configs", nargs="+", help="e.g. WORKERS=2,THREADS=4")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--seconds", type=float, default=3)
    ap.add_argument("--connections", type=int, default=4)
    args = ap.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("needs wrk (apt-get install wrk)")
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    servers: dict[str, tuple[subprocess.Popen, str]] = {}
    try:
        oxigraph = hb.start_servers(["oxigraph"], args.workdir / "policykg", args.workdir / "oxigraph-serve", None)
        servers["oxigraph serve"] = oxigraph["oxigraph"]
        for config in args.configs:
            env = {**os.environ, "PYTHONPATH": str(ROOT), "POLICYKG_LOG_LEVEL": "WARNING"}
            for item in config.split(","):
                key, _, value = item.partition("=")
                env["POLICYKG_" + key.strip().upper()] = value.strip()
            port = hb.free_port()
            proc = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "server",
                    "serve",
                    "--data-dir",
                    str(args.workdir / "policykg"),
                    "--port",
                    str(port),
                ],
                env=env,
                **quiet,
            )
            hb.wait_up(f"http://127.0.0.1:{port}/health", proc)
            servers[config] = (proc, f"http://127.0.0.1:{port}/sparql")
        queries = hb.mix("http://localhost:8000/id/person/a-7")
        rps: dict[str, dict[str, list[float]]] = {q: {s: [] for s in servers} for q, _, _ in queries}
        for _ in range(args.rounds):
            for qname, query, accept in queries:
                for name, (_proc, endpoint) in servers.items():
                    hb.settle([p.pid for p, _ in servers.values()])
                    url = endpoint + "?" + urllib.parse.urlencode({"query": query})
                    rps[qname][name].append(hb.run_wrk(url, accept, args.seconds, args.connections).rps)
        for config in args.configs:
            ratios = []
            for qname, per in rps.items():
                ours, ref = statistics.median(per[config]), statistics.median(per["oxigraph serve"])
                ratios.append(ours / ref)
                rounds = ", ".join(f"{x:.0f}" for x in per[config])
                print(
                    f"{config:28} {qname:28} {ours:8.0f} req/s [{rounds}] / oxigraph serve {ref:8.0f} = {ours / ref:.2f}"
                )
            geo = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
            print(f"{config:28} geometric mean {geo:.3f}")
    finally:
        hb.stop([proc for proc, _ in servers.values()])


if __name__ == "__main__":
    main()
