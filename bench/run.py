"""The scale benchmark: one command, one sitting, 127.0.0.1 only, bounded durations.

    python bench/run.py                 # 100k triples (a few minutes on 2 cores)
    python bench/run.py --size 1m       # 1M triples (optional; longer)
    python bench/run.py --size 10m --phases load,queries,pages,http,virtuoso   # 10M (an hour or more)
    python bench/run.py --size 10k --http-seconds 2   # a quick smoke run

Measures, on synthetic data from bench/generate.py (plus the shipped ontology and seed data):
load time (``policykg load --no-validate`` vs ``oxigraph load``; validated load at 10k and its
cost), reasoning time (reasonable; owlrl vs reasonable at 10k), in-process latency of the named
queries (queries/*.rq with their example arguments) and of the browser's pages
(bench/pages_bench.py), HTTP throughput/latency of the query mix of bench/http_bench.py for
policykg (embedded), policykg on an external `oxigraph serve`, `oxigraph serve` itself and
rdflib-endpoint (when installed, up to --rdflib-max triples), and peak memory (max RSS). Phase
``virtuoso`` adds Virtuoso (bench/virtuoso_bulk.py): bulk load, named queries, pages and HTTP mix.
Prints one table and writes it as Markdown to bench/results/<date>-<size>.md with the machine
description. Wall times are noisy on a shared machine: CPU times (user+sys) are given too.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.metadata as md
import math
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import generate
import http_bench
import virtuoso_bulk

SIZES = {"10k": 10_000, "100k": 100_000, "1m": 1_000_000, "10m": 10_000_000}
ENV = {**os.environ, "PYTHONPATH": str(ROOT), "POLICYKG_LOG_LEVEL": "WARNING"}
PKG = [sys.executable, "-m", "server"]


@dataclass
class Run:
    wall: float
    cpu: float
    rss_mb: float
    out: str
    rc: int
    over_memory: bool = False

    def text(self) -> str:
        return f"{self.wall:.2f} s ({self.cpu:.2f} s CPU)"


def timed(
    cmd: list[str], timeout: float | None = None, env: dict[str, str] | None = None, max_rss_mb: float | None = None
) -> Run:
    """Run a command; wall time, user+sys CPU and max RSS of that child (os.wait4). Killed after
    ``timeout`` s, or (``over_memory``) once its resident memory passes ``max_rss_mb``."""
    with tempfile.TemporaryFile() as out:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env={**ENV, **(env or {})})
        timer = threading.Timer(timeout, proc.kill) if timeout else None
        if timer:
            timer.start()
        done, over = threading.Event(), threading.Event()
        if max_rss_mb:
            threading.Thread(target=_watch_rss, args=(proc, max_rss_mb, done, over), daemon=True).start()
        _, status, ru = os.wait4(proc.pid, 0)
        done.set()
        proc.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - t0
        if timer:
            timer.cancel()
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
    return Run(wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024, text, proc.returncode, over.is_set())


def _watch_rss(proc: subprocess.Popen, limit_mb: float, done: threading.Event, over: threading.Event) -> None:
    """Kill ``proc`` when its resident memory passes ``limit_mb`` (the machine is shared)."""
    while not done.wait(0.5):
        try:
            m = re.search(r"VmRSS:\s+(\d+) kB", Path(f"/proc/{proc.pid}/status").read_text())
        except OSError:
            return
        if m and int(m.group(1)) / 1024 > limit_mb:
            over.set()
            proc.kill()
            return


def must(run: Run, what: str) -> Run:
    if run.rc != 0:
        raise SystemExit(f"{what} failed (exit {run.rc}):\n{run.out[-3000:]}")
    return run


def tree_hwm_mb(pid: int) -> float:
    """Sum of peak RSS (VmHWM) of a process and its descendants (server workers, executors)."""
    total = 0.0
    for p in http_bench.tree(pid):
        try:
            m = re.search(r"VmHWM:\s+(\d+) kB", Path(f"/proc/{p}/status").read_text())
        except OSError:
            continue
        total += int(m.group(1)) / 1024 if m else 0
    return total


def machine() -> str:
    mem = re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text())
    cpu = re.search(r"model name\s*:\s*(.*)", Path("/proc/cpuinfo").read_text())
    versions = []
    for pkg in (
        "pyoxigraph",
        "oxigraph",
        "rdflib",
        "owlrl",
        "reasonable",
        "pyshacl",
        "flask",
        "granian",
        "rdflib-endpoint",
    ):
        try:
            versions.append(f"{pkg} {md.version(pkg)}")
        except md.PackageNotFoundError:
            versions.append(f"{pkg} (not installed)")
    load = os.getloadavg()
    return (
        f"{os.cpu_count()} CPUs ({cpu.group(1) if cpu else '?'}), "
        f"{int(mem.group(1)) / 1024 / 1024:.1f} GiB RAM, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}; "
        + ", ".join(versions)
        + f". Load average at start: {load[0]:.1f} (other work on the machine makes wall times noisy)."
    )


class Table:
    def __init__(self) -> None:
        self.rows: list[list[str]] = []

    def add(self, *cells: object) -> None:
        self.rows.append([str(c) for c in cells])
        print(" | ".join(self.rows[-1]), flush=True)

    def markdown(self, header: list[str]) -> str:
        lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        lines += ["| " + " | ".join(r) + " |" for r in self.rows]
        return "\n".join(lines)


def spread(results: list) -> str:
    """The range of req/s over the rounds, when there was more than one."""
    if len(results) < 2:
        return ""
    return f" [{min(r.rps for r in results):.0f}–{max(r.rps for r in results):.0f}]"


def verdict(ok: bool | None) -> str:
    return "—" if ok is None else ("meets" if ok else "**misses**")


def free_port() -> int:
    return http_bench.free_port()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size", choices=list(SIZES), default="100k")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--http-seconds", type=float, default=3.0, help="seconds per query per server (default 3)")
    ap.add_argument("--connections", type=int, default=4, help="concurrent connections (default 4)")
    ap.add_argument(
        "--http-rounds",
        type=int,
        default=3,
        help="rounds over the HTTP mix, each with new connections; medians are reported (default 3)",
    )
    ap.add_argument("--renders", type=int, default=20, help="renders per page / runs per named query")
    ap.add_argument("--rdflib-max", type=int, default=200_000, help="skip rdflib-endpoint above this size")
    ap.add_argument("--reason-timeout", type=float, default=600, help="give up reasoning after this many s")
    ap.add_argument(
        "--reason-max-gb", type=float, default=12, help="stop reasoning when it holds more memory than this (GB)"
    )
    ap.add_argument("--named-timeout", type=float, default=60, help="give up a named query after this many s")
    ap.add_argument(
        "--phases",
        default="load,reason,queries,pages,http",
        help="comma-separated subset of load,reason,queries,pages,http,virtuoso (load always runs; virtuoso: "
        "the queries, pages and HTTP mix on Virtuoso too, loaded by its bulk loader; needs http)",
    )
    ap.add_argument("--note", action="append", default=[], help="a note to add to the results file")
    ap.add_argument("--named-one", nargs=2, metavar=("STORE", "NAME"), help=argparse.SUPPRESS)
    ap.add_argument("--dump", nargs=2, metavar=("STORE", "FILE"), help=argparse.SUPPRESS)
    ap.add_argument("--workdir", type=Path, help="keep stores here (default: a temporary folder, removed)")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    args = ap.parse_args(argv)
    if args.named_one:
        return named_one(*args.named_one, runs=max(3, args.renders // 4))
    if args.dump:
        return dump(*args.dump)

    n = SIZES[args.size]
    work = args.workdir or Path(tempfile.mkdtemp(prefix="policykg-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    desc = machine()
    print(desc, flush=True)
    t = Table()
    notes: list[str] = list(args.note)
    try:
        run_all(args, n, work, t, notes)
    except Exception as exc:  # noqa: BLE001 - keep what was measured, say what failed
        notes.append(f"the run stopped early: {type(exc).__name__}: {exc}")
        print(f"run stopped early: {exc!r}", file=sys.stderr)
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)
    total = time.monotonic() - started
    path = args.out / f"{dt.date.today().isoformat()}-{args.size}.md"
    title = f"policykg scale benchmark, {args.size} ({n} synthetic triples, seed {args.seed})"
    write_report(path, title, "bench/run.py", sys.argv[1:] if argv is None else argv, total, desc, t, notes)
    print(f"\nwrote {path} ({total:.0f} s)")
    return 0


def write_report(
    path: Path, title: str, script: str, argv: list[str], total: float, desc: str, t: Table, notes: list[str]
) -> None:
    """The Markdown result of a run: the command, the machine, the table and the notes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    body = [
        f"# {title}",
        "",
        (
            f"Command: `python {script} {' '.join(argv)}` — ran in {total:.0f} s on "
            f"{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC."
        ),
        "",
        f"Machine: {desc}",
        "",
        t.markdown(["measure", "policykg", "reference", "ratio", "target", "verdict"]),
        "",
    ]
    if notes:
        body += ["Notes:", ""] + [f"- {x}" for x in notes] + [""]
    path.write_text("\n".join(body), encoding="utf-8")


