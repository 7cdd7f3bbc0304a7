"""/sparql: the SPARQL 1.1 Protocol (query, update, service description) with CORS.

Parsing and policy live in server.protocol.request, evaluation in server.protocol.executor, serialisation in
server.protocol.results; this module wires them to Flask.
"""

from __future__ import annotations

import hashlib
import threading
import time
import weakref
from typing import Any

from flask import Blueprint, Response, current_app, request
from werkzeug.http import parse_etags

from server.protocol import request as sparql
from server.protocol import service_description
from server.sparql import policy
from server.views.auth import require_token, require_write
from server.core.errors import QueryTimeout
from server.protocol.executor import ExecutorPool, Job, evaluate_in_thread
from server.store.embedded import EmbeddedStore
from server.views.context import settings, store

bp = Blueprint("sparql", __name__)
_pool_lock = threading.Lock()

CORS_METHODS = "GET, POST, OPTIONS"
CORS_HEADERS = "Accept, Content-Type, If-None-Match"  # never Authorization: no cross-origin updates
EXPOSED = "X-Result-Truncated, Content-Type, ETag"


def executor_pool(app: Any = None) -> Any:
    """What evaluates the app's queries where they can be stopped: the in-worker runner that
    ``policykg serve`` installs, else an executor pool (started on first use) for the on-disk
    embedded store; None (evaluate in the request thread) for in-memory and external stores."""
    app = app or current_app._get_current_object()  # type: ignore[attr-defined]
    ext = app.extensions
    if "policykg.query_runner" in ext:
        return ext["policykg.query_runner"]
    st = ext["policykg.store"]
    if not isinstance(st, EmbeddedStore) or st.path is None or st.read_only:
        return None
    pool = ext.get("policykg.executor")
    if pool is None:
        with _pool_lock:
            pool = ext.get("policykg.executor")
            if pool is None:
                size = ext["policykg.settings"].query_workers
                pool = ext["policykg.executor"] = ExecutorPool(st, size)
                weakref.finalize(app, pool.close)  # apps made by tests do not leave processes behind
    return pool


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
    return _query(req)


def _query(req: sparql.ProtocolRequest) -> Response:
    status, headers, body = answer_query(current_app._get_current_object(), request.environ, req,
                                         base_url=request.base_url)  # type: ignore[attr-defined]
    return Response(body, status=status, headers=headers)


def answer_query(app: Any, environ: dict[str, Any], req: sparql.ProtocolRequest, *,
                 base_url: str) -> tuple[int, list[tuple[str, str]], bytes]:
    """A query's answer (status, headers, body): policy, caps, revalidation, evaluation, CORS.
    Needs no Flask request context: the view and the WSGI fast path (server.app.fastpath) both
    call it. Errors are raised (PolicyKGError) for the one handler to map."""
    s = app.extensions["policykg.settings"]
    policy.check_query_policy(req.text, s.allow_service_hosts)
    if req.include_drafts:
        require_token(app, environ, "drafts=include")
    if req.format:  # unknown names are a 400 before any evaluation
        from server.protocol.formats import by_name

        by_name(req.format)
    timeout = min(req.timeout or s.query_timeout, s.query_timeout)
    job = Job(
        req.text,
        default_graphs=req.default_graphs,
        named_graphs=req.named_graphs,
        base_iri=base_url,
        accept=environ.get("HTTP_ACCEPT"),
        fmt=req.format,
        max_rows=s.max_rows,
        max_triples=s.max_construct_triples,
        include_private=req.include_drafts,
    )
    m = app.extensions["policykg.metrics"]
    method = environ.get("REQUEST_METHOD", "GET")
    etag = _etag(app.extensions["policykg.store"], job) if method in ("GET", "HEAD") else None
    headers = [("Vary", "Accept, Origin")]
    if etag is not None:
        headers += [("ETag", f'W/"{etag}"'), ("Cache-Control", "no-cache")]  # revalidated before each use
    headers += _cors_headers(environ.get("HTTP_ORIGIN"), s.cors_origins)
    if etag is not None and parse_etags(environ.get("HTTP_IF_NONE_MATCH")).contains_weak(etag):
        return 304, headers, b""  # the same store state and request: the client's copy is current
    started = time.monotonic()
    try:
        rendered = run_query_in(app, job, timeout)
    except QueryTimeout:
        m.timeout()
        raise
    finally:
        m.query(time.monotonic() - started)
    headers.insert(0, ("Content-Type", rendered.content_type))
    if rendered.truncated:
        headers.append(("X-Result-Truncated", "true"))
    return 200, headers, rendered.body


