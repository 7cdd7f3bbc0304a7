"""Namespaces and the IRIs the service mints (graphs); prefixes used in exports and queries."""

from __future__ import annotations

from collections.abc import Callable

DEFAULT_BASE = "http://localhost:8000/id/"
# The vocabulary's persistent namespace: w3id.org redirects it to the project's deployment (docs/vocabulary.md);
# every deployment serves its terms under /ontology, whatever its base IRI (data IRIs follow the base).
PKG = "https://w3id.org/policykg/ontology/"
# The namespace before ontology 0.2.0: `policykg migrate` rewrites a store's terms from it, loads rewrite files.
LEGACY_PKG = "http://localhost:8000/ontology/"

PREFIXES: dict[str, str] = {
    "pkg": PKG,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "org": "http://www.w3.org/ns/org#",
    "prov": "http://www.w3.org/ns/prov#",
    "oa": "http://www.w3.org/ns/oa#",
    "eli": "http://data.europa.eu/eli/ontology#",
    "sh": "http://www.w3.org/ns/shacl#",
    "void": "http://rdfs.org/ns/void#",
    "sd": "http://www.w3.org/ns/sparql-service-description#",
}


def rebased(iri: str, base_iri: str) -> str:
    """``iri`` under ``base_iri`` when it is written under the default base (shipped files and
    examples are), else as it is."""
    return base_iri + iri[len(DEFAULT_BASE) :] if iri.startswith(DEFAULT_BASE) else iri


def graph_iri(base_iri: str, name: str) -> str:
    """Named graph IRI: ``{base}graph/{name}``, e.g. .../graph/ontology, .../graph/inferred."""
    return f"{base_iri}graph/{name}"


def ontology_graph(base_iri: str) -> str:
    return graph_iri(base_iri, "ontology")


def inferred_graph(base_iri: str) -> str:
    return graph_iri(base_iri, "inferred")


def draft_graph(base_iri: str, name: str) -> str:
    return graph_iri(base_iri, f"draft/{name}")


def history_graph(base_iri: str) -> str:
    """The graph's own history (PROV-O: who wrote which graph when; server.graph.history)."""
    return graph_iri(base_iri, "history")


def history_inferred_prefix(base_iri: str) -> str:
    """Private graphs (under the drafts' prefix) keeping what each reasoning run added."""
    return draft_graph(base_iri, ".history/inferred/")


def inferences_last(base_iri: str) -> Callable[[str], tuple[bool, str]]:
    """Sort key of the graphs of a query's default graph: the asserted graphs by IRI, then the
    inferences (the inferred graph, the kept ones of the history). With an explicit list of
    graphs Oxigraph goes through them in that order, so a query that stops early (LIMIT) finds
    the data's own statements first, and a past view's list keeps the order of the current one
    (``bench/asof_bench.py``)."""
    inferred, kept = inferred_graph(base_iri), history_inferred_prefix(base_iri)
    return lambda graph: (graph == inferred or graph.startswith(kept), graph)


def is_asserted(graph: str, base_iri: str) -> bool:
    """Asserted (reviewed) graphs: everything except the inferred graph, the history graph and
    drafts (the history's private graphs are under the drafts' prefix)."""
    return graph not in (inferred_graph(base_iri), history_graph(base_iri)) and not graph.startswith(
        graph_iri(base_iri, "draft/")
    )
