"""What one kind of external store does differently, in one place (server.store.remote uses it).

``Dialect`` is the SPARQL 1.1 behaviour policykg expects (Oxigraph server, Fuseki). ``Virtuoso``
(found with bench/virtuoso_smoke.py, Virtuoso 7.2) differs in these ways, which policykg corrects:

* ``GRAPH <g> { }`` is true for any IRI and ``GRAPH ?g { }`` binds nothing: graphs are listed
  and tested with a triple pattern (Virtuoso keeps no empty graphs, so nothing is lost).
* ``xsd:boolean`` literals come back as ``"0"``/``"1"``: they are read as ``false``/``true``
  (the canonical forms; the value is the same) in results, CONSTRUCT answers and dumps.
* Its Graph Store answers data with a syntax error with a 500 about the media type: data given
  as bytes is parsed by policykg first (a clear 400).
* It has no default graph of its own to dump or count: the dataset is its named graphs.
* With a dataset given (``default-graph-uri``, as policykg sends to keep other graphs out), its
  optimiser may enter a transitive path (``rdfs:subClassOf*``) from the wrong end and find
  nothing: queries with such a path run in the order they are written
  (``define sql:select-option "order"``; policykg's own queries start from the path's bound end).
* It refuses blank nodes in ``INSERT DATA``: such an operation is sent as ``INSERT { … } WHERE { }``
  (the same triples, fresh blank nodes).
* ``DESCRIBE`` is the concise bounded description, as on the embedded store
  (``define sql:describe-mode "CBD"``).
* A decimal constant in ``VALUES`` makes a sorted answer fail ("Numeric value out of range": it
  is typed ``NUMERIC(0,0)``) and a boolean one comes back as an integer: parameters of these
  types are pre-bound with ``BIND(STRDT("…", xsd:…) AS ?p)`` (``bind_block``).

The dialect is picked by ``store_dialect`` (``auto``: from the ``Server`` header of the store's
first answer).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping

import pyoxigraph as ox

from server.sparql.lexer import query_form, tokens
from server.store.base import Term
from server.store.prebind import values_block, variable_text

XSD_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"
_BOOLEAN = ox.NamedNode(XSD_BOOLEAN)
#: literals a Virtuoso ``VALUES`` block mistypes (bound by ``STRDT`` instead: ``Virtuoso.bind_block``)
_MISTYPED = (_BOOLEAN, ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal"))
_CANONICAL = {"0": "false", "1": "true"}


class Dialect:
    name = "sparql11"
    #: the group that matches a graph that exists (Oxigraph keeps empty graphs: ``{ }``)
    graph_group = "{ }"
    #: whether the store has a default graph of its own, beside the named graphs
    own_default_graph = True
    #: whether uploads are parsed here first (the store answers bad data with a misleading error)
    check_uploads = False
    #: whether its answers need ``fix_*`` (so that they must be parsed, never passed on as bytes)
    rewrites_answers = False

    def query_text(self, sparql: str) -> str:
        """The query as this store needs it (prepended on its first line: error lines stay right)."""
        return sparql

    def bind_block(self, substitutions: Mapping[str, Term]) -> str:
        """The pattern that pre-binds ``substitutions`` (server.store.prebind): a ``VALUES`` block."""
        return values_block(substitutions)

    def update_text(self, sparql: str) -> str:
        """The update as this store needs it."""
        return sparql

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
    check_uploads = True

    def query_text(self, sparql: str) -> str:
        defines = []
        if query_form(sparql) == "DESCRIBE":
            defines.append('define sql:describe-mode "CBD"')
        if has_transitive_path(sparql):
            defines.append('define sql:select-option "order"')
        return " ".join([*defines, sparql])

    def bind_block(self, substitutions: Mapping[str, Term]) -> str:
        computed = {k: t for k, t in substitutions.items() if isinstance(t, ox.Literal) and t.datatype in _MISTYPED}
        plain = {k: t for k, t in substitutions.items() if k not in computed}
        binds = "".join(
            f"BIND(STRDT({ox.Literal(t.value)}, {t.datatype}) AS {variable_text(k)}) "
            for k, t in computed.items()
            if isinstance(t, ox.Literal)
        )
        return (values_block(plain) if plain else " ") + binds

    def update_text(self, sparql: str) -> str:
        toks = list(tokens(sparql))
        edits: list[tuple[int, int, str]] = []  # (start, end, replacement), in text order
        for i in range(len(toks) - 2):
            if not (toks[i].is_word("INSERT") and toks[i + 1].is_word("DATA") and toks[i + 2].text == "{"):
                continue
            inner = toks[i + 2].depth + 1
            close = next((k for k in range(i + 3, len(toks)) if toks[k].text == "}" and toks[k].depth == inner), None)
            if close is not None and any(t.kind == "bnode" or t.text == "[" for t in toks[i + 3 : close]):
                edits += [(toks[i + 1].start, toks[i + 1].end, ""), (toks[close].end, toks[close].end, " WHERE { }")]
        for start, end, text in reversed(edits):
            sparql = sparql[:start] + text + sparql[end:]
        return sparql

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


def has_transitive_path(sparql: str) -> bool:
    """Whether the query has a ``*`` or ``+`` path (after an IRI, ``a`` or a parenthesised path)."""
    before = None
    for tok in tokens(sparql):
        if (
            tok.kind == "punct"
            and tok.text in ("*", "+")
            and before is not None
            and (before.kind in ("iri", "pname") or before.text == ")" or before.is_word("A"))
        ):
            return True
        before = tok
    return False


DIALECTS: dict[str, type[Dialect]] = {"sparql11": Dialect, "virtuoso": Virtuoso}


def from_server_header(server: str) -> Dialect:
    """The dialect of a store by its HTTP ``Server`` header (``auto``)."""
    return Virtuoso() if server.lower().startswith("virtuoso") else Dialect()
