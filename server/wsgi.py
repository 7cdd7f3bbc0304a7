"""Production serving with gunicorn.

``settings.workers`` gunicorn worker processes (gthread, ``settings.threads`` threads each).
With the on-disk embedded store every worker reads the store's published checkpoint and
writes under the store's cross-process write lock (server.store.checkpoints), and evaluates
its queries itself (server.executor.InWorkerRunner): a query past its timeout is answered 503
and its worker retires (finishes its other requests, exits; gunicorn starts a fresh one), the
only way to stop a pyoxigraph evaluation. Metrics are shared through a temporary folder.

``serve --memory`` cannot share an in-memory store between processes, so it serves from a
temporary on-disk folder that is deleted when the server stops.
"""

from __future__ import annotations

import logging
import os
import shutil
import signal
import threading
import time
import tempfile
from typing import Any

from .settings import Settings

log = logging.getLogger(__name__)
GRACEFUL_TIMEOUT = 10  # seconds a stopping worker has to finish its requests
_retiring = False
_worker: Any = None  # this process's gunicorn worker (post_worker_init)


def _post_worker_init(worker: Any) -> None:
    global _worker
    _worker = worker


def retire(stuck: int = 1) -> None:
    """Stop this gunicorn worker: it stops accepting (gunicorn starts a replacement once it has
    exited), finishes its other requests, then exits without waiting for the ``stuck`` ones
    (queries still evaluating past their timeout: exiting is what stops them)."""
    global _retiring
    if _retiring:
        return
    _retiring = True
    os.kill(os.getpid(), signal.SIGTERM)  # gunicorn: stop accepting, close idle kept-alive connections

    def leave() -> None:
        deadline = time.monotonic() + GRACEFUL_TIMEOUT
        while time.monotonic() < deadline and getattr(_worker, "nr_conns", 0) > stuck:
            time.sleep(0.05)
        _leave_now()

    threading.Thread(target=leave, daemon=True, name="policykg-retire").start()


def _worker_exit(_server: Any, _worker_: Any) -> None:
    if _retiring:  # a query may still be evaluating in one of our threads: leave without finalisers
        _leave_now()


def _leave_now() -> None:
    metrics = getattr(getattr(_worker, "wsgi", None), "extensions", {}).get("policykg.metrics")
    if metrics is not None:
        metrics.flush()  # its counts stay in the server's totals
    logging.shutdown()
    os._exit(0)


def _seed(settings: Settings) -> None:
    from . import ensure_seeded
    from .store import open_store

    logging.basicConfig(level=settings.log_level)
    with open_store(settings) as store:
        ensure_seeded(store, settings)


def _seed_in_child(settings: Settings) -> None:
    """Load the shipped data into an empty store before the workers start, in a child process:
    gunicorn forks its workers from this one, which must never have opened RocksDB (its
    background threads do not survive a fork)."""
    import multiprocessing

    child = multiprocessing.get_context("spawn").Process(target=_seed, args=(settings,), name="policykg-seed")
    child.start()
    child.join()
    if child.exitcode != 0:
        raise SystemExit(f"policykg: could not open or seed the store at {settings.data_dir} (exit {child.exitcode})")


def gunicorn_options(settings: Settings) -> dict[str, Any]:
    quiet = (
        logging.getLevelName(settings.log_level.upper()) not in (logging.DEBUG, logging.INFO)
        if isinstance(logging.getLevelName(settings.log_level.upper()), int)
        else False
    )
    return {
        "bind": f"{settings.host}:{settings.port}",
        "workers": settings.workers,
        "threads": settings.threads,
        "worker_class": "gthread",
        "keepalive": 5,
        # a header line may hold the longest Accept the app accepts (it answers 431 beyond
        # max_accept_length in the JSON error shape; gunicorn answers a plain 400 beyond this)
        "limit_request_field_size": max(8190, settings.max_accept_length + 64),
        "graceful_timeout": GRACEFUL_TIMEOUT,
        # the worker's heartbeat is independent of request length with gthread; queries are
        # bounded by query_timeout (server.executor)
        "timeout": max(30, int(settings.query_timeout * 3)),
        "accesslog": None if quiet else "-",
        "errorlog": "-",
        "loglevel": settings.log_level.lower(),
        "proc_name": "policykg",
        "worker_exit": _worker_exit,
        "post_worker_init": _post_worker_init,
    }


def run(settings: Settings) -> None:
    from gunicorn.app.base import BaseApplication

    tmp = None
    if settings.memory and not (settings.store or settings.store_query_url):
        tmp = tempfile.mkdtemp(prefix="policykg-memory-")
        log.info("--memory: serving from the temporary folder %s (deleted at exit)", tmp)
        settings.memory = False
        settings.data_dir = tmp

    if not (settings.store or settings.store_query_url):
        _seed_in_child(settings)
    metrics_dir = None
    if not settings.metrics_dir:
        metrics_dir = settings.metrics_dir = tempfile.mkdtemp(prefix="policykg-metrics-")
    options = gunicorn_options(settings)

    class App(BaseApplication):
        def load_config(self) -> None:
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self) -> Any:
            from . import create_app
            from .executor import InWorkerRunner
            from .store import EmbeddedStore

            app = create_app(settings)
            st = app.extensions["policykg.store"]
            if isinstance(st, EmbeddedStore) and st.path is not None:
                app.extensions["policykg.query_runner"] = InWorkerRunner(st, retire)
            return app

    try:
        App().run()
    finally:
        for folder in (tmp, metrics_dir):
            if folder is not None:
                shutil.rmtree(folder, ignore_errors=True)
