"""/sparql: the SPARQL 1.1 Protocol (query, update, service description) with CORS.

Parsing and policy live in server.protocol.request, queries are answered by the query service
(server.protocol.query); this module wires them to Flask.
"""

from __future__ import annotations

from flask import Blueprint, Response, request

from server.graph import history
from server.protocol import request as sparql
from server.protocol import service_description
from server.protocol.cors import cors_headers
from server.sparql import policy
from server.views.auth import require_write
from server.views.context import services, settings, store

bp = Blueprint("sparql", __name__)


@bp.route("/sparql", methods=["GET", "POST", "OPTIONS"])
@bp.route("/sparql/", methods=["GET", "POST", "OPTIONS"])
def endpoint() -> Response:
    s = settings()
    if request.method == "OPTIONS":
        return _cors(Response(status=204), preflight=True)
    if request.method in ("GET", "HEAD"):  # reads: their protocol errors are readable cross-origin too
        request.environ["policykg.operation"] = "query"
    req = sparql.parse_request(
        request.method,
        request.headers.get("Content-Type"),
        request.query_string,
        request.get_data(cache=True) if request.method == "POST" else b"",
        max_length=s.max_query_length,
    )
    request.environ["policykg.operation"] = req.operation
    if req.operation is None:
        return _cors(_service_description(req))
    if req.operation == "update":
        return _update(req)
    status, headers, body = services().query.answer(request.environ, req, base_url=request.base_url)
    return Response(body, status=status, headers=headers)


def _update(req: sparql.ProtocolRequest) -> Response:
    require_write(request)
    policy.check_update_policy(req.text, settings().allow_service_hosts)
    history.update(
        store(),
        settings(),
        req.text,
        agent=settings().update_token_name,
        using_graphs=req.using_graphs,
        using_named_graphs=req.using_named_graphs,
        base_iri=request.base_url,
    )
    return Response(status=204)


def _service_description(req: sparql.ProtocolRequest) -> Response:
    s, st = settings(), store()
    graphs = st.published_graphs()
    triples = service_description.describe(
        request.base_url,
        updates=bool(s.update_token),
        graphs=graphs,
        # not the union of *all* its named graphs once the history graph (apart) is one of them
        union_default_graph=st.union_default_graph and not any(g.iri in st.apart_graphs for g in graphs),
    )
    body, content_type = service_description.serialize(triples, request.headers.get("Accept"), req.format)
    resp = Response(body, content_type=content_type)
    resp.headers["Vary"] = "Accept, Origin"
    return resp


def _cors(resp: Response, *, preflight: bool = False) -> Response:
    for name, value in cors_headers(request.headers.get("Origin"), settings().cors_origins, preflight=preflight):
        resp.headers.add(name, value)
    return resp


@bp.after_request
def _cors_on_query_errors(resp: Response) -> Response:
    """Errors of read requests also carry CORS headers, so browser clients can read them."""
    if (
        resp.status_code >= 400
        and request.method in ("GET", "HEAD", "POST")
        and request.environ.get("policykg.operation") == "query"
        and "Access-Control-Allow-Origin" not in resp.headers
    ):
        _cors(resp)
    return resp
