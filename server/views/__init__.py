"""One blueprint per surface; ``register(app)`` wires them and the one error handler."""

from __future__ import annotations

from typing import Any

from flask import Flask, current_app


def register(app: Flask) -> None:
    from . import errors, ops

    errors.register(app)
    app.register_blueprint(ops.bp)
    # Surfaces added by later work register here (sparql, store, browse, api, export).
    for name in ("sparql", "graph_store", "browse", "api", "export", "ingest"):
        try:
            module = __import__(f"{__name__}.{name}", fromlist=["bp"])
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":
                raise
            continue
        app.register_blueprint(module.bp)


def settings() -> Any:
    return current_app.extensions["policykg.settings"]


def store() -> Any:
    return current_app.extensions["policykg.store"]
