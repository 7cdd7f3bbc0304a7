"""Exports of the dataset or one graph (the export issue makes the Turtle deterministic)."""

from __future__ import annotations

from . import formats
from .settings import Settings
from .store import Store


def export_bytes(store: Store, settings: Settings, *, graph: str | None = None, fmt: str | None = None) -> bytes:
    f = formats.by_name(fmt or ("ttl" if graph else "trig"))
    if graph is None and not f.ox_rdf.supports_datasets:
        # a triple format for the whole dataset: the union of all graphs
        import pyoxigraph as ox

        triples = {ox.Triple(q.subject, q.predicate, q.object) for q in store.quads()}
        return ox.serialize(sorted(triples, key=str), format=f.ox_rdf)
    return store.dump(f.ox_rdf, graph) or b""
