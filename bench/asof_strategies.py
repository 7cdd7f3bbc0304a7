"""A past view's dataset handed to pyoxigraph in several ways, timed side by side in one run.

    python bench/asof_bench.py /tmp/bench-1m.nt --dump /tmp/asof-1m.nq   # prints recordedBefore=…
    python bench/asof_strategies.py /tmp/asof-1m.nq --recorded-before 2026-…Z [-n 7] [--disk DIR]

Loads the dump (in memory, or into a new on-disk store in DIR), takes the current and the past
dataset as they are served (``store.base.published_dataset``, ``protocol.asof.dataset``) and times
each query, evaluated and read to the end, with its default graph given as

* ``union``: the union of all graphs (what a store with nothing private or apart gets; not the
  view: a lower bound);
* ``iri order``: the explicit list sorted by IRI (the order before ``namespaces.inferences_last``);
* ``inferences last``: the explicit list as served now;
* ``reversed``: that list backwards (the inferences, then the newest graphs first);
* ``FROM``: the same graphs as FROM clauses of the query text;
* ``copy``: the view's quads copied into a store of their own, queried as its union (the copy's
  build time printed apart: what materialising a view per date would cost).

Prints the median of N runs in ms for each query, current and past. ``asof_bench.py
--strategies`` runs the same comparison on the store it built (an in-memory store keeps the
order its quads were written in, which a store loaded from a dump does not).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from server.core.namespaces import DEFAULT_BASE, PKG, PREFIXES
from server.core.settings import Settings
from server.protocol.asof import AsOf, dataset
from server.store import EmbeddedStore
from server.store.base import published_dataset

RDFS = PREFIXES["rdfs"]
# (projection, pattern, modifiers): FROM clauses go between the first two
QUERIES = {
    "count persons": ("SELECT (COUNT(?p) AS ?n)", f"{{ ?p a <{PKG}Person> }}", ""),
    "proposals with labels (LIMIT 100)": (
        "SELECT ?p ?l",
        f"{{ ?p a <{PKG}Proposal> ; <{RDFS}label> ?l }}",
        "LIMIT 100",
    ),
    "labels (LIMIT 100)": ("SELECT ?p ?l", f"{{ ?p <{RDFS}label> ?l }}", "LIMIT 100"),
    "inferred-only type (LIMIT 100)": ("SELECT ?p", f"{{ ?p a <{PREFIXES['prov']}Agent> }}", "LIMIT 100"),
    "one resource": ("SELECT ?p ?o", f"{{ <{DEFAULT_BASE}person/a-0> ?p ?o }}", ""),
    "count all triples": ("SELECT (COUNT(*) AS ?n)", "{ ?s ?p ?o }", ""),
}


def median_ms(fn: Callable[[], object], n: int) -> float:
    fn()
    runs = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t)
    return statistics.median(runs) * 1000


def drain(result: object) -> None:
    if isinstance(result, ox.QuerySolutions):
        for _ in result:
            pass


def compare(store: EmbeddedStore, settings: Settings, recorded_before: str, n: int) -> list[dict[str, object]]:
    """Times every query with every way of passing the current and the past dataset; prints a
    table and returns its rows."""
    raw = store._current()[0]
    current = published_dataset(store, store.graph_names(), "", None)
    assert current is not None
    past, _ = dataset(store, settings, AsOf(None, datetime.fromisoformat(recorded_before)))
    views = {"current": current[0], "past": past}
    copies = {}
    for name, graphs in views.items():
        t = time.perf_counter()
        copy = ox.Store()
        copy.bulk_extend(q for g in graphs for q in raw.quads_for_pattern(None, None, None, ox.NamedNode(g)))
        copies[name] = copy
        print(f"copy of the {name} view: {len(copy)} quads in {time.perf_counter() - t:.1f} s")

    def strategies(graphs: list[str], copy: ox.Store) -> dict[str, Callable[[tuple[str, str, str]], object]]:
        nodes = [ox.NamedNode(g) for g in graphs]
        from_clauses = " ".join(f"FROM <{g}>" for g in graphs)
        return {
            "union": lambda q: raw.query(" ".join(q), use_default_graph_as_union=True),
            "iri order": lambda q: raw.query(" ".join(q), default_graph=sorted(nodes, key=lambda n: n.value)),
            "inferences last": lambda q: raw.query(" ".join(q), default_graph=nodes),
            "reversed": lambda q: raw.query(" ".join(q), default_graph=nodes[::-1]),
            "FROM": lambda q: raw.query(f"{q[0]} {from_clauses} {q[1]} {q[2]}"),
            "copy": lambda q: copy.query(" ".join(q), use_default_graph_as_union=True),
        }

    names = list(strategies([], copies["past"]))
    print(f"{'query (median ms)':<36} {'view':<8}" + "".join(f"{s:>16}" for s in names))
    rows: list[dict[str, object]] = []
    for label, q in QUERIES.items():
        for view, graphs in views.items():
            runs = strategies(graphs, copies[view])
            cells = [median_ms(lambda fn=fn, q=q: drain(fn(q)), n) for fn in runs.values()]
            print(f"{label:<36} {view:<8}" + "".join(f"{c:16.2f}" for c in cells), flush=True)
            rows.append({"query": label, "view": view, **dict(zip(names, cells, strict=True))})
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dump", type=Path)
    ap.add_argument("--recorded-before", required=True)
    ap.add_argument("-n", type=int, default=7)
    ap.add_argument("--disk", type=Path, default=None, help="load into a new on-disk store here")
    args = ap.parse_args()
    settings = Settings.from_env({}, memory=True, validate=False)
    store = EmbeddedStore(args.disk, base_iri=settings.base_iri)
    t = time.perf_counter()
    store.bulk_load(str(args.dump), ox.RdfFormat.N_QUADS, None)
    print(
        f"loaded {store.triple_count()} quads in {time.perf_counter() - t:.1f} s ({'disk' if args.disk else 'memory'})"
    )
    compare(store, settings, args.recorded_before, args.n)


if __name__ == "__main__":
    main()
