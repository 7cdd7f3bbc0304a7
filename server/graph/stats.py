"""Counts for `policykg stats` and the home page: graphs, quads, classes with instances. Drafts
are not part of the published data: their graphs are listed apart and counted nowhere else."""

from __future__ import annotations

import pyoxigraph as ox

from server.core.types import JSONObject
from server.store import Store
from server.store.delta import Delta

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
CLASSES = "SELECT ?class (COUNT(DISTINCT ?s) AS ?n) { ?s a ?class } GROUP BY ?class ORDER BY DESC(?n) ?class"


def class_counts(store: Store, graphs: list[str] | None = None) -> dict[str, int]:
    """Instances per class (named classes only), most first; over ``graphs`` when given, else
    the store's default graph."""
    return {
        sol["class"].value: int(sol["n"].value)
        for sol in store.select(CLASSES, default_graphs=graphs)
        if isinstance(sol["class"], ox.NamedNode)
    }


def updated_counts(counts: dict[str, int], deltas: list[Delta]) -> dict[str, int]:
    """``class_counts`` after the writes ``deltas`` (server.store.delta): an instance is counted
    once per class, so each ``rdf:type`` triple that appears in or vanishes from the published
    data adds or takes one."""
    out = dict(counts)
    for d in deltas:
        for triples, step in ((d.shown, 1), (d.hidden, -1)):
            for t in triples:
                if t.predicate.value == RDF_TYPE and isinstance(t.object, ox.NamedNode):
                    out[t.object.value] = out.get(t.object.value, 0) + step
    return {c: n for c, n in sorted(out.items(), key=lambda kv: (-kv[1], kv[0])) if n > 0}


def compute(store: Store) -> JSONObject:
    every = store.graphs()
    graphs = [{"iri": g.iri, "triples": g.triples} for g in every if not store.is_private(g.iri)]
    history = (store.private_prefix or "") + ".history/"  # kept inferences (server.graph.history): not drafts
    drafts = [
        {"iri": g.iri, "triples": g.triples} for g in every if store.is_private(g.iri) and not g.iri.startswith(history)
    ]
    classes = [{"class": c, "instances": n} for c, n in class_counts(store).items()]
    quads = store.triple_count() - sum(g.triples for g in every if store.is_private(g.iri))
    return {"graphs": graphs, "quads": quads, "classes": classes, "drafts": drafts}
