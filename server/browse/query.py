"""The query page: runs a read-only SPARQL query through the one query path
(server.protocol.query: policy, row caps, timeout, executor processes) and turns the result
into a table whose IRIs link to resource pages. The /sparql endpoint is the API; this page only
shows results."""

from __future__ import annotations

import logging

import pyoxigraph as ox

from server.browse.terms import PFX, Linker, Vocab, iri_dict, literal_dict
from server.core.errors import PolicyKGError
from server.core.types import JSONObject
from server.graph.turtle import nt
from server.protocol.executor import Job
from server.protocol.query import QueryService
from server.publish.named_queries import load_queries
from server.store.base import Store, Term

log = logging.getLogger(__name__)

MAX_PAGE_ROWS = 1000  # rows shown on the page; the download links give the full result
MAX_LABELLED = 100  # IRIs in a result that get their labels looked up
_LABEL = "SELECT ?x ?l WHERE { ?x <http://www.w3.org/2000/01/rdf-schema#label> ?l }"


# the ontology's own terms, for the editor's offline completion (no LOV, no prefix.cc)
ONTOLOGY_TERMS = (
    PFX
    + """SELECT DISTINCT ?t ?k WHERE {
  VALUES (?type ?k) { (owl:Class "classes") (rdfs:Class "classes") (owl:ObjectProperty "properties")
                      (owl:DatatypeProperty "properties") (owl:AnnotationProperty "properties") (rdf:Property "properties") }
  ?t a ?type FILTER(isIRI(?t))
}"""
)
RESULT_FORMATS = {"select": ["json", "csv", "tsv", "xml"], "graph": ["ttl", "nt", "jsonld"]}

ACCEPT = "application/sparql-results+xml, application/n-triples"  # read back by pyoxigraph: every kind of term


def run(service: QueryService, text: str, *, linker: Linker, vocab: Vocab, lang: str) -> JSONObject:
    """Run ``text`` through the query service, as /sparql does, then turn the serialised result
    into a table. Errors come back in the context (``error``) so the page can show them next to
    the query."""
    ctx: JSONObject = {"query": text, "kind": None, "error": None, "truncated": False}
    if not text.strip():
        return ctx
    cap = min(service.settings.max_rows, MAX_PAGE_ROWS)
    try:
        rendered = service.run(Job(text, accept=ACCEPT, max_rows=cap, max_triples=cap))
        if rendered.content_type.startswith("application/sparql-results+xml"):
            result = ox.parse_query_results(rendered.body, ox.QueryResultsFormat.XML)
            if isinstance(result, ox.QueryBoolean):
                ctx.update(kind="ask", boolean=bool(result))
                return ctx
            variables = [v.value for v in result.variables]
            raw: list[list[Term | None]] = [[sol[v] for v in variables] for sol in result]
            kind = "select"
        else:
            variables = ["subject", "predicate", "object"]
            raw = [[t.subject, t.predicate, t.object] for t in ox.parse(rendered.body, format=ox.RdfFormat.N_TRIPLES)]
            kind = "graph"
    except PolicyKGError as exc:
        ctx["error"] = {"status": exc.status, "code": exc.code, "message": exc.message}
        return ctx
    labels = _labels(service.store, raw)
    rows = [[_cell(term, labels, linker, vocab, lang) for term in row] for row in raw]
    ctx.update(kind=kind, variables=variables, rows=rows, cap=cap, truncated=rendered.truncated)
    return ctx


def _labels(store: Store, rows: list[list[Term | None]]) -> dict[str, list[tuple[str, str]]]:
    iris: list[str] = []
    for row in rows:
        for term in row:
            if isinstance(term, ox.NamedNode) and term.value not in iris:
                iris.append(term.value)
                if len(iris) >= MAX_LABELLED:
                    break
        if len(iris) >= MAX_LABELLED:
            break
    out: dict[str, list[tuple[str, str]]] = {}
    for iri in iris:
        for sol in store.select(_LABEL, substitutions={"x": ox.NamedNode(iri)}):
            out.setdefault(iri, []).append((sol["l"].value, sol["l"].language or ""))
    return out


def _cell(
    term: Term | None, labels: dict[str, list[tuple[str, str]]], linker: Linker, vocab: Vocab, lang: str
) -> JSONObject | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        d = iri_dict(term.value, labels.get(term.value, ()), linker, vocab, lang)
        d["has_label"] = term.value in labels
        return d
    if isinstance(term, ox.Literal):
        return literal_dict(term, vocab, lang)
    if isinstance(term, ox.BlankNode):
        return {"kind": "bnode", "value": term.value}
    return {"kind": "literal", "value": nt(term), "lang": None, "datatype": None}  # an RDF 1.2 triple term


def examples(lang: str) -> list[JSONObject]:
    """Named example queries from queries/*.rq (server.publish.named_queries)."""
    try:
        found = load_queries()
    except (OSError, ValueError) as exc:  # a broken .rq file must not break the page
        log.warning("named queries unavailable for the query page: %s", exc)
        return []

    def local(texts: dict[str, str]) -> str | None:
        return texts.get(lang) or texts.get("en") or next(iter(texts.values()), None)

    out = []
    for name, q in sorted(found.items()):
        out.append(
            {
                "name": name,
                "title": local(q.title) or name,
                "description": local(q.description),
                "params": [p.name for p in q.params],
                "query": q.sparql,
            }
        )
    return out


def ontology_terms(store: Store, graph: str) -> dict[str, list[str]]:
    """The classes and properties declared in the ontology graph ``graph``, sorted IRIs."""
    out: dict[str, list[str]] = {"classes": [], "properties": []}
    for sol in store.select(ONTOLOGY_TERMS, default_graphs=[graph]):
        out[sol["k"].value].append(sol["t"].value)
    return {k: sorted(set(v)) for k, v in out.items()}