def run_all(args: argparse.Namespace, n: int, work: Path, t: Table, notes: list[str]) -> None:
    from server.core.namespaces import graph_iri

    data = work / f"bench-{args.size}.nt"
    small = work / "bench-small.ttl"
    real = generate.generate(data, n, args.seed)
    generate.generate(small, 10_000, args.seed)
    graph = graph_iri("http://localhost:8000/id/", data.stem)
    store_a, store_b, store_c, store_d = (work / x for x in ("policykg", "oxigraph-load", "small-valid", "small-bulk"))

    # -- load -----------------------------------------------------------------------------
    must(timed(PKG + ["load", "--no-reason", "--data-dir", str(store_a)]), "seed load")  # ontology + data/
    pk = must(
        timed(PKG + ["load", "--no-validate", "--no-reason", "--data-dir", str(store_a), str(data)]),
        "policykg bulk load",
    )
    oxl = must(
        timed(["oxigraph", "load", "--location", str(store_b), "--file", str(data), "--graph", graph]), "oxigraph load"
    )
    ratio = pk.wall / oxl.wall
    t.add(
        f"load {real} triples (N-Triples), wall",
        pk.text(),
        f"oxigraph load {oxl.text()}",
        f"{ratio:.2f}×",
        "≤ 1.3× at 1M",
        verdict(ratio <= 1.3) if n >= 1_000_000 else f"(1M only) {verdict(ratio <= 1.3)}",
    )
    t.add("load, peak memory", f"{pk.rss_mb:.0f} MB", f"{oxl.rss_mb:.0f} MB", f"{pk.rss_mb / oxl.rss_mb:.2f}×", "", "")
    shutil.rmtree(store_b, ignore_errors=True)
    must(timed(PKG + ["load", "--no-reason", "--no-validate", "--data-dir", str(store_c)]), "small seed")
    must(timed(PKG + ["load", "--no-reason", "--no-validate", "--data-dir", str(store_d)]), "small seed")
    valid = must(timed(PKG + ["load", "--no-reason", "--data-dir", str(store_c), str(small)]), "validated load")
    bulk = must(
        timed(PKG + ["load", "--no-reason", "--no-validate", "--data-dir", str(store_d), str(small)]),
        "bulk load (small)",
    )
    t.add(
        "load 10k with SHACL validation (cost of validation)",
        valid.text(),
        f"--no-validate {bulk.text()}",
        f"{valid.wall / bulk.wall:.1f}×",
        "stated",
        "—",
    )

    # -- reasoning ------------------------------------------------------------------------
    def reason(store: Path, engine: str) -> tuple[Run, float | None]:
        r = timed(
            PKG + ["reason", "--engine", engine, "--data-dir", str(store)],
            timeout=args.reason_timeout,
            max_rss_mb=args.reason_max_gb * 1024,
        )
        m = re.search(r"in ([\d.]+) s", r.out)
        return r, float(m.group(1)) if (r.rc == 0 and m) else None

    phases = set(args.phases.split(","))
    if "reason" not in phases:
        inprocess(args, store_a, t, notes, phases)
        if "http" in phases:
            http(args, n, work, store_a, t, notes)
        return
    r_big, s_big = reason(store_a, "reasonable")
    if s_big is None and r_big.over_memory:
        notes.append(
            f"reasonable over {args.size} was stopped when it held more than {args.reason_max_gb:g} GB "
            f"(after {r_big.wall:.0f} s; the inferred graph is left as it was)."
        )
    elif s_big is None:
        notes.append(f"reasonable over {args.size} did not finish within {args.reason_timeout:g} s (exit {r_big.rc}).")
    asserted = re.search(r"over (\d+) asserted", r_big.out)
    t.add(
        f"reasoning (reasonable) over {asserted.group(1) if asserted else '?'} asserted triples",
        f"{s_big:.2f} s" if s_big is not None else ("over memory" if r_big.over_memory else "did not finish"),
        f"peak {r_big.rss_mb:.0f} MB",
        "",
        "≤ 5 s at 100k",
        verdict(s_big is not None and s_big <= 5) if n == 100_000 else "—",
    )
    _, s_owl = reason(store_c, "owlrl")
    _, s_rsn = reason(store_c, "reasonable")
    if s_owl and s_rsn:
        t.add(
            "reasoning at 10k: owlrl vs reasonable",
            f"owlrl {s_owl:.2f} s",
            f"reasonable {s_rsn:.2f} s",
            f"{s_owl / s_rsn:.1f}×",
            "",
            "—",
        )

    # -- in-process: named queries and pages ------------------------------------------------
    inprocess(args, store_a, t, notes, phases)

    # -- HTTP -------------------------------------------------------------------------------
    if "http" in phases:
        http(args, n, work, store_a, t, notes)


