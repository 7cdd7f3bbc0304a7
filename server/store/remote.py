"""The external store: any SPARQL 1.1 store over HTTP (Oxigraph server, Fuseki, Virtuoso …).

Queries and updates go through the SPARQL 1.1 Protocol, graph loads/replaces/drops/dumps
through the Graph Store Protocol. Results are parsed with pyoxigraph's parsers, so callers get
the same types as from the embedded store (``QuerySolutions``, ``QueryBoolean``, triples).
The query text goes to the store as it is: what it does with it (e.g. a call to an extension
function it does not know, which the embedded store evaluates as an error value) is its own.

``--store sparql+http://host:port/path`` means Oxigraph server's layout: ``path/query``,
``path/update``, ``path/store``; with it the union default graph is asked for per request
(``union-default-graph``). For other stores set the three URLs (settings ``store_query_url``,
``store_update_url``, ``store_gsp_url``) and configure the union default graph on the store
(README, Scaling).

Private graphs (the drafts) are kept out of the default dataset by sending it explicitly:
``default-graph-uri`` / ``named-graph-uri`` for every other named graph (one more request
lists the graphs). The store's own default graph cannot be named that way, so while drafts
exist its triples are outside the default graph seen by queries.

Policy (what may run, timeouts, row caps) stays with policykg: this module only maps remote
failures onto the error hierarchy (unreachable -> StoreUnavailable, slow -> QueryTimeout,
remote 4xx -> the matching 4xx with the remote's message).
"""

from __future__ import annotations

import json
import logging
import re
import time
from collections.abc import Iterator
from typing import IO
from urllib.parse import urlsplit, urlunsplit

import pyoxigraph as ox
import requests
from requests.adapters import HTTPAdapter

from server.core import errors
from server.core.errors import BadRequest, ConfigError, QuerySyntaxError, QueryTimeout, StoreError, StoreUnavailable
from server.core.namespaces import draft_graph
from server.core.settings import Settings
from server.sparql.lexer import has_dataset_clause, query_form
from server.store.base import DEFAULT_PRIVATE_PREFIX, GraphInfo, QueryResult, Store, Term, published_dataset, solutions
from server.store.prebind import prebind
from server.store.progress import Progress, ProgressFile

log = logging.getLogger(__name__)

#: What policykg asks for when it parses results itself (SELECT/ASK, then CONSTRUCT/DESCRIBE).
PARSE_ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9"
#: ... when the query form is known: Virtuoso answers a CONSTRUCT asked for JSON with s/p/o bindings.
RESULTS_ACCEPT = "application/sparql-results+json, application/sparql-results+xml;q=0.9"
GRAPH_ACCEPT = "application/n-triples, text/turtle;q=0.9"
NO_GRAPH = "urn:policykg:no-graph"  # names no graph: an empty default graph over the Protocol
_RESULTS = {f.media_type: f for f in (ox.QueryResultsFormat.JSON, ox.QueryResultsFormat.XML, ox.QueryResultsFormat.TSV)}
_RDF = {
    f.media_type: f
    for f in (
        ox.RdfFormat.N_TRIPLES,
        ox.RdfFormat.TURTLE,
        ox.RdfFormat.RDF_XML,
        ox.RdfFormat.N_QUADS,
        ox.RdfFormat.TRIG,
        ox.RdfFormat.JSON_LD,
    )
}
_RDF_ALIASES = {
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "application/x-turtle": ox.RdfFormat.TURTLE,
    "application/json": ox.RdfFormat.JSON_LD,
}
CONNECT_TIMEOUT = 5.0
HEALTH_TIMEOUT = 5.0
CHUNK = 64 * 1024
COUNT = "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }"
COUNT_ALL = "SELECT (COUNT(*) AS ?n) { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"


def store_urls(url: str) -> tuple[str, str, str]:
    """``sparql+http://h:p/path`` -> (query, update, graph store) URLs of Oxigraph's layout."""
    parts = urlsplit(url)
    scheme = parts.scheme.removeprefix("sparql+")
    if scheme not in ("http", "https") or not parts.netloc:
        raise ConfigError(f"--store {url!r}: use sparql+http://host:port[/path] (or sparql+https://…)")
    base = urlunsplit((scheme, parts.netloc, parts.path.rstrip("/"), "", ""))
    return base + "/query", base + "/update", base + "/store"


