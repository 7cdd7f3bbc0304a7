"""The one query path: every query the service answers goes through ``QueryService.run``.

/sparql (the view and the WSGI fast path), named queries (/api/queries/NAME), the browser's
query page and ``policykg query`` (text or --name) each build a ``Job`` and hand it here, so
they share the checks (length, SERVICE policy, format name), the timeout, where the query is
evaluated, the caps, the truncation flag, the serialisation and the errors. No Flask here.

Where a query is evaluated (``QueryService.executor``): the ``runner`` given (``policykg
serve`` and the CLI: ``InWorkerRunner``); else, for an on-disk embedded store, executor
processes started on first use (``ExecutorPool``); else (in-memory and external stores) the
calling thread, the deadline checked between solutions.
"""

from __future__ import annotations

import hashlib
import threading
import time
import weakref
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from werkzeug.http import parse_etags

from server.core.errors import HeaderTooLarge, PayloadTooLarge, QueryTimeout
from server.core.metrics import Metrics
from server.core.settings import Settings
from server.protocol.asof import dataset
from server.protocol.auth import FailureLimiter, require_token
from server.protocol.cors import cors_headers
from server.protocol.executor import ExecutorPool, InWorkerRunner, Job, evaluate_in_thread
from server.protocol.formats import by_name
from server.protocol.request import ProtocolRequest
from server.protocol.result_cache import ResultCache, job_key
from server.protocol.results import Rendered
from server.sparql.policy import check_query_policy
from server.store.base import Store
from server.store.embedded import EmbeddedStore

if TYPE_CHECKING:
    from _typeshed.wsgi import WSGIEnvironment


def check_accept(accept: str | None, limit: int) -> None:
    """431 for an Accept header longer than ``limit`` (before any content negotiation)."""
    if accept is not None and len(accept) > limit:
        raise HeaderTooLarge(
            f"The Accept header is {len(accept)} characters long; the limit is {limit}.",
            detail={"header": "Accept", "length": len(accept), "limit": limit},
        )


