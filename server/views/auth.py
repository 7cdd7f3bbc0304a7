"""Write access: ``require_write(request)`` for SPARQL Update and Graph Store writes, by the
rules of server.protocol.auth (bearer token, limiter of failed attempts)."""

from __future__ import annotations

from flask import Request

from server.core.errors import Forbidden, Unauthorized
from server.protocol.auth import check_token
from server.views.context import services


def require_write(request: Request) -> None:
    """Allow the request to write, or raise 401/403/429 (nothing is changed then)."""
    token = services().settings.update_token
    if not token:
        check_token(None, token)  # 403 read-only
    client = request.remote_addr or "?"
    limiter = services().auth_limiter
    limiter.check(client)
    try:
        check_token(request.headers.get("Authorization"), token)
    except Unauthorized:
        if request.headers.get("Authorization"):
            limiter.fail(client)
        raise
    except Forbidden:
        limiter.fail(client)
        raise
