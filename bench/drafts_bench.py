"""What keeping drafts out of the default graph costs a query.

    python bench/drafts_bench.py [--triples 100000] [--drafts 5] [--repeat 50] [--out bench/results/drafts-dataset.md]

An on-disk embedded store with the synthetic data (bench/generate.py) in one graph, the ontology
in another, and ``--drafts`` small draft graphs. Each query is timed (median of ``--repeat`` runs,
results read to the end) four ways:

- ``union``: pyoxigraph with ``use_default_graph_as_union`` (what policykg did before; with drafts
  present it is the wrong answer, timed for the cost only);
- ``list``: pyoxigraph with the explicit ``default_graph`` / ``named_graphs`` lists that leave the
  drafts out (the evaluation alone);
- ``store, no drafts``: ``EmbeddedStore.query`` on the same data without drafts (it takes the union);
- ``store, drafts``: ``EmbeddedStore.query`` with drafts present: the graph listing, the lexing of
  queries that may name a draft, and the list evaluation.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

ID = "http://localhost:8000/id/"
PFX = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX pkg: <https://w3id.org/policykg/ontology/>\n"
QUERIES = {
    "label of one IRI": PFX + f"SELECT ?l {{ <{ID}person/a-7> rdfs:label ?l }}",
    "2-hop join, LIMIT 100": PFX + "SELECT ?p ?o ?l { ?p a pkg:Person ; ?r ?o . ?o rdfs:label ?l } LIMIT 100",
    "class counts (browser)": "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) { ?s a ?c } GROUP BY ?c",
    "COUNT(*)": "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }",
    "GRAPH ?g, one pattern": PFX + "SELECT ?g ?s { GRAPH ?g { ?s a pkg:Person } } LIMIT 100",
}


def timed(fns: dict, repeat: int) -> dict[str, float]:
    """Median ms of each function's query, the functions taking turns (drift hits all alike)."""
    times: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(repeat):
        for name, fn in fns.items():
            t0 = time.perf_counter()
            for _row in fn():
                pass
            times[name].append(time.perf_counter() - t0)
    return {name: statistics.median(t) * 1000 for name, t in times.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--triples", type=int, default=100_000)
    ap.add_argument("--drafts", type=int, default=5)
    ap.add_argument("--repeat", type=int, default=50)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "drafts-dataset.md")
    args = ap.parse_args()

    import pyoxigraph as ox
    from generate import generate

    from server.core.namespaces import draft_graph
    from server.core.resources import ontology_files
    from server.store import EmbeddedStore

    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data.nt"
        n = generate(data, args.triples)
        st = EmbeddedStore(Path(tmp) / "store")
        st.bulk_load(str(data), ox.RdfFormat.N_TRIPLES, ID + "graph/bench")
        for path in ontology_files():
            st.load(Path(path).read_bytes(), ox.RdfFormat.TURTLE, ID + "graph/ontology")
        rows: dict[str, dict[str, float]] = {name: {} for name in QUERIES}
        for name, q in QUERIES.items():
            rows[name].update(timed({"store, no drafts": lambda q=q: st.query(q)}, args.repeat))
        for k in range(args.drafts):
            draft = "".join(
                f"<{ID}person/draft{k}-{i}> a <https://w3id.org/policykg/ontology/Person> ; "
                f'<http://www.w3.org/2000/01/rdf-schema#label> "Черновик {k}-{i}"@ru .\n'
                for i in range(100)
            )
            st.load(draft, ox.RdfFormat.TURTLE, draft_graph(ID, f"d{k}"))
        raw = st.raw
        names = [g.value for g in raw.named_graphs()]
        public = [ox.NamedNode(g) for g in names if not st.is_private(g)]
        for name, q in QUERIES.items():
            rows[name].update(
                timed(
                    {
                        "union": lambda q=q: raw.query(q, use_default_graph_as_union=True),
                        "list": lambda q=q: raw.query(
                            q, default_graph=[ox.DefaultGraph(), *public], named_graphs=public
                        ),
                        "store, drafts": lambda q=q: st.query(q),
                    },
                    args.repeat,
                )
            )
        t0 = time.perf_counter()
        for _ in range(1000):
            raw.named_graphs()
        listing = time.perf_counter() - t0
        st.close()

    cols = ["union", "list", "store, no drafts", "store, drafts"]
    command = f"python bench/drafts_bench.py --triples {args.triples} --drafts {args.drafts} --repeat {args.repeat}"
    lines = [
        f"# Drafts out of the default graph: cost per query ({n} triples on disk, {args.drafts} drafts)",
        "",
        f"`{command}`; median ms of each query, results read to the end.",
        "",
        "| query | " + " | ".join(cols) + " | list / union |",
        "|---|" + "---:|" * (len(cols) + 1),
    ]
    for name, r in rows.items():
        lines.append(f"| {name} | " + " | ".join(f"{r[c]:.3f}" for c in cols) + f" | {r['list'] / r['union']:.2f} |")
    per_call = f"{listing * 1000:.1f} µs a call"
    lines += ["", f"Listing the named graphs (pyoxigraph `Store.named_graphs()`, {len(names)} graphs): {per_call}.", ""]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
