"""Storage behind one interface: ``open_store(settings)`` picks the backend."""

from __future__ import annotations

from server.core.namespaces import draft_graph
from server.core.settings import Settings
from server.store.base import GraphInfo, QueryResult, Store, Term
from server.store.embedded import EmbeddedStore

__all__ = ["EmbeddedStore", "GraphInfo", "QueryResult", "Store", "Term", "open_store"]


def open_store(settings: Settings) -> Store:
    """The embedded Oxigraph store (on disk or in memory), or the external SPARQL store. The
    drafts (``{base}graph/draft/…``) are its private graphs, the history (``{base}graph/history``)
    a graph apart from the default graph (``Store.apart_graphs``)."""
    if settings.store or settings.store_query_url:
        from server.store.remote import RemoteStore  # imported lazily: only needed for external stores

        return RemoteStore.from_settings(settings)
    return EmbeddedStore(
        None if settings.memory else settings.data_dir,
        private_prefix=draft_graph(settings.base_iri, ""),
        base_iri=settings.base_iri,
    )
