"""policykg: a knowledge-graph service for Russian industrial policy.

``create_app(settings)`` builds the Flask app (``server.app.factory``); nothing happens at import time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from server.core.version import __version__

if TYPE_CHECKING:
    from flask import Flask

    from server.core.settings import Settings
    from server.store.base import Store

__all__ = ["__version__", "create_app"]


def create_app(settings: Settings | None = None, *, store: Store | None = None) -> Flask:
    """Build the Flask app; see ``server.app.factory.create_app``."""
    from server.app.factory import create_app as build

    return build(settings, store=store)
