"""Production serving with Granian (a Rust HTTP server running the WSGI app).

``settings.workers`` worker processes, ``settings.threads`` Python threads each. Granian reads
and writes HTTP in Rust, so a slow client holds no Python thread, and its per-request cost is a
fraction of a Python server's. With the on-disk embedded store every worker reads the store's
published checkpoint and writes under the store's cross-process write lock
(server.store.checkpoints), and evaluates its queries itself (server.protocol.executor.InWorkerRunner).
A query past its timeout is answered 503 by its request thread while its evaluation thread is
left behind; the worker then asks to be replaced (``retire``), and only it: its replacement
starts before it is stopped, and the other workers keep running, with their result caches.
(Granian's own SIGHUP replaces every worker; ``Server`` adds the one-worker replacement.)
Stopping the process is the only way to stop a pyoxigraph evaluation. Metrics are shared
through a temporary folder.

``serve --memory`` cannot share an in-memory store between processes, so it serves from a
temporary on-disk folder that is deleted when the server stops.
"""

from __future__ import annotations

import functools
import logging
import math
import os
import secrets
import shutil
import signal
import tempfile
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from granian.server import MPServer

from server.core.settings import Settings

if TYPE_CHECKING:
    from flask import Flask

log = logging.getLogger(__name__)
GRACEFUL_TIMEOUT = 10  # seconds a stopping worker has at least to finish its requests before it is killed
RESPAWN_INTERVAL = 1.0  # seconds a new worker runs beside the old one it replaces
HEADER_READ_TIMEOUT_MS = 10_000  # a client must send its request head within this
_retiring = threading.Lock()


RETIRE_SIGNAL = signal.SIGUSR1  # a worker to the main process: replace the workers named in the retire folder


def retire(folder: str, stuck: int = 1) -> None:
    """Have this worker, and only it, replaced: it names itself in ``folder`` and signals
    Granian's main process (``Server``), which starts a new worker and then stops this one
    gracefully (it finishes its requests; a query still evaluating past its timeout is
    abandoned with the process). Once per worker."""
    if not _retiring.acquire(blocking=False):
        return
    log.warning(
        "%d quer%s stuck past the timeout: this worker (pid %d) is being replaced",
        stuck,
        "y" if stuck == 1 else "ies",
        os.getpid(),
    )
    (Path(folder) / str(os.getpid())).touch()
    os.kill(os.getppid(), RETIRE_SIGNAL)


class Server(MPServer):
    """Granian's process server, plus: a worker named in ``retire_dir`` (by ``retire``) is
    replaced alone, the way Granian replaces a worker over its memory limit (new one first)."""

    def __init__(self, *args: Any, retire_dir: str, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.retire_dir = Path(retire_dir)

    def startup(self, spawn_target: Any, target_loader: Any) -> None:
        signal.signal(RETIRE_SIGNAL, self._retire_requested)  # before any worker can send it
        super().startup(spawn_target, target_loader)

    def _retire_requested(self, *_args: object) -> None:
        self.rss_signal = True  # the main loop's hook for replacing some workers (``_handle_rss_signal``)
        self.main_loop_interrupt.set()

    def _handle_rss_signal(self, spawn_target: Any, target_loader: Any) -> None:
        asked = set()
        for entry in list(self.retire_dir.iterdir()):
            entry.unlink(missing_ok=True)
            if entry.name.isdigit():
                asked.add(int(entry.name))
        idx = [w.idx for w in self.wrks if w._id() in asked]
        if idx:
            log.warning("replacing worker(s) %s, stuck past the query timeout", ", ".join(str(i + 1) for i in idx))
            self._respawn_workers(idx, spawn_target, target_loader, delay=self.respawn_interval)
        if self.workers_rss is not None:
            super()._handle_rss_signal(spawn_target, target_loader)

    def _watch_workers_rss(self) -> None:
        if self.workers_rss is not None:  # else the main loop only wakes for ``retire``
            super()._watch_workers_rss()


def _seed(settings: Settings) -> None:
    from server.app.factory import ensure_seeded
    from server.store import open_store

    logging.basicConfig(level=settings.log_level)
    with open_store(settings) as store:
        ensure_seeded(store, settings)


def _seed_in_child(settings: Settings) -> None:
    """Load the shipped data into an empty store before the workers start, in a child process:
    the workers are forked from this one, which must never have opened RocksDB (its background
    threads do not survive a fork). A forked child, not a spawned one: spawning starts
    multiprocessing's resource tracker, a Python process (~9 MB) that would stay beside the
    server for its whole life."""
    import multiprocessing

    child = multiprocessing.get_context("fork").Process(target=_seed, args=(settings,), name="policykg-seed")
    child.start()
    child.join()
    if child.exitcode != 0:
        raise SystemExit(f"policykg: could not open or seed the store at {settings.data_dir} (exit {child.exitcode})")


def load_app(settings: Settings, retire_dir: str) -> Flask:
    """The WSGI app of one worker (called in the worker process)."""
    from server.app.factory import create_app
    from server.protocol.executor import InWorkerRunner
    from server.store import EmbeddedStore
    from server.views.context import services

    app = create_app(settings)
    query = services(app).query
    if isinstance(query.store, EmbeddedStore) and query.store.path is not None:
        query.runner = InWorkerRunner(query.store, functools.partial(retire, retire_dir))
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
        # a replaced worker's queries in flight end by their own timeout first
        "workers_kill_timeout": max(GRACEFUL_TIMEOUT, math.ceil(settings.query_timeout) + 2),
    }


def run(settings: Settings) -> None:
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
    retire_dir = tempfile.mkdtemp(prefix="policykg-retire-")
    from server.app.factory import preload

    preload()  # the workers are forked from this process: they share the imported modules' pages
    try:
        server = Server("policykg", retire_dir=retire_dir, **options)
        server.serve(target_loader=functools.partial(load_app, settings, retire_dir), wrap_loader=False)
    finally:
        for folder in (tmp, metrics_dir, retire_dir):
            if folder is not None:
                shutil.rmtree(folder, ignore_errors=True)