def named_one(store_dir: str, name: str, runs: int) -> int:
    """Child mode: time one named query (median ms of ``runs``; a slow one runs once). ``store_dir``
    ``remote``: the external store of the POLICYKG_STORE_* environment variables."""
    from server.core.settings import Settings
    from server.publish.named_queries import load_queries, run
    from server.store import EmbeddedStore, open_store

    store = open_store(Settings.from_env()) if store_dir == "remote" else EmbeddedStore(store_dir, read_only=True)
    q = load_queries()[name]
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        res = run(store, q, q.example_args())
        if hasattr(res, "__iter__"):  # ASK results are just a boolean
            for _row in res:
                pass
        times.append((time.perf_counter() - t0) * 1000)
        if times[-1] > 2000:
            break
    print(f"MEDIAN_MS {statistics.median(times):.3f}")
    return 0


def dump(store_dir: str, out: str) -> int:
    """Child mode: what ``policykg export --format nq --inferred`` writes (the published graphs and
    the inferred graph), streamed unsorted: the export sorts its lines in memory (1.2 GB at 1M)."""
    import pyoxigraph as ox

    from server.core.settings import Settings
    from server.publish.export import dataset_graphs
    from server.store import EmbeddedStore

    store = EmbeddedStore(store_dir, read_only=True)
    graphs = dataset_graphs(store, Settings.from_env({}, data_dir=store_dir), inferred=True)
    with open(out, "wb") as f:
        ox.serialize((q for g in graphs for q in store.quads(g)), f, ox.RdfFormat.N_QUADS)
    return 0