class RemoteTriples:
    """CONSTRUCT/DESCRIBE results parsed from the remote: iterable of ``ox.Triple`` with the
    same ``serialize`` as pyoxigraph's ``QueryTriples``."""

    def __init__(self, triples: Iterator[ox.Triple]):
        self._triples = triples

    def __iter__(self) -> RemoteTriples:
        return self

    def __next__(self) -> ox.Triple:
        return next(self._triples)

    def serialize(self, output: IO[bytes] | None = None, format: ox.RdfFormat = ox.RdfFormat.N_TRIPLES) -> bytes | None:
        return ox.serialize(self._triples, output, format)


class RemoteStore(Store):
    """A SPARQL 1.1 store reached over HTTP.

    ``union_param``: send Oxigraph's ``union-default-graph`` parameter with each query that
    has no explicit dataset (Oxigraph layout); otherwise the remote store must itself treat
    its default graph as the union of the named graphs.
    """

    def __init__(
        self,
        query_url: str,
        update_url: str | None = None,
        gsp_url: str | None = None,
        *,
        user: str = "",
        password: str = "",
        union_param: bool = False,
        timeout: float | None = None,
        private_prefix: str | None = DEFAULT_PRIVATE_PREFIX,
    ):
        self.query_url = query_url
        self.private_prefix = private_prefix
        self.update_url = update_url
        self.gsp_url = gsp_url
        self.union_param = union_param
        self.timeout = timeout
        self.writes = 0  # writes sent by this process: caches see them at once (server.store.cache)
        self._session = requests.Session()
        adapter = HTTPAdapter(pool_connections=4, pool_maxsize=32)
        self._session.mount("http://", adapter)
        self._session.mount("https://", adapter)
        if user:
            self._session.auth = (user, password)

    @classmethod
    def from_settings(cls, settings: Settings) -> RemoteStore:
        query = update = gsp = ""
        if settings.store:
            query, update, gsp = store_urls(settings.store)
        explicit = bool(settings.store_query_url)
        query = settings.store_query_url or query
        if not query:
            raise ConfigError("The external store needs --store or store_query_url.")
        return cls(
            query,
            settings.store_update_url or update or None,
            settings.store_gsp_url or gsp or None,
            user=settings.store_user,
            password=settings.store_password,
            union_param=bool(settings.store) and not explicit,
            timeout=settings.query_timeout,
            private_prefix=draft_graph(settings.base_iri, ""),
        )

    # -- HTTP plumbing ------------------------------------------------------------------
    def _send(
        self,
        method: str,
        url: str | None,
        *,
        what: str,
        timeout: float | None,
        stream: bool = False,
        data: list[tuple[str, str]] | bytes | IO[bytes] | None = None,
        params: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
    ) -> requests.Response:
        """``timeout``: for reading the answer (None: as long as the store works)."""
        if url is None:
            raise StoreError(f"No {what} URL is configured for the external store.")
        try:
            resp = self._session.request(
                method,
                url,
                timeout=(CONNECT_TIMEOUT, timeout),
                stream=stream,
                data=data,
                params=params,
                headers=headers,
            )
        except requests.exceptions.ConnectTimeout as exc:
            raise StoreUnavailable(f"External store at {_safe(url)} did not answer: {exc}") from None
        except requests.exceptions.ReadTimeout:
            raise QueryTimeout(f"The external store did not answer within {timeout:g} s ({what}).") from None
        except requests.exceptions.ConnectionError as exc:
            raise StoreUnavailable(f"External store at {_safe(url)} is unreachable: {_reason(exc)}") from None
        except requests.exceptions.RequestException as exc:
            raise StoreError(f"External store request failed: {exc}") from None
        if method != "GET" and what != "query":
            self.writes += 1
        if resp.status_code >= 400:
            try:
                raise _http_error(resp, what)
            finally:
                resp.close()
        return resp

    def _read(self, resp: requests.Response, deadline: float | None) -> bytes:
        return b"".join(self._chunks(resp, deadline))

    def _chunks(self, resp: requests.Response, deadline: float | None) -> Iterator[bytes]:
        try:
            for chunk in resp.iter_content(CHUNK):
                if deadline is not None and time.monotonic() > deadline:
                    raise QueryTimeout("The external store's answer took longer than the query timeout.")
                yield chunk
        except requests.exceptions.ConnectionError as exc:
            if "timed out" in str(exc).lower():
                raise QueryTimeout("The external store stopped answering within the query timeout.") from None
            raise StoreUnavailable(f"Connection to the external store broke: {_reason(exc)}") from None
        finally:
            resp.close()

    def _query_form(
        self,
        sparql: str,
        default_graphs: list[str] | None,
        named_graphs: list[str] | None,
        substitutions: dict[str, Term] | None,
        base_iri: str | None,
        include_private: bool = False,
    ) -> list[tuple[str, str]]:
        if default_graphs is None and named_graphs is None and not include_private and not has_dataset_clause(sparql):
            dataset = published_dataset(self, self.graph_names(), sparql, substitutions)
            if dataset is not None:
                default_graphs, named_graphs = dataset[0] or [NO_GRAPH], dataset[1]
        sparql = prebind(sparql, substitutions)
        if base_iri:
            sparql = f"BASE {ox.NamedNode(base_iri)} {_BASE_MARK}\n{sparql}"
        form = [("query", sparql)]
        if default_graphs is not None or named_graphs is not None:
            form += [("default-graph-uri", g) for g in default_graphs or []]
            form += [("named-graph-uri", g) for g in named_graphs or []]
        elif self.union_param and not has_dataset_clause(sparql):  # FROM / FROM NAMED win, as embedded
            form.append(("union-default-graph", ""))
        return form

    def _post_query(
        self, form: list[tuple[str, str]], accept: str, timeout: float | None
    ) -> tuple[requests.Response, float | None]:
        timeout = timeout if timeout is not None else self.timeout
        deadline = time.monotonic() + timeout if timeout else None
        try:
            resp = self._send(
                "POST",
                self.query_url,
                what="query",
                data=form,
                headers={"Accept": accept},
                timeout=timeout or None,
                stream=True,
            )
        except QuerySyntaxError as exc:
            _unshift(exc, form[0][1])
            raise
        return resp, deadline

    # -- queries ------------------------------------------------------------------------
    def query(
        self,
        sparql: str,
        *,
        default_graphs: list[str] | None = None,
        named_graphs: list[str] | None = None,
        substitutions: dict[str, Term] | None = None,
        base_iri: str | None = None,
        timeout: float | None = None,
        include_private: bool = False,
    ) -> QueryResult:
        form = self._query_form(sparql, default_graphs, named_graphs, substitutions, base_iri, include_private)
        resp, deadline = self._post_query(form, _parse_accept(sparql), timeout)
        media_type = _media_type(resp)
        body = self._read(resp, deadline)
        try:
            if media_type in _RESULTS:
                return _read_results(body, _RESULTS[media_type])
            rdf_format = _RDF.get(media_type) or _RDF_ALIASES.get(media_type)
            if rdf_format is not None:
                return RemoteTriples(ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(body, rdf_format))
        except SyntaxError as exc:
            raise StoreError(f"The external store sent unreadable {media_type} results: {exc}") from None
        raise StoreError(f"The external store answered with an unexpected type {media_type!r}.")

    # -- writes -------------------------------------------------------------------------
    def update(
        self,
        sparql: str,
        *,
        using_graphs: list[str] | None = None,
        using_named_graphs: list[str] | None = None,
        base_iri: str | None = None,
    ) -> None:
        if using_graphs or using_named_graphs:
            from server.sparql.rewrite import apply_using  # the embedded store's rewrite: same refusals, any remote

            sparql = apply_using(sparql, using_graphs or [], using_named_graphs or [])
        if base_iri:
            sparql = f"BASE {ox.NamedNode(base_iri)} {_BASE_MARK}\n{sparql}"
        try:
            self._send("POST", self.update_url, what="update", data=[("update", sparql)], timeout=None).close()
        except QuerySyntaxError as exc:
            _unshift(exc, sparql)
            raise

    def load(
        self,
        data: bytes | str | IO[bytes],
        rdf_format: ox.RdfFormat,
        graph: str | None,
        *,
        base_iri: str | None = None,
        replace: bool = False,
    ) -> None:
        if isinstance(data, str):
            data = data.encode("utf-8")
        if base_iri and rdf_format not in (ox.RdfFormat.N_TRIPLES, ox.RdfFormat.N_QUADS):
            # The Graph Store Protocol has no base parameter: resolve relative IRIs here.
            data = _absolutise(data, rdf_format, base_iri)
            rdf_format = ox.RdfFormat.N_QUADS if rdf_format.supports_datasets else ox.RdfFormat.N_TRIPLES
        headers = {"Content-Type": rdf_format.media_type}
        if rdf_format.supports_datasets:
            # Quads keep their own graphs (as in the embedded store): POST to the dataset.
            self._send("POST", self.gsp_url, what="graph store", data=data, headers=headers, timeout=None).close()
            return
        method = "PUT" if replace else "POST"  # PUT replaces the graph in one transaction
        self._send(
            method,
            self.gsp_url,
            what="graph store",
            params=_graph_param(graph),
            data=data,
            headers=headers,
            timeout=None,
        ).close()

    def bulk_load(
        self, path: str, rdf_format: ox.RdfFormat, graph: str | None, *, progress: Progress | None = None
    ) -> None:
        """Stream the file to the remote (PUT: the graph is replaced atomically)."""
        with ProgressFile(path, progress) if progress is not None else open(path, "rb") as f:
            self.load(f, rdf_format, graph, replace=True)

    def drop_graph(self, graph: str | None) -> bool:
        if graph is None:
            existed = self._default_graph_nonempty()
        try:
            self._send("DELETE", self.gsp_url, what="graph store", params=_graph_param(graph), timeout=None).close()
        except errors.NotFound:
            return False
        return True if graph is not None else existed

    def _default_graph_nonempty(self) -> bool:
        if self.union_param:  # without the parameter, Oxigraph's default graph is the real one
            return self._ask_plain("ASK { ?s ?p ?o }")
        return True  # elsewhere the default graph seen by queries is the union: cannot tell

    def _ask_plain(self, sparql: str) -> bool:
        resp, deadline = self._post_query([("query", sparql)], PARSE_ACCEPT, None)
        answer = ox.parse_query_results(self._read(resp, deadline), ox.QueryResultsFormat.JSON)
        if not isinstance(answer, ox.QueryBoolean):
            raise StoreError("The external store answered an ASK query with solutions.")
        return bool(answer)

    # -- inspection ---------------------------------------------------------------------
    def graphs(self) -> list[GraphInfo]:
        counts = {
            sol["g"].value: int(sol["n"].value)
            for sol in self.select(
                "SELECT ?g (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g", include_private=True
            )
        }
        for g in self.graph_names():
            counts.setdefault(g, 0)
        return [GraphInfo(iri, n) for iri, n in sorted(counts.items())]

    def has_graph(self, graph: str) -> bool:
        return self.ask("ASK { GRAPH ?g { } }", substitutions={"g": ox.NamedNode(graph)}, include_private=True)

    def graph_names(self) -> list[str]:
        sols = self.select("SELECT DISTINCT ?g { GRAPH ?g { } }", include_private=True)
        return sorted(sol["g"].value for sol in sols if isinstance(sol["g"], ox.NamedNode))

    def triple_count(self, graph: str | None = None) -> int:
        if graph is not None:
            res = self.select(COUNT, substitutions={"g": ox.NamedNode(graph)}, include_private=True)
            return int(next(res)["n"].value)
        if self.union_param:
            # No union parameter: the real default graph plus every named graph, like len(store).
            resp, deadline = self._post_query([("query", COUNT_ALL)], PARSE_ACCEPT, None)
            sols = ox.parse_query_results(self._read(resp, deadline), ox.QueryResultsFormat.JSON)
            return int(next(solutions(sols, COUNT_ALL))["n"].value)
        # Elsewhere the default graph is the union: count what is in named graphs.
        return int(next(self.select(COUNT, include_private=True))["n"].value)

    def dump(self, rdf_format: ox.RdfFormat, graph: str | None = None, output: IO[bytes] | None = None) -> bytes | None:
        params = _graph_param(graph) if graph is not None or not rdf_format.supports_datasets else {}
        resp = self._send(
            "GET",
            self.gsp_url,
            what="graph store",
            params=params,
            headers={"Accept": rdf_format.media_type},
            stream=True,
            timeout=None,
        )
        got = _media_type(resp)
        if got != rdf_format.media_type:
            # The remote picked another syntax: re-serialise (still streaming).
            source = _RDF.get(got) or _RDF_ALIASES.get(got)
            if source is None:
                resp.close()
                raise StoreError(f"The external store answered a dump with {got!r}.")
            resp.raw.decode_content = True
            data = ox.serialize(_parse_stream(resp, source), output, rdf_format)
            return data
        if output is None:
            return self._read(resp, None)
        for chunk in self._chunks(resp, None):
            output.write(chunk)
        return None

    def quads(self, graph: str | None = None) -> Iterator[ox.Quad]:
        if graph is None:
            fmt = ox.RdfFormat.N_QUADS
            resp = self._send(
                "GET", self.gsp_url, what="graph store", headers={"Accept": fmt.media_type}, stream=True, timeout=None
            )
            return _parse_stream(resp, fmt)
        fmt = ox.RdfFormat.N_TRIPLES
        try:
            resp = self._send(
                "GET",
                self.gsp_url,
                what="graph store",
                params=_graph_param(graph),
                headers={"Accept": fmt.media_type},
                stream=True,
                timeout=None,
            )
        except errors.NotFound:  # a missing graph has no quads (as on the embedded store)
            return iter(())
        node = ox.NamedNode(graph)
        return (ox.Quad(q.subject, q.predicate, q.object, node) for q in _parse_stream(resp, fmt))

    def health(self) -> dict[str, object]:
        try:
            resp = self._send(
                "POST",
                self.query_url,
                what="query",
                data=[("query", "ASK {}")],
                headers={"Accept": "application/sparql-results+json"},
                timeout=min(HEALTH_TIMEOUT, self.timeout or HEALTH_TIMEOUT),
            )
            resp.close()
        except QueryTimeout as exc:
            raise StoreUnavailable(f"External store too slow to answer a health check: {exc.message}") from None
        except StoreError as exc:
            raise StoreUnavailable(f"External store unhealthy: {exc.message}") from None
        return {
            "backend": "remote",
            "query_url": _safe(self.query_url),
            "update_url": _safe(self.update_url),
            "gsp_url": _safe(self.gsp_url),
            "union_default_graph": "per-request parameter" if self.union_param else "store configuration",
        }

    def close(self) -> None:
        self._session.close()


