"""Virtuoso alone in the scale benchmark at one size (the part ``bench/run.py --phases virtuoso``
adds, run by itself): the loader is bench/virtuoso_bulk.py.

    python bench/virtuoso_scale.py --size 10m [--phases queries,pages,http] [--workdir DIR]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from virtuoso_bulk import BUFFERS, env, start_loaded


def main(argv: list[str] | None = None) -> int:
    """Virtuoso alone at one size: the same data as ``bench/run.py --size SIZE`` (the shipped seed
    with its inferences, the synthetic file in its graph), bulk-loaded; then named queries and
    pages in-process and the HTTP query mix, on policykg → Virtuoso and on Virtuoso itself."""
    import argparse
    import datetime as dt
    import statistics
    import subprocess
    import tempfile
    import urllib.parse

    import generate
    import http_bench
    import run

    from server.core.namespaces import graph_iri

    ap = argparse.ArgumentParser(description=main.__doc__.split("\n")[0] if main.__doc__ else None)
    ap.add_argument("--size", choices=list(run.SIZES), default="100k")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--http-seconds", type=float, default=3.0)
    ap.add_argument("--http-rounds", type=int, default=2)
    ap.add_argument("--connections", type=int, default=4)
    ap.add_argument("--renders", type=int, default=5)
    ap.add_argument("--named-timeout", type=float, default=30)
    ap.add_argument("--phases", default="queries,pages,http")
    ap.add_argument("--workdir", type=Path, help="keep the data and Virtuoso's database here")
    ap.add_argument("--out", type=Path, default=run.ROOT / "bench" / "results")
    args = ap.parse_args(argv)
    work = args.workdir or Path(tempfile.mkdtemp(prefix="policykg-virtuoso-scale-"))
    (work / "nq").mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    desc = run.machine()
    t, notes = run.Table(), []
    data = work / f"bench-{args.size}.nt"
    generate.generate(data, run.SIZES[args.size], args.seed)
    run.must(run.timed(run.PKG + ["load", "--data-dir", str(work / "seed")]), "seed load")  # with its inferences
    nq = work / "nq" / "all.nq"
    run.must(run.timed([sys.executable, str(Path(run.__file__)), "--dump", str(work / "seed"), str(nq)]), "dump")
    graph = f" <{graph_iri('http://localhost:8000/id/', data.stem)}> .\n".encode()
    with nq.open("ab") as out, data.open("rb") as src:
        out.writelines(line[:-3] + graph for line in src if line.endswith(b" .\n"))
    quads = sum(1 for _ in nq.open("rb"))
    server, seconds, cpu = start_loaded(work / "virtuoso", nq)
    servers = {"Virtuoso": (server.proc, server.url + "/sparql")}
    try:
        t.add(
            f"load the export ({quads} quads, N-Quads) into Virtuoso: bulk loader, wall",
            f"{seconds:.2f} s ({cpu:.2f} s CPU)",
            "",
            "",
            "",
            "",
        )
        t.add("Virtuoso after the load, peak memory", f"{run.tree_hwm_mb(server.proc.pid):.0f} MB", "", "", "", "")
        phases = set(args.phases.split(","))
        run.inprocess(args, Path(), t, notes, phases, env(server), " on Virtuoso")
        if "http" in phases:
            p = run.free_port()
            proc = subprocess.Popen(
                run.PKG + ["serve", "--port", str(p)],
                env={**run.ENV, **env(server)},
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            servers["policykg → Virtuoso"] = (proc, f"http://127.0.0.1:{p}/sparql")
            http_bench.wait_up(f"http://127.0.0.1:{p}/health", proc)
            for qname, query, accept in http_bench.mix("http://localhost:8000/id/person/a-7"):
                for sname, (_proc, url) in servers.items():
                    results = []
                    for _ in range(max(1, args.http_rounds)):
                        http_bench.settle([pr.pid for pr, _ in servers.values()])
                        full = url + "?" + urllib.parse.urlencode({"query": query})
                        results.append(http_bench.run_wrk(full, accept, args.http_seconds, args.connections))
                    res = http_bench.median_result(results)
                    rps = statistics.median(r.rps for r in results)
                    t.add(f"HTTP {qname}: {sname}", f"{rps:.0f} req/s, p50 {res.p50_ms:.1f} ms", "", "", "", "")
            for sname, (pr, _url) in servers.items():
                t.add(f"server peak memory: {sname}", f"{run.tree_hwm_mb(pr.pid):.0f} MB", "", "", "", "")
    finally:
        http_bench.stop([pr for name, (pr, _) in servers.items() if name != "Virtuoso"])
        server.stop()
    total = time.monotonic() - started
    path = args.out / f"{dt.date.today().isoformat()}-virtuoso-{args.size}.md"
    title = f"policykg on Virtuoso, {args.size} ({run.SIZES[args.size]} synthetic triples, seed {args.seed})"
    notes.append(f"Virtuoso: NumberOfBuffers {BUFFERS['NumberOfBuffers']}; ld_dir + rdf_loader_run + checkpoint (isql)")
    argv_used = sys.argv[1:] if argv is None else argv
    run.write_report(path, title, "bench/virtuoso_scale.py", argv_used, total, desc, t, notes)
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    raise SystemExit(main())
