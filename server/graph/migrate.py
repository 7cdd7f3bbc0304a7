"""Rewriting a store's vocabulary terms from an old namespace to the current one (``policykg migrate``).

Every IRI that starts with the old namespace — as subject, predicate, object or a literal's
datatype, in every graph of the project's dataset (the default graph, the named ones, drafts and
history included) — is rewritten to the same local name in the new namespace. One read of the
dataset finds the quads and their graphs; one SPARQL Update over those graphs rewrites them: one
transaction on the embedded store, one request to an external one. Literals whose text merely contains the old
namespace, blank nodes and every other IRI stay as they are; nothing is recorded in the history
(the facts do not change, only the vocabulary's name). A second run finds nothing to rewrite."""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from server.core.errors import BadRequest
from server.core.namespaces import LEGACY_PKG, PKG
from server.store import Store

_MATCH = """
  FILTER((isIRI(?s) && STRSTARTS(STR(?s), {old})) || STRSTARTS(STR(?p), {old})
         || (isIRI(?o) && STRSTARTS(STR(?o), {old})) || (isLiteral(?o) && STRSTARTS(STR(DATATYPE(?o)), {old})))"""
_REWRITE = """
  BIND(IF(isIRI(?s) && STRSTARTS(STR(?s), {old}), IRI(CONCAT({new}, STRAFTER(STR(?s), {old}))), ?s) AS ?s2)
  BIND(IF(STRSTARTS(STR(?p), {old}), IRI(CONCAT({new}, STRAFTER(STR(?p), {old}))), ?p) AS ?p2)
  BIND(IF(isIRI(?o) && STRSTARTS(STR(?o), {old}), IRI(CONCAT({new}, STRAFTER(STR(?o), {old}))),
       IF(isLiteral(?o) && STRSTARTS(STR(DATATYPE(?o)), {old}),
          STRDT(STR(?o), IRI(CONCAT({new}, STRAFTER(STR(DATATYPE(?o)), {old})))), ?o)) AS ?o2)"""
NAMED = (
    "DELETE { GRAPH ?g { ?s ?p ?o } } INSERT { GRAPH ?g { ?s2 ?p2 ?o2 } }\n"
    "WHERE { VALUES ?g { {graphs} } GRAPH ?g { ?s ?p ?o" + _MATCH + " }" + _REWRITE + " }"
)
DEFAULT = "DELETE { ?s ?p ?o } INSERT { ?s2 ?p2 ?o2 }\nWHERE { ?s ?p ?o" + _MATCH + _REWRITE + " }"


@dataclass(frozen=True)
class Migration:
    old: str
    new: str
    triples: int  # quads whose terms were (or, on a dry run, would be) rewritten
    graphs: int  # the graphs they are in
    dry_run: bool


def _namespace(iri: str, what: str) -> str:
    try:
        ox.NamedNode(iri)
    except ValueError:
        raise BadRequest(f"The {what} namespace {iri!r} is not an IRI.") from None
    if not iri.startswith(("http://", "https://", "urn:")) or not iri.endswith(("/", "#", ":")):
        raise BadRequest(f"The {what} namespace {iri!r} must be an absolute IRI ending in '/' or '#'.")
    return iri


def _in(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple, old: str) -> bool:
    if isinstance(term, ox.Literal):
        return term.datatype.value.startswith(old)
    return isinstance(term, ox.NamedNode) and term.value.startswith(old)


def found(store: Store, old: str = LEGACY_PKG) -> dict[str | None, int]:
    """Quads with a term in ``old``, per graph (None: the default graph): one read of the
    project's dataset (an external store's other applications' graphs are not in it)."""
    per_graph: dict[str | None, int] = {}
    for q in store.quads():
        if _in(q.subject, old) or _in(q.predicate, old) or _in(q.object, old):
            g = q.graph_name.value if isinstance(q.graph_name, ox.NamedNode) else None
            per_graph[g] = per_graph.get(g, 0) + 1
    return per_graph


def update_text(old: str, new: str, graphs: list[str | None]) -> str:
    """The one SPARQL Update rewriting ``old`` to ``new`` in ``graphs`` (None: the default graph)."""
    named = sorted(g for g in graphs if g is not None)
    parts = [NAMED.replace("{graphs}", " ".join(str(ox.NamedNode(g)) for g in named))] if named else []
    if None in graphs:
        parts.append(DEFAULT)
    # the namespaces are written by pyoxigraph as SPARQL string literals (escaped), never pasted
    return " ;\n".join(parts).replace("{old}", str(ox.Literal(old))).replace("{new}", str(ox.Literal(new)))


def migrate(store: Store, old: str = LEGACY_PKG, new: str = PKG, *, dry_run: bool = False) -> Migration:
    """Rewrite every term in ``old`` to ``new`` in one update; with ``dry_run`` only count them."""
    old, new = _namespace(old, "old"), _namespace(new, "new")
    if old.startswith(new) or new.startswith(old):
        raise BadRequest(f"The old namespace <{old}> and the new <{new}> must not contain one another.")
    graphs = found(store, old)
    if graphs and not dry_run:
        store.update(update_text(old, new, list(graphs)))
    return Migration(old, new, sum(graphs.values()), len(graphs), dry_run)
