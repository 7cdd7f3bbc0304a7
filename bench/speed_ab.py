"""policykg serve (defaults) against `oxigraph serve-read-only` on the same quads, side by side:
the issue-18 query mix in two forms, interleaved in rounds, medians of req/s and their ratios.

    python bench/speed_ab.py --size 100k --workdir /tmp/sab          # builds the stores once
    python bench/speed_ab.py --size 100k --workdir /tmp/sab --rounds 3 --seconds 3

- ``repeat``: every request of a query is the same text (what a result cache can answer).
- ``distinct``: every request of a query is a different text: the query's constant (a person,
  a proposal, a label number, a LIMIT, an OFFSET) cycles through the data, and a comment
  ``# r<n>`` numbers the request (n unique over the whole bench: wrk's Lua script writes each
  request), so that no text repeats. policykg's result-cache
  hit ratio during the distinct runs is read from /metrics and printed (it should be ~0).

Each (round, mix, query) measures both servers, in alternating order, with wrk (2 threads,
--connections connections) for --seconds each; the ratio policykg / oxigraph of the medians per
query, and their geometric mean per mix, are printed. Needs wrk. Never run from the test suite.
"""

from __future__ import annotations

import argparse
import math
import os
import re
import statistics
import subprocess
import sys
import tempfile
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import generate
import http_bench as hb

SIZES = {"10k": 10_000, "100k": 100_000, "1m": 1_000_000}
ID, PKG = generate.ID, generate.PKG
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
JSON, TURTLE = "application/sparql-results+json", "text/turtle"
HEAVY = {"COUNT GROUP BY", "CONTAINS", "REGEX", "ORDER BY LIMIT"}

#: (name, template, Accept); {k}: a unit number (cycles through the data), {m}: a small number
MIX = [
    ("label lookup", f"SELECT ?l WHERE {{ <{ID}person/a-{{k}}> <{LABEL}> ?l }}", JSON),
    (
        "proposals of a person",
        f"SELECT ?p ?l WHERE {{ ?p <{PKG}proposedBy> <{ID}person/a-{{k}}> ; <{LABEL}> ?l }}",
        JSON,
    ),
    ("COUNT GROUP BY", "SELECT ?c (COUNT(?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c LIMIT {big}", JSON),
    ("2-hop join", "SELECT ?a ?b ?c WHERE { ?a ?p ?b . ?b ?q ?c } LIMIT 100 OFFSET {m}", JSON),
    ("CONTAINS", f'SELECT ?s WHERE {{ ?s <{LABEL}> ?l FILTER(CONTAINS(?l, "№{{k}} ")) }} LIMIT 10', JSON),
    ("REGEX", f'SELECT ?s WHERE {{ ?s <{LABEL}> ?l FILTER(REGEX(?l, "^Proposal No\\\\. {{k}} ")) }} LIMIT 10', JSON),
    ("CONSTRUCT", f"CONSTRUCT {{ ?s <{LABEL}> ?l }} WHERE {{ ?s <{LABEL}> ?l }} LIMIT 100 OFFSET {{m}}", TURTLE),
    ("DESCRIBE", f"DESCRIBE <{ID}proposal/p-{{k}}>", TURTLE),
    (
        "ORDER BY LIMIT",
        "SELECT ?s ?d WHERE { ?s <http://purl.org/dc/terms/date> ?d } ORDER BY DESC(?d) LIMIT {m10}",
        JSON,
    ),
]

LUA = """
-- args: the request's path template (percent-encoded; markers {k} {m} {m10} {big} {r}), the
-- number of units, the first request number of this run. Each request gets its own number r.
local template, units, start
local threads = 0
function setup(thread) thread:set("tid", threads); threads = threads + 1 end
function init(args)
  template, units, start = args[1], tonumber(args[2]), tonumber(args[3])
  n = start + (tid or 0)
end
function request()
  n = n + 2
  local path = template:gsub("{k}", tostring((n * 7919) % units)):gsub("{m}", tostring(n % 97))
  path = path:gsub("{m10}", tostring(10 + n % 40)):gsub("{big}", tostring(1000 + n)):gsub("{r}", tostring(n))
  return wrk.format("GET", path)
end
"""


