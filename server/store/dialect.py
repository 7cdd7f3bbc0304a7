"""What one kind of external store does differently, in one place (server.store.remote uses it).

``Dialect`` is the SPARQL 1.1 behaviour policykg expects (Oxigraph server, Fuseki). ``Virtuoso``
(found with bench/virtuoso_smoke.py, Virtuoso 7.2) differs in three ways that policykg corrects:

* ``GRAPH <g> { }`` is true for any IRI and ``GRAPH ?g { }`` binds nothing: graphs are listed
  and tested with a triple pattern (Virtuoso keeps no empty graphs, so nothing is lost).
* ``xsd:boolean`` literals come back as ``"0"``/``"1"``: they are read as ``false``/``true``
  (the canonical forms; the value is the same) in results, CONSTRUCT answers and dumps.
* It has no default graph of its own to dump or count: the dataset is its named graphs.

The dialect is picked by ``store_dialect`` (``auto``: from the ``Server`` header of the store's
first answer).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

import pyoxigraph as ox

XSD_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"
_BOOLEAN = ox.NamedNode(XSD_BOOLEAN)
_CANONICAL = {"0": "false", "1": "true"}


class Dialect:
    name = "sparql11"
    #: the group that matches a graph that exists (Oxigraph keeps empty graphs: ``{ }``)
    graph_group = "{ }"
    #: whether the store has a default graph of its own, beside the named graphs
    own_default_graph = True
    #: whether its answers need ``fix_*`` (so that they must be parsed, never passed on as bytes)
    rewrites_answers = False

    def fix_results(self, body: bytes, media_type: str) -> bytes:
        """SPARQL results as policykg expects them."""
        return body

    def fix_quads(self, quads: Iterable[ox.Quad]) -> Iterator[ox.Quad]:
        """Parsed RDF as policykg expects it."""
        return iter(quads)


class Virtuoso(Dialect):
    name = "virtuoso"
    graph_group = "{ ?s ?p ?o }"
    own_default_graph = False
    rewrites_answers = True

    def fix_results(self, body: bytes, media_type: str) -> bytes:
        if media_type != "application/sparql-results+json" or XSD_BOOLEAN.encode() not in body:
            return body
        data = json.loads(body)
        for row in data.get("results", {}).get("bindings", []):
            for term in row.values():
                if isinstance(term, dict) and term.get("datatype") == XSD_BOOLEAN:
                    term["value"] = _CANONICAL.get(term.get("value", ""), term.get("value"))
        return json.dumps(data).encode("utf-8")

    def fix_quads(self, quads: Iterable[ox.Quad]) -> Iterator[ox.Quad]:
        for q in quads:
            o = q.object
            if isinstance(o, ox.Literal) and o.value in _CANONICAL and o.datatype == _BOOLEAN:
                q = ox.Quad(q.subject, q.predicate, ox.Literal(_CANONICAL[o.value], datatype=_BOOLEAN), q.graph_name)
            yield q


DIALECTS: dict[str, type[Dialect]] = {"sparql11": Dialect, "virtuoso": Virtuoso}


def from_server_header(server: str) -> Dialect:
    """The dialect of a store by its HTTP ``Server`` header (``auto``)."""
    return Virtuoso() if server.lower().startswith("virtuoso") else Dialect()
