"""Term conversion between pyoxigraph and rdflib (for SHACL, reasoning, never the query path)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


def to_rdflib(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> Node:
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


def to_ox(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    cls = type(term)  # the exact common types first: this runs per term of whole graphs
    if cls is URIRef:
        return ox.NamedNode(term)
    if cls is Literal:
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


def quads_to_graph(quads: Iterable[ox.Quad], graph: Graph | None = None) -> Graph:
    graph = graph if graph is not None else Graph()
    for q in quads:
        graph.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
    return graph


def triples_to_ox(triples: Iterable[tuple[Node, Node, Node]], graph: str | None) -> Iterator[ox.Quad]:
    g = ox.NamedNode(graph) if graph is not None else ox.DefaultGraph()
    for s, p, o in triples:
        yield ox.Quad(to_ox(s), to_ox(p), to_ox(o), g)


def graph_to_ntriples(graph: Iterable[tuple[Node, Node, Node]]) -> bytes:
    """N-Triples bytes of an rdflib graph (or any triples), written by pyoxigraph."""
    return ox.serialize((ox.Triple(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in graph),
                        format=ox.RdfFormat.N_TRIPLES)
