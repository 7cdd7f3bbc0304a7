"""The linked-data browser: /id/* dereferencing (303), resource pages, data documents,
ontology, classes, search and the query page. Views parse the request, call a plain function
of ``server.browse`` and pick HTML or JSON; every HTML response carries the CSP header."""

from __future__ import annotations

import logging
from collections.abc import Callable
from urllib.parse import urlencode

import pyoxigraph as ox
from flask import Blueprint, Response, current_app, redirect, request
from werkzeug.wrappers import Response as BaseResponse

from server.browse import describe, document, pages, terms, timeline
from server.browse.i18n import COOKIE, LANGUAGES, translator
from server.core.errors import BadRequest, NotFound
from server.core.namespaces import PKG, ontology_graph
from server.core.types import JSONObject
from server.graph import history
from server.protocol import formats
from server.views.browsing import (
    CSP,
    PAGE_FORMATS,
    PER_PAGE_INCOMING,
    RDF_FORMATS,
    follow_write,
    iri_arg,
    lang,
    linker,
    show,
    split_suffix,
    vocab,
    wants_json,
)
from server.views.context import as_of_view, int_arg, services, settings, store

bp = Blueprint("browse", __name__)
TERM_SUFFIXES = ("ttl", "nt", "rdf", "jsonld", "html", "json")
log = logging.getLogger(__name__)


@bp.after_app_request
def _headers(resp: Response) -> Response:
    if request.method not in ("GET", "HEAD", "OPTIONS") and resp.status_code < 400:
        follow_write()  # a write (SPARQL Update, Graph Store, a curator's edit): caches follow it now
    if resp.mimetype == "text/html":
        # a view may set its own (the query page's editor, the framed /reconcile/preview)
        resp.headers.setdefault("Content-Security-Policy", CSP)
        resp.headers.setdefault("X-Content-Type-Options", "nosniff")
        resp.headers.setdefault("Referrer-Policy", "same-origin")
    chosen = request.args.get("lang") if b"lang=" in request.query_string else None  # parse only then
    if chosen in LANGUAGES and request.cookies.get(COOKIE) != chosen:
        resp.set_cookie(COOKIE, chosen, max_age=365 * 24 * 3600, samesite="Lax", httponly=True)
    return resp


@bp.app_context_processor
def _template_globals() -> JSONObject:
    try:
        current = lang()
    except RuntimeError:
        current = "ru"

    def switch(to: str) -> str:
        args = request.args.to_dict(flat=False)
        args["lang"] = [to]
        return request.script_root + request.path + "?" + urlencode(args, doseq=True)

    svc = services()
    if svc.has_api is None:  # the API's HTML page is another blueprint's
        svc.has_api = any(r.rule == "/api" for r in current_app.url_map.iter_rules())
    view = as_of_view()
    return {
        "past_view": view.params() if view else None,
        "current_url": request.script_root
        + request.path
        + "?"
        + urlencode({k: v for k, v in request.args.items(multi=True) if k not in ("asOf", "recordedBefore")}),
        "has_api": svc.has_api,
        "t": translator(current),
        "lang": current,
        "languages": LANGUAGES,
        "lang_url": switch,
        "root": request.script_root,
    }


# -- linked data: /id, /data, /page ----------------------------------------------------------


def _see_other(iri: str, page_url: str, data_url: Callable[[str], str]) -> BaseResponse:
    fmt = formats.negotiate(request.headers.get("Accept"), formats.HTML, PAGE_FORMATS)
    target = page_url if fmt.name == "html" else data_url(fmt.extension)
    resp = redirect(target, code=303)
    resp.vary.add("Accept")
    return resp


@bp.get("/id/<path:rest>")
def dereference(rest: str) -> BaseResponse:
    iri = settings().base_iri + rest
    if not terms.exists(store(), iri):
        raise NotFound(f"Nothing is known about <{iri}>.")
    link = linker()
    return _see_other(iri, link.page(iri), lambda ext: link.data(iri, ext))


@bp.get("/ontology/<path:term>")
def ontology_term(term: str) -> BaseResponse:
    """A term of the vocabulary (``PKG``, whatever the base IRI): ``/ontology/Post`` answers 303 to its
    page or its RDF by Accept; ``/ontology/Post.ttl`` (.nt, .rdf, .jsonld, .html, .json) is that
    document itself, for redirects that negotiate on their own (w3id.org, docs/vocabulary.md)."""
    iri, ext = PKG + term, None
    stem, dot, suffix = term.rpartition(".")
    if dot and suffix in TERM_SUFFIXES and not terms.exists(store(), iri):
        iri, ext = PKG + stem, suffix
    if not terms.exists(store(), iri):
        raise NotFound(f"The ontology has no term <{iri}>.")
    if ext in ("html", "json"):
        return _page(iri, ext == "json")
    if ext is not None:
        return _data(iri, ext, request.base_url)
    link = linker()
    return _see_other(iri, link.page(iri), lambda ext: link.data(iri, ext))


