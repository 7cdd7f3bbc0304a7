"""Memory of `policykg serve` against `oxigraph serve-read-only` on the same quads: PSS and RSS of
each process tree, idle and after a distinct query mix, per source tree (before/after in one run).

    python bench/memory.py --size 1m --workdir /tmp/sab1m                      # builds the stores once
    python bench/memory.py --size 1m --workdir /tmp/sab1m --tree /work/main --tree . POLICYKG_WORKERS=2

For each --tree (default: this checkout), policykg is served from that tree (PYTHONPATH) with its
defaults plus the KEY=VALUE environment given, and an Oxigraph server beside it; each is sent the
same requests: --requests of each of four queries of the speed mix (label lookup, DESCRIBE,
2-hop join, proposals of a person), every one a different constant (no cache helps), over
--connections keep-alive connections. Memory is read from /proc/PID/smaps_rollup of every process
of each server's tree: PSS (shared pages shared out, so the sum over a tree counts each page once),
its anonymous part, and RSS. The mix fills both engines' RocksDB block caches and policykg's
result cache; a fixed number of requests (not a duration) makes the pages touched the same from
run to run. Never run from the test suite.
"""

from __future__ import annotations

import argparse
import http.client
import os
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import http_bench as hb
import speed_ab as sa

QUERIES = ("label lookup", "DESCRIBE", "2-hop join", "proposals of a person")
FIELDS = ("Pss", "Pss_Anon", "Rss")


def snapshot(root: int) -> list[tuple[int, str, dict[str, float]]]:
    """(pid, command line, rollup) of every process of a tree."""
    out = []
    for pid in hb.tree(root):
        try:
            cmd = Path(f"/proc/{pid}/cmdline").read_text().replace("\0", " ").strip()
        except OSError:
            continue
        out.append((pid, cmd, hb.rollup(pid)))
    return out


def total(snap: list[tuple[int, str, dict[str, float]]]) -> dict[str, float]:
    return {f: sum(d.get(f, 0.0) for _, _, d in snap) for f in FIELDS}


def send(port: int, paths: list[str], accept: str, connections: int) -> int:
    """GET every path once over ``connections`` keep-alive connections; the number of non-200 answers."""
    bad = [0]
    lock = threading.Lock()

    def client(part: list[str]) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        for path in part:
            conn.request("GET", path, headers={"Accept": accept})
            resp = conn.getresponse()
            resp.read()
            if resp.status != 200:
                with lock:
                    bad[0] += 1
        conn.close()

    threads = [threading.Thread(target=client, args=(paths[i::connections],)) for i in range(connections)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return bad[0]


def mix_paths(prefix: str, units: int, requests: int) -> list[tuple[str, list[str]]]:
    """(Accept, paths) per query: constants cycling through the data, each text different."""
    out = []
    by_name = {name: (template, accept) for name, template, accept in sa.MIX}
    for q, name in enumerate(QUERIES):
        template, accept = by_name[name]
        paths = []
        for n in range(requests):
            text = sa.fill(template, k=(n * 7919) % units, m=n % 997, m10=10 + n % 40, big=1000 + n)
            paths.append(prefix + urllib.parse.quote(f"{text}\n# r{q}-{n}"))
        out.append((accept, paths))
    return out


def show(label: str, snap: list[tuple[int, str, dict[str, float]]]) -> None:
    for pid, cmd, d in snap:
        print(
            f"  {label:9} {pid:7d}  PSS {d.get('Pss', 0):6.1f}  anon {d.get('Pss_Anon', 0):6.1f}  "
            f"RSS {d.get('Rss', 0):6.1f}  {cmd[:70]}"
        )
    t = total(snap)
    print(f"  {label:9} total    PSS {t['Pss']:6.1f}  anon {t['Pss_Anon']:6.1f}  RSS {t['Rss']:6.1f}")


def measure(
    tree: Path, pkg: Path, oxdir: Path, units: int, env_extra: dict[str, str], args: argparse.Namespace
) -> None:
    env = {**os.environ, "PYTHONPATH": str(tree), "POLICYKG_LOG_LEVEL": "WARNING", **env_extra}
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    p_port, o_port = hb.free_port(), hb.free_port()
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "server", "serve", "--data-dir", str(pkg), "--port", str(p_port)],
            env=env,
            cwd=tree,  # ``python -m`` puts the working folder first on the path, before PYTHONPATH
            **quiet,
        ),
        subprocess.Popen(
            ["oxigraph", "serve-read-only", "--location", str(oxdir), "--bind", f"127.0.0.1:{o_port}"]
            + ["--union-default-graph"],
            **quiet,
        ),
    ]
    servers = {"policykg": (procs[0], p_port, "/sparql?query="), "oxigraph": (procs[1], o_port, "/query?query=")}
    try:
        hb.wait_up(f"http://127.0.0.1:{p_port}/health", procs[0])
        hb.wait_up(f"http://127.0.0.1:{o_port}/query?query=ASK%7B%7D", procs[1])
        hb.settle([p.pid for p in procs])
        idle = {name: snapshot(proc.pid) for name, (proc, _, _) in servers.items()}
        errors = {}
        for name, (_, port, prefix) in servers.items():
            errors[name] = sum(
                send(port, paths, accept, args.connections) for accept, paths in mix_paths(prefix, units, args.requests)
            )
        time.sleep(1)
        after = {name: snapshot(proc.pid) for name, (proc, _, _) in servers.items()}
    finally:
        hb.stop(procs)
    print(f"\n== tree {tree}  env {' '.join(f'{k}={v}' for k, v in env_extra.items()) or '(defaults)'}")
    for phase, snaps in (("idle", idle), (f"after {len(QUERIES)} x {args.requests} distinct requests", after)):
        print(f" {phase}:")
        for name, snap in snaps.items():
            show(name, snap)
    p, o = total(after["policykg"]), total(after["oxigraph"])
    print(
        f" after: policykg PSS {p['Pss']:.0f} MB (RSS {p['Rss']:.0f}), oxigraph PSS {o['Pss']:.0f} MB "
        f"(RSS {o['Rss']:.0f}): {p['Pss'] / o['Pss']:.2f}x   non-200 answers {errors}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size", choices=sa.SIZES, default="1m")
    ap.add_argument("--workdir", type=Path, required=True, help="where the stores are built (once) and read")
    ap.add_argument("--tree", type=Path, action="append", help="policykg source tree to serve (repeatable)")
    ap.add_argument("--requests", type=int, default=2000, help="requests per query")
    ap.add_argument("--connections", type=int, default=8)
    ap.add_argument("env", nargs="*", help="KEY=VALUE environment for policykg serve (e.g. POLICYKG_WORKERS=2)")
    args = ap.parse_args()
    env_extra = dict(a.split("=", 1) for a in args.env)
    args.workdir.mkdir(parents=True, exist_ok=True)
    pkg, oxdir, units = sa.build(args.workdir, sa.SIZES[args.size])
    for tree in args.tree or [ROOT]:
        measure(tree.resolve(), pkg, oxdir, units, env_extra, args)


if __name__ == "__main__":
    main()