# -- helpers -------------------------------------------------------------------------------
def _parse_accept(sparql: str) -> str:
    """The Accept for results policykg parses itself, by the query's form."""
    form = query_form(sparql)
    if form in ("SELECT", "ASK"):
        return RESULTS_ACCEPT
    if form in ("CONSTRUCT", "DESCRIBE"):
        return GRAPH_ACCEPT
    return PARSE_ACCEPT


def _read_results(body: bytes, fmt: ox.QueryResultsFormat) -> ox.QuerySolutions | ox.QueryBoolean:
    """Query results, read through once here, so that an unreadable answer is a StoreError now,
    not a failure halfway through serialising. Blank-node labels that pyoxigraph refuses
    (Virtuoso's ``nodeID://b10005``) are renamed first, consistently within the answer."""
    try:
        _drain(ox.parse_query_results(body, fmt))
    except SyntaxError as exc:
        if fmt != ox.QueryResultsFormat.JSON or "blank node" not in str(exc):
            raise
        body = _rename_json_bnodes(body)
        _drain(ox.parse_query_results(body, fmt))
    return ox.parse_query_results(body, fmt)


def _drain(result: ox.QuerySolutions | ox.QueryBoolean) -> None:
    if isinstance(result, ox.QuerySolutions):
        for _ in result:
            pass


