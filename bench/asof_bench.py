"""Cost of a past view (``recordedBefore`` / ``asOf``) against the current view, at scale.

    python bench/generate.py --triples 1000000 --seed 1 -o /tmp/bench-1m.nt
    python bench/asof_bench.py /tmp/bench-1m.nt [--graphs 12] [-n 20] [--json bench/results/asof.json] [--dump F.nq]

The file is split into ``--graphs`` graphs, loaded one after the other into an in-memory store as
if month after month, each write recorded in the history graph (server.graph.history), reasoning
run after the middle one and after the last (so a past view has inferences of its own). Then the
same requests are timed in the current view and in the view recorded before the middle of the
story: SPARQL queries through /sparql (the dataset computed per request, as served; the result
cache off, so that every run evaluates) and a resource page. Prints the median of N runs of
each, and the ratio past / current. ``--dump``: also write the built store as N-Quads, for
``bench/asof_strategies.py`` or a later run (``DUMP --recorded-before T``: load it instead of
building); ``--data-dir``: an on-disk store (RocksDB, as served) instead of an in-memory one;
``--strategies N``: then run that script's comparison on the store (medians of N runs).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlencode

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from server.app.factory import create_app
from server.core.namespaces import PKG, graph_iri
from server.core.resources import ontology_files
from server.core.settings import Settings
from server.graph.history import CLI_AGENT, Change, now, record
from server.graph.load import load_files
from server.graph.reason import reason
from server.store import EmbeddedStore

QUERIES = {
    "count persons": f"SELECT (COUNT(?p) AS ?n) {{ ?p a <{PKG}Person> }}",
    "proposals with labels (LIMIT 100)": f"SELECT ?p ?l {{ ?p a <{PKG}Proposal> ; "
    "<http://www.w3.org/2000/01/rdf-schema#label> ?l } LIMIT 100",
    "one resource (DESCRIBE-like)": "SELECT ?p ?o { <http://localhost:8000/id/person/a-0> ?p ?o }",
    "count all triples": "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }",
}
PAGE = "/page/person/a-0"


SETTINGS = {"memory": True, "validate": False, "result_cache_bytes": 0}


def build(path: Path, graphs: int, data_dir: Path | None) -> tuple[EmbeddedStore, Settings, str]:
    """The store after the story, and the time of the middle write (the past view's bound)."""
    settings = Settings.from_env({}, **SETTINGS)
    store = EmbeddedStore(data_dir)
    load_files(store, ontology_files(), settings)
    lines = path.read_bytes().splitlines(keepends=True)
    size = -(-len(lines) // graphs)
    middle = ""
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(graphs):
            part = Path(tmp) / f"month-{i + 1:02d}.nt"
            part.write_bytes(b"".join(lines[i * size : (i + 1) * size]))
            g = graph_iri(settings.base_iri, part.stem)
            store.bulk_load(str(part), ox.RdfFormat.N_TRIPLES, g)
            record(
                store, settings, "load", Change(graphs=[g], complete=False), agent=CLI_AGENT, label=f"load {part.name}"
            )
            if i + 1 == graphs // 2:
                reason(store, settings)
                middle = now().isoformat()
        reason(store, settings)
    return store, settings, middle


def timed(current: Callable[[], None], past: Callable[[], None], n: int) -> tuple[float, float]:
    """Medians of ``n`` runs of each, interleaved (a busy machine slows both alike); one warm-up."""
    current(), past()
    runs: tuple[list[float], list[float]] = ([], [])
    for _ in range(n):
        for fn, out in ((current, runs[0]), (past, runs[1])):
            t = time.perf_counter()
            fn()
            out.append(time.perf_counter() - t)
    return statistics.median(runs[0]), statistics.median(runs[1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", type=Path, help="the generated N-Triples; with --recorded-before, a --dump of a store")
    ap.add_argument("--recorded-before", default=None, help="the past view's bound printed with that dump")
    ap.add_argument("--data-dir", type=Path, default=None, help="an on-disk store here (default: in memory)")
    ap.add_argument("--graphs", type=int, default=12)
    ap.add_argument("-n", type=int, default=20)
    ap.add_argument("--json", type=Path, default=None)
    ap.add_argument("--dump", type=Path, default=None, help="write the built store here (N-Quads)")
    ap.add_argument("--strategies", type=int, default=0, metavar="N", help="then compare ways of passing the dataset")
    args = ap.parse_args()
    started = time.perf_counter()
    if args.recorded_before:
        settings, store, middle = Settings.from_env({}, **SETTINGS), EmbeddedStore(args.data_dir), args.recorded_before
        store.bulk_load(str(args.data), ox.RdfFormat.N_QUADS, None)
    else:
        store, settings, middle = build(args.data, args.graphs, args.data_dir)
    where = args.data_dir or "memory"
    print(
        f"built in {time.perf_counter() - started:.1f} s ({where}): {store.triple_count()} quads; recordedBefore={middle}"
    )
    if args.dump:
        with args.dump.open("wb") as out:
            store.dump(ox.RdfFormat.N_QUADS, output=out)
    client = create_app(settings, store=store).test_client()
    rows = []
    for name, sparql in QUERIES.items():
        cur, past = timed(
            lambda s=sparql: _ok(client.get("/sparql?" + urlencode({"query": s}))),
            lambda s=sparql: _ok(client.get("/sparql?" + urlencode({"query": s, "recordedBefore": middle}))),
            args.n,
        )
        rows.append({"request": name, "current_ms": cur * 1000, "past_ms": past * 1000, "ratio": past / cur})
    cur, past = timed(
        lambda: _ok(client.get(PAGE)),
        lambda: _ok(client.get(PAGE + "?" + urlencode({"recordedBefore": middle}))),
        args.n,
    )
    rows.append(
        {"request": "resource page " + PAGE, "current_ms": cur * 1000, "past_ms": past * 1000, "ratio": past / cur}
    )
    for r in rows:
        print(f"{r['request']:<45} current {r['current_ms']:8.2f} ms  past {r['past_ms']:8.2f} ms  x{r['ratio']:.2f}")
    result: dict[str, object] = {
        "store": "disk" if args.data_dir else "memory",
        "built": "loaded from a dump" if args.recorded_before else "story",
        "quads": store.triple_count(),
        "graphs": args.graphs,
        "runs": args.n,
        "rows": rows,
    }
    if args.strategies:
        from asof_strategies import compare  # the sibling script, needed only for this option

        result["strategies"] = compare(store, settings, middle, args.strategies)
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n")


def _ok(resp: object) -> None:
    status = getattr(resp, "status_code", 0)
    if status != 200:
        raise SystemExit(f"HTTP {status}: {getattr(resp, 'data', b'')[:300]!r}")


if __name__ == "__main__":
    main()