def fill(template: str, **values: int) -> str:
    for name, value in values.items():
        template = template.replace("{" + name + "}", str(value))
    return template


def path_template(prefix: str, template: str, units: int, distinct: bool) -> str:
    """The request path, percent-encoded, with the markers left for the Lua script (distinct),
    or filled once (repeat: every request the same text)."""
    if not distinct:
        return prefix + urllib.parse.quote(fill(template, k=units // 2, m=7, m10=20, big=1000))
    encoded = urllib.parse.quote(template + "\n# r{r}")
    for marker in ("k", "m", "m10", "big", "r"):
        encoded = encoded.replace(f"%7B{marker}%7D", "{" + marker + "}")
    return prefix + encoded


def build(work: Path, n: int) -> tuple[Path, Path, int]:
    """policykg store (seed + synthetic data, no reasoning) and an oxigraph store with its quads."""
    pkg, ox = work / "policykg", work / "oxigraph"
    data = work / "data.nt"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "POLICYKG_LOG_LEVEL": "WARNING"}
    cmd = [sys.executable, "-m", "server"]
    if not pkg.exists():
        generate.generate(data, n, 1)
        subprocess.run(cmd + ["load", "--no-reason", "--data-dir", str(pkg)], env=env, check=True)
        subprocess.run(
            cmd + ["load", "--no-validate", "--no-reason", "--data-dir", str(pkg), str(data)], env=env, check=True
        )
    if not ox.exists():
        nq = work / "all.nq"
        subprocess.run(cmd + ["export", "--data-dir", str(pkg), "--format", "nq", "-o", str(nq)], env=env, check=True)
        subprocess.run(["oxigraph", "load", "--location", str(ox), "--file", str(nq)], check=True)
    units = sum(1 for line in data.open(encoding="utf-8") if "/person/a-" in line.split(" ", 1)[0] and LABEL in line)
    return pkg, ox, max(1, units // 2)


def wrk(url_base: str, path: str, units: int, start: int, accept: str, seconds: float, connections: int) -> hb.Result:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
        f.write(LUA)
    try:
        out = subprocess.run(
            ["wrk", "-t2", f"-c{connections}", f"-d{seconds:g}s", "--latency", "--timeout", "30s"]
            + ["-H", f"Accept: {accept}", "-s", f.name, url_base, "--", path, str(units), str(start)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    finally:
        os.unlink(f.name)
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = hb._ms(re.search(r"50%\s+(\S+)", out).group(1))
    p99 = hb._ms(re.search(r"99%\s+(\S+)", out).group(1))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return hb.Result(rps, p50, p99, int(bad.group(1)) if bad else 0)


def cache_lookups(url: str) -> tuple[int, int]:
    import requests

    text = requests.get(url + "/metrics", timeout=10).text
    get = lambda o: int(float(re.search(rf'result_cache_lookups_total{{outcome="{o}"}} (\S+)', text).group(1)))
    return get("hit"), get("miss")


def memory_mb(pid: int) -> tuple[float, float]:
    """(RSS, PSS) summed over a process and its descendants, in MB (PSS shares shared pages out)."""
    rolls = [hb.rollup(p) for p in hb.tree(pid)]
    return sum(r.get("Rss", 0.0) for r in rolls), sum(r.get("Pss", 0.0) for r in rolls)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size", choices=SIZES, default="100k")
    ap.add_argument("--workdir", type=Path, required=True)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--seconds", type=float, default=3)
    ap.add_argument("--connections", type=int, default=8)
    ap.add_argument("--mixes", default="repeat,distinct")
    ap.add_argument("--only", default="", help="comma-separated query names (default: all)")
    args = ap.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    pkg, oxdir, units = build(args.workdir, SIZES[args.size])
    env = {**os.environ, "PYTHONPATH": str(ROOT), "POLICYKG_LOG_LEVEL": "WARNING"}
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    p_port, o_port = hb.free_port(), hb.free_port()
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "server", "serve", "--data-dir", str(pkg), "--port", str(p_port)], env=env, **quiet
        ),
        subprocess.Popen(
            ["oxigraph", "serve-read-only", "--location", str(oxdir), "--bind", f"127.0.0.1:{o_port}"]
            + ["--union-default-graph"],
            **quiet,
        ),
    ]
    purl, ourl = f"http://127.0.0.1:{p_port}", f"http://127.0.0.1:{o_port}"
    servers = {"policykg": (purl, "/sparql?query="), "oxigraph": (ourl, "/query?query=")}
    try:
        hb.wait_up(purl + "/health", procs[0])
        hb.wait_up(ourl + "/query?query=ASK%7B%7D", procs[1])
        mixes = [m.strip() for m in args.mixes.split(",")]
        only = {q.strip() for q in args.only.split(",") if q.strip()}
        queries = [q for q in MIX if not only or q[0] in only]
        paths = {
            (mix, name, server): path_template(prefix, template, units, mix == "distinct")
            for mix in mixes
            for name, template, _ in queries
            for server, (_, prefix) in servers.items()
        }
        results: dict[tuple[str, str, str], list[hb.Result]] = {}
        hit_miss = {m: [0, 0] for m in mixes}
        pids = [p.pid for p in procs]
        runs = 0
        for rnd in range(args.rounds):
            for mix in mixes:
                for name, _, accept in queries:
                    order = list(servers) if rnd % 2 == 0 else list(reversed(servers))
                    for server in order:
                        hb.settle(pids)
                        before = cache_lookups(purl) if server == "policykg" else None
                        runs += 1  # every run numbers its requests from its own start: no text repeats
                        r = wrk(
                            servers[server][0],
                            paths[(mix, name, server)],
                            units,
                            runs * 10_000_000,
                            accept,
                            args.seconds,
                            args.connections,
                        )
                        if before is not None:
                            after = cache_lookups(purl)
                            hit_miss[mix][0] += after[0] - before[0]
                            hit_miss[mix][1] += after[1] - before[1]
                        results.setdefault((mix, name, server), []).append(r)
                        print(f"round {rnd + 1} {mix:8} {name:22} {server:9} {r.rps:9.0f} req/s  errors {r.errors}")
        print(f"\n# {args.size}, wrk -t2 -c{args.connections} {args.seconds:g} s, {args.rounds} rounds, medians")
        print(f"{'mix':8} {'query':22} {'policykg':>9} {'oxigraph':>9} {'ratio':>6}  p50 ms (pkg/ox)")
        for mix in mixes:
            ratios, heavy = [], []
            for name, _, _ in queries:
                p = hb.median_result(results[(mix, name, "policykg")])
                o = hb.median_result(results[(mix, name, "oxigraph")])
                ratio = p.rps / o.rps if o.rps else float("nan")
                ratios.append(ratio)
                if name in HEAVY:
                    heavy.append(ratio)
                print(
                    f"{mix:8} {name:22} {p.rps:9.0f} {o.rps:9.0f} {ratio:6.2f}  {p.p50_ms:.2f}/{o.p50_ms:.2f}"
                    + (f"  errors {p.errors}/{o.errors}" if p.errors or o.errors else "")
                )
            geo = math.exp(statistics.fmean(math.log(r) for r in ratios))
            hits, misses = hit_miss[mix]
            line = f"{mix:8} geo-mean {geo:.2f}"
            if heavy:
                line += f"; heavy geo-mean {math.exp(statistics.fmean(math.log(r) for r in heavy)):.2f}"
            print(
                line + f"; policykg result-cache hit ratio {hits / max(1, hits + misses):.3f} ({hits}/{hits + misses})"
            )
        (p_rss, p_pss), (o_rss, _) = memory_mb(procs[0].pid), memory_mb(procs[1].pid)
        print(f"memory after the runs: policykg RSS {p_rss:.0f} MB (PSS {p_pss:.0f} MB), oxigraph RSS {o_rss:.0f} MB")
        print(f"  policykg PSS / oxigraph RSS {p_pss / o_rss:.2f}")
    finally:
        hb.stop(procs)


if __name__ == "__main__":
    main()
