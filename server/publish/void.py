"""The VoID description of the dataset, computed from the store.

Hand-written metadata (title, description, licence, publisher) comes from the dataset graph
loaded from ``data/dataset.ttl`` (``{base}dataset``); when that graph is absent the constants
below stand in. Everything else is computed on each call: triple counts (over the asserted
graphs, as in a dump), class and property partitions, one subset per named graph, sources,
example resources, the last-modified date, the SPARQL endpoint and the data dumps.

``void_graph(store, settings, base_url)`` returns an rdflib Graph (the /sparql service
description can merge it); ``void_triples`` the same as pyoxigraph triples.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import quote

import pyoxigraph as ox

from server.core.namespaces import PKG, PREFIXES, inferred_graph, is_asserted
from server.core.settings import Settings
from server.graph.stats import class_counts
from server.graph.turtle import Statement, Subject, Term
from server.publish.export import dataset_date, dataset_graphs
from server.store import Store

if TYPE_CHECKING:
    from rdflib import Graph

VOID = PREFIXES["void"]
DCT = PREFIXES["dcterms"]
RDF_TYPE = ox.NamedNode(PREFIXES["rdf"] + "type")
XSD = PREFIXES["xsd"]
SD = PREFIXES["sd"]
FOAF = PREFIXES["foaf"]
LICENSE = "https://creativecommons.org/licenses/by/4.0/"

# Used only when the store has no dataset metadata graph (data/dataset.ttl not loaded).
FALLBACK_TITLE = {
    "ru": "Граф знаний промышленной политики России (policykg)",
    "en": "Knowledge graph of Russian industrial policy (policykg)",
}
EXAMPLE_CLASSES = ("Person", "Organization", "Proposal", "PolicyInstrument", "Event", "Statement")
DUMP_FORMATS = ("trig", "nq")

_COUNT_TRIPLES = "SELECT (COUNT(*) AS ?n) { SELECT DISTINCT ?s ?p ?o { ?s ?p ?o } }"
_COUNT_DISTINCT = """SELECT (COUNT(DISTINCT ?s) AS ?subjects) (COUNT(DISTINCT ?o) AS ?objects)
  (COUNT(DISTINCT ?p) AS ?properties) { ?s ?p ?o }"""
_PROPERTIES = "SELECT ?p (COUNT(*) AS ?n) { SELECT DISTINCT ?s ?p ?o { ?s ?p ?o } } GROUP BY ?p ORDER BY ?p"
_VOCABULARIES = "SELECT DISTINCT ?p { { ?s ?p ?o } UNION { ?s a ?p } }"
_SOURCES = f"""PREFIX rdfs: <{PREFIXES["rdfs"]}>
SELECT DISTINCT ?s {{ ?c rdfs:subClassOf* <{PKG}Source> . ?s a ?c FILTER(isIRI(?s)) }} ORDER BY ?s"""


def dataset_iri(settings: Settings) -> str:
    return settings.base_iri + "dataset"


def metadata_graph(settings: Settings) -> str:
    return settings.base_iri + "graph/dataset"


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def _int(n: int) -> ox.Literal:
    return ox.Literal(str(n), datatype=_n(XSD + "integer"))


def _one(store: Store, query: str, graphs: list[str], **subst: Term) -> ox.QuerySolution | None:
    for sol in store.select(query, default_graphs=graphs, substitutions=subst or None):
        return sol
    return None


def _count(sol: ox.QuerySolution | None, var: str) -> int:
    """The integer an aggregate bound ``var`` to (0 when unbound)."""
    term = sol[var] if sol is not None else None
    return int(term.value) if term is not None else 0


def void_statements(store: Store, settings: Settings, base_url: str) -> list[Statement]:
    """VoID triples (graph name None) describing the dataset as served at ``base_url``."""
    base_url = base_url.rstrip("/")
    ds = _n(dataset_iri(settings))
    doc = _n(base_url + "/.well-known/void")
    out: list[Statement] = []

    def add(s: Subject, p: str, o: Term) -> None:
        out.append((s, _n(p), o, None))

    add(doc, PREFIXES["rdf"] + "type", _n(VOID + "DatasetDescription"))
    add(doc, FOAF + "primaryTopic", ds)
    add(doc, DCT + "title", ox.Literal("Описание набора данных policykg (VoID)", language="ru"))
    add(doc, DCT + "title", ox.Literal("VoID description of the policykg dataset", language="en"))
    add(ds, PREFIXES["rdf"] + "type", _n(VOID + "Dataset"))

    # hand-written metadata, copied with the blank nodes it points to
    meta = metadata_graph(settings)
    if store.has_graph(meta):
        quads = [(q.subject, q.predicate, q.object) for q in store.quads(meta)]
        by_subject: dict[Subject, list[tuple[ox.NamedNode, Term]]] = {}
        for s, p, o in quads:
            by_subject.setdefault(s, []).append((p, o))
        todo: list[Subject] = [ds]
        seen: set[Subject] = set()
        while todo:
            node = todo.pop()
            if node in seen:
                continue
            seen.add(node)
            for p, o in by_subject.get(node, []):
                out.append((node, p, o, None))
                if isinstance(o, ox.BlankNode):
                    todo.append(o)
    if not any(p.value == DCT + "title" and s == ds for s, p, _, _ in out):
        for lang, text in FALLBACK_TITLE.items():
            add(ds, DCT + "title", ox.Literal(text, language=lang))
    if not any(p.value == DCT + "license" and s == ds for s, p, _, _ in out):
        add(ds, DCT + "license", _n(LICENSE))

    graphs = dataset_graphs(store, settings)
    date = dataset_date(store, settings)
    if date:
        add(ds, DCT + "modified", ox.Literal(date, datatype=_n(XSD + "date")))
    add(ds, VOID + "sparqlEndpoint", _n(base_url + "/sparql"))
    for fmt in DUMP_FORMATS:
        add(ds, VOID + "dataDump", _n(f"{base_url}/export?format={fmt}"))
    add(ds, VOID + "uriSpace", ox.Literal(settings.base_iri))
    for feature in ("Turtle", "TriG", "N-Triples", "N-Quads", "JSON-LD", "RDF_XML"):
        add(ds, VOID + "feature", _n("http://www.w3.org/ns/formats/" + feature))
    if not graphs:
        add(ds, VOID + "triples", _int(0))
        return out

    add(ds, VOID + "triples", _int(_count(_one(store, _COUNT_TRIPLES, graphs), "n")))
    counts = _one(store, _COUNT_DISTINCT, graphs)
    add(ds, VOID + "distinctSubjects", _int(_count(counts, "subjects")))
    add(ds, VOID + "distinctObjects", _int(_count(counts, "objects")))
    add(ds, VOID + "properties", _int(_count(counts, "properties")))
    entities = _count_entities(store, graphs, settings)
    add(ds, VOID + "entities", _int(entities))

    classes = class_counts(store, graphs)
    add(ds, VOID + "classes", _int(len(classes)))
    for cls, n in sorted(classes.items()):
        part = ox.BlankNode()
        add(ds, VOID + "classPartition", part)
        add(part, VOID + "class", _n(cls))
        add(part, VOID + "entities", _int(n))
    for sol in store.select(_PROPERTIES, default_graphs=graphs):
        part = ox.BlankNode()
        add(ds, VOID + "propertyPartition", part)
        add(part, VOID + "property", sol["p"])
        add(part, VOID + "triples", _int(int(sol["n"].value)))

    for ns in _vocabularies(store, graphs):
        add(ds, VOID + "vocabulary", _n(ns))
    for sol in store.select(_SOURCES, default_graphs=graphs):
        add(ds, DCT + "source", sol["s"])
    for cls in EXAMPLE_CLASSES:
        example = _example(store, graphs, settings, PKG + cls)
        if example is not None:
            add(ds, VOID + "exampleResource", example)

    inferred = inferred_graph(settings.base_iri)
    for info in store.graphs():
        if not (is_asserted(info.iri, settings.base_iri) or info.iri == inferred):
            continue  # drafts are not published
        sub = ox.BlankNode()
        add(ds, VOID + "subset", sub)
        add(sub, PREFIXES["rdf"] + "type", _n(VOID + "Dataset"))
        add(sub, PREFIXES["rdf"] + "type", _n(SD + "NamedGraph"))
        add(sub, SD + "name", _n(info.iri))
        add(sub, VOID + "triples", _int(info.triples))
        add(sub, VOID + "dataDump", _n(f"{base_url}/export?graph={quote(info.iri, safe='')}&format=ttl"))
    return list(dict.fromkeys(out))  # hand-written and computed statements may coincide


def _count_entities(store: Store, graphs: list[str], settings: Settings) -> int:
    """Subjects that are IRIs in the dataset's own URI space."""
    query = "SELECT ?base (COUNT(DISTINCT ?s) AS ?n) { ?s ?p ?o FILTER(isIRI(?s) && STRSTARTS(STR(?s), ?base)) } GROUP BY ?base"
    return _count(_one(store, query, graphs, base=ox.Literal(settings.base_iri)), "n")


