"""The one error handler: PolicyKGError -> its status and the one JSON error shape
(or a small HTML page for browsers). Unexpected exceptions are 500 and logged."""

from __future__ import annotations

import logging

from flask import Flask, Response, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

from server.core.errors import HeaderTooLarge, PolicyKGError
from server.protocol.query import check_accept
from server.views.context import services

log = logging.getLogger(__name__)


def error_response(err: PolicyKGError, *, html_on_post: bool = False) -> Response:
    """The error as JSON, or as a page for a browser's GET (``html_on_post``: for its form posts too)."""
    if isinstance(err, HeaderTooLarge):  # do not parse the header it refuses
        resp = jsonify(err.to_dict())
        resp.status_code = err.status
        return resp
    wants_html = request.accept_mimetypes.best_match(
        ["application/json", "text/html"]
    ) == "text/html" and "application/json" not in (request.headers.get("Accept") or "")
    if (
        wants_html
        and (request.method == "GET" or html_on_post)
        and not request.path.startswith(("/sparql", "/store", "/api"))
    ):
        resp = Response(render_template("error.html", error=err), status=err.status, mimetype="text/html")
    else:
        resp = jsonify(err.to_dict())
    resp.status_code = err.status
    for k, v in err.headers.items():
        resp.headers[k] = v
    return resp


def register(app: Flask) -> None:
    @app.before_request
    def _cap_headers() -> None:
        check_accept(request.headers.get("Accept"), services(app).settings.max_accept_length)

    @app.before_request
    def _raise_fast_path_error() -> None:
        err = request.environ.pop("policykg.error", None)  # found by server.app.fastpath: mapped here
        if err is not None:
            raise err

    @app.errorhandler(PolicyKGError)
    def _known(err: PolicyKGError) -> Response:
        if err.status >= 500:
            log.warning("%s: %s", type(err).__name__, err.message)
        return error_response(err)

    @app.errorhandler(HTTPException)
    def _http(exc: HTTPException) -> Response:
        err = PolicyKGError(exc.description or exc.name)
        err.status = exc.code or 500
        err.code = (exc.name or "error").lower().replace(" ", "_")
        resp = error_response(err)
        if exc.code == 405 and hasattr(exc, "valid_methods") and exc.valid_methods:
            resp.headers["Allow"] = ", ".join(exc.valid_methods)
        return resp

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception) -> Response:
        log.exception("unexpected error on %s %s", request.method, request.path)
        err = PolicyKGError("Internal server error; it has been logged.")
        return error_response(err)
