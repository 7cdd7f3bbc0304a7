"""Operations: /health (liveness + store reachable) and /metrics (Prometheus text)."""

from __future__ import annotations

import logging

from flask import Blueprint, Response, jsonify, request

from server.core.metrics import Metrics
from server.views.context import cache, services, store

log = logging.getLogger(__name__)
bp = Blueprint("ops", __name__)


def metrics() -> Metrics:
    return services().metrics


@bp.after_app_request
def _count(response: Response) -> Response:
    route = request.url_rule.rule if request.url_rule is not None else "<unmatched>"
    metrics().request(route, request.method, response.status_code)
    return response


@bp.get("/health")
def health() -> Response:
    status = store().health()  # raises StoreUnavailable -> 503 through the one handler
    return jsonify({"status": "ok", "store": status})


@bp.get("/metrics")
def prometheus() -> Response:
    gauges = []
    try:
        st = store()  # counting is O(n) on the embedded store: once per store state (shared with the home page)
        count = cache("triple_count").get(st, None, st.triple_count, background=True)
        gauges.append(("policykg_store_triples", "Quads in the store.", float(count)))
    except Exception as exc:  # noqa: BLE001 - a scrape must not fail because the store is down
        log.warning("metrics: cannot count triples: %s", exc)
    pool = services().query.runner  # None until an executor pool is first used
    if pool is not None:  # per process: the worker answering this scrape
        gauges += [
            (
                "policykg_query_executors",
                "Query evaluation threads or executor processes (this process).",
                float(pool.size),
            ),
            ("policykg_query_executors_busy", "Queries being evaluated (this process).", float(pool.busy)),
        ]
    return Response(
        metrics().render(gauges), mimetype="text/plain", content_type="text/plain; version=0.0.4; charset=utf-8"
    )
