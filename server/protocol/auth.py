"""Write access rules, without Flask: the bearer-token check and the limiter of failed attempts
(``server.views.auth.require_write`` applies them to a request).

Writes are enabled only when ``settings.update_token`` is set, and then only for
``Authorization: Bearer <token>`` (constant-time comparison). No or malformed credentials:
401 with ``WWW-Authenticate``; a wrong token or a read-only service: 403. A client that
keeps sending wrong tokens is slowed down: after ``MAX_FAILURES`` failures within
``WINDOW`` seconds it gets 429 until the window has passed.
"""

from __future__ import annotations

import hmac
import threading
import time
from collections import deque
from typing import Any

from server.core.errors import Forbidden, TooManyRequests, Unauthorized

MAX_FAILURES = 10
WINDOW = 60.0


class FailureLimiter:
    """Failed authentication attempts per client address, in a sliding window."""

    def __init__(self, max_failures: int = MAX_FAILURES, window: float = WINDOW):
        self.max_failures = max_failures
        self.window = window
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, client: str, now: float) -> deque[float]:
        q = self._failures.setdefault(client, deque())
        while q and q[0] <= now - self.window:
            q.popleft()
        return q

    def check(self, client: str) -> None:
        now = time.monotonic()
        with self._lock:
            q = self._recent(client, now)
            if len(q) >= self.max_failures:
                retry = max(1, int(q[0] + self.window - now) + 1)
                raise TooManyRequests(
                    f"Too many failed authentication attempts; retry in {retry} s.", headers={"Retry-After": str(retry)}
                )
            if not q:
                self._failures.pop(client, None)

    def fail(self, client: str) -> None:
        now = time.monotonic()
        with self._lock:
            self._recent(client, now).append(now)
            if len(self._failures) > 10000:  # bound memory: forget the quietest clients
                for key in [k for k, v in self._failures.items() if not v][:5000]:
                    del self._failures[key]


def check_token(authorization: str | None, token: str) -> None:
    """Raise Unauthorized/Forbidden unless ``authorization`` is 'Bearer <token>' (no Flask)."""
    if not token:
        raise Forbidden(
            "This service is read-only: updates and Graph Store writes are disabled "
            "(start it with --update-token / POLICYKG_UPDATE_TOKEN to enable them)."
        )
    if not authorization:
        raise Unauthorized()
    scheme, _, given = authorization.strip().partition(" ")
    given = given.strip()
    if scheme.lower() != "bearer" or not given:
        raise Unauthorized("Malformed Authorization header; use 'Authorization: Bearer <token>'.")
    if not hmac.compare_digest(given.encode("utf-8"), token.encode("utf-8")):
        raise Forbidden("The bearer token is not valid for writes.")


def authorize(environ: dict[str, Any], token: str, limiter: FailureLimiter) -> None:
    """Raise 401/403/429 unless the WSGI request ``environ`` carries the update token. Failed
    attempts count against the client's address in ``limiter``. No Flask: the WSGI fast path
    calls it too."""
    if not token:
        check_token(None, token)  # 403 read-only
    client = environ.get("REMOTE_ADDR") or "?"
    authorization = environ.get("HTTP_AUTHORIZATION")
    limiter.check(client)
    try:
        check_token(authorization, token)
    except Unauthorized:
        if authorization:
            limiter.fail(client)
        raise
    except Forbidden:
        limiter.fail(client)
        raise


def require_token(environ: dict[str, Any], token: str, limiter: FailureLimiter, what: str) -> None:
    """Allow ``what`` (a read reserved to the update token's holders), or raise 403 saying why
    (429 after repeated failures)."""
    try:
        authorize(environ, token, limiter)
    except (Unauthorized, Forbidden) as err:
        raise Forbidden(f"{what} needs the update token (Authorization: Bearer <token>): {err.message}") from None
