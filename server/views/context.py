"""What a view needs from the app and the request: the app's ``Services`` (typed accessors)
and integer parameters."""

from __future__ import annotations

from dataclasses import dataclass, field

from flask import Flask, current_app, g, has_request_context, request

from server.core.errors import BadRequest
from server.core.metrics import Metrics
from server.core.settings import Settings
from server.protocol.asof import AsOf, AsOfStore, parse_as_of
from server.protocol.auth import FailureLimiter
from server.protocol.query import QueryService
from server.store.base import Store
from server.store.cache import StoreCache

KEY = "policykg"  # the one key of app.extensions this service uses


@dataclass
class Services:
    """What the app's views use, built once by the app factory (``server.app.factory``) and kept
    under ``app.extensions[KEY]``: the query service, which holds the settings, the store and
    the metrics, and the state views keep between requests."""

    query: QueryService
    caches: dict[str, StoreCache] = field(default_factory=dict)  # values built from the store, by name (cache())
    has_api: bool | None = None  # views.browse: whether the /api page is served (another blueprint)

    @property
    def settings(self) -> Settings:
        return self.query.settings

    @property
    def store(self) -> Store:
        return self.query.store

    @property
    def metrics(self) -> Metrics:
        return self.query.metrics

    @property
    def auth_limiter(self) -> FailureLimiter:
        """Failed update-token attempts per client, shared by writes and ``drafts=include``."""
        return self.query.limiter


def services(app: Flask | None = None) -> Services:
    """The services of ``app`` (default: the current app)."""
    return (app if app is not None else current_app).extensions[KEY]


def settings() -> Settings:
    return services().settings


def store() -> Store:
    """The store; for a request with ``asOf`` / ``recordedBefore``, a read-only past view of it."""
    view = as_of_view()
    if not view:
        return services().store
    if "policykg_as_of_store" not in g:
        g.policykg_as_of_store = AsOfStore(services().store, settings(), view)
    return g.policykg_as_of_store


def as_of_view() -> AsOf:
    """The past view a request asks for (``asOf``, ``recordedBefore``); false when none."""
    if not has_request_context() or ("asOf" not in request.args and "recordedBefore" not in request.args):
        return AsOf()
    return parse_as_of(request.args.get("asOf"), request.args.get("recordedBefore"))


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


def cache(name: str, size: int = 1) -> StoreCache:
    """The app's cache ``name`` of values built from the store (server.store.cache), made on first use."""
    caches = services().caches
    found = caches.get(name)
    return found if found is not None else caches.setdefault(name, StoreCache(size))
