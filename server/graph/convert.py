"""Term conversion between pyoxigraph and rdflib (for SHACL, reasoning, never the query path)."""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

OxTerm = ox.NamedNode | ox.BlankNode | ox.Literal


def to_rdflib(term: OxTerm | ox.Triple) -> Node:
    """An rdflib term; TypeError for an RDF 1.2 triple term (rdflib has none)."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        dt = term.datatype.value
        return Literal(term.value) if dt == XSD_STRING else Literal(term.value, datatype=URIRef(dt))
    raise TypeError(f"unsupported term {term!r}")


def to_ox(term: Node) -> OxTerm:
    # the exact common types first (one type() test each): this runs per term of whole graphs
    if type(term) is URIRef:
        return ox.NamedNode(term)
    if type(term) is Literal:
        if term.language:
            return ox.Literal(term, language=term.language)
        dt = term.datatype  # xsd:string given explicitly makes the same term as none
        return ox.Literal(term, datatype=ox.NamedNode(dt)) if dt is not None else ox.Literal(term)
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None and str(term.datatype) != XSD_STRING:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"unsupported term {term!r}")


def to_ox_triple(s: Node, p: Node, o: Node) -> ox.Triple:
    """An rdflib triple as a pyoxigraph one; TypeError for a literal subject or a predicate
    that is not an IRI (rdflib graphs allow both, RDF does not)."""
    subject, predicate = to_ox(s), to_ox(p)
    if isinstance(subject, ox.Literal) or not isinstance(predicate, ox.NamedNode):
        raise TypeError(f"not an RDF triple: {s!r} {p!r} {o!r}")
    return ox.Triple(subject, predicate, to_ox(o))


def quads_to_graph(quads: Iterable[ox.Quad], graph: Graph | None = None) -> Graph:
    graph = graph if graph is not None else Graph()
    for q in quads:
        graph.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
    return graph


def graph_to_ntriples(graph: Iterable[tuple[Node, Node, Node]]) -> bytes:
    """N-Triples bytes of an rdflib graph (or any triples), written by pyoxigraph."""
    return ox.serialize((to_ox_triple(s, p, o) for s, p, o in graph), format=ox.RdfFormat.N_TRIPLES) or b""
