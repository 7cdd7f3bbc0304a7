"""policykg: a knowledge-graph service for Russian industrial policy.

``create_app(settings)`` builds the Flask app (``server.app.factory``); nothing happens at import time.
"""

from __future__ import annotations

from typing import Any

from server.core.version import __version__

__all__ = ["__version__", "create_app"]


def create_app(settings: Any = None, *, store: Any = None) -> Any:
    """Build the Flask app; see ``server.app.factory.create_app``."""
    from server.app.factory import create_app as build

    return build(settings, store=store)