def inprocess(
    args: argparse.Namespace,
    store_a: Path,
    t: Table,
    notes: list[str],
    phases: set[str],
    remote: dict[str, str] | None = None,
    on: str = "",
) -> None:
    """Named queries and pages in-process: on the embedded store ``store_a``, or on the external
    store of the settings ``remote`` (rows and notes marked with ``on``)."""
    from server.app.factory import create_app
    from server.core.settings import Settings
    from server.store import EmbeddedStore, open_store

    if "queries" in phases:
        try:
            from server.publish.named_queries import load_queries
        except ImportError:
            load_queries = None
        medians, late = [], []
        for name in sorted(load_queries()) if load_queries is not None else []:
            # each in its own process: a runaway query is killed at --named-timeout
            target = "remote" if remote else str(store_a)
            r = timed(
                [sys.executable, __file__, "--named-one", target, name, "--renders", str(args.renders)],
                timeout=args.named_timeout,
                env=remote,
            )
            m = re.search(r"MEDIAN_MS ([\d.]+)", r.out)
            if m:
                medians.append((float(m.group(1)), name))
            elif r.wall < args.named_timeout:  # not stopped: it failed
                late.append(f"{name} (failed: {r.out.strip().splitlines()[-1][:200] if r.out.strip() else r.rc})")
            else:
                late.append(name)
        if medians:
            medians.sort()
            worst = medians[-1]
            t.add(
                f"named queries{on} ({len(medians)} of {len(medians) + len(late)}), median of medians",
                f"{statistics.median([m for m, _ in medians]):.1f} ms",
                f"slowest finished: {worst[1]} {worst[0]:.1f} ms",
                "",
                "",
                "—",
            )
            notes.append(f"named query medians{on} (ms): " + ", ".join(f"{nm} {m:.1f}" for m, nm in medians))
        if late:
            notes.append(f"named queries{on} stopped after {args.named_timeout:g} s or failed: " + ", ".join(late))
    if "pages" not in phases:
        return
    if remote:
        settings = Settings.from_env(remote)
        store = open_store(settings)
    else:
        settings = Settings.from_env({}, data_dir=str(store_a))
        store = EmbeddedStore(store_a, read_only=True)
    try:
        import pages_bench

        client = create_app(settings, store=store).test_client()
        pages = list(pages_bench.DEFAULT_PAGES) + [
            ("resource (synthetic person)", "/page/person/a-7?lang=ru"),
            ("resource (synthetic proposal)", "/page/proposal/p-7?lang=ru"),
            ("data document (synthetic, ttl)", "/data/proposal/p-7.ttl"),
        ]
        for name, path in pages:
            r = pages_bench.bench(client, path, args.renders)
            target = "≤ 20 ms at 1M" if name.startswith("resource (") else ""
            ok = None
            if target and r["median_ms"] is not None and SIZES[args.size] >= 1_000_000:
                ok = r["median_ms"] <= 20
            shown = f"{r['median_ms']:.1f} ms p50" if r["median_ms"] is not None else f"HTTP {r['status']}"
            t.add(
                f"page{on} {name} `{path}`",
                shown,
                f"p90 {r['p90_ms']} ms" if r["p90_ms"] else "",
                "",
                target,
                verdict(ok) if r["median_ms"] is not None else "**error**",
            )
    finally:
        store.close()


