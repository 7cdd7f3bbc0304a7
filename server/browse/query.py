"""The query page: runs a read-only SPARQL query through the endpoint's own pipeline (policy,
row caps, timeout, executor processes) and turns the result into a table whose IRIs link to
resource pages. The /sparql endpoint is the API; this page only shows results."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any

import pyoxigraph as ox

from server.core.errors import BadRequest, PolicyKGError
from server.browse.terms import Linker, Vocab, iri_dict, literal_dict
from server.sparql.policy import check_query_policy

log = logging.getLogger(__name__)

MAX_PAGE_ROWS = 1000  # rows shown on the page; the download links give the full result
MAX_LABELLED = 100  # IRIs in a result that get their labels looked up
_LABEL = "SELECT ?x ?l WHERE { ?x <http://www.w3.org/2000/01/rdf-schema#label> ?l }"


ACCEPT = "application/sparql-results+json, application/n-triples"


def check(text: str, settings: Any) -> None:
    """The endpoint's policy: length cap, SERVICE refused unless its host is allowed."""
    if len(text) > settings.max_query_length:
        raise BadRequest(f"The query is longer than {settings.max_query_length} characters.")
    check_query_policy(text, settings.allow_service_hosts)


def execute_direct(store: Any, text: str, max_rows: int, timeout: float) -> tuple[bytes, str, bool]:
    """Evaluate in this thread and serialise like the endpoint (used when no executor is given)."""
    from server.protocol.executor import Job, evaluate_in_thread

    job = Job(text, accept=ACCEPT, max_rows=max_rows, max_triples=max_rows)
    rendered = evaluate_in_thread(store, job, timeout)
    return rendered.body, rendered.content_type, rendered.truncated


def run(
    store: Any,
    settings: Any,
    text: str,
    *,
    linker: Linker,
    vocab: Vocab,
    lang: str,
    execute: Callable[[str, int], tuple[bytes, str, bool]] | None = None,
) -> dict[str, Any]:
    """Execute ``text`` the way /sparql does (policy, caps, timeout, executor processes when the
    caller passes ``execute``), then turn the serialised result into a table. Errors come back
    in the context (``error``) so the page can show them next to the query."""
    ctx: dict[str, Any] = {"query": text, "kind": None, "error": None, "truncated": False}
    if not text.strip():
        return ctx
    cap = min(settings.max_rows, MAX_PAGE_ROWS)
    try:
        check(text, settings)
        if execute is not None:
            body, content_type, truncated = execute(text, cap)
        else:
            body, content_type, truncated = execute_direct(store, text, cap, settings.query_timeout)
        if content_type.startswith("application/sparql-results+json"):
            # read as plain JSON: the endpoint may add members (e.g. a truncation flag)
            result = json.loads(body)
            if "boolean" in result:
                ctx.update(kind="ask", boolean=bool(result["boolean"]))
                return ctx
            variables = list(result["head"].get("vars", []))
            raw = [[_from_json(b.get(v)) for v in variables] for b in result["results"]["bindings"]]
            kind = "select"
        else:
            variables = ["subject", "predicate", "object"]
            raw = [[t.subject, t.predicate, t.object] for t in ox.parse(body, format=ox.RdfFormat.N_TRIPLES)]
            kind = "graph"
    except PolicyKGError as exc:
        ctx["error"] = {"status": exc.status, "code": exc.code, "message": exc.message}
        return ctx
    labels = _labels(store, raw)
    rows = [[_cell(term, labels, linker, vocab, lang) for term in row] for row in raw]
    ctx.update(kind=kind, variables=variables, rows=rows, cap=cap, truncated=truncated)
    return ctx


def _from_json(term: dict[str, Any] | None) -> Any:
    """A SPARQL JSON results term as a pyoxigraph term (None when unbound)."""
    if term is None:
        return None
    kind, value = term.get("type"), term.get("value", "")
    if kind == "uri":
        return ox.NamedNode(value)
    if kind == "bnode":
        return ox.BlankNode(value)
    if "xml:lang" in term:
        return ox.Literal(value, language=term["xml:lang"])
    if "datatype" in term:
        return ox.Literal(value, datatype=ox.NamedNode(term["datatype"]))
    return ox.Literal(value)


def _labels(store: Any, rows: list[list[Any]]) -> dict[str, list[tuple[str, str]]]:
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
        for sol in store.query(_LABEL, substitutions={"x": ox.NamedNode(iri)}):
            out.setdefault(iri, []).append((sol["l"].value, sol["l"].language or ""))
    return out


def _cell(term: Any, labels: dict, linker: Linker, vocab: Vocab, lang: str) -> dict[str, Any] | None:
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
    return {"kind": "literal", "value": str(term), "lang": None, "datatype": None}


def examples(lang: str) -> list[dict[str, Any]]:
    """Named example queries from queries/*.rq (via server.publish.named_queries), when available."""
    try:
        from server.publish.named_queries import load_queries
    except ImportError:
        return []
    try:
        found = load_queries()
    except (OSError, ValueError) as exc:  # a broken .rq file must not break the page
        log.warning("named queries unavailable for the query page: %s", exc)
        return []

    def local(value: Any) -> Any:
        if isinstance(value, dict):
            return value.get(lang) or value.get("en") or next(iter(value.values()), None)
        return value

    out = []
    for name, q in sorted(found.items()):
        out.append(
            {
                "name": name,
                "title": local(getattr(q, "title", None)) or name,
                "description": local(getattr(q, "description", None)),
                "params": [p.name for p in getattr(q, "params", [])],
                "query": q.sparql,
            }
        )
    return out
