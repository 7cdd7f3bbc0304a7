"""What a view needs from the request and the app: typed accessors and integer parameters."""

from __future__ import annotations

from typing import Any

from flask import current_app, request

from server.core.errors import BadRequest
from server.store.cache import StoreCache


def int_arg(name: str, default: int, minimum: int = 1, maximum: int | None = 1_000_000) -> int:
    """An integer query parameter; a bad value is a 400 naming the parameter."""
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


def cache(name: str, size: int = 1) -> StoreCache:
    """The app's cache ``name`` of values built from the store (server.store.cache), made on first use."""
    caches = current_app.extensions.setdefault("policykg.caches", {})
    found = caches.get(name)
    return found if found is not None else caches.setdefault(name, StoreCache(size))
