"""The project's graphs and the store's generation, kept in the external store itself (one small
named graph, the registry, ``{base}graph/registry``), so that every policykg replica over one
store sees the same (server.store.remote; docs/deployment.md).

* ``<g> <urn:policykg:graph> <registry>``: ``g`` is one of the project's graphs, created by a write
  through policykg (a Graph Store request, a load, a SPARQL Update naming it). Graphs under
  ``{base}graph/`` are the project's without it (stores loaded by earlier versions).
* ``<registry> <urn:policykg:generation> "…"``: a new random value after every write through any
  replica (the same update request that registers new graphs). A replica reads it — one query of
  one triple — at most every ``store_check_interval`` seconds; when it changed, whatever the
  replica keeps from the store (graph lists, the browse caches keyed by ``Store.generation``) is
  rebuilt.

The registry itself is never part of the dataset policykg queries, exports or counts.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

import pyoxigraph as ox

from server.core.namespaces import graph_iri

GRAPH = ox.NamedNode("urn:policykg:graph")
GENERATION = ox.NamedNode("urn:policykg:generation")


def registry_graph(base_iri: str) -> str:
    return graph_iri(base_iri, "registry")


def read_generation(registry: str) -> str:
    """SELECT ?v: the generation marker (no row before the first write through policykg)."""
    g = ox.NamedNode(registry)
    return f"SELECT ?v WHERE {{ GRAPH {g} {{ {g} {GENERATION} ?v }} }}"


def list_registered(registry: str) -> str:
    """SELECT ?g: the registered graphs."""
    g = ox.NamedNode(registry)
    return f"SELECT ?g WHERE {{ GRAPH {g} {{ ?g {GRAPH} {g} }} }}"


def list_graphs(graph_group: str) -> str:
    """SELECT ?g: every named graph of the store (``graph_group``: the dialect's)."""
    return f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {graph_group} }}"


def after_write(registry: str, new_graphs: Iterable[str], generation: str) -> str:
    """The update that registers ``new_graphs`` and sets a new generation, in one request."""
    g = ox.NamedNode(registry)
    ops = []
    rows = " ".join(f"{ox.NamedNode(n)} {GRAPH} {g} ." for n in sorted(set(new_graphs)) if n != registry)
    if rows:
        ops.append(f"INSERT DATA {{ GRAPH {g} {{ {rows} }} }}")
    ops.append(f"DELETE WHERE {{ GRAPH {g} {{ {g} {GENERATION} ?v }} }}")
    ops.append(f"INSERT DATA {{ GRAPH {g} {{ {g} {GENERATION} {ox.Literal(generation)} }} }}")
    return " ;\n".join(ops)


def new_generation() -> str:
    return uuid.uuid4().hex
