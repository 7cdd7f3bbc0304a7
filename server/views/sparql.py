"""/sparql: the SPARQL 1.1 Protocol (query, update, service description) with CORS.

Parsing and policy live in server.sparql, evaluation in server.executor, serialisation in
server.results; this module wires them to Flask.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
import weakref
from typing import Any

from flask import Blueprint, Response, current_app, request

from .. import service_description, sparql
from ..auth import require_write
from ..errors import QueryTimeout
from ..executor import ExecutorPool, Job, evaluate_in_thread
from ..store.embedded import EmbeddedStore
from . import settings, store

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
    return _cors(_query(req))


def _query(req: sparql.ProtocolRequest) -> Response:
    s = settings()
    sparql.check_query_policy(req.text, s.allow_service_hosts)
    if req.format:  # unknown names are a 400 before any evaluation
        from ..formats import by_name

        by_name(req.format)
    timeout = min(req.timeout or s.query_timeout, s.query_timeout)
    job = Job(
        req.text,
        default_graphs=req.default_graphs,
        named_graphs=req.named_graphs,
        base_iri=request.base_url,
        accept=request.headers.get("Accept"),
        fmt=req.format,
        max_rows=s.max_rows,
        max_triples=s.max_construct_triples,
    )
    from .ops import metrics

    etag = _etag(job) if request.method in ("GET", "HEAD") else None
    if etag is not None and request.if_none_match.contains_weak(etag):
        resp = Response(status=304)  # the same store state and request: the client's copy is current
        resp.set_etag(etag, weak=True)
        resp.headers["Vary"] = "Accept, Origin"
        resp.headers["Cache-Control"] = "no-cache"
        return resp
    started = time.monotonic()
    try:
        rendered = run_query(job, timeout)
    except QueryTimeout:
        metrics().timeout()
        raise
    finally:
        metrics().query(time.monotonic() - started)
    resp = Response(rendered.body, content_type=rendered.content_type)
    resp.headers["Vary"] = "Accept, Origin"
    if etag is not None:
        resp.set_etag(etag, weak=True)
        resp.headers["Cache-Control"] = "no-cache"  # may be stored, but revalidated before each use
    if rendered.truncated:
        resp.headers["X-Result-Truncated"] = "true"
    return resp


def _etag(job: Job) -> str | None:
    """A weak validator of a query's answer: the same store state and the same request give
    the same result. None for stores that cannot name their state (external stores)."""
    state = getattr(store(), "state", None)
    if state is None:
        return None
    parts = (state, job.sparql, repr(job.default_graphs), repr(job.named_graphs), job.base_iri or "",
             job.accept or "", job.fmt or "", str(job.max_rows), str(job.max_triples))
    return hashlib.blake2b("\0".join(parts).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def run_query(job: Job, timeout: float, *, html: bool = False) -> Any:
    """Evaluate ``job`` where a runaway can be stopped (``executor_pool``); in the request
    thread for in-memory and external stores. ``html``: a query page, whose timeout answer (if
    the watchdog has to give it) is a small HTML page instead of the JSON error."""
    pool = executor_pool()
    if pool is None:
        return evaluate_in_thread(store(), job, timeout)
    environ, rule, app = request.environ, request.url_rule, current_app._get_current_object()  # type: ignore[attr-defined]
    started = time.monotonic()

    def answer() -> bytes:  # in the watchdog thread, only if the query gets stuck: no request context
        s = app.extensions["policykg.settings"]
        route = rule.rule if rule is not None else environ.get("PATH_INFO", "")
        return _timeout_answer(timeout, environ.get("HTTP_ORIGIN"), s.cors_origins, environ.get("REQUEST_METHOD", ""),
                               app.extensions["policykg.metrics"], started, route, html)

    return pool.run(job, timeout, sock=environ.get("gunicorn.socket"), answer=answer)


def _timeout_answer(timeout: float, origin: str | None, cors_origins: str, method: str, m: Any,
                    started: float, route: str = "/sparql", html: bool = False) -> bytes:
    """The raw HTTP response the query watchdog (another thread: no request context) sends for
    a query stuck past its timeout, whose request thread cannot answer: it is inside the
    evaluation. Same body and CORS as the usual timeout answer."""
    err = QueryTimeout(f"The query ran longer than {timeout:g} s and was stopped.", detail={"timeout": timeout})
    if html:  # fixed text: nothing from the request is echoed
        body = ("<!doctype html><meta charset=utf-8><title>503 timeout</title>"
                f"<h1>503 timeout</h1><p>{err.message}</p>").encode("utf-8")
        head = ["Content-Type: text/html; charset=utf-8", "Content-Security-Policy: default-src 'none'"]
    else:
        body = json.dumps(err.to_dict(), ensure_ascii=False).encode("utf-8")
        head = ["Content-Type: application/json"]
    head = ["HTTP/1.1 503 Service Unavailable", *head, f"Content-Length: {len(body)}", "Connection: close",
            "Vary: Accept, Origin"]
    allow = allowed_origin(origin, cors_origins)
    if allow is not None:
        head += [f"Access-Control-Allow-Origin: {allow}", f"Access-Control-Expose-Headers: {EXPOSED}"]
    m.timeout()
    m.query(time.monotonic() - started)
    m.request(route, method, 503)
    return ("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + body


def _update(req: sparql.ProtocolRequest) -> Response:
    require_write(request)
    sparql.check_update_policy(req.text, settings().allow_service_hosts)
    store().update(
        req.text, using_graphs=req.using_graphs, using_named_graphs=req.using_named_graphs, base_iri=request.base_url
    )
    return Response(status=204)


def _service_description(req: sparql.ProtocolRequest) -> Response:
    s, st = settings(), store()
    triples = service_description.describe(
        request.base_url,
        updates=bool(s.update_token),
        graphs=st.graphs(),
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


def _cors(resp: Response, *, preflight: bool = False) -> Response:
    """CORS for reads only (queries, the service description, their errors); never credentials."""
    allow = allowed_origin(request.headers.get("Origin"), settings().cors_origins)
    if allow is None:
        return resp
    resp.headers["Access-Control-Allow-Origin"] = allow
    if allow != "*":
        resp.headers.add("Vary", "Origin")
    resp.headers["Access-Control-Expose-Headers"] = EXPOSED
    if preflight:
        resp.headers["Access-Control-Allow-Methods"] = CORS_METHODS
        resp.headers["Access-Control-Allow-Headers"] = CORS_HEADERS
        resp.headers["Access-Control-Max-Age"] = "600"
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
