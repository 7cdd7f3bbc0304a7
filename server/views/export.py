"""GET /export (dataset or graph dumps) and GET /.well-known/void (VoID description)."""

from __future__ import annotations

import gzip
import hashlib

import pyoxigraph as ox
from flask import Blueprint, Response, request

from server.core.errors import BadRequest
from server.core.namespaces import graph_iri
from server.protocol import formats
from server.publish.export import dataset_date, export_filename, export_prefixes, select, serialize
from server.publish.void import void_statements
from server.views.context import cache, settings, store

bp = Blueprint("export", __name__)

DATASET_ORDER = ("trig", "nq", "jsonld", "ttl", "nt", "rdf")
GRAPH_ORDER = ("ttl", "nt", "rdf", "jsonld", "trig", "nq")
VOID_ORDER = ("ttl", "nt", "rdf", "jsonld")
CACHE_ENTRIES = 8  # dumps kept until the store changes
_TRUE, _FALSE = {"true", "1", "yes", "on"}, {"false", "0", "no", "off", ""}


def _flag(name: str) -> bool:
    raw = (request.args.get(name) or "").strip().lower()
    if raw in _TRUE:
        return True
    if raw in _FALSE:
        return False
    raise BadRequest(f"Parameter '{name}': use true or false", detail={"parameter": name})


def _graph_arg() -> str | None:
    raw = request.args.get("graph")
    if raw is None or raw == "":
        return None
    value = raw if ":" in raw else graph_iri(settings().base_iri, raw)  # short name: article-2026-01-27
    try:
        return ox.NamedNode(value).value
    except ValueError:
        raise BadRequest(f"Parameter 'graph': {raw!r} is not an IRI", detail={"parameter": "graph"}) from None


def _pick(order: tuple[str, ...]) -> formats.Format:
    candidates = [formats.BY_NAME[n] for n in order]
    name = request.args.get("format")
    if name:
        fmt = formats.by_name(name)
        if fmt not in candidates:
            raise BadRequest(f"Parameter 'format': use one of {', '.join(order)}", detail={"parameter": "format"})
        return fmt
    return formats.negotiate(request.headers.get("Accept"), formats.GRAPH, candidates)


def _send(body: bytes, fmt: formats.Format, filename: str | None) -> Response:
    compress = (request.args.get("compress") or "").lower()
    if compress not in ("", "gzip", "none"):
        raise BadRequest("Parameter 'compress': use gzip or none", detail={"parameter": "compress"})
    if compress == "gzip":
        # A .gz file to save: the body stays compressed on disk.
        resp = Response(gzip.compress(body, mtime=0), content_type="application/gzip")
        if filename:
            filename += ".gz"
    else:
        resp = Response(body, content_type=fmt.content_type)
        if compress != "none" and request.accept_encodings["gzip"] > 0 and len(body) > 512:
            resp.set_data(gzip.compress(body, mtime=0))
            resp.headers["Content-Encoding"] = "gzip"
    if filename:
        resp.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    resp.vary.add("Accept")
    resp.vary.add("Accept-Encoding")
    resp.headers["Access-Control-Allow-Origin"] = "*"
    resp.set_etag(hashlib.sha256(resp.get_data()).hexdigest()[:32])
    resp.make_conditional(request)  # in place: 304 when the client's copy is current
    return resp


@bp.get("/export")
def export() -> Response:
    graph = _graph_arg()
    inferred = _flag("inferred")
    fmt = _pick(GRAPH_ORDER if graph else DATASET_ORDER)

    def make() -> tuple[bytes, str]:
        statements = select(store(), settings(), graph=graph, inferred=inferred)
        body = serialize(statements, fmt, export_prefixes(statements, settings()))
        return body, export_filename(settings(), dataset_date(store(), settings()), graph, fmt)

    body, name = cache("export", CACHE_ENTRIES).get(store(), (graph, inferred, fmt.name), make)
    return _send(body, fmt, name)


@bp.get("/.well-known/void")
def void() -> Response:
    fmt = _pick(VOID_ORDER)
    statements = void_statements(store(), settings(), request.url_root)
    body = serialize(statements, fmt, export_prefixes(statements, settings()))
    return _send(body, fmt, None)
