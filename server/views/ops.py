"""Operations: /health (liveness + store reachable)."""

from __future__ import annotations

from flask import Blueprint, jsonify

from . import store

bp = Blueprint("ops", __name__)


@bp.get("/health")
def health():
    status = store().health()  # raises StoreUnavailable -> 503 through the one handler
    return jsonify({"status": "ok", "store": status})
