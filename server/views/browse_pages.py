"""The browser's overview pages on the browse blueprint: home, class index, class pages,
search and the query page (the linked-data routes are in ``browse.py``)."""

from __future__ import annotations

from urllib.parse import urlencode

import pyoxigraph as ox
from flask import Blueprint, Response, request

from server.browse import pages, terms
from server.browse import query as query_page
from server.browse import search as search_mod
from server.core.errors import BadRequest
from server.core.namespaces import PREFIXES, ontology_graph
from server.graph.stats import CLASSES
from server.views.browsing import (
    QUERY_CSP,
    class_counts,
    iri_arg,
    label_index,
    lang,
    linker,
    memo,
    show,
    triple_count,
    vocab,
    wants_json,
)
from server.views.context import int_arg, services, settings, store

PER_PAGE_CLASS = 50

# -- home, classes, search, query -------------------------------------------------------------


bp = Blueprint("pages", __name__)


@bp.get("/")
@bp.get("/index.json")
def home() -> Response:
    ctx = pages.home_context(
        store(), linker=linker(), vocab=vocab(), lang=lang(), counts=class_counts(), triples=triple_count()
    )
    ctx["links"] = {
        "json": f"{request.script_root}/index.json",
        "query": linker().query(CLASSES),
    }
    return show("home.html", ctx, wants_json())


@bp.get("/classes")
@bp.get("/classes.json")
def classes() -> Response:
    ctx = pages.classes_context(store(), linker=linker(), vocab=vocab(), lang=lang(), counts=class_counts())
    ctx["links"] = {
        "json": f"{request.script_root}/classes.json",
        "query": linker().query(CLASSES),
    }
    return show("classes.html", ctx, wants_json())


@bp.get("/class")
@bp.get("/class.json")
def class_page() -> Response:
    iri = iri_arg()
    sort = request.args.get("sort", "label")
    if sort not in ("label", "-label"):
        raise BadRequest("sort must be 'label' or '-label'.")
    st, index, current = store(), label_index(), lang()
    terms.node(iri)  # an invalid IRI is a 404 before anything is cached
    # sorting every instance by label is the expensive part: once per store generation
    instances = memo(
        "class_instances",
        (iri, current, sort),
        lambda: pages.sorted_instances(st, iri, index=index, lang=current, descending=sort == "-label"),
        lambda old, deltas: pages.instances_unchanged(iri, old, deltas),
    )
    ctx = pages.class_context(
        store(),
        iri,
        instances=instances,
        index=index,
        linker=linker(),
        vocab=vocab(),
        lang=lang(),
        page=int_arg("page", 1),
        per_page=PER_PAGE_CLASS,
        descending=sort == "-label",
    )
    term = str(terms.node(iri))
    ctx["links"] = {
        "json": f"{request.script_root}/class.json?{urlencode({'iri': iri, 'page': ctx['page'], 'sort': sort})}",
        "query": linker().query(
            "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
            f"SELECT ?instance ?label WHERE {{\n  ?instance a {term} .\n  OPTIONAL {{ ?instance rdfs:label ?label }}\n}}\n"
            "ORDER BY ?label"
        ),
    }
    return show("class.html", ctx, wants_json())


@bp.get("/search")
@bp.get("/search.json")
def search() -> Response:
    q = request.args.get("q", "")
    ctx = search_mod.search(
        store(),
        q,
        index=label_index(),
        linker=linker(),
        vocab=vocab(),
        lang=lang(),
        limit=50,
        offset=(int_arg("page", 1) - 1) * 50,
    )
    params = {"q": q}
    ctx["links"] = {"json": f"{request.script_root}/search.json?{urlencode(params)}"}
    if q.strip():
        # the search text is serialised by pyoxigraph as an escaped literal, for the reader to run
        ctx["links"]["query"] = linker().query(
            "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\nPREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
            "SELECT ?resource ?label WHERE {\n  ?resource rdfs:label|skos:altLabel ?label .\n"
            f"  FILTER(CONTAINS(LCASE(STR(?label)), {ox.Literal(search_mod.normalise(q))}))\n}}"
        )
    return show("search.html", ctx, wants_json())


@bp.get("/query")
@bp.get("/query.json")
def query() -> Response:
    text = request.args.get("query", "")
    ctx = query_page.run(services().query, text, linker=linker(), vocab=vocab(), lang=lang())
    ctx["examples"] = query_page.examples(lang())
    for ex in ctx["examples"]:
        ex["href"] = linker().query(ex["query"])
    root = request.script_root
    ctx["downloads"] = []
    if text.strip() and not ctx["error"]:
        names = query_page.RESULT_FORMATS["select" if ctx["kind"] in ("select", "ask") else "graph"]
        ctx["downloads"] = [
            {"name": n, "href": f"{root}/sparql?{urlencode({'query': text, 'format': n})}"} for n in names
        ]
    ctx["links"] = {"json": f"{root}/query.json?{urlencode({'query': text})}"}
    st, graph = store(), ontology_graph(settings().base_iri)
    ctx["editor"] = {  # YASGUI's configuration (static/query-editor.js), rendered as JSON data
        "endpoint": f"{root}/sparql",
        "root": root,
        "base": settings().base_iri,
        "prefixes": PREFIXES,
        "formats": query_page.RESULT_FORMATS,
        **memo("ontology_terms", graph, lambda: query_page.ontology_terms(st, graph)),
    }
    status = ctx["error"]["status"] if ctx["error"] else 200
    resp = show("query.html", ctx, wants_json(), status)
    resp.headers["Content-Security-Policy"] = QUERY_CSP
    return resp