@dataclass
class QueryService:
    """Runs queries on ``store`` under ``settings``, counting them in ``metrics``."""

    settings: Settings
    store: Store
    metrics: Metrics = field(default_factory=Metrics)
    runner: ExecutorPool | InWorkerRunner | None = None  # see ``executor``
    limiter: FailureLimiter = field(default_factory=FailureLimiter)  # failed update-token attempts, per client
    cache: ResultCache | None = None  # answers of this process (``result_cache_bytes``; None: off)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def __post_init__(self) -> None:
        if self.cache is None and self.settings.result_cache_bytes > 0:
            self.cache = ResultCache(self.settings.result_cache_bytes)

    def run(self, job: Job, timeout: float | None = None) -> Rendered:
        """Check, evaluate and serialise ``job`` within ``timeout`` (at most the setting).
        Raises PolicyKGError (QueryTimeout past the timeout) for the one handler to map."""
        self.check(job)
        return self.evaluate(job, timeout)

    def check(self, job: Job) -> None:
        """What is refused before any evaluation: too long, SERVICE, an unknown format name."""
        s = self.settings
        if len(job.sparql) > s.max_query_length:
            raise PayloadTooLarge(f"The query is {len(job.sparql)} characters long; the limit is {s.max_query_length}.")
        check_query_policy(job.sparql, s.allow_service_hosts)
        if job.fmt:
            by_name(job.fmt)

    def evaluate(self, job: Job, timeout: float | None = None, *, generation: int | None = None) -> Rendered:
        """``job``'s answer from the result cache (server.protocol.result_cache), or evaluated
        (``compute``) and kept there. ``generation``: the store's, read by the caller before."""
        cache = self.cache
        key = job_key(job) if cache is not None else None
        if key is not None and generation is None:
            generation = ResultCache.generation(self.store)
        if cache is None or key is None or generation is None:
            return self.compute(job, timeout)
        rendered = cache.get(key, generation)
        self.metrics.cache_lookup(rendered is not None)
        if rendered is None:
            rendered = self.compute(job, timeout)
            cache.put(key, generation, rendered)
        return rendered

    def compute(self, job: Job, timeout: float | None = None) -> Rendered:
        """``job`` evaluated where a runaway can be stopped (``executor``), counted in the metrics."""
        timeout = min(timeout or self.settings.query_timeout, self.settings.query_timeout)
        runner = self.executor()
        started = time.monotonic()
        try:
            if runner is None:
                return evaluate_in_thread(self.store, job, timeout)
            return runner.run(job, timeout)
        except QueryTimeout:
            self.metrics.timeout()
            raise
        finally:
            self.metrics.query(time.monotonic() - started)

    def executor(self) -> ExecutorPool | InWorkerRunner | None:
        """What evaluates queries where a runaway can be stopped: ``runner`` if given, else an
        executor pool (started on first use) for an on-disk embedded store; None (the calling
        thread) for in-memory and external stores."""
        st = self.store
        if self.runner is None and isinstance(st, EmbeddedStore) and st.path is not None and not st.read_only:
            with self._lock:
                if self.runner is None:
                    self.runner = ExecutorPool(st, self.settings.query_workers)
                    weakref.finalize(self, self.runner.close)  # apps made by tests leave no processes
        return self.runner

    def answer(
        self, environ: WSGIEnvironment, req: ProtocolRequest, *, base_url: str
    ) -> tuple[int, list[tuple[str, str]], bytes]:
        """A SPARQL Protocol query's answer (status, headers, body): ``run`` plus revalidation
        (ETag, 304) and CORS. The /sparql view and the WSGI fast path (server.app.fastpath)
        both call it with the request's WSGI environ."""
        s = self.settings
        default_graphs, named_graphs = req.default_graphs, req.named_graphs
        if req.as_of:  # a past view: its graphs, narrowed by the request's own dataset
            default_graphs, named_graphs = dataset(self.store, s, req.as_of, default_graphs, named_graphs)
        job = Job(
            req.text,
            default_graphs=default_graphs,
            named_graphs=named_graphs,
            base_iri=base_url,
            accept=environ.get("HTTP_ACCEPT"),
            fmt=req.format,
            max_rows=s.max_rows,
            max_triples=s.max_construct_triples,
            include_private=req.include_drafts,
        )
        self.check(job)
        if req.include_drafts:
            require_token(environ, s.update_token, self.limiter, "drafts=include")
        generation = ResultCache.generation(self.store)  # read once: the ETag and the cache name one state
        etag = _etag(self.store, job, generation) if environ.get("REQUEST_METHOD", "GET") in ("GET", "HEAD") else None
        headers = [("Vary", "Accept, Origin")]
        if etag is not None:
            headers += [("ETag", f'W/"{etag}"'), ("Cache-Control", "no-cache")]  # revalidated before each use
        headers += cors_headers(environ.get("HTTP_ORIGIN"), s.cors_origins)
        if_none_match = environ.get("HTTP_IF_NONE_MATCH")
        if etag is not None and if_none_match and parse_etags(if_none_match).contains_weak(etag):
            return 304, headers, b""  # the same store state and request: the client's copy is current
        rendered = self.evaluate(job, req.timeout, generation=generation)
        headers.insert(0, ("Content-Type", rendered.content_type))
        if rendered.truncated:
            headers.append(("X-Result-Truncated", "true"))
        return 200, headers, rendered.body


def _etag(st: Store, job: Job, generation: int | None = None) -> str | None:
    """A weak validator of a query's answer: the same store state and the same request give
    the same result. None for stores that cannot name their state (external stores).
    ``generation``: the store's, already read (its state is then named without another read)."""
    state_of = getattr(st, "state_of", None)
    state = state_of(generation) if state_of is not None and generation is not None else getattr(st, "state", None)
    if state is None:
        return None
    parts = (
        state,
        job.sparql,
        repr(job.default_graphs),
        repr(job.named_graphs),
        job.base_iri or "",
        job.accept or "",
        job.fmt or "",
        str(job.max_rows),
        str(job.max_triples),
        str(job.include_private),
    )
    return hashlib.blake2b("\0".join(parts).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
