"""The linked-data browser: /id/* dereferencing (303), resource pages, data documents,
ontology, classes, search and the query page. Views parse the request, call a plain function
of ``server.browse`` and pick HTML or JSON; every HTML response carries the CSP header."""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from typing import Any
from urllib.parse import urlencode

import pyoxigraph as ox
from flask import Blueprint, Response, current_app, g, jsonify, redirect, render_template, request

from .. import formats
from ..browse import describe, document, pages, terms
from ..browse.labels import build as build_label_index
from ..browse.terms import Linker, load_vocab
from ..errors import BadRequest, NotFound
from ..i18n import COOKIE, LANGUAGES, pick_language, translator
from ..namespaces import PKG, ontology_graph
from . import int_arg, settings, store

bp = Blueprint("browse", __name__)
log = logging.getLogger(__name__)

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'"
)
RDF_FORMATS = [formats.BY_NAME[n] for n in ("ttl", "nt", "rdf", "jsonld")]
PAGE_FORMATS = [formats.BY_NAME["html"], *RDF_FORMATS]
PER_PAGE_INCOMING = 20


# -- request helpers ------------------------------------------------------------------------


def lang() -> str:
    if "lang" not in g:
        g.lang = pick_language(
            request.args.get("lang"), request.cookies.get(COOKIE), request.headers.get("Accept-Language")
        )
    return g.lang


def linker() -> Linker:
    return Linker(settings().base_iri, request.script_root)


CACHE_TTL = 60.0  # seconds; writes made by other processes are seen after at most this long


