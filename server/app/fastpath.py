"""The hot path, ``GET /sparql?query=…`` and ``POST /sparql`` with a query (a form or
``application/sparql-query``), as a plain WSGI call in front of the Flask app.

A label lookup spent two thirds of its time in Flask's request machinery (context push,
proxies, routing, the Response object). Here the same request is parsed by the same function
(server.protocol.request.parse_request) and answered by the same service as the Flask view
(server.protocol.query.QueryService.answer); only the wrapping is thinner. Everything else, and
every error, goes through Flask: an error found here is handed to the Flask app with the request
(``environ["policykg.error"]``) and raised there, so the one error handler maps it. A POST body
read here is put back (``wsgi.input``) for Flask to read again; a body without a length, or
longer than ``max_body_bytes``, is left to Flask (411/413 there).
"""

from __future__ import annotations

import functools
import io
from collections.abc import Iterable
from typing import TYPE_CHECKING

from werkzeug.wsgi import get_current_url

from server.protocol import request as sparql
from server.protocol.query import QueryService, check_accept

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIApplication, WSGIEnvironment

PATHS = ("/sparql", "/sparql/")
POST_TYPES = (sparql.FORM_TYPE, sparql.QUERY_TYPE)  # POSTs answered here (updates: Flask)
REASONS = {200: "200 OK"}


@functools.lru_cache(maxsize=64)
def _base_url(scheme: str, host: str | None, server_name: str, port: str, script_name: str, path: str) -> str:
    """request.base_url as Flask computes it (werkzeug's get_current_url), remembered: the
    same few hosts and paths come back on every request."""
    environ = {
        "wsgi.url_scheme": scheme,
        "SERVER_NAME": server_name,
        "SERVER_PORT": port,
        "SCRIPT_NAME": script_name,
        "PATH_INFO": path,
    }
    if host is not None:
        environ["HTTP_HOST"] = host
    return get_current_url(environ, strip_querystring=True)


@functools.lru_cache(maxsize=1024)
def _parse_get(content_type: str | None, qs: bytes, max_length: int) -> sparql.ProtocolRequest:
    """parse_request of a GET, remembered: the same query strings come back (percent-decoding
    a query costs more than answering it from the result cache). Never mutated after parsing."""
    return sparql.parse_request("GET", content_type, qs, b"", max_length=max_length)


class FastQueries:
    """WSGI middleware: answers SPARQL queries on ``/sparql`` itself, passes everything else on."""

    def __init__(self, flask_wsgi: WSGIApplication, service: QueryService):
        self.flask_wsgi = flask_wsgi  # the Flask app proper (errors, every other route)
        self.service = service

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        method = environ.get("REQUEST_METHOD", "")
        if environ.get("PATH_INFO") in PATHS and "HTTP_IF_NONE_MATCH" not in environ:  # revalidation: Flask
            try:
                if method == "GET" and environ.get("QUERY_STRING"):
                    answer = self._get(environ)
                elif method == "POST" and sparql.media_type(environ.get("CONTENT_TYPE"))[0] in POST_TYPES:
                    answer = self._post(environ)
                else:
                    answer = None
            except Exception as exc:  # noqa: BLE001 - PolicyKGError or not: the one handler maps it
                environ["policykg.error"] = exc  # raised again inside Flask (views.errors)
            else:
                if answer is not None:
                    status, headers, body = answer
                    headers.append(("Content-Length", str(len(body))))
                    start_response(REASONS[status], headers)
                    self.service.metrics.request(environ["PATH_INFO"], method, status)
                    return [body]
        return self.flask_wsgi(environ, start_response)

    def _get(self, environ: WSGIEnvironment) -> tuple[int, list[tuple[str, str]], bytes] | None:
        s = self.service.settings
        check_accept(environ.get("HTTP_ACCEPT"), s.max_accept_length)
        environ["policykg.operation"] = "query"  # its protocol errors are readable cross-origin too
        qs = environ["QUERY_STRING"].encode("latin-1")  # PEP 3333: the raw bytes as latin-1
        req = _parse_get(environ.get("CONTENT_TYPE"), qs, s.max_query_length)
        if req.operation != "query":
            return None  # the service description: Flask
        return self.service.answer(environ, req, base_url=_request_base_url(environ))

    def _post(self, environ: WSGIEnvironment) -> tuple[int, list[tuple[str, str]], bytes] | None:
        s = self.service.settings
        try:
            length = int(environ.get("CONTENT_LENGTH") or "")
        except ValueError:
            return None
        if not 0 <= length <= s.max_body_bytes:
            return None
        check_accept(environ.get("HTTP_ACCEPT"), s.max_accept_length)
        body = environ["wsgi.input"].read(length)
        environ["wsgi.input"] = io.BytesIO(body)  # for Flask, should it answer after all
        qs = environ.get("QUERY_STRING", "").encode("latin-1")
        req = sparql.parse_request("POST", environ.get("CONTENT_TYPE"), qs, body, max_length=s.max_query_length)
        if req.operation != "query":
            return None  # an update: Flask (authorisation, history)
        environ["policykg.operation"] = "query"  # as the view: its errors are readable cross-origin
        return self.service.answer(environ, req, base_url=_request_base_url(environ))


def _request_base_url(environ: WSGIEnvironment) -> str:
    return _base_url(
        environ.get("wsgi.url_scheme"),
        environ.get("HTTP_HOST"),
        environ.get("SERVER_NAME"),
        environ.get("SERVER_PORT"),
        environ.get("SCRIPT_NAME", ""),
        environ["PATH_INFO"],
    )
