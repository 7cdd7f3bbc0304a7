"""Cheap queries, distinct mix, side by side in one session: policykg serve from several trees
(e.g. main = before, this worktree = after) with given workers x threads, the floor app
(bench/floor_app.py) and `oxigraph serve-read-only`. Rounds interleave the servers (each is
started once per round and measured on every query), medians of req/s are printed.

    python bench/path_ab.py --data /tmp/sab/policykg --oxigraph /tmp/sab/oxigraph \\
        --servers before=/work/main:4x6 after=.:4x6 floor=floor:2x1 oxigraph=ox --rounds 3 --seconds 3

A server is name=TREE:WxT (policykg serve with PYTHONPATH=TREE and POLICYKG_WORKERS/THREADS),
name=floor:WxT or name=ox. Reads the stores only. Needs wrk. Never run from the test suite.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import http_bench as hb
import speed_ab

QUERIES = ("label lookup", "DESCRIBE", "CONSTRUCT")
UNITS = 25000


def start(spec: str, data: str, oxigraph: str, port: int) -> tuple[subprocess.Popen, str]:
    """(process, path prefix of queries) of one server, up and answering."""
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    url = f"http://127.0.0.1:{port}"
    if spec == "ox":
        cmd = ["oxigraph", "serve-read-only", "--location", oxigraph, "--bind", f"127.0.0.1:{port}"]
        p = subprocess.Popen([*cmd, "--union-default-graph"], **quiet)
        hb.wait_up(url + "/query?query=ASK%7B%7D", p)
        return p, "/query?query="
    tree, _, shape = spec.rpartition(":")
    workers, threads = shape.split("x")
    if tree == "floor":
        cmd = ["granian", "--interface", "wsgi", "--workers", workers, "--blocking-threads", threads]
        cmd += ["--port", str(port), "--log-level", "warning", "--working-dir", str(ROOT / "bench"), "floor_app:app"]
        p = subprocess.Popen(cmd, env={**os.environ, "FLOOR_STORE": data}, **quiet)
        hb.wait_up(url + "/?query=ASK%7B%7D", p)
        return p, "/sparql?query="
    env = {**os.environ, "PYTHONPATH": str(Path(tree).resolve()), "POLICYKG_LOG_LEVEL": "WARNING"}
    env |= {"POLICYKG_WORKERS": workers, "POLICYKG_THREADS": threads}
    p = subprocess.Popen(
        [sys.executable, "-m", "server", "serve", "--data-dir", data, "--port", str(port)], env=env, **quiet
    )
    hb.wait_up(url + "/health", p)
    return p, "/sparql?query="


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", required=True, help="the policykg store folder (the floor reads it too)")
    ap.add_argument("--oxigraph", required=True, help="the oxigraph store folder")
    ap.add_argument("--servers", nargs="+", required=True)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--seconds", type=float, default=3)
    args = ap.parse_args()
    mix = {q[0]: (q[1], q[2]) for q in speed_ab.MIX}
    servers = dict(s.split("=", 1) for s in args.servers)
    rps: dict[tuple[str, str], list[float]] = {}
    number = 0
    for rnd in range(args.rounds):
        names = list(servers) if rnd % 2 == 0 else list(reversed(servers))
        for name in names:
            port = hb.free_port()
            p, prefix = start(servers[name], args.data, args.oxigraph, port)
            try:
                for query in QUERIES:
                    template, accept = mix[query]
                    path = speed_ab.path_template(prefix, template, UNITS, True)
                    url = f"http://127.0.0.1:{port}"
                    number += 2
                    speed_ab.wrk(url, path, UNITS, number * 10_000_000, accept, 1, 8)  # warm-up
                    r = speed_ab.wrk(url, path, UNITS, (number + 1) * 10_000_000, accept, args.seconds, 8)
                    rps.setdefault((name, query), []).append(r.rps)
                    load = os.getloadavg()[0]
                    print(
                        f"round {rnd + 1} {name:10} {query:14} {r.rps:8.0f} req/s  errors {r.errors}  load {load:.1f}"
                    )
            finally:
                hb.stop([p])
    print(f"\n# distinct mix, wrk -t2 -c8 {args.seconds:g} s, {args.rounds} rounds, medians (req/s)")
    print(f"{'query':14}" + "".join(f"{n:>11}" for n in servers))
    for query in QUERIES:
        print(f"{query:14}" + "".join(f"{statistics.median(rps[(n, query)]):11.0f}" for n in servers))


if __name__ == "__main__":
    main()
