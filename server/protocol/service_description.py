"""The SPARQL 1.1 Service Description of /sparql, built from pyoxigraph terms.

It claims only what the service does: the endpoint URL, SPARQL 1.1 Query (and Update only
when a token is configured), the result formats really offered, the union default graph,
and the named graphs with their sizes. No entailment regime is claimed: reasoning results
are materialised into a named graph, queries are not evaluated under an entailment regime.
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from server.core.errors import BadRequest
from server.protocol import formats
from server.store.base import GraphInfo

SD = "http://www.w3.org/ns/sparql-service-description#"
VOID = "http://rdfs.org/ns/void#"
FORMATS_NS = "http://www.w3.org/ns/formats/"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")

# formats.py name -> W3C format IRI (https://www.w3.org/ns/formats/)
FORMAT_IRIS = {
    "json": "SPARQL_Results_JSON",
    "xml": "SPARQL_Results_XML",
    "csv": "SPARQL_Results_CSV",
    "tsv": "SPARQL_Results_TSV",
    "ttl": "Turtle",
    "nt": "N-Triples",
    "rdf": "RDF_XML",
    "jsonld": "JSON-LD",
    "trig": "TriG",
    "nq": "N-Quads",
}
PREFIXES = {"sd": SD, "void": VOID, "formats": FORMATS_NS}
OFFERED = ("ttl", "rdf", "jsonld", "nt")  # formats of the description itself; Turtle first


def _sd(name: str) -> ox.NamedNode:
    return ox.NamedNode(SD + name)


def describe(
    endpoint: str,
    *,
    updates: bool,
    graphs: Iterable[GraphInfo],
    total_triples: int | None = None,
    union_default_graph: bool = True,
) -> list[ox.Triple]:
    """Triples of the service description, with ``graphs`` as its named graphs."""
    service, dataset, default = ox.BlankNode(), ox.BlankNode(), ox.BlankNode()
    t = [
        ox.Triple(service, RDF_TYPE, _sd("Service")),
        ox.Triple(service, _sd("endpoint"), ox.NamedNode(endpoint)),
        ox.Triple(service, _sd("supportedLanguage"), _sd("SPARQL11Query")),
    ]
    if updates:
        t.append(ox.Triple(service, _sd("supportedLanguage"), _sd("SPARQL11Update")))
    for f in formats.offered(formats.RESULTS) + formats.offered(formats.GRAPH):
        if f.name in FORMAT_IRIS:
            t.append(ox.Triple(service, _sd("resultFormat"), ox.NamedNode(FORMATS_NS + FORMAT_IRIS[f.name])))
    if union_default_graph:
        t.append(ox.Triple(service, _sd("feature"), _sd("UnionDefaultGraph")))
    t += [
        ox.Triple(service, _sd("defaultDataset"), dataset),
        ox.Triple(dataset, RDF_TYPE, _sd("Dataset")),
        ox.Triple(dataset, _sd("defaultGraph"), default),
        ox.Triple(default, RDF_TYPE, _sd("Graph")),
    ]
    if total_triples is not None:
        t.append(
            ox.Triple(default, ox.NamedNode(VOID + "triples"), ox.Literal(str(total_triples), datatype=XSD_INTEGER))
        )
    for g in graphs:
        ng, gr = ox.BlankNode(), ox.BlankNode()
        t += [
            ox.Triple(dataset, _sd("namedGraph"), ng),
            ox.Triple(ng, RDF_TYPE, _sd("NamedGraph")),
            ox.Triple(ng, _sd("name"), ox.NamedNode(g.iri)),
            ox.Triple(ng, _sd("graph"), gr),
            ox.Triple(gr, RDF_TYPE, _sd("Graph")),
            ox.Triple(gr, ox.NamedNode(VOID + "triples"), ox.Literal(str(g.triples), datatype=XSD_INTEGER)),
        ]
    return t


def serialize(triples: list[ox.Triple], accept: str | None, fmt: str | None) -> tuple[bytes, str]:
    """Body and Content-Type of the description in the negotiated RDF format."""
    candidates = [formats.BY_NAME[n] for n in OFFERED]
    if fmt:
        f = formats.by_name(fmt, formats.GRAPH)
        if f not in candidates:
            raise BadRequest(f"The service description is offered as: {', '.join(OFFERED)}.")
    else:
        f = formats.negotiate(accept, formats.GRAPH, candidates)
    if f.name in ("ttl", "trig"):
        body = ox.serialize(triples, format=f.ox_rdf, prefixes=PREFIXES)
    else:
        body = ox.serialize(triples, format=f.ox_rdf)
    return body or b"", f.content_type