def _example(store: Store, graphs: list[str], settings: Settings, cls: str) -> ox.NamedNode | None:
    query = (
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        "SELECT ?cls ?base ?s { ?c rdfs:subClassOf* ?cls . ?s a ?c "
        "FILTER(isIRI(?s) && STRSTARTS(STR(?s), ?base)) } ORDER BY ?s LIMIT 1"
    )
    sol = _one(store, query, graphs, cls=_n(cls), base=ox.Literal(settings.base_iri))
    return sol["s"] if sol is not None else None


def _vocabularies(store: Store, graphs: list[str]) -> list[str]:
    """Namespaces of the known prefixes whose terms the data uses as properties or classes."""
    used: set[str] = set()
    terms = {
        sol["p"].value
        for sol in store.select(_VOCABULARIES, default_graphs=graphs)
        if isinstance(sol["p"], ox.NamedNode)
    }
    for ns in PREFIXES.values():
        if any(t.startswith(ns) for t in terms):
            used.add(ns)
    return sorted(used)


def void_triples(store: Store, settings: Settings, base_url: str) -> list[ox.Triple]:
    """The VoID description as pyoxigraph triples (for serialisers that take ox.Triple)."""
    return [ox.Triple(s, p, o) for s, p, o, _ in void_statements(store, settings, base_url)]


def void_graph(store: Store, settings: Settings, base_url: str) -> Graph:
    """The VoID description as an rdflib Graph (for the SPARQL service description)."""
    from rdflib import Graph

    from server.graph.convert import to_rdflib

    g = Graph()
    for name in ("void", "dcterms", "foaf", "sd", "xsd", "pkg", "rdfs"):
        g.bind(name, PREFIXES[name])
    for s, p, o, _ in void_statements(store, settings, base_url):
        g.add((to_rdflib(s), to_rdflib(p), to_rdflib(o)))
    return g
