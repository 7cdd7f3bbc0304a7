"""One blueprint per surface; ``register(app)`` wires them and the one error handler."""

from __future__ import annotations

from typing import Any

from flask import Flask, current_app, request


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


def int_arg(name: str, default: int, minimum: int = 1, maximum: int | None = 1_000_000) -> int:
    """An integer query parameter; a bad value is a 400 naming the parameter."""
    from ..errors import BadRequest

    raw = request.args.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise BadRequest(f"Parameter '{name}': {raw!r} is not an integer", detail={"parameter": name}) from None
    if value < minimum or (maximum is not None and value > maximum):
        bound = f"between {minimum} and {maximum}" if maximum is not None else f"at least {minimum}"
        raise BadRequest(f"Parameter '{name}': must be {bound}", detail={"parameter": name})
    return value


def settings() -> Any:
    return current_app.extensions["policykg.settings"]


def store() -> Any:
    return current_app.extensions["policykg.store"]
