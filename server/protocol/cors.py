"""CORS for SPARQL reads (queries, the service description, their errors); never credentials,
never updates from other origins. No Flask: the /sparql view and the WSGI fast path share it."""

from __future__ import annotations

CORS_METHODS = "GET, POST, OPTIONS"
CORS_HEADERS = "Accept, Content-Type, If-None-Match"  # never Authorization: no cross-origin updates
EXPOSED = "X-Result-Truncated, Content-Type, ETag"


def allowed_origin(origin: str | None, cors_origins: str) -> str | None:
    """The Access-Control-Allow-Origin value for ``origin`` under the ``cors_origins`` setting:
    "*", the origin itself when listed (an exact match: never other text), or None."""
    if not origin or not cors_origins:
        return None
    origins = {o.strip() for o in cors_origins.split(",") if o.strip()}
    if not origins:
        return None
    if "*" in origins:
        return "*"
    return origin if origin in origins else None


def cors_headers(origin: str | None, cors_origins: str, *, preflight: bool = False) -> list[tuple[str, str]]:
    """The CORS headers of a read answered to ``origin`` (none when it is not allowed)."""
    allow = allowed_origin(origin, cors_origins)
    if allow is None:
        return []
    headers = [("Access-Control-Allow-Origin", allow)]
    if allow != "*":
        headers.append(("Vary", "Origin"))
    headers.append(("Access-Control-Expose-Headers", EXPOSED))
    if preflight:
        headers += [
            ("Access-Control-Allow-Methods", CORS_METHODS),
            ("Access-Control-Allow-Headers", CORS_HEADERS),
            ("Access-Control-Max-Age", "600"),
        ]
    return headers
