"""The app factory: ``create_app(settings)`` builds the Flask app; nothing happens at import time."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flask import Flask

    from server.core.settings import Settings
    from server.store.base import Store


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
    from server.views import (
        api,
        browse,
        browse_pages,
        curate,
        errors,
        export,
        graph_store,
        history,
        ingest,
        ops,
        reconcile,
        sparql,
    )
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
    for view in (ops, sparql, graph_store, browse, browse_pages, api, export, ingest, reconcile, history):
        app.register_blueprint(view.bp)
    curate.register(app, settings)  # the curation pages: only with an update token
    app.wsgi_app = FastQueries(app.wsgi_app, services.query)  # type: ignore[method-assign]
    return app


def ensure_seeded(store: Store, settings: Settings) -> bool:
    """Load the default ontology/ + data/ (and reason) when the store has no graph yet."""
    if store.graph_names():  # names only: counting every graph scans the store (0.4 s CPU per worker at 1M)
        return False
    from server.core.resources import default_files
    from server.graph.load import load_files
    from server.graph.reason import reason

    load_files(store, default_files(), settings)
    reason(store, settings)
    return True