def http(args: argparse.Namespace, n: int, work: Path, store_a: Path, t: Table, notes: list[str]) -> None:
    import pyoxigraph as ox

    nq, nt, oxdir = work / "all.nq", work / "all.nt", work / "oxigraph-serve"
    # the inferred graph too, so that every server holds the same quads as policykg
    must(timed([sys.executable, __file__, "--dump", str(store_a), str(nq)]), "dump")
    oxs = must(timed(["oxigraph", "load", "--location", str(oxdir), "--file", str(nq)]), "oxigraph load (serve copy)")
    servers: dict[str, tuple[subprocess.Popen, str]] = {}
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    virtuoso = None
    try:
        if "virtuoso" in args.phases.split(","):
            virtuoso = start_virtuoso(args, work, nq, oxs, t, notes)
            servers["Virtuoso"] = (virtuoso.proc, virtuoso.url + "/sparql")
        port = free_port()
        proc = subprocess.Popen(
            ["oxigraph", "serve", "--location", str(oxdir), "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
            **quiet,
        )
        http_bench.wait_up(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", proc)
        servers["oxigraph serve"] = (proc, f"http://127.0.0.1:{port}/query")
        ox_url = f"sparql+http://127.0.0.1:{port}"
        backends: list[tuple[str, list[str], dict[str, str]]] = [
            ("policykg (embedded)", ["--data-dir", str(store_a)], {}),
            ("policykg → oxigraph", ["--store", ox_url], {}),
        ]
        if virtuoso:
            backends.append(("policykg → Virtuoso", [], virtuoso_bulk.env(virtuoso)))
        for name, store_args, store_env in backends:
            p = free_port()
            proc = subprocess.Popen(PKG + ["serve", "--port", str(p), *store_args], env={**ENV, **store_env}, **quiet)
            http_bench.wait_up(f"http://127.0.0.1:{p}/health", proc)
            servers[name] = (proc, f"http://127.0.0.1:{p}/sparql")
        if n <= args.rdflib_max and shutil.which("rdflib-endpoint"):
            triples = {
                ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(path=str(nq), format=ox.RdfFormat.N_QUADS)
            }
            ox.serialize(triples, str(nt), ox.RdfFormat.N_TRIPLES)
            p = free_port()
            proc = subprocess.Popen(
                ["rdflib-endpoint", "serve", "--host", "127.0.0.1", "--port", str(p), str(nt)], **quiet
            )
            http_bench.wait_up(f"http://127.0.0.1:{p}/?query=ASK%7B%7D", proc, timeout=600)
            servers["rdflib-endpoint"] = (proc, f"http://127.0.0.1:{p}/")
        else:
            notes.append(
                "rdflib-endpoint skipped: "
                + (
                    "not installed"
                    if not shutil.which("rdflib-endpoint")
                    else f"{n} triples > --rdflib-max {args.rdflib_max}"
                )
            )
        # a subject with labels that exists at every size (pick_label_subject sorts all labels: slow at 1M)
        queries = http_bench.mix("http://localhost:8000/id/person/a-7")
        all_results: dict[str, dict] = {}
        # wrk (C, 2 threads) leaves the CPUs to the servers; the Python generator competes with them
        load_generator = http_bench.run_wrk if shutil.which("wrk") else http_bench.run_python
        notes.append(
            f"HTTP load generator: {'wrk -t2' if shutil.which('wrk') else 'Python threads + http.client'}, "
            f"{args.connections} keep-alive connections, {args.http_seconds:g} s per query per server, "
            f"{max(1, args.http_rounds)} rounds over the mix (new connections each; median req/s given, "
            "with the rounds' range in brackets), servers measured one after the other, each once all servers are idle (no server still working off "
            "the previous measurement's requests)"
        )
        settled = 0.0
        order = ["policykg (embedded)", "policykg → oxigraph", "oxigraph serve", "policykg → Virtuoso", "Virtuoso"]
        order.append("rdflib-endpoint")
        rounds: dict[str, dict[str, list[http_bench.Result]]] = {q: {} for q, _, _ in queries}
        # Rounds, each opening new connections: the kernel spreads a server's connections over its
        # worker processes by a hash (SO_REUSEPORT), so one short run can land them all on one worker.
        for _round in range(max(1, args.http_rounds)):
            for qname, query, accept in queries:
                for sname in [s for s in order if s in servers]:
                    url = servers[sname][1] + "?" + urllib.parse.urlencode({"query": query})
                    settled += http_bench.settle([proc.pid for proc, _ in servers.values()])
                    res = load_generator(url, accept, args.http_seconds, args.connections)
                    rounds[qname].setdefault(sname, []).append(res)
        for qname, per_server in rounds.items():
            results = all_results[qname] = {s: http_bench.median_result(rs) for s, rs in per_server.items()}
            ref = results["oxigraph serve"]
            for sname, res in results.items():
                if sname == "oxigraph serve":
                    continue
                ratio = res.rps / ref.rps if ref.rps else float("nan")
                t.add(
                    f"HTTP {qname}: {sname}",
                    f"{res.rps:.0f} req/s{spread(per_server[sname])}, p50 {res.p50_ms:.1f} ms"
                    + (f", {res.errors} errors" if res.errors else ""),
                    f"oxigraph serve {ref.rps:.0f} req/s{spread(per_server['oxigraph serve'])}, p50 {ref.p50_ms:.1f} ms",
                    f"{ratio:.2f}× req/s",
                    "",
                    "—",
                )
        notes.append(f"waited {settled:.0f} s in all for the servers to go idle between measurements")
        # the targets: geometric mean over the mix, policykg (embedded) vs each reference
        ours = "policykg (embedded)"
        for other, target in (("oxigraph serve", 0.5), ("rdflib-endpoint", 10.0)):
            if not all(other in r and r[ours].rps > 0 for r in all_results.values()):
                continue
            # A server that completed no request in a run is slower than connections / seconds
            # req/s: that bound gives a lower bound of the ratio (marked ≥).
            bound = args.connections / args.http_seconds
            ratios = [r[ours].rps / (r[other].rps or bound) for r in all_results.values()]
            bounded = [q for q, r in all_results.items() if not r[other].rps]
            geo = math.exp(sum(math.log(x) for x in ratios) / len(ratios))
            t.add(
                f"HTTP mix, geometric mean of req/s ratios: {ours} / {other}",
                f"{'≥ ' if bounded else ''}{geo:.2f}×",
                ", ".join(f"{'≥ ' if q in bounded else ''}{x:.2f}" for q, x in zip(all_results, ratios)),
                "",
                f"≥ {target:g}× (100k and 1M)",
                verdict(geo >= target),
            )
            if bounded:
                notes.append(
                    f"{other} completed no request of {', '.join(bounded)} within {args.http_seconds:g} s: "
                    f"its rate there is taken as < {bound:.2f} req/s ({args.connections} connections / "
                    f"{args.http_seconds:g} s), so the ratio and the geometric mean are lower bounds (≥)"
                )
        for sname, (proc, _url) in servers.items():
            t.add(f"server peak memory: {sname}", f"{tree_hwm_mb(proc.pid):.0f} MB", "", "", "", "")
        if virtuoso:
            inprocess(args, store_a, t, notes, set(args.phases.split(",")), virtuoso_bulk.env(virtuoso), " on Virtuoso")
    finally:
        http_bench.stop([proc for proc, _url in servers.values() if not virtuoso or proc is not virtuoso.proc])
        if virtuoso:
            virtuoso.stop()


def start_virtuoso(args: argparse.Namespace, work: Path, nq: Path, oxs: Run, t: Table, notes: list[str]):
    """A throw-away Virtuoso holding the export ``nq``, loaded by its bulk loader (timed against
    ``oxigraph load`` of the same file, ``oxs``)."""
    if not virtuoso_bulk.available():
        raise RuntimeError(virtuoso_bulk.MISSING)
    quads = sum(1 for _ in nq.open("rb"))
    server, seconds, cpu = virtuoso_bulk.start_loaded(work / "virtuoso", nq)
    t.add(
        f"load the export ({quads} quads, N-Quads) into Virtuoso: bulk loader, wall",
        f"{seconds:.2f} s ({cpu:.2f} s CPU)",
        f"oxigraph load {oxs.text()}",
        f"{seconds / oxs.wall:.2f}×",
        "",
        "—",
    )
    t.add("Virtuoso after the load, peak memory", f"{tree_hwm_mb(server.proc.pid):.0f} MB", "", "", "", "")
    notes.append(
        "Virtuoso: Debian virtuoso-opensource (virtuoso-t -f, its own folder, tests/virtuoso_server.py), "
        f"NumberOfBuffers {virtuoso_bulk.BUFFERS['NumberOfBuffers']}; loaded with ld_dir + rdf_loader_run + "
        "checkpoint (isql); policykg on it with the three POLICYKG_STORE_*_URL settings and store_dialect virtuoso"
    )
    return server


if __name__ == "__main__":
    raise SystemExit(main())