def _rename_json_bnodes(body: bytes) -> bytes:
    data = json.loads(body)
    names: dict[str, str] = {}
    for row in data.get("results", {}).get("bindings", []):
        for term in row.values():
            if isinstance(term, dict) and term.get("type") == "bnode":
                term["value"] = names.setdefault(str(term.get("value")), f"b{len(names)}")
    return json.dumps(data).encode("utf-8")


def _graph_param(graph: str | None) -> dict[str, str]:
    return {"default": ""} if graph is None else {"graph": ox.NamedNode(graph).value}


def _media_type(resp: requests.Response) -> str:
    return resp.headers.get("Content-Type", "").split(";")[0].strip().lower()


def _parse_stream(resp: requests.Response, fmt: ox.RdfFormat) -> Iterator[ox.Quad]:
    resp.raw.decode_content = True
    try:
        yield from ox.parse(resp.raw, fmt)
    finally:
        resp.close()


def _absolutise(data: bytes | IO[bytes], rdf_format: ox.RdfFormat, base_iri: str) -> bytes:
    out_format = ox.RdfFormat.N_QUADS if rdf_format.supports_datasets else ox.RdfFormat.N_TRIPLES
    try:
        quads = ox.parse(data, rdf_format, base_iri=base_iri)
        if out_format is ox.RdfFormat.N_TRIPLES:
            triples = (ox.Triple(q.subject, q.predicate, q.object) for q in quads)
            return ox.serialize(triples, None, out_format) or b""  # bytes: no output given
        return ox.serialize(quads, None, out_format) or b""
    except SyntaxError as exc:
        raise errors.RDFSyntaxError(f"Invalid {rdf_format.name} data: {exc}") from None