def _etag(st: Any, job: Job) -> str | None:
    """A weak validator of a query's answer: the same store state and the same request give
    the same result. None for stores that cannot name their state (external stores)."""
    state = getattr(st, "state", None)
    if state is None:
        return None
    parts = (state, job.sparql, repr(job.default_graphs), repr(job.named_graphs), job.base_iri or "",
             job.accept or "", job.fmt or "", str(job.max_rows), str(job.max_triples), str(job.include_private))
    return hashlib.blake2b("\0".join(parts).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def run_query(job: Job, timeout: float) -> Any:
    """``run_query_in`` for the current Flask app."""
    return run_query_in(current_app._get_current_object(), job, timeout)  # type: ignore[attr-defined]


def run_query_in(app: Any, job: Job, timeout: float) -> Any:
    """Evaluate ``job`` where a runaway can be stopped (``executor_pool``); in the request
    thread for in-memory and external stores. Raises QueryTimeout past ``timeout``."""
    pool = executor_pool(app)
    if pool is None:
        return evaluate_in_thread(app.extensions["policykg.store"], job, timeout)
    return pool.run(job, timeout)


def _update(req: sparql.ProtocolRequest) -> Response:
    require_write(request)
    policy.check_update_policy(req.text, settings().allow_service_hosts)
    store().update(
        req.text, using_graphs=req.using_graphs, using_named_graphs=req.using_named_graphs, base_iri=request.base_url
    )
    return Response(status=204)


def _service_description(req: sparql.ProtocolRequest) -> Response:
    s, st = settings(), store()
    triples = service_description.describe(
        request.base_url,
        updates=bool(s.update_token),
        graphs=st.published_graphs(),
        union_default_graph=getattr(st, "union_default_graph", True),
    )
    body, content_type = service_description.serialize(triples, request.headers.get("Accept"), req.format)
    resp = Response(body, content_type=content_type)
    resp.headers["Vary"] = "Accept, Origin"
    return resp


def allowed_origin(origin: str | None, cors_origins: str) -> str | None:
    """The Access-Control-Allow-Origin value for ``origin`` under the ``cors_origins`` setting:
    "*", the origin itself when listed (an exact match: never other text), or None."""
    origins = {o.strip() for o in cors_origins.split(",") if o.strip()}
    if not origin or not origins:
        return None
    if "*" in origins:
        return "*"
    return origin if origin in origins else None


def _cors_headers(origin: str | None, cors_origins: str, *, preflight: bool = False) -> list[tuple[str, str]]:
    """CORS for reads only (queries, the service description, their errors); never credentials."""
    allow = allowed_origin(origin, cors_origins)
    if allow is None:
        return []
    headers = [("Access-Control-Allow-Origin", allow)]
    if allow != "*":
        headers.append(("Vary", "Origin"))
    headers.append(("Access-Control-Expose-Headers", EXPOSED))
    if preflight:
        headers += [("Access-Control-Allow-Methods", CORS_METHODS), ("Access-Control-Allow-Headers", CORS_HEADERS),
                    ("Access-Control-Max-Age", "600")]
    return headers


def _cors(resp: Response, *, preflight: bool = False) -> Response:
    for name, value in _cors_headers(request.headers.get("Origin"), settings().cors_origins, preflight=preflight):
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
