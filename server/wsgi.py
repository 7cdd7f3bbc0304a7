"""Production serving with gunicorn.

One gunicorn worker process (gthread, ``settings.threads`` threads) owns the read-write
on-disk store: RocksDB allows one writer process. Queries are evaluated by the query
executor processes (server.executor) that the worker starts, so a runaway query can be
killed without stopping the worker. With an external store, ``settings.workers`` workers.

``serve --memory`` cannot share an in-memory store between processes, so it serves from a
temporary on-disk folder that is deleted when the server stops.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from typing import Any

from .settings import Settings

log = logging.getLogger(__name__)


def gunicorn_options(settings: Settings) -> dict[str, Any]:
    external = bool(settings.store or settings.store_query_url)
    quiet = (
        logging.getLevelName(settings.log_level.upper()) not in (logging.DEBUG, logging.INFO)
        if isinstance(logging.getLevelName(settings.log_level.upper()), int)
        else False
    )
    return {
        "bind": f"{settings.host}:{settings.port}",
        "workers": settings.workers if external else 1,
        "threads": settings.threads,
        "worker_class": "gthread",
        "keepalive": 5,
        # a header line may hold the longest Accept the app accepts (it answers 431 beyond
        # max_accept_length in the JSON error shape; gunicorn answers a plain 400 beyond this)
        "limit_request_field_size": max(8190, settings.max_accept_length + 64),
        "graceful_timeout": 10,
        # the worker's heartbeat is independent of request length with gthread; queries are
        # bounded by query_timeout in the executors
        "timeout": max(30, int(settings.query_timeout * 3)),
        "accesslog": None if quiet else "-",
        "errorlog": "-",
        "loglevel": settings.log_level.lower(),
        "proc_name": "policykg",
    }


def run(settings: Settings) -> None:
    from gunicorn.app.base import BaseApplication

    tmp = None
    if settings.memory and not (settings.store or settings.store_query_url):
        tmp = tempfile.mkdtemp(prefix="policykg-memory-")
        log.info("--memory: serving from the temporary folder %s (deleted at exit)", tmp)
        settings.memory = False
        settings.data_dir = tmp

    options = gunicorn_options(settings)

    class App(BaseApplication):
        def load_config(self) -> None:
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self) -> Any:
            from . import create_app
            from .views.sparql import executor_pool

            app = create_app(settings)
            executor_pool(app)  # start the query executors now, not on the first query
            return app

    try:
        App().run()
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
