"""policykg: a knowledge-graph service for Russian industrial policy.

``create_app(settings)`` builds the Flask app; nothing happens at import time.
"""

from __future__ import annotations

import logging
from typing import Any

__version__ = "0.1.0"


def create_app(settings: Any = None, *, store: Any = None) -> Any:
    """Build the Flask app: settings, store, blueprints, error handlers.

    ``settings``: a ``Settings`` (default: from POLICYKG_* environment variables).
    ``store``: an already opened store (tests); otherwise opened from the settings, and
    on an empty store the shipped ontology/ and data/ are loaded and reasoned over first.
    """
    from flask import Flask

    from .settings import Settings
    from .store import open_store
    from .views import register

    settings = settings or Settings.from_env()
    logging.basicConfig(level=settings.log_level)
    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = settings.max_body_bytes
    app.json.ensure_ascii = False  # Russian text stays readable in JSON
    app.extensions["policykg.settings"] = settings
    if store is None:
        store = open_store(settings)
        ensure_seeded(store, settings)
    app.extensions["policykg.store"] = store
    register(app)
    from .fastpath import FastQueries

    app.wsgi_app = FastQueries(app)  # type: ignore[method-assign]
    return app


def ensure_seeded(store: Any, settings: Any) -> bool:
    """Load the default ontology/ + data/ (and reason) when the store has no graph yet."""
    if store.graphs():
        return False
    from .loader import load_files
    from .reasoning import reason
    from .resources import default_files

    load_files(store, default_files(), settings)
    reason(store, settings)
    return True
