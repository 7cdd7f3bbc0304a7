"""Production serving with gunicorn (an app factory per worker)."""

from __future__ import annotations

from typing import Any

from .settings import Settings


def run(settings: Settings) -> None:
    from gunicorn.app.base import BaseApplication

    class App(BaseApplication):
        def load_config(self) -> None:
            self.cfg.set("bind", f"{settings.host}:{settings.port}")
            # The embedded on-disk store can be opened by one process only: one worker, threads.
            self.cfg.set("workers", 1 if not settings.store else settings.workers)
            self.cfg.set("threads", settings.threads)
            self.cfg.set("worker_class", "gthread")
            self.cfg.set("accesslog", "-")

        def load(self) -> Any:
            from . import create_app

            return create_app(settings)

    App().run()
