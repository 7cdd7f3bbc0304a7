"""Query isolation: evaluate queries where they can be stopped.

pyoxigraph cannot cancel a query (it releases the GIL while it evaluates, but nothing can
interrupt it), and a Python thread cannot be killed. So a query past its timeout is stopped by
ending the process that evaluates it. Two ways, one per way of serving:

- ``InWorkerRunner`` (``policykg serve``: several Granian worker processes). A worker evaluates
  its queries itself, in a thread paired with the request thread, and reads the store's
  published checkpoint (server.store.checkpoints). When a query outlives its timeout the
  request thread answers 503 ``timeout`` and the worker is replaced, alone (server.app.wsgi.retire:
  its successor starts, then it finishes its other requests and exits); the other workers keep
  answering, with their result caches. No hop between processes on the way: the fast path for the quick query.
- ``ExecutorPool`` (an app made by ``create_app`` and served by anything else, e.g. tests).
  Queries run in a small pool of executor processes (multiprocessing 'forkserver': never fork
  a process that has RocksDB threads), each reading the checkpoint the job names; the child
  evaluates and serialises (caps applied) and sends back bytes. On timeout the parent SIGKILLs
  the child, starts a replacement in the background and raises QueryTimeout (503). An executor
  that dies (e.g. a Rust panic) is replaced and its query answered 503 store_unavailable.

In-memory and external stores evaluate in the request thread (``evaluate_in_thread``): the
deadline is checked between solutions (best effort; the external store applies its own HTTP
timeout).
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import queue
import signal
import threading
import time
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.context import ForkServerContext
from typing import TYPE_CHECKING, Protocol

from server.core import errors
from server.protocol.results import Rendered, render
from server.sparql.lexer import single_pattern
from server.store.base import QueryResult, Store, Term

if TYPE_CHECKING:
    from server.store.embedded import EmbeddedStore

log = logging.getLogger(__name__)
RETRY_AFTER = "1"  # seconds, on 503 store_unavailable (a replaced executor, a lost file)


@dataclass
class Job:
    """One query to evaluate and serialise, sent as it is to an executor process (pickled:
    pyoxigraph terms, the ``substitutions`` of named queries, pickle)."""

    sparql: str
    default_graphs: list[str] | None = None
    named_graphs: list[str] | None = None
    base_iri: str | None = None
    accept: str | None = None
    fmt: str | None = None
    max_rows: int = 10000  # rows written at most (SELECT; a page's size for named queries)
    max_triples: int = 100000
    substitutions: dict[str, Term] = field(default_factory=dict)  # variable name -> term, bound not spliced
    offset: int = 0  # rows (distinct triples) skipped first: pages of named queries
    include_private: bool = False  # drafts in the default dataset (``drafts=include``)
    sorted_lists: dict[str, str] = field(default_factory=dict)  # column -> separator: parts sorted (named queries)


@dataclass
class Failure:
    """An error of an executor, sent back instead of the answer (pickled: plain values)."""

    error: str  # the name of a server.core.errors class
    message: str
    detail: object = None


def evaluate(store: Store, job: Job, deadline: float | None = None, timeout: float | None = None) -> Rendered:
    """Evaluate ``job`` on ``store`` and serialise it (the code both paths share)."""

    def query() -> QueryResult:
        return store.query(
            job.sparql,
            default_graphs=job.default_graphs,
            named_graphs=job.named_graphs,
            substitutions=job.substitutions or None,
            base_iri=job.base_iri,
            timeout=timeout,
            include_private=job.include_private,
        )

    return render(
        query(),
        again=query,  # past the row cap: evaluated again for the capped pass
        accept=job.accept,
        fmt=job.fmt,
        max_rows=job.max_rows,
        max_triples=job.max_triples,
        offset=job.offset,
        deadline=deadline,
        sorted_lists=job.sorted_lists,
    )


def evaluate_in_thread(store: Store, job: Job, timeout: float) -> Rendered:
    return evaluate(store, job, deadline=time.monotonic() + timeout, timeout=timeout)


# -- the child ----------------------------------------------------------------------------
def _child_main(conn: Connection, path: str, private_prefix: str | None, base_iri: str) -> None:
    from server.store.embedded import EmbeddedStore

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C goes to the server, which stops us
    store = None
    conn.send("ready")
    while True:
        try:
            seq, job = conn.recv()
        except (EOFError, OSError):
            return  # the parent is gone
        try:
            if store is None or store.generation != seq:
                if store is not None:
                    store.close()
                store = None
                store = EmbeddedStore(path, checkpoint=seq, private_prefix=private_prefix, base_iri=base_iri)
            conn.send(evaluate(store, job))
        except (KeyboardInterrupt, SystemExit):
            raise
        except errors.PolicyKGError as err:
            conn.send(Failure(type(err).__name__, err.message, err.detail))
        except BaseException as exc:  # noqa: BLE001 - incl. pyo3 PanicException; reported to the parent
            store = None  # a panic may leave the handle unusable: reopen for the next job
            conn.send(Failure("StoreError", f"Query evaluation failed: {type(exc).__name__}: {exc}"))


class _Worker:
    def __init__(self, ctx: ForkServerContext, path: str, private_prefix: str | None, base_iri: str):
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(
            target=_child_main,
            args=(child, path, private_prefix, base_iri),
            daemon=True,
            name="policykg-query-executor",
        )
        self.process.start()
        child.close()

    def wait_ready(self, timeout: float) -> bool:
        try:
            return self.conn.poll(timeout) and self.conn.recv() == "ready"
        except (EOFError, OSError):
            return False

    def kill(self) -> None:
        try:
            self.process.kill()
            self.process.join(5)
        except (OSError, ValueError, AssertionError):
            pass
        self.conn.close()


class ExecutorPool:
    """``size`` executor processes over the store folder ``path``."""

    def __init__(self, store: EmbeddedStore, size: int = 2):
        if store.path is None:
            raise ValueError("executor processes read an on-disk store")
        self.store = store  # names the checkpoint each job reads
        self.path = store.path
        self.size = max(1, size)
        self._ctx = multiprocessing.get_context("forkserver")
        # children fork from a server that has already imported these (fast replacements)
        self._ctx.set_forkserver_preload(["server.protocol.executor", "server.store.embedded"])
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        self.busy = 0
        self.replaced = 0
        for _ in range(self.size):
            self._start_one()

    def _start_one(self) -> None:
        """Start a worker in the background; it joins the idle queue once it is ready."""

        def start() -> None:
            for _attempt in range(3):
                if self._closed:
                    return
                w = _Worker(self._ctx, self.path, self.store.private_prefix, self.store.base_iri)
                with self._lock:
                    self._all.add(w)
                if w.wait_ready(60):
                    self._idle.put(w)
                    return
                log.error("query executor failed to start (exit code %s)", w.process.exitcode)
                self._discard(w)

        threading.Thread(target=start, daemon=True, name="policykg-executor-start").start()

    def _discard(self, w: _Worker) -> None:
        w.kill()
        with self._lock:
            self._all.discard(w)

    def run(self, job: Job, timeout: float) -> Rendered:
        deadline = time.monotonic() + timeout
        # the state this query reads: the latest acknowledged write (read-your-writes); this
        # process holds that checkpoint open, so it outlives the job
        reply = self._ask(job, self.store.checkpoint(), timeout, deadline)
        if isinstance(reply, Rendered):
            return reply
        cls = getattr(errors, reply.error, errors.StoreError)
        if not (isinstance(cls, type) and issubclass(cls, errors.PolicyKGError)):
            cls = errors.StoreError
        err = cls.__new__(cls)
        headers = {"Retry-After": RETRY_AFTER} if cls is errors.StoreUnavailable else None
        errors.PolicyKGError.__init__(err, reply.message, detail=reply.detail, headers=headers)
        raise err

    def _ask(self, job: Job, seq: int, timeout: float, deadline: float) -> Rendered | Failure:
        try:
            w = self._idle.get(timeout=timeout)
        except queue.Empty:
            raise errors.QueryTimeout(
                f"All {self.size} query executors stayed busy for {timeout:g} s; try again later.",
                detail={"timeout": timeout},
            ) from None
        with self._lock:
            self.busy += 1
        try:
            try:
                w.conn.send((seq, job))
                answered = w.conn.poll(max(0.0, deadline - time.monotonic()))
                reply = w.conn.recv() if answered else None
            except (EOFError, OSError) as exc:
                self._discard(w)
                self._start_one()
                log.error("a query executor died (%s); replaced. Query: %.500s", exc or type(exc).__name__, job.sparql)
                raise errors.StoreUnavailable(
                    "The query executor evaluating this query stopped unexpectedly; it is being replaced, try again.",
                    headers={"Retry-After": RETRY_AFTER},
                ) from None
            if reply is None:
                self._discard(w)  # SIGKILL: really stops the evaluation
                self.replaced += 1
                self._start_one()
                raise errors.QueryTimeout(
                    f"The query ran longer than {timeout:g} s and was stopped.", detail={"timeout": timeout}
                )
            self._idle.put(w)
            return reply
        finally:
            with self._lock:
                self.busy -= 1

    def close(self) -> None:
        self._closed = True
        with self._lock:
            workers = list(self._all)
            self._all.clear()
        for w in workers:
            w.kill()


class Retire(Protocol):
    """Has this worker process replaced (server.app.wsgi.retire), ``stuck`` queries abandoned so far."""

    def __call__(self, *, stuck: int) -> None: ...


class InWorkerRunner:
    """Evaluate in this worker process (``policykg serve``), in an evaluation thread paired with
    the request thread. The request thread hands the job over and waits up to the timeout (plus
    a grace for the serialiser's own deadline check, which stops streaming results first). A
    query still evaluating after that is abandoned: its request is answered 503 ``timeout``,
    its thread is left to the process, and the worker is replaced (``retire``), which is what
    stops the evaluation. A fresh evaluation thread serves the request thread's next query.

    A query of one triple pattern (``sparql_lexer.single_pattern``) is evaluated in the request
    thread itself: its cost is bounded by its result cap, one row per step, and the serialiser's
    deadline check stops it in time."""

    GRACE = 0.25  # seconds past the deadline for the serialiser's own deadline check to answer first

    def __init__(self, store: Store, retire: Retire):
        self.store = store
        self._retire = retire
        self._local = threading.local()
        self._lock = threading.Lock()
        self.size = 0  # no executor processes: gauges count running queries only
        self.busy = 0
        self.stuck = 0

    def run(self, job: Job, timeout: float) -> Rendered:
        with self._lock:  # the gauge of /metrics: queries running
            self.busy += 1
        try:
            return self._run(job, timeout)
        finally:
            with self._lock:
                self.busy -= 1

    def _run(self, job: Job, timeout: float) -> Rendered:
        if single_pattern(job.sparql):
            # One triple pattern: every step of the evaluation is a row, at most the result cap
            # of them, and the serialiser checks the deadline between rows. So it runs here,
            # without the hand-off to the evaluation thread (0.12 ms, more than such a query).
            return evaluate_in_thread(self.store, job, timeout)
        ev = getattr(self._local, "evaluator", None)
        if ev is None:
            ev = self._local.evaluator = _Evaluator(self.store)
        ev.start(job, timeout)
        if not ev.done.acquire(timeout=timeout + self.GRACE):
            self._local.evaluator = None  # stuck in pyoxigraph: left behind with the process
            ev.yield_cpu()
            with self._lock:
                self.stuck += 1
                stuck = self.stuck
            self._retire(stuck=stuck)
            raise errors.QueryTimeout(
                f"The query ran longer than {timeout:g} s and was stopped.", detail={"timeout": timeout}
            )
        result, ev.result = ev.result, None
        if isinstance(result, BaseException):
            raise result
        assert result is not None  # set by the evaluation thread before it released ``done``
        return result


class _Evaluator:
    """One evaluation thread, serving one request thread: a job in, a result out, handed over
    with two locks (cheaper than a queue and a future)."""

    def __init__(self, store: Store):
        self.store = store
        self.job: tuple[Job, float] | None = None
        self.result: Rendered | BaseException | None = None  # the job's answer, or what it raised
        self.go = threading.Lock()
        self.go.acquire()
        self.done = threading.Lock()
        self.done.acquire()
        self.tid: int | None = None  # the evaluation thread's kernel id (set when it starts)
        threading.Thread(target=self._loop, daemon=True, name="policykg-query").start()

    def yield_cpu(self) -> None:
        """Lowest CPU priority for this (abandoned) evaluation thread until its process is
        stopped, so that the other requests of the machine keep their share meanwhile (Linux
        threads have their own nice value)."""
        if self.tid is not None:
            with contextlib.suppress(OSError, AttributeError):
                os.setpriority(os.PRIO_PROCESS, self.tid, 19)

    def start(self, job: Job, timeout: float) -> None:
        self.job = (job, timeout)
        self.go.release()

    def _loop(self) -> None:
        self.tid = threading.get_native_id()
        while True:
            self.go.acquire()
            assert self.job is not None  # set by start() before it released ``go``
            (job, timeout), self.job = self.job, None
            try:
                self.result = evaluate_in_thread(self.store, job, timeout)
            except BaseException as exc:  # noqa: BLE001 - handed to the request thread, raised there
                self.result = exc
            self.done.release()