def _cached(name: str, build: Any, *, background: bool = False) -> Any:
    """One per-app copy of something built from the whole store (the vocabulary's labels, the
    label index), rebuilt when this process writes the store or after CACHE_TTL (writes by other
    processes). With ``background`` the TTL refresh runs in a thread while the old copy keeps
    being served, so only the first build and this process's own writes make a request wait."""
    if name in g:
        return getattr(g, name)
    st = store()
    key = (id(st), getattr(st, "generation", None), int(time.monotonic() // CACHE_TTL))
    slot = f"policykg.browse.{name}"
    ext = current_app.extensions
    cached = ext.get(slot)
    # this process's own writes are seen at once; only the TTL refresh happens in the background
    if cached is None or (cached[0] != key and (not background or cached[0][:2] != key[:2])):
        cached = ext[slot] = (key, build(st))
    elif cached[0] != key:
        lock = ext.setdefault(slot + ".lock", threading.Lock())
        if lock.acquire(blocking=False):

            def refresh() -> None:
                try:
                    ext[slot] = (key, build(st))
                except Exception:  # keep serving the old copy
                    log.exception("rebuilding %s failed", name)
                finally:
                    lock.release()

            threading.Thread(target=refresh, name=f"policykg-{name}", daemon=True).start()
    setattr(g, name, cached[1])
    return cached[1]


def vocab():
    return _cached("vocab", load_vocab)


def class_counts() -> dict[str, int]:
    """Instances per class (a scan of every rdf:type), once per store generation / TTL."""
    return _cached("class_counts", pages.class_counts, background=True)


def triple_count() -> int:
    """The store's size (O(n) on the embedded store), once per store generation / TTL."""
    return _cached("triple_count", lambda st: st.triple_count(), background=True)


MEMO_SIZE = 8  # sorted instance lists kept (class x language x order); roughly 10 MB each for 70k instances (estimate)
_MEMO_LOCK = threading.Lock()


def memo(name: str, args: tuple, build: Any) -> Any:
    """``build()`` remembered for ``args`` until the store changes (the key of ``_cached``),
    least recently used dropped beyond MEMO_SIZE entries. ``build`` must not need the request
    (it may run in a thread): when only the TTL expired (writes by other processes), the old
    value is served while a thread rebuilds it, as the label index does."""
    st = store()
    key = (id(st), getattr(st, "generation", None), int(time.monotonic() // CACHE_TTL))
    ext = current_app.extensions
    slot = f"policykg.browse.memo.{name}"
    with _MEMO_LOCK:
        entries = ext.setdefault(slot, OrderedDict())
        found = entries.get(args)
        if found is not None and found[0][:2] == key[:2]:
            entries.move_to_end(args)
            if found[0] != key and not found[2].locked():
                lock = found[2]
                lock.acquire()

                def refresh() -> None:
                    try:
                        value = build()
                        with _MEMO_LOCK:
                            if args in entries:
                                entries[args] = (key, value, lock)
                    except Exception:  # keep serving the old copy
                        log.exception("rebuilding %s failed", name)
                    finally:
                        lock.release()

                threading.Thread(target=refresh, name=f"policykg-{name}", daemon=True).start()
            return found[1]
    value = build()
    with _MEMO_LOCK:
        entries[args] = (key, value, threading.Lock())
        for old in [a for a, v in entries.items() if v[0][:2] != key[:2]]:
            del entries[old]  # built before a write: never served again
        while len(entries) > MEMO_SIZE:
            entries.popitem(last=False)
    return value


def label_index():
    return _cached("label_index", build_label_index, background=True)


def wants_json() -> bool:
    """The JSON twin of a page: asked by a ``.json`` path, ``?format=json`` or Accept."""
    if request.path.endswith(".json") or request.args.get("format") == "json":
        return True
    accept = request.accept_mimetypes
    return accept["application/json"] > accept["text/html"]


def show(template: str, ctx: dict[str, Any], as_json: bool, status: int = 200) -> Response:
    if as_json:
        resp = jsonify({"lang": lang(), **ctx})
    else:
        resp = Response(render_template(template, **ctx), mimetype="text/html")
    resp.status_code = status
    resp.vary.update(("Accept", "Accept-Language", "Cookie"))
    return resp


def split_suffix(rest: str, candidates: tuple[str, ...]) -> tuple[str, str | None]:
    """``person/x.ttl`` -> (``person/x``, ``ttl``) when the suffix is one of ``candidates`` and
    the full string is not itself a known resource."""
    stem, dot, ext = rest.rpartition(".")
    if dot and ext.lower() in candidates and "/" not in ext:
        full = settings().base_iri + rest
        try:
            if terms.exists(store(), full):
                return rest, None
        except NotFound:
            pass
        return stem, ext.lower()
    return rest, None


def iri_arg() -> str:
    iri = request.args.get("iri", "").strip()
    if not iri:
        raise BadRequest("Give the resource as ?iri=<IRI>.")
    return iri


# -- hooks ------------------------------------------------------------------------------------


@bp.after_app_request
def _headers(resp: Response) -> Response:
    if resp.mimetype == "text/html":
        resp.headers["Content-Security-Policy"] = CSP
        resp.headers.setdefault("X-Content-Type-Options", "nosniff")
        resp.headers.setdefault("Referrer-Policy", "same-origin")
    chosen = request.args.get("lang") if b"lang=" in request.query_string else None  # parse only then
    if chosen in LANGUAGES and request.cookies.get(COOKIE) != chosen:
        resp.set_cookie(COOKIE, chosen, max_age=365 * 24 * 3600, samesite="Lax", httponly=True)
    return resp


@bp.app_context_processor
def _template_globals() -> dict[str, Any]:
    try:
        current = lang()
    except RuntimeError:
        current = "ru"

    def switch(to: str) -> str:
        args = request.args.to_dict(flat=False)
        args["lang"] = [to]
        return request.script_root + request.path + "?" + urlencode(args, doseq=True)

    ext = current_app.extensions
    if "policykg.browse.has_api" not in ext:  # the API's HTML page is another blueprint's
        ext["policykg.browse.has_api"] = any(r.rule == "/api" for r in current_app.url_map.iter_rules())
    return {
        "has_api": ext["policykg.browse.has_api"],
        "t": translator(current),
        "lang": current,
        "languages": LANGUAGES,
        "lang_url": switch,
        "root": request.script_root,
    }


# -- linked data: /id, /data, /page ----------------------------------------------------------


def _see_other(iri: str, page_url: str, data_url) -> Response:
    fmt = formats.negotiate(request.headers.get("Accept"), formats.HTML, PAGE_FORMATS)
    target = page_url if fmt.name == "html" else data_url(fmt.extension)
    resp = redirect(target, code=303)
    resp.vary.add("Accept")
    return resp


@bp.get("/id/<path:rest>")
def dereference(rest: str):
    iri = settings().base_iri + rest
    if not terms.exists(store(), iri):
        raise NotFound(f"Nothing is known about <{iri}>.")
    link = linker()
    return _see_other(iri, link.page(iri), lambda ext: link.data(iri, ext))


@bp.get("/ontology/<path:term>")
def ontology_term(term: str):
    iri = PKG + term
    if not terms.exists(store(), iri):
        raise NotFound(f"The ontology has no term <{iri}>.")
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
    return show("resource.html", ctx, as_json)


@bp.get("/page/<path:rest>")
def page(rest: str):
    rest, ext = split_suffix(rest, ("json",))
    return _page(settings().base_iri + rest, ext == "json" or wants_json())


@bp.get("/page")
@bp.get("/page.json")
def page_any():
    return _page(iri_arg(), wants_json())


def _data(iri: str, ext: str | None, doc_iri: str) -> Response:
    if request.args.get("format"):
        fmt = formats.by_name(request.args["format"], formats.GRAPH)
        if fmt not in RDF_FORMATS:
            raise BadRequest("Use format ttl, nt, rdf or jsonld.")
    elif ext:
        fmt = formats.by_extension(ext, formats.GRAPH)
    else:
        fmt = formats.negotiate(request.headers.get("Accept"), formats.GRAPH, RDF_FORMATS)
    triples = document.cbd(store(), iri, doc_iri)
    body = document.serialize(triples, fmt.ox_rdf, settings().base_iri)
    resp = Response(body, content_type=fmt.content_type)
    resp.vary.add("Accept")
    resp.headers["Link"] = f'<{linker().page(iri)}>; rel="alternate"; type="text/html"'
    return resp


@bp.get("/data/<path:rest>")
def data(rest: str):
    rest, ext = split_suffix(rest, ("ttl", "nt", "rdf", "jsonld"))
    return _data(settings().base_iri + rest, ext, request.base_url)


@bp.get("/data")
def data_any():
    return _data(iri_arg(), None, request.url)


# -- ontology ---------------------------------------------------------------------------------


@bp.get("/ontology")
@bp.get("/ontology.<ext>")
def ontology(ext: str | None = None):
    graph = ontology_graph(settings().base_iri)
    if ext is None and not wants_json():
        fmt = formats.negotiate(request.headers.get("Accept"), formats.HTML, PAGE_FORMATS)
        ext = None if fmt.name == "html" else fmt.extension
    if ext is not None and ext != "json":
        fmt = formats.by_extension(ext, formats.GRAPH)
        if fmt is None or fmt not in RDF_FORMATS:
            raise NotFound(f"No ontology document /ontology.{ext}; use .ttl, .nt, .rdf, .jsonld or .json.")
        if not store().has_graph(graph):
            raise NotFound("The ontology is not loaded.")
        triples = [ox.Triple(q.subject, q.predicate, q.object) for q in store().quads(graph)]
        resp = Response(document.serialize(triples, fmt.ox_rdf, settings().base_iri), content_type=fmt.content_type)
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
from . import browse_pages  # noqa: F401  (registers its routes on bp)
