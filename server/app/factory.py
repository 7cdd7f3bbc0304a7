"""The app factory: ``create_app(settings)`` builds the Flask app; nothing happens at import time."""

from __future__ import annotations

import importlib
import logging
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flask import Flask

    from server.core.settings import Settings
    from server.store.base import Store

log = logging.getLogger(__name__)


def create_app(settings: Settings | None = None, *, store: Store | None = None) -> Flask:
    """Build the Flask app: settings, store, blueprints, error handlers.

    ``settings``: a ``Settings`` (default: from POLICYKG_* environment variables).
    ``store``: an already opened store (tests); otherwise opened from the settings, and
    on an empty store the shipped ontology/ and data/ are loaded and reasoned over first.
    """
    from flask import Flask
    from flask.json.provider import DefaultJSONProvider

    from server.app.fastpath import FastQueries
    from server.core.metrics import Metrics
    from server.core.settings import Settings
    from server.protocol.query import QueryService
    from server.store import open_store
    from server.views import curate, errors
    from server.views.context import KEY, Services

    settings = settings or Settings.from_env()
    logging.basicConfig(level=settings.log_level)
    app = Flask("server")  # the package: templates/ and static/ beside server/__init__.py
    app.config["MAX_CONTENT_LENGTH"] = settings.max_body_bytes
    app.json = provider = DefaultJSONProvider(app)
    provider.ensure_ascii = False  # Russian text stays readable in JSON
    if store is None:
        store = open_store(settings)
        ensure_seeded(store, settings)
    services = app.extensions[KEY] = Services(QueryService(settings, store, Metrics(settings.metrics_dir or None)))
    errors.register(app)
    for view in preload():
        app.register_blueprint(view.bp)
    curate.register(app, settings)  # the curation pages: only with an update token
    app.wsgi_app = FastQueries(app.wsgi_app, services.query)  # type: ignore[method-assign]
    return app


VIEWS = ("ops", "sparql", "graph_store", "browse", "browse_pages", "api", "export", "ingest", "reconcile", "history")


def preload() -> list[ModuleType]:
    """The view modules (``VIEWS``, in the order their blueprints are registered), imported with
    all they use; nothing is opened. ``policykg serve`` calls it before it forks its workers, so
    that they share these modules' memory instead of importing them each."""
    return [importlib.import_module(f"server.views.{name}") for name in VIEWS]


def ensure_seeded(store: Store, settings: Settings) -> bool:
    """Load the default ontology/ + data/ (and reason) when the store has no graph yet."""
    if store.graph_names() or store.graphs():  # the names first: counting reads the whole store (and
        _warn_if_legacy_vocabulary(store)  # filled each worker's block cache with it)
        return False
    from server.core.resources import default_files
    from server.graph.load import load_files
    from server.graph.reason import reason

    load_files(store, default_files(), settings)
    reason(store, settings)
    return True


def _warn_if_legacy_vocabulary(store: Store) -> None:
    """A store written before ontology 0.2.0 names its terms in the old namespace: say how to move it."""
    from server.core.namespaces import LEGACY_PKG

    if store.ask(f"ASK {{ GRAPH ?g {{ <{LEGACY_PKG}> ?p ?o }} }}"):
        log.warning(
            "The store holds the ontology in its old namespace <%s>: run `policykg migrate` "
            "to rename its terms (docs/vocabulary.md).",
            LEGACY_PKG,
        )
