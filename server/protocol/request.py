"""SPARQL 1.1 Protocol parsing and the endpoint's safety policy (no Flask here).

- ``parse_request``: the operation (query / update / none: service description), its text
  and dataset parameters, from the method, Content-Type, raw query string and raw body,
  exactly as the SPARQL 1.1 Protocol (sections 2.1 and 2.2) says.

The safety policy (SERVICE, LOAD) is ``server.sparql.policy``; the USING rewrite of the
Protocol's using-graph-uri / using-named-graph-uri is ``server.sparql.rewrite``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import parse_qs

import pyoxigraph as ox

from server.core.errors import BadRequest, PayloadTooLarge, UnsupportedMediaType
from server.protocol import formats
from server.protocol.asof import AsOf, parse_as_of

QUERY_TYPE = "application/sparql-query"
UPDATE_TYPE = "application/sparql-update"
FORM_TYPE = "application/x-www-form-urlencoded"

QUERY_DATASET_PARAMS = ("default-graph-uri", "named-graph-uri")
UPDATE_DATASET_PARAMS = ("using-graph-uri", "using-named-graph-uri")


@dataclass
class ProtocolRequest:
    """One parsed protocol request. ``operation`` is "query", "update" or None (no operation:
    GET /sparql answers with the service description)."""

    operation: str | None
    text: str = ""
    default_graphs: list[str] | None = None
    named_graphs: list[str] | None = None
    using_graphs: list[str] = field(default_factory=list)
    using_named_graphs: list[str] = field(default_factory=list)
    timeout: float | None = None
    format: str | None = None
    include_drafts: bool = False  # ``drafts=include``: the caller must hold the update token
    as_of: AsOf = field(default_factory=AsOf)  # ``asOf`` / ``recordedBefore``: a past view (server.protocol.asof)

    @property
    def has_dataset(self) -> bool:
        return self.default_graphs is not None or self.named_graphs is not None


# -- request parsing -----------------------------------------------------------------------
def parse_request(
    method: str, content_type: str | None, query_string: bytes | str, body: bytes, *, max_length: int = 0
) -> ProtocolRequest:
    """Parse a SPARQL Protocol request. Raises BadRequest / UnsupportedMediaType /
    PayloadTooLarge with a message saying what is wrong."""
    url_params = _parse_form(query_string, "the URL query string")
    method = method.upper()
    if method in ("GET", "HEAD"):
        if "update" in url_params:
            raise BadRequest(
                f"SPARQL Update must be sent with POST (form 'update=' or Content-Type: {UPDATE_TYPE}), never with GET."
            )
        params = url_params
        if "query" not in params:
            return ProtocolRequest(None)
        text = _single(params, "query")
        operation = "query"
    elif method == "POST":
        mtype, charset = media_type(content_type)
        if not mtype:
            raise BadRequest(f"POST /sparql needs a Content-Type: {FORM_TYPE}, {QUERY_TYPE} or {UPDATE_TYPE}.")
        if mtype == FORM_TYPE:
            _check_charset(charset)
            form = _parse_form(body, "the form body")
            for name in ("query", "update"):
                if name in url_params and name in form:
                    raise BadRequest(f"'{name}' is given both in the URL and in the form body.")
            params = {**url_params, **{k: url_params.get(k, []) + v for k, v in form.items()}}
            if "query" in params and "update" in params:
                raise BadRequest("A request carries either 'query' or 'update', not both.")
            if "query" in params:
                operation, text = "query", _single(params, "query")
            elif "update" in params:
                operation, text = "update", _single(params, "update")
            else:
                raise BadRequest("The form has neither a 'query' nor an 'update' field.")
        elif mtype in (QUERY_TYPE, UPDATE_TYPE):
            _check_charset(charset)
            params = url_params
            operation = "query" if mtype == QUERY_TYPE else "update"
            for name in ("query", "update"):
                if name in params:
                    raise BadRequest(
                        f"With Content-Type {mtype} the {operation} is the body; do not also pass '{name}' in the URL."
                    )
            text = _decode(body, "request body")
        else:
            raise UnsupportedMediaType(
                f"Content-Type {mtype!r} is not supported on /sparql; use {FORM_TYPE}, {QUERY_TYPE} or {UPDATE_TYPE}."
            )
    else:
        raise BadRequest(f"Method {method} is not a SPARQL Protocol operation; use GET or POST.")

    if not text.strip():
        raise BadRequest(f"The {operation} is empty.")
    if max_length and len(text) > max_length:
        raise PayloadTooLarge(f"The {operation} is {len(text)} characters long; the limit is {max_length}.")
    req = ProtocolRequest(operation, text)
    if operation == "query":
        for name in UPDATE_DATASET_PARAMS:
            if name in params:
                raise BadRequest(f"'{name}' belongs to updates; queries use default-graph-uri/named-graph-uri.")
        if "default-graph-uri" in params or "named-graph-uri" in params:
            req.default_graphs = _iris(params, "default-graph-uri")
            req.named_graphs = _iris(params, "named-graph-uri")
    else:
        for name in QUERY_DATASET_PARAMS:
            if name in params:
                raise BadRequest(f"'{name}' belongs to queries; updates use using-graph-uri/using-named-graph-uri.")
        req.using_graphs = _iris(params, "using-graph-uri")
        req.using_named_graphs = _iris(params, "using-named-graph-uri")
    if "timeout" in params:
        raw = _single(params, "timeout")
        try:
            req.timeout = float(raw)
        except ValueError:
            raise BadRequest(f"'timeout' must be a number of seconds, not {raw!r}.") from None
        if not req.timeout > 0:
            raise BadRequest("'timeout' must be a positive number of seconds.")
    if "drafts" in params:
        if operation != "query":
            raise BadRequest("'drafts' belongs to queries.")
        value = _single(params, "drafts")
        if value not in ("include", "exclude"):
            raise BadRequest(f"'drafts' must be 'include' or 'exclude', not {value!r}.")
        req.include_drafts = value == "include"
    if "asOf" in params or "recordedBefore" in params:
        if operation != "query":
            raise BadRequest("'asOf' and 'recordedBefore' belong to queries: a past view is read-only.")
        req.as_of = parse_as_of(
            _single(params, "asOf") if "asOf" in params else None,
            _single(params, "recordedBefore") if "recordedBefore" in params else None,
        )
    if "format" in params:
        # some clients (SPARQLWrapper) repeat it: the same value several times is fine
        # (SPARQLWrapper sends format=tsv&format=text/tab-separated-values): fine if they agree
        names = {formats.by_name(v).name for v in params["format"]}
        req.format = names.pop() if len(names) == 1 else _single(params, "format")
    return req


def media_type(content_type: str | None) -> tuple[str, str | None]:
    """A Content-Type's media type (lower case, '' when none) and its charset parameter."""
    if not content_type:
        return "", None
    parts = [p.strip() for p in content_type.split(";")]
    charset = None
    for p in parts[1:]:
        k, _, v = p.partition("=")
        if k.strip().lower() == "charset":
            charset = v.strip().strip('"').lower()
    return parts[0].lower(), charset


def _check_charset(charset: str | None) -> None:
    if charset not in (None, "utf-8", "utf8"):
        raise BadRequest(f"Only UTF-8 is accepted (the request says charset={charset}).")


def _decode(data: bytes, what: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadRequest(f"The {what} is not valid UTF-8 (byte {exc.start}).") from None


def _parse_form(data: bytes | str, what: str) -> dict[str, list[str]]:
    text = _decode(data, what) if isinstance(data, bytes) else data
    try:
        return parse_qs(text, keep_blank_values=True, strict_parsing=False, encoding="utf-8", errors="strict")
    except UnicodeDecodeError:
        raise BadRequest(f"A percent-encoded value in {what} is not valid UTF-8.") from None


def _single(params: dict[str, list[str]], name: str) -> str:
    values = params[name]
    if len(values) != 1:
        raise BadRequest(f"Exactly one '{name}' parameter is allowed; got {len(values)}.")
    return values[0]


def _iris(params: dict[str, list[str]], name: str) -> list[str]:
    out = []
    for value in params.get(name, []):
        try:
            ox.NamedNode(value)
        except ValueError:
            raise BadRequest(f"'{name}' must be an absolute IRI, not {value!r}.") from None
        out.append(value)
    return out
