"""Write access: ``require_write(request)`` for SPARQL Update and Graph Store writes, by the
rules of server.protocol.auth (bearer token, limiter of failed attempts)."""

from __future__ import annotations

from flask import Request

from server.protocol.auth import authorize
from server.views.context import services


def require_write(request: Request) -> None:
    """Allow the request to write, or raise 401/403/429 (nothing is changed then)."""
    authorize(request.environ, services().settings.update_token, services().auth_limiter)
