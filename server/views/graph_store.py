"""SPARQL 1.1 Graph Store HTTP Protocol at /store.

Indirect identification (``/store?graph=IRI``, ``/store?default``) and direct identification
(``/store/<path>``: the graph IRI is the request URL itself). ``/store`` alone is the whole
dataset: GET dumps it (TriG by default, N-Quads, JSON-LD) without the drafts (a draft is read by
its own ``?graph=``), POST of one graph creates a new graph
(201 + Location), POST of TriG/N-Quads adds the quads to their own graphs.
Writes need the update token, exactly like SPARQL Update.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import pyoxigraph as ox
from flask import Blueprint, Response, jsonify, request

from server.core.errors import BadRequest, MethodNotAllowed, NotFound
from server.graph import history
from server.protocol.formats import DATASET, GRAPH, Format, by_name, negotiate
from server.protocol.graph_store import (
    DATASET_DOWNLOADS,
    DATASET_UPLOADS,
    Payload,
    check_graph_iri,
    new_graph_iri,
    parse_upload,
    upload_format,
)
from server.views.auth import require_write
from server.views.context import settings, store

bp = Blueprint("graph_store", __name__)

METHODS = ["GET", "HEAD", "PUT", "POST", "DELETE"]
DATASET_METHODS = "GET, HEAD, POST"


@dataclass(frozen=True)
class Target:
    """What a request addresses: the whole dataset, the default graph (graph=None) or a named graph."""

    dataset: bool = False
    graph: str | None = None

    @property
    def label(self) -> str:
        return "the default graph" if self.graph is None else f"graph <{self.graph}>"


@bp.route("/store", methods=METHODS, provide_automatic_options=True)
def indirect() -> Response:
    return _dispatch(_indirect_target())


@bp.route("/store/<path:_rest>", methods=METHODS)
def direct(_rest: str) -> Response:
    # Direct identification: the graph IRI is the request URL without its query string.
    return _dispatch(Target(graph=check_graph_iri(request.base_url)))


def _indirect_target() -> Target:
    graphs = request.args.getlist("graph")
    if len(graphs) > 1:
        raise BadRequest("Give ?graph= once.")
    if graphs and "default" in request.args:
        raise BadRequest("Give either ?graph=IRI or ?default, not both.")
    if graphs:
        return Target(graph=check_graph_iri(graphs[0]))
    if "default" in request.args:
        return Target()
    return Target(dataset=True)


def _dispatch(target: Target) -> Response:
    if request.method in ("GET", "HEAD"):
        return _read(target)
    require_write(request)
    if target.dataset and request.method != "POST":
        raise MethodNotAllowed(
            f"{request.method} needs ?graph=IRI or ?default; /store itself allows {DATASET_METHODS}.",
            headers={"Allow": DATASET_METHODS},
        )
    s = settings()
    with history.recording(store(), s, "update", agent=s.update_token_name, label=f"{request.method} /store"):
        if request.method == "POST":
            return _post(target)
        if request.method == "PUT":
            return _put(target)
        return _delete(target)


# -- reads ------------------------------------------------------------------------------------
def _read(target: Target) -> Response:
    st = store()
    if target.dataset:
        fmt = _response_format(DATASET, DATASET_DOWNLOADS)
    else:
        fmt = _response_format(GRAPH, None)
        if target.graph is not None and not st.has_graph(target.graph):
            raise NotFound(f"No {target.label} in the store.")
    if request.method == "HEAD":
        body = b""
    elif target.dataset:
        body = _dataset_bytes(fmt)
    else:
        body = _graph_bytes(target.graph, fmt)
    resp = Response(body, status=200, content_type=fmt.content_type)
    resp.headers["Vary"] = "Accept"
    return resp


def _response_format(kind: str, candidates: list[Format] | None) -> Format:
    name = request.args.get("format")
    if name:
        fmt = by_name(name, kind)
        if candidates and fmt not in candidates:
            raise BadRequest(f"Unsuitable format {name!r}; use one of: {', '.join(f.name for f in candidates)}.")
        return fmt
    return negotiate(request.headers.get("Accept"), kind, candidates)


def _dataset_bytes(fmt: Format) -> bytes:
    """The dataset in ``fmt``, its private graphs (drafts) left out."""
    st = store()
    names = st.graph_names()
    if not any(st.is_private(g) for g in names):
        return st.dump(fmt.ox_rdf) or b""
    default = ox.parse(st.dump(ox.RdfFormat.N_TRIPLES, None) or b"", ox.RdfFormat.N_TRIPLES)
    named = (q for g in names if not st.is_private(g) for q in st.quads(g))
    return ox.serialize(itertools.chain(default, named), format=fmt.ox_rdf) or b""


def _graph_bytes(graph: str | None, fmt: Format) -> bytes:
    """One graph in ``fmt``. Quad formats of the default graph are re-serialised from N-Triples,
    since ``Store.dump(quad format, None)`` means the whole dataset."""
    st = store()
    if graph is None and fmt.ox_rdf.supports_datasets:
        triples = ox.parse(st.dump(ox.RdfFormat.N_TRIPLES, None) or b"", ox.RdfFormat.N_TRIPLES)
        return ox.serialize(triples, format=fmt.ox_rdf) or b""
    return st.dump(fmt.ox_rdf, graph) or b""


# -- writes -----------------------------------------------------------------------------------
def _put(target: Target) -> Response:
    payload = _payload(target.graph)
    st = store()
    existed = target.graph is None or st.has_graph(target.graph)
    if not payload.count:  # an empty graph: cleared (a named graph is then no longer listed)
        st.drop_graph(target.graph)
        return Response(status=204)
    st.load(payload.data, payload.rdf_format, target.graph, replace=True)
    return _written(target.graph, created=not existed)


def _post(target: Target) -> Response:
    st = store()
    if target.dataset:
        fmt = upload_format(request.content_type, dataset_allowed=True)
        if fmt in DATASET_UPLOADS:
            payload = parse_upload(
                request.get_data(), request.content_type, fmt, base_iri=request.base_url, dataset=True
            )
            st.load(payload.data, payload.rdf_format, None)
            return Response(status=204)
        graph = new_graph_iri(settings().base_iri)
        payload = parse_upload(request.get_data(), request.content_type, fmt, base_iri=graph)
        st.load(payload.data, payload.rdf_format, graph)
        return _written(graph, created=True)
    payload = _payload(target.graph)
    existed = target.graph is None or st.has_graph(target.graph)
    if payload.count:
        st.load(payload.data, payload.rdf_format, target.graph)
    return _written(target.graph, created=not existed and payload.count > 0)


def _delete(target: Target) -> Response:
    existed = store().drop_graph(target.graph)
    if target.graph is not None and not existed:
        raise NotFound(f"No {target.label} in the store.")
    return Response(status=204)


def _payload(graph: str | None) -> Payload:
    """The request body as one graph; multipart/form-data bodies merge all their file parts."""
    base = graph or request.base_url
    if request.mimetype == "multipart/form-data":
        parts = [(f.content_type or "", f.read()) for f in request.files.values()]
        if not parts:
            raise BadRequest("multipart/form-data body without file parts: nothing to add.")
        payloads = [
            parse_upload(body, ctype, upload_format(ctype, dataset_allowed=False), base_iri=base)
            for ctype, body in parts
        ]
        return Payload(b"".join(p.data for p in payloads), ox.RdfFormat.N_TRIPLES, sum(p.count for p in payloads))
    fmt = upload_format(request.content_type, dataset_allowed=False)
    return parse_upload(request.get_data(), request.content_type, fmt, base_iri=base)


def _written(graph: str | None, *, created: bool) -> Response:
    if not created:
        return Response(status=204)
    resp = jsonify({"graph": graph, "created": True})
    resp.status_code = 201
    resp.headers["Location"] = graph
    return resp
