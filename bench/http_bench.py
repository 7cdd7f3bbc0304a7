"""HTTP benchmark: the same query mix against policykg (Granian workers, on-disk store),
`oxigraph serve` (PyPI `oxigraph`) and, when installed, rdflib-endpoint (pure rdflib).

    python bench/http_bench.py                      # the shipped seed data (tiny)
    python bench/http_bench.py --data big.nt        # any RDF file (e.g. from bench/generate.py)
    python bench/http_bench.py --duration 15 --connections 8 --tool wrk

Every server gets the same quads (policykg loads the data, exports N-Quads, oxigraph loads
those; rdflib-endpoint gets the union as N-Triples) and is queried on 127.0.0.1 with the
default graph as the union of all graphs. Each query runs for --duration seconds per
server. Prints req/s, p50 and p99 per query and server, the ratio policykg / other, and the
geometric mean of the ratios. Uses `wrk` when installed (--tool auto), else a Python
keep-alive load generator (threads + http.client). Never run from the test suite.
"""

from __future__ import annotations

import argparse
import http.client
import math
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import requests

ROOT = Path(__file__).resolve().parents[1]
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
JSON = "application/sparql-results+json"
TURTLE = "text/turtle"


def mix(label_iri: str) -> list[tuple[str, str, str]]:
    """(name, query, Accept) of the query mix."""
    return [
        ("label lookup", f"SELECT ?l WHERE {{ <{label_iri}> <{RDFS_LABEL}> ?l }}", JSON),
        ("2-hop join LIMIT 100", "SELECT ?a ?b ?c WHERE { ?a ?p ?b . ?b ?q ?c } LIMIT 100", JSON),
        ("COUNT", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", JSON),
        (
            "CONSTRUCT labels LIMIT 100",
            f"CONSTRUCT {{ ?s <{RDFS_LABEL}> ?l }} WHERE {{ ?s <{RDFS_LABEL}> ?l }} LIMIT 100",
            TURTLE,
        ),
    ]


@dataclass
class Result:
    rps: float
    p50_ms: float
    p99_ms: float
    errors: int


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_up(url: str, proc: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited ({proc.returncode}): {url}")
        try:
            if requests.get(url, timeout=2).status_code < 500:
                return
        except requests.RequestException:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"server did not come up: {url}")


# -- load generators ------------------------------------------------------------------------
def run_python(url: str, accept: str, duration: float, connections: int) -> Result:
    parts = urllib.parse.urlsplit(url)
    path = parts.path + "?" + parts.query
    latencies: list[list[float]] = [[] for _ in range(connections)]
    errors = [0] * connections
    deadline = time.monotonic() + duration

    def worker(i: int) -> None:
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        while time.monotonic() < deadline:
            t0 = time.perf_counter()
            try:
                conn.request("GET", path, headers={"Accept": accept})
                resp = conn.getresponse()
                resp.read()
                if resp.status != 200:
                    errors[i] += 1
            except (OSError, http.client.HTTPException):
                errors[i] += 1
                conn.close()
                conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
                continue
            latencies[i].append(time.perf_counter() - t0)
        conn.close()

    started = time.monotonic()
    threads = [threading.Thread(target=worker, args=(i,)) for i in range(connections)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - started
    lat = sorted(x for per in latencies for x in per)
    if not lat:
        return Result(0.0, math.nan, math.nan, sum(errors))
    p = lambda q: lat[min(len(lat) - 1, int(q * len(lat)))] * 1000
    return Result(len(lat) / elapsed, statistics.median(lat) * 1000, p(0.99), sum(errors))


def median_result(results: list[Result]) -> Result:
    """Several runs of one measurement as one: median req/s, p50 and p99; errors summed."""
    return Result(
        statistics.median(r.rps for r in results),
        statistics.median(r.p50_ms for r in results),
        statistics.median(r.p99_ms for r in results),
        sum(r.errors for r in results),
    )


def _ms(text: str) -> float:
    m = re.match(r"([\d.]+)(us|ms|s)", text)
    if not m:
        return math.nan
    value, unit = float(m.group(1)), m.group(2)
    return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value


def run_wrk(url: str, accept: str, duration: float, connections: int) -> Result:
    out = subprocess.run(
        # --timeout: a slow server's answers are measured, not counted as socket timeouts (wrk: 2 s)
        [
            "wrk",
            "-t2",
            f"-c{connections}",
            f"-d{int(duration)}s",
            "--timeout",
            "60s",
            "--latency",
            "-H",
            f"Accept: {accept}",
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = re.search(r"^\s+50%\s+(\S+)", out, re.MULTILINE)
    p99 = re.search(r"^\s+99%\s+(\S+)", out, re.MULTILINE)
    errs = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    n_err = (int(errs.group(1)) if errs else 0) + (sum(int(x) for x in sock.groups()) if sock else 0)
    return Result(rps, _ms(p50.group(1)) if p50 else math.nan, _ms(p99.group(1)) if p99 else math.nan, n_err)


def tree(pid: int) -> list[int]:
    """A process and its descendants."""
    children: dict[int, list[int]] = {}
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                ppid = int((d / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(d.name))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children.get(p, []))
    return out


def rollup(pid: int) -> dict[str, float]:
    """smaps_rollup of one process, in MB ({} once it has gone)."""
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return {}
    return {k: int(v) / 1024 for k, v in re.findall(r"^(\w+):\s+(\d+) kB", text, re.MULTILINE)}


def tree_cpu_seconds(pids: list[int]) -> float:
    """CPU time (user + system) used so far by these processes and their descendants."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for root in pids:
        for p in tree(root):
            try:
                fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / tick


def settle(pids: list[int], idle: float = 0.02, window: float = 0.5, limit: float = 120) -> float:
    """Wait until the servers are idle (less than ``idle`` of a core over ``window`` s): a
    server still working off the requests of the previous measurement (rdflib-endpoint takes
    seconds per COUNT at 100k) must not take CPU from the next one. Returns the seconds waited."""
    start = time.monotonic()
    before = tree_cpu_seconds(pids)
    while time.monotonic() - start < limit:
        time.sleep(window)
        now = tree_cpu_seconds(pids)
        if now - before <= idle * window:
            break
        before = now
    return time.monotonic() - start


# -- servers --------------------------------------------------------------------------------
def prepare(work: Path, data: Path | None) -> tuple[Path, Path, Path, Path]:
    """policykg store, oxigraph store, N-Quads and N-Triples dumps holding the same data."""
    pkg, oxdir, nq, nt = work / "policykg", work / "oxigraph", work / "all.nq", work / "all.nt"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    load = [sys.executable, "-m", "server", "load", "--data-dir", str(pkg)]
    if data is not None:
        load += ["--no-validate", "--no-reason", str(data)]
    subprocess.run(load, check=True, env=env, stdout=subprocess.DEVNULL)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "server",
            "export",
            "--data-dir",
            str(pkg),
            "--format",
            "nq",
            "--inferred",
            "-o",
            str(nq),
        ],
        check=True,
        env=env,
        stderr=subprocess.DEVNULL,
    )
    subprocess.run(
        ["oxigraph", "load", "--location", str(oxdir), "--file", str(nq)],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    with nq.open("rb") as src:
        triples = {ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(src, ox.RdfFormat.N_QUADS)}
    ox.serialize(triples, str(nt), ox.RdfFormat.N_TRIPLES)
    return pkg, oxdir, nq, nt


def start_servers(names: list[str], pkg: Path, oxdir: Path, nt: Path) -> dict[str, tuple[subprocess.Popen, str]]:
    servers: dict[str, tuple[subprocess.Popen, str]] = {}
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    if "policykg" in names:
        port = free_port()
        env = {**os.environ, "PYTHONPATH": str(ROOT), "POLICYKG_LOG_LEVEL": "WARNING"}
        proc = subprocess.Popen(
            [sys.executable, "-m", "server", "serve", "--data-dir", str(pkg), "--port", str(port)], env=env, **quiet
        )
        wait_up(f"http://127.0.0.1:{port}/health", proc)
        servers["policykg"] = (proc, f"http://127.0.0.1:{port}/sparql")
    if "oxigraph" in names:
        port = free_port()
        proc = subprocess.Popen(
            ["oxigraph", "serve", "--location", str(oxdir), "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
            **quiet,
        )
        wait_up(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", proc)
        servers["oxigraph"] = (proc, f"http://127.0.0.1:{port}/query")
    if "rdflib-endpoint" in names:
        exe = shutil.which("rdflib-endpoint")
        if exe is None:
            print("rdflib-endpoint not installed (pip install rdflib-endpoint): skipped", file=sys.stderr)
        else:
            port = free_port()
            proc = subprocess.Popen([exe, "serve", "--host", "127.0.0.1", "--port", str(port), str(nt)], **quiet)
            # rdflib-endpoint's CLI serves the SPARQL endpoint at "/"
            wait_up(f"http://127.0.0.1:{port}/?query=ASK%7B%7D", proc)
            servers["rdflib-endpoint"] = (proc, f"http://127.0.0.1:{port}/")
    return servers


def stop(procs: list[subprocess.Popen], wait: float = 15) -> None:
    """Terminate servers, then kill those still running after ``wait`` seconds."""
    for proc in procs:
        proc.terminate()
    for proc in procs:
        try:
            proc.wait(wait)
        except subprocess.TimeoutExpired:
            proc.kill()


def pick_label_subject(endpoint: str) -> str:
    # an IRI: blank nodes sort first, and a blank node's label cannot be written into a query
    q = f"SELECT ?s WHERE {{ ?s <{RDFS_LABEL}> ?l FILTER(isIRI(?s)) }} ORDER BY ?s LIMIT 1"
    r = requests.get(endpoint, params={"query": q}, headers={"Accept": JSON}, timeout=30)
    r.raise_for_status()
    return r.json()["results"]["bindings"][0]["s"]["value"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, help="RDF file to load (default: the shipped ontology + data, reasoned)")
    ap.add_argument("--duration", type=float, default=10, help="seconds per query per server (default 10)")
    ap.add_argument("--connections", type=int, default=8, help="concurrent keep-alive connections (default 8)")
    ap.add_argument("--tool", choices=["auto", "wrk", "python"], default="auto")
    ap.add_argument("--servers", default="policykg,oxigraph,rdflib-endpoint")
    ap.add_argument("--workdir", type=Path, help="keep the stores here (default: a temporary folder)")
    args = ap.parse_args()
    tool = args.tool if args.tool != "auto" else ("wrk" if shutil.which("wrk") else "python")
    run = run_wrk if tool == "wrk" else run_python
    work = args.workdir or Path(tempfile.mkdtemp(prefix="policykg-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    names = [n.strip() for n in args.servers.split(",") if n.strip()]
    pkg, oxdir, _nq, nt = prepare(work, args.data)
    servers = start_servers(names, pkg, oxdir, nt)
    try:
        first = next(iter(servers.values()))[1]
        queries = mix(pick_label_subject(first))
        quads = sum(1 for _ in ox.parse(path=str(_nq), format=ox.RdfFormat.N_QUADS))
        print(
            f"# {quads} quads; {tool}, {args.connections} connections, {args.duration:g} s per query per server; "
            f"{os.cpu_count()} CPUs"
        )
        table: dict[str, dict[str, Result]] = {}
        for qname, query, accept in queries:
            table[qname] = {}
            for sname, (_proc, endpoint) in servers.items():
                url = endpoint + "?" + urllib.parse.urlencode({"query": query})
                settle([proc.pid for proc, _ in servers.values()])  # none still busy with the last run
                res = run(url, accept, args.duration, args.connections)
                table[qname][sname] = res
                print(
                    f"{qname:28} {sname:16} {res.rps:9.1f} req/s  p50 {res.p50_ms:8.2f} ms  "
                    f"p99 {res.p99_ms:8.2f} ms  errors {res.errors}",
                    flush=True,
                )
        for other in [s for s in servers if s != "policykg"]:
            if "policykg" not in servers:
                break
            ratios = [table[q]["policykg"].rps / table[q][other].rps for q in table if table[q][other].rps > 0]
            for q in table:
                if table[q][other].rps > 0:
                    print(f"ratio policykg/{other:16} {q:28} {table[q]['policykg'].rps / table[q][other].rps:6.2f}x")
            if ratios:
                geo = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
                print(f"geometric mean policykg/{other}: {geo:.2f}x")
    finally:
        stop([proc for proc, _url in servers.values()])
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
