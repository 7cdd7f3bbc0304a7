"""Query isolation: evaluate queries where they can be stopped.

pyoxigraph cannot cancel a query (it releases the GIL while it evaluates, but nothing can
interrupt it), and a Python thread cannot be killed. So a query past its timeout is stopped by
ending the process that evaluates it. Two ways, one per way of serving:

- ``InWorkerRunner`` (``policykg serve``: several gunicorn worker processes). A worker evaluates
  its queries itself, in the request thread, and reads the store's published checkpoint
  (server.store.checkpoints). When a query outlives its timeout a watchdog thread answers 503
  ``timeout`` on the request's socket and the worker retires: it stops accepting, lets its other requests finish, and exits;
  gunicorn starts a fresh worker, and the other workers keep answering meanwhile. No hop
  between processes on the way: the fast path for the common, quick query.
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

import logging
import multiprocessing
import queue
import signal
import socket
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from . import errors
from .results import Rendered, render

log = logging.getLogger(__name__)
RETRY_AFTER = "1"  # seconds, on 503 store_unavailable (a replaced executor, a lost file)


@dataclass
class Job:
    sparql: str
    default_graphs: list[str] | None = None
    named_graphs: list[str] | None = None
    base_iri: str | None = None
    accept: str | None = None
    fmt: str | None = None
    max_rows: int = 10000
    max_triples: int = 100000
    substitutions: dict[str, Any] = field(default_factory=dict)


def evaluate(store: Any, job: Job, deadline: float | None = None, timeout: float | None = None) -> Rendered:
    """Evaluate ``job`` on ``store`` and serialise it (the code both paths share)."""
    result = store.query(
        job.sparql,
        default_graphs=job.default_graphs,
        named_graphs=job.named_graphs,
        substitutions=job.substitutions or None,
        base_iri=job.base_iri,
        timeout=timeout,
    )
    return render(
        result, accept=job.accept, fmt=job.fmt, max_rows=job.max_rows, max_triples=job.max_triples, deadline=deadline
    )


def evaluate_in_thread(store: Any, job: Job, timeout: float) -> Rendered:
    return evaluate(store, job, deadline=time.monotonic() + timeout, timeout=timeout)


# -- the child ----------------------------------------------------------------------------
def _child_main(conn: Any, path: str) -> None:
    from .store.embedded import EmbeddedStore

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
                store = EmbeddedStore(path, checkpoint=seq)
            conn.send(("ok", evaluate(store, job)))
        except (KeyboardInterrupt, SystemExit):
            raise
        except errors.PolicyKGError as err:
            conn.send(("error", (type(err).__name__, err.message, err.detail)))
        except BaseException as exc:  # noqa: BLE001 - incl. pyo3 PanicException; reported to the parent
            store = None  # a panic may leave the handle unusable: reopen for the next job
            conn.send(("error", ("StoreError", f"Query evaluation failed: {type(exc).__name__}: {exc}", None)))


class _Worker:
    def __init__(self, ctx: Any, path: str):
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_child_main, args=(child, path), daemon=True, name="policykg-query-executor")
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

    def __init__(self, store: Any, size: int = 2):
        self.store = store  # the on-disk EmbeddedStore: names the checkpoint each job reads
        self.path = store.path
        self.size = max(1, size)
        self._ctx = multiprocessing.get_context("forkserver")
        # children fork from a server that has already imported these (fast replacements)
        self._ctx.set_forkserver_preload(["server.executor", "server.store.embedded"])
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
                w = _Worker(self._ctx, self.path)
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

    def run(self, job: Job, timeout: float, **_: Any) -> Rendered:
        deadline = time.monotonic() + timeout
        # the state this query reads: the latest acknowledged write (read-your-writes); this
        # process holds that checkpoint open, so it outlives the job
        reply = self._ask(job, self.store.checkpoint(), timeout, deadline)
        status, payload = reply
        if status == "ok":
            return payload
        name, message, detail = payload
        cls = getattr(errors, name, errors.StoreError)
        if not (isinstance(cls, type) and issubclass(cls, errors.PolicyKGError)):
            cls = errors.StoreError
        err = cls.__new__(cls)
        headers = {"Retry-After": RETRY_AFTER} if cls is errors.StoreUnavailable else None
        errors.PolicyKGError.__init__(err, message, detail=detail, headers=headers)
        raise err

    def _ask(self, job: Job, seq: int, timeout: float, deadline: float) -> Any:
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


class InWorkerRunner:
    """Evaluate in the request thread of this gunicorn worker. A watchdog thread looks at the
    running queries ten times a second; one that outlives its timeout (the serialiser's own
    deadline check answers first whenever results stream) is answered 503 by the watchdog,
    on the request's socket, and the process retires (``retire``): that is what stops the
    evaluation. Evaluating in the request thread, with no hand-off, saves about 0.2 ms a query."""

    GRACE = 0.25  # seconds past the deadline for the serialiser's own deadline check to answer first
    POLL = 0.1  # seconds between two looks of the watchdog

    def __init__(self, store: Any, retire: Any):
        self.store = store
        self._retire = retire
        self._running: dict[int, _Running] = {}
        self._claim = threading.Lock()  # who answers a query at its deadline: the request or the watchdog
        self.size = 0  # no executor processes: gauges count running queries only
        self.stuck = 0
        threading.Thread(target=self._watch, daemon=True, name="policykg-query-watchdog").start()

    @property
    def busy(self) -> int:
        return len(self._running)

    def run(self, job: Job, timeout: float, *, answer: Any = None, sock: Any = None) -> Rendered:
        """``sock``: the client's socket (gunicorn's environ["gunicorn.socket"]); ``answer()``:
        the bytes of the HTTP response the watchdog sends there if the query gets stuck."""
        deadline = time.monotonic() + timeout
        entry = _Running(deadline + self.GRACE, timeout, sock, answer)
        key = id(entry)
        self._running[key] = entry  # dict operations are atomic: no lock on the fast path
        try:
            rendered = evaluate(self.store, job, deadline=deadline, timeout=timeout)
        finally:
            with self._claim:
                self._running.pop(key, None)
        if entry.answered:  # finished after the watchdog answered: the client has its 503
            raise errors.QueryTimeout(
                f"The query ran longer than {timeout:g} s and was stopped.", detail={"timeout": timeout}
            )
        return rendered

    def _watch(self) -> None:
        while True:
            time.sleep(self.POLL)
            now = time.monotonic()
            for key, entry in list(self._running.items()):
                if entry.limit > now:
                    continue
                with self._claim:  # still running (its thread has not returned): the watchdog answers
                    if entry.answered or self._running.get(key) is not entry:
                        continue
                    entry.answered = True
                self._answer(entry)

    def _answer(self, entry: "_Running") -> None:
        self.stuck += 1
        try:
            if entry.sock is not None:  # else the client sees its connection close as the worker exits
                entry.sock.sendall(entry.answer())
                entry.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass  # the client left
        log.warning("a query ran past its %g s timeout: answered 503, this worker retires to stop it", entry.timeout)
        self._retire(stuck=self.stuck)


@dataclass
class _Running:
    limit: float
    timeout: float
    sock: Any
    answer: Any
    answered: bool = False