def _page(iri: str, as_json: bool) -> Response:
    ctx = describe.resource_context(
        store(),
        iri,
        base_iri=settings().base_iri,
        linker=linker(),
        vocab=vocab(),
        lang=lang(),
        incoming_property=request.args.get("inprop") or None,
        incoming_page=int_arg("inpage", 1),
        per_page=PER_PAGE_INCOMING,
    )
    ctx["timeline"] = timeline.context(store(), iri, linker=linker(), vocab=vocab(), lang=lang())
    ctx["record"] = history.resource_record(store(), settings(), iri)
    ctx["history_url"] = f"{request.script_root}/changes?{urlencode({'iri': iri})}"
    return show("resource.html", ctx, as_json)


@bp.get("/page/<path:rest>")
def page(rest: str) -> Response:
    rest, ext = split_suffix(rest, ("json",))
    return _page(settings().base_iri + rest, ext == "json" or wants_json())


@bp.get("/page")
@bp.get("/page.json")
def page_any() -> Response:
    return _page(iri_arg(), wants_json())


def _data(iri: str, ext: str | None, doc_iri: str) -> Response:
    if request.args.get("format"):
        fmt = formats.by_name(request.args["format"], formats.GRAPH)
        if fmt not in RDF_FORMATS:
            raise BadRequest("Use format ttl, nt, rdf or jsonld.")
    elif ext:
        fmt = formats.by_name(ext, formats.GRAPH)  # ttl, nt, rdf or jsonld (split_suffix)
    else:
        fmt = formats.negotiate(request.headers.get("Accept"), formats.GRAPH, RDF_FORMATS)
    triples = document.cbd(store(), iri, doc_iri)
    body = document.serialize(triples, fmt.ox_rdf, settings().base_iri)
    resp = Response(body, content_type=fmt.content_type)
    resp.vary.add("Accept")
    resp.headers["Link"] = f'<{linker().page(iri)}>; rel="alternate"; type="text/html"'
    return resp


@bp.get("/data/<path:rest>")
def data(rest: str) -> Response:
    rest, ext = split_suffix(rest, ("ttl", "nt", "rdf", "jsonld"))
    return _data(settings().base_iri + rest, ext, request.base_url)


@bp.get("/data")
def data_any() -> Response:
    return _data(iri_arg(), None, request.url)


# -- ontology ---------------------------------------------------------------------------------


@bp.get("/ontology")
@bp.get("/ontology/")  # the namespace, which is the ontology's IRI
@bp.get("/ontology.<ext>")
def ontology(ext: str | None = None) -> Response:
    graph = ontology_graph(settings().base_iri)
    if ext is None and not wants_json():
        fmt = formats.negotiate(request.headers.get("Accept"), formats.HTML, PAGE_FORMATS)
        ext = None if fmt.name == "html" else fmt.extension
    if ext is not None and ext != "json":
        doc_fmt = formats.by_extension(ext, formats.GRAPH)
        if doc_fmt is None or doc_fmt not in RDF_FORMATS:
            raise NotFound(f"No ontology document /ontology.{ext}; use .ttl, .nt, .rdf, .jsonld or .json.")
        if not store().has_graph(graph):
            raise NotFound("The ontology is not loaded.")
        triples = [ox.Triple(q.subject, q.predicate, q.object) for q in store().quads(graph)]
        body = document.serialize(triples, doc_fmt.ox_rdf, settings().base_iri)
        resp = Response(body, content_type=doc_fmt.content_type)
        resp.vary.add("Accept")
        return resp
    ctx = pages.ontology_context(store(), base_iri=settings().base_iri, linker=linker(), vocab=vocab(), lang=lang())
    ctx["links"] = {
        "ttl": f"{request.script_root}/ontology.ttl",
        "json": f"{request.script_root}/ontology.json",
        "query": linker().query(
            "PREFIX owl: <http://www.w3.org/2002/07/owl#>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
            "SELECT ?term ?kind ?label WHERE {\n  ?term a ?kind ; rdfs:label ?label .\n"
            "  VALUES ?kind { owl:Class owl:ObjectProperty owl:DatatypeProperty }\n}\nORDER BY ?kind ?term"
        ),
    }
    return show("ontology.html", ctx, ext == "json" or wants_json())


# The overview pages (home, classes, search, query) live in browse_pages.py, on this blueprint.
