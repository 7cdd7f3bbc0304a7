"""Counts for `policykg stats` and the home page: graphs, quads, classes with instances."""

from __future__ import annotations

from typing import Any

from server.store import Store

CLASSES = "SELECT ?class (COUNT(DISTINCT ?s) AS ?n) { ?s a ?class } GROUP BY ?class ORDER BY DESC(?n) ?class"


def compute(store: Store) -> dict[str, Any]:
    graphs = [{"iri": g.iri, "triples": g.triples} for g in store.graphs()]
    classes = [{"class": sol["class"].value, "instances": int(sol["n"].value)} for sol in store.query(CLASSES)]
    return {"graphs": graphs, "quads": store.triple_count(), "classes": classes}
