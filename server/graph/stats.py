"""Counts for `policykg stats` and the home page: graphs, quads, classes with instances. Drafts
are not part of the published data: their graphs are listed apart and counted nowhere else."""

from __future__ import annotations

import pyoxigraph as ox

from server.core.types import JSONObject
from server.store import Store

CLASSES = "SELECT ?class (COUNT(DISTINCT ?s) AS ?n) { ?s a ?class } GROUP BY ?class ORDER BY DESC(?n) ?class"


def class_counts(store: Store, graphs: list[str] | None = None) -> dict[str, int]:
    """Instances per class (named classes only), most first; over ``graphs`` when given, else
    the store's default graph."""
    return {
        sol["class"].value: int(sol["n"].value)
        for sol in store.select(CLASSES, default_graphs=graphs)
        if isinstance(sol["class"], ox.NamedNode)
    }


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
