"""Production serving with Granian (a Rust HTTP server running the WSGI app).

``settings.workers`` worker processes, ``settings.threads`` Python threads each. Granian reads
and writes HTTP in Rust, so a slow client holds no Python thread, and its per-request cost is a
fraction of a Python server's. With the on-disk embedded store every worker reads the store's
published checkpoint and writes under the store's cross-process write lock
(server.store.checkpoints), and evaluates its queries itself (server.protocol.executor.InWorkerRunner).
A query past its timeout is answered 503 by its request thread while its evaluation thread is
left behind; the worker then asks Granian to replace the workers (``retire``: SIGHUP, a rolling
restart in which each new worker starts before the old one is stopped). Stopping the process
is the only way to stop a pyoxigraph evaluation. Metrics are shared through a temporary folder.

``serve --memory`` cannot share an in-memory store between processes, so it serves from a
temporary on-disk folder that is deleted when the server stops.
"""

from __future__ import annotations

import functools
import logging
import os
import secrets
import shutil
import signal
import tempfile
import threading
from typing import TYPE_CHECKING, Any

from server.core.settings import Settings

if TYPE_CHECKING:
    from flask import Flask

log = logging.getLogger(__name__)
GRACEFUL_TIMEOUT = 10  # seconds a stopping worker has to finish its requests before it is killed
RESPAWN_INTERVAL = 1.0  # seconds a new worker runs beside the old one it replaces
HEADER_READ_TIMEOUT_MS = 10_000  # a client must send its request head within this
_retiring = threading.Lock()


def retire(stuck: int = 1) -> None:
    """Have this worker replaced: Granian's main process starts new workers and then stops the
    old ones gracefully (they finish their requests; a query still evaluating past its timeout
    is abandoned with the process). Once per worker."""
    if not _retiring.acquire(blocking=False):
        return
    log.warning(
        "%d quer%s stuck past the timeout: this worker (pid %d) is being replaced",
        stuck,
        "y" if stuck == 1 else "ies",
        os.getpid(),
    )
    os.kill(os.getppid(), signal.SIGHUP)


def _seed(settings: Settings) -> None:
    from server.app.factory import ensure_seeded
    from server.store import open_store

    logging.basicConfig(level=settings.log_level)
    with open_store(settings) as store:
        ensure_seeded(store, settings)


def _seed_in_child(settings: Settings) -> None:
    """Load the shipped data into an empty store before the workers start, in a child process:
    the workers are forked from this one, which must never have opened RocksDB (its background
    threads do not survive a fork)."""
    import multiprocessing

    child = multiprocessing.get_context("spawn").Process(target=_seed, args=(settings,), name="policykg-seed")
    child.start()
    child.join()
    if child.exitcode != 0:
        raise SystemExit(f"policykg: could not open or seed the store at {settings.data_dir} (exit {child.exitcode})")


def load_app(settings: Settings) -> Flask:
    """The WSGI app of one worker (called in the worker process)."""
    from server.app.factory import create_app
    from server.protocol.executor import InWorkerRunner
    from server.store import EmbeddedStore
    from server.views.context import services

    app = create_app(settings)
    query = services(app).query
    if isinstance(query.store, EmbeddedStore) and query.store.path is not None:
        query.runner = InWorkerRunner(query.store, retire)
    return app


def granian_options(settings: Settings) -> dict[str, Any]:  # Granian()'s keyword arguments, of many types
    from granian.constants import Interfaces
    from granian.http import HTTP1Settings
    from granian.log import LogLevels

    from server.core.errors import ConfigError

    for name in ("workers", "threads"):
        if getattr(settings, name) < 1:
            raise ConfigError(f"POLICYKG_{name.upper()} must be at least 1, not {getattr(settings, name)}")
    level = logging.getLevelName(settings.log_level.upper())
    quiet = isinstance(level, int) and level > logging.INFO
    return {
        "address": settings.host,
        "port": settings.port,
        "interface": Interfaces.WSGI,
        "workers": settings.workers,
        "blocking_threads": settings.threads,
        "http1_settings": HTTP1Settings(header_read_timeout=HEADER_READ_TIMEOUT_MS),
        "log_level": LogLevels(settings.log_level.lower())
        if settings.log_level.lower() in {x.value for x in LogLevels}
        else LogLevels.info,
        "log_access": not quiet,
        "respawn_failed_workers": True,
        "respawn_interval": RESPAWN_INTERVAL,
        "workers_kill_timeout": GRACEFUL_TIMEOUT,
    }


def run(settings: Settings) -> None:
    from granian import Granian

    options = granian_options(settings)  # checks them first: nothing is started on bad settings
    tmp = None
    if settings.memory and not (settings.store or settings.store_query_url):
        tmp = tempfile.mkdtemp(prefix="policykg-memory-")
        log.info("--memory: serving from the temporary folder %s (deleted at exit)", tmp)
        settings.memory = False
        settings.data_dir = tmp

    if not (settings.store or settings.store_query_url):
        _seed_in_child(settings)
    if not settings.secret_key:  # one random key for every worker: a sign-in is valid on all of them
        settings.secret_key = secrets.token_hex(32)
    metrics_dir = None
    if not settings.metrics_dir:
        metrics_dir = settings.metrics_dir = tempfile.mkdtemp(prefix="policykg-metrics-")
    try:
        server = Granian("policykg", **options)
        server.serve(target_loader=functools.partial(load_app, settings), wrap_loader=False)
    finally:
        for folder in (tmp, metrics_dir):
            if folder is not None:
                shutil.rmtree(folder, ignore_errors=True)
