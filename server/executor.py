"""Query isolation: evaluate queries where they can be stopped.

pyoxigraph cannot cancel a query, and a Python thread cannot be killed. So for the on-disk
embedded store, queries run in a small pool of executor PROCESSES (multiprocessing
'forkserver': never fork a process that has RocksDB threads), each holding a read-only
handle on a checkpoint of the store folder. The child evaluates and serialises (caps applied) and sends back
bytes. On timeout the parent SIGKILLs the child, starts a replacement in the background and
raises QueryTimeout (503). Other requests keep being served by the other executors.

The web process keeps the read-write store. After each write it makes a checkpoint
(server.store.snapshots: hard links, a few ms) before acknowledging the write, and every job
carries the newest checkpoint's folder, so an executor reopens its read-only handle when the
data changed (read-your-writes) and always reads one whole, immutable state: a read-only
handle on the live folder loses SST files to the writer's compaction and is not a snapshot.
If no checkpoint can be made (disk full), executors read the live folder with retries and a
lost file is a 503 store_unavailable with Retry-After. An executor that dies (e.g. a Rust
panic) is replaced and its query answered 503 store_unavailable with Retry-After.

In-memory and external stores evaluate in the request thread (``evaluate_in_thread``):
the deadline is checked between solutions (best effort; the external store applies its own
HTTP timeout).
"""

from __future__ import annotations

import logging
import multiprocessing
import queue
import signal
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from . import errors
from .results import Rendered, render

log = logging.getLogger(__name__)
RETRIES = 3  # reopen-and-retry attempts when the read-only handle lost a file to compaction
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
# the writer may compact away a file of the LIVE folder under a read-only handle; checkpoints
# (server.store.snapshots) never change, so these only happen when reading the live folder
_LOST_FILE = ("Corruption", "No such file")


def _open(path: str) -> Any:
    from .store.embedded import EmbeddedStore

    return EmbeddedStore(path, read_only=True)


def _child_main(conn: Any, path: str) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C goes to the server, which stops us
    store = None
    opened = None  # what ``store`` is open on: a snapshot folder, or ("live", generation)
    conn.send("ready")
    while True:
        try:
            gen, snapshot, job = conn.recv()
        except (EOFError, OSError):
            return  # the parent is gone
        want = snapshot or ("live", gen)
        try:
            for attempt in range(RETRIES + 1):
                try:
                    if store is None or want != opened:
                        if store is not None:
                            store.close()
                        store = None
                        store = _open(snapshot or path)
                        opened = want
                    rendered = evaluate(store, job)
                    break
                except (errors.QuerySyntaxError, errors.BadRequest, errors.NotAcceptable, errors.QueryTimeout):
                    raise
                except Exception as exc:
                    # Reading the live folder (no snapshot could be made): the writer may have
                    # compacted a file away between our open and our read; reopen and read again.
                    if snapshot is not None or attempt == RETRIES or not any(m in str(exc) for m in _LOST_FILE):
                        raise
                    opened = None
                    time.sleep(0.05 * 2**attempt)
            conn.send(("ok", rendered))
        except (KeyboardInterrupt, SystemExit):
            raise
        except errors.PolicyKGError as err:
            conn.send(("error", (type(err).__name__, err.message, err.detail)))
        except BaseException as exc:  # noqa: BLE001 - incl. pyo3 PanicException; reported to the parent
            opened = None  # a panic may leave the handle unusable: reopen for the next job
            if any(m in str(exc) for m in _LOST_FILE):
                conn.send(("error", ("StoreUnavailable", f"The store changed under the query; try again: {exc}", None)))
            else:
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

    def __init__(self, path: str, size: int = 2, generation: Any = None, snapshots: Any = None):
        self.path = path
        self.size = max(1, size)
        self._generation = generation or (lambda: 0)
        if snapshots is None:  # the read-write store of ``path`` in this process makes the checkpoints
            from .store.embedded import writer_for

            writer = writer_for(path)
            snapshots = writer.snapshots() if writer is not None else None
        self.snapshots = snapshots  # None: executors read the live folder (no snapshot guarantee)
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

    def run(self, job: Job, timeout: float) -> Rendered:
        deadline = time.monotonic() + timeout
        # the state this query reads: the latest acknowledged write (read-your-writes)
        gen = self._generation()
        snapshot = self.snapshots.acquire() if self.snapshots is not None else None
        try:
            reply = self._ask(job, gen, snapshot, timeout, deadline)
        finally:
            if self.snapshots is not None:
                self.snapshots.release(snapshot)
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

    def _ask(self, job: Job, gen: int, snapshot: str | None, timeout: float, deadline: float) -> Any:
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
                w.conn.send((gen, snapshot, job))
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