def _safe(url: str | None) -> str | None:
    """A URL without credentials, for messages and /health."""
    if url is None:
        return None
    parts = urlsplit(url)
    netloc = parts.hostname or ""
    if parts.port:
        netloc += f":{parts.port}"
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


#: the comment that marks the BASE line policykg prepends, and the remote's error positions
_BASE_MARK = "# policykg: base IRI"
_LINE_AT = re.compile(r"(error at )(\d+):")


def _unshift(exc: errors.PolicyKGError, sent: str) -> None:
    """Error positions as in the caller's text when policykg prepended the BASE line."""
    if _BASE_MARK in sent.split("\n", 1)[0]:
        exc.message = _LINE_AT.sub(lambda m: f"{m[1]}{int(m[2]) - 1}:", exc.message)


def _reason(exc: Exception) -> str:
    text = str(exc)
    for marker in ("Connection refused", "Name or service not known", "No route to host", "timed out"):
        if marker in text:
            return marker
    return text[:200]


def _http_error(resp: requests.Response, what: str) -> errors.PolicyKGError:
    """The remote's 4xx/5xx as our error, carrying the remote's own message."""
    message = resp.text.strip()[:2000] or resp.reason or ""
    status = resp.status_code
    text = f"External store ({what}): {message}"
    if status == 400:
        return (
            QuerySyntaxError(f"Malformed {what} (external store): {message}")
            if what in ("query", "update")
            else errors.RDFSyntaxError(text)
        )
    if status in (401, 403):
        return StoreUnavailable(f"External store refused policykg's credentials ({status}): {message}")
    simple = {
        404: errors.NotFound,
        406: errors.NotAcceptable,
        413: errors.PayloadTooLarge,
        415: errors.UnsupportedMediaType,
        429: errors.TooManyRequests,
        503: StoreUnavailable,
    }
    if status in simple:
        return simple[status](text)
    if status < 500:
        err = BadRequest(text)
        err.status = status
        return err
    if "timeout" in message.lower() or "timed out" in message.lower():
        return QueryTimeout(text)
    return StoreError(text)
