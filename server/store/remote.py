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
import threading
import time
from collections.abc import Iterable, Iterator
from typing import IO
from urllib.parse import urlsplit, urlunsplit

import pyoxigraph as ox
import requests
from requests.adapters import HTTPAdapter

from server.core import errors
from server.core.errors import BadRequest, ConfigError, QuerySyntaxError, QueryTimeout, StoreError, StoreUnavailable
from server.core.namespaces import DEFAULT_BASE, draft_graph, graph_iri, history_graph
from server.core.settings import Settings
from server.sparql.lexer import has_dataset_clause, named_iris, query_form
from server.store.base import DEFAULT_PRIVATE_PREFIX, GraphInfo, QueryResult, Store, Term, published_dataset, solutions
from server.store.dialect import DIALECTS, Dialect, from_server_header
from server.store.prebind import prebind
from server.store.progress import Progress, ProgressFile
from server.store.registry import (
    after_write,
    list_graphs,
    list_registered,
    new_generation,
    read_generation,
    registry_graph,
)

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
MAX_CANDIDATES = 200  # IRIs of an update checked by name for being new graphs (more: one listing)
COUNT_DEFAULT = "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"  # without the union parameter: the real default graph


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
        base_iri: str = DEFAULT_BASE,
        dialect: str = "auto",
        check_interval: float = 1.0,
    ):
        self.query_url = query_url
        self.private_prefix = private_prefix
        self.base_iri = base_iri
        self.apart_graphs = frozenset({history_graph(base_iri)})
        self.update_url = update_url
        self.gsp_url = gsp_url
        self.union_param = union_param
        self.timeout = timeout
        self.writes = 0  # writes sent by this process: caches see them at once (server.store.cache)
        if dialect not in ("auto", *DIALECTS):
            raise ConfigError(f"store_dialect {dialect!r}: use auto, {', '.join(DIALECTS)}")
        self._dialect: Dialect | None = None if dialect == "auto" else DIALECTS[dialect]()
        #: the registry graph and the prefix of graphs that are the project's without registration
        self.registry = registry_graph(base_iri)
        self.project_prefix = graph_iri(base_iri, "")
        self.check_interval = check_interval
        self._generation: tuple[float, str] | None = None  # (when read, value)
        self._listing: tuple[str, list[str], list[str]] | None = None  # (generation, all graphs, ours)
        self._state_lock = threading.Lock()
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
            timeout=settings.store_timeout or None,
            private_prefix=draft_graph(settings.base_iri, ""),
            base_iri=settings.base_iri,
            dialect=settings.store_dialect,
            check_interval=settings.store_check_interval,
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
        if self._dialect is None:
            self._dialect = from_server_header(resp.headers.get("Server", ""))
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
        if default_graphs is None and named_graphs is None and not has_dataset_clause(sparql):
            default_graphs, named_graphs = self._dataset(sparql, substitutions, include_private)
        sparql = prebind(sparql, substitutions, self.dialect.bind_block)
        if base_iri:
            sparql = f"BASE {ox.NamedNode(base_iri)} {_BASE_MARK}\n{sparql}"
        form = [("query", self.dialect.query_text(sparql))]
        if default_graphs is not None or named_graphs is not None:
            form += [("default-graph-uri", g) for g in default_graphs or []]
            form += [("named-graph-uri", g) for g in named_graphs or [NO_GRAPH]]  # none: no named graph
        elif self.union_param and not has_dataset_clause(sparql):  # FROM / FROM NAMED win, as embedded
            form.append(("union-default-graph", ""))
        return form

    def _dataset(
        self, sparql: str, substitutions: dict[str, Term] | None, include_private: bool
    ) -> tuple[list[str] | None, list[str] | None]:
        """The dataset of a query without one of its own: the project's graphs only (never the
        store's own or another application's), the private ones only when asked for or named
        (``published_dataset``). (None, None) when that is the store's whole union anyway."""
        every, ours = self._graph_lists()
        if not include_private:
            dataset = published_dataset(self, ours, sparql, substitutions)
            if dataset is not None:
                return dataset[0] or [NO_GRAPH], dataset[1]
        if len(ours) == len(every):  # nothing else in the store: its own union is the same, and cheaper
            return None, None
        return ours or [NO_GRAPH], ours

    # -- the project's graphs and the generation (server.store.registry) -----------------
    @property
    def dialect(self) -> Dialect:
        """The store's dialect (server.store.dialect); with ``auto``, known after one request."""
        if self._dialect is None:
            self.health()
        return self._dialect or Dialect()

    @property
    def generation(self) -> str:
        """Changes with every write through any policykg over this store: the registry's marker,
        read at most every ``check_interval`` seconds ('' before the first write)."""
        now = time.monotonic()
        with self._state_lock:
            if self._generation is not None and now - self._generation[0] < self.check_interval:
                return self._generation[1]
        marker = [sol["v"] for sol in self._plain_select(read_generation(self.registry))]
        value = marker[0].value if marker and marker[0] is not None else ""
        with self._state_lock:
            self._generation = (now, value)
        return value

    def _graph_lists(self) -> tuple[list[str], list[str]]:
        """(Every named graph of the store, the project's graphs), listed once per generation."""
        generation = self.generation
        listing = self._listing
        if listing is not None and listing[0] == generation:
            return listing[1], listing[2]
        every = self._plain_graphs(list_graphs(self.dialect.graph_group))
        registered = set(self._plain_graphs(list_registered(self.registry)))
        ours = [g for g in every if (g in registered or g.startswith(self.project_prefix)) and g != self.registry]
        self._listing = (generation, every, ours)
        return every, ours

    def _plain_select(self, sparql: str) -> ox.QuerySolutions:
        """A SELECT on the store's own dataset (no dataset sent, no union parameter)."""
        resp, deadline = self._post_query([("query", sparql)], RESULTS_ACCEPT, None)
        return solutions(self._results(resp, deadline), sparql)

    def _results(self, resp: requests.Response, deadline: float | None) -> QueryResult:
        """The answer to a query, parsed (and corrected by the dialect)."""
        media_type = _media_type(resp)
        body = self._read(resp, deadline)
        try:
            if media_type in _RESULTS:
                return _read_results(self.dialect.fix_results(body, media_type), _RESULTS[media_type])
            rdf_format = _RDF.get(media_type) or _RDF_ALIASES.get(media_type)
            if rdf_format is not None:
                quads = self.dialect.fix_quads(ox.parse(body, rdf_format))
                return RemoteTriples(ox.Triple(q.subject, q.predicate, q.object) for q in quads)
        except SyntaxError as exc:
            raise StoreError(f"The external store sent unreadable {media_type} results: {exc}") from None
        raise StoreError(f"The external store answered with an unexpected type {media_type!r}.")

    def _plain_graphs(self, sparql: str) -> list[str]:
        return sorted(
            {g.value for g in (sol["g"] for sol in self._plain_select(sparql)) if isinstance(g, ox.NamedNode)}
        )

    def _wrote(self, new_graphs: Iterable[str] = ()) -> None:
        """After a write: register the graphs it created and set a new generation (one update)."""
        value = new_generation()
        update = after_write(self.registry, new_graphs, value)
        self._send("POST", self.update_url, what="update", data=[("update", update)], timeout=None).close()
        with self._state_lock:
            self._generation = (time.monotonic(), value)
            self._listing = None

    def _existing(self, candidates: set[str]) -> list[str]:
        """Which of ``candidates`` are graphs of the store (asked by name, or beyond
        ``MAX_CANDIDATES`` from one listing of the store's graphs)."""
        if not candidates:
            return []
        if len(candidates) > MAX_CANDIDATES:
            return [g for g in self._plain_graphs(list_graphs(self.dialect.graph_group)) if g in candidates]
        values = " ".join(str(ox.NamedNode(c)) for c in sorted(candidates))
        return self._plain_graphs(
            f"SELECT DISTINCT ?g WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {self.dialect.graph_group} }}"
        )

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
        return self._results(resp, deadline)

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
        before = set(self._graph_lists()[0])
        try:
            update = [("update", self.dialect.update_text(sparql))]
            self._send("POST", self.update_url, what="update", data=update, timeout=None).close()
        except QuerySyntaxError as exc:
            _unshift(exc, sparql)
            raise
        self._wrote(self._existing(named_iris(sparql) - before))

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
        if isinstance(data, bytes) and self.dialect.check_uploads:
            _check_syntax(data, rdf_format, base_iri)
        if base_iri and rdf_format not in (ox.RdfFormat.N_TRIPLES, ox.RdfFormat.N_QUADS):
            # The Graph Store Protocol has no base parameter: resolve relative IRIs here.
            data = _absolutise(data, rdf_format, base_iri)
            rdf_format = ox.RdfFormat.N_QUADS if rdf_format.supports_datasets else ox.RdfFormat.N_TRIPLES
        headers = {"Content-Type": rdf_format.media_type}
        if rdf_format.supports_datasets:
            # Quads keep their own graphs (as in the embedded store): POST to the dataset.
            listing = list_graphs(self.dialect.graph_group)
            before = set(self._plain_graphs(listing))
            self._send("POST", self.gsp_url, what="graph store", data=data, headers=headers, timeout=None).close()
            self._wrote(set(self._plain_graphs(listing)) - before)
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
        self._wrote([graph] if graph is not None else [])

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
        self._wrote()
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
        return graph in self._graph_lists()[1]

    def graph_names(self) -> list[str]:
        """The project's graphs (server.store.registry), private ones included."""
        return list(self._graph_lists()[1])

    def triple_count(self, graph: str | None = None) -> int:
        if graph is not None:
            res = self.select(COUNT, substitutions={"g": ox.NamedNode(graph)}, include_private=True)
            return int(next(res)["n"].value)
        every, ours = self._graph_lists()
        if self.union_param and len(every) == len(ours):
            # No union parameter: the real default graph plus every named graph, like len(store).
            return int(next(self._plain_select(COUNT_ALL))["n"].value)
        named = int(next(self.select(COUNT, include_private=True))["n"].value)
        if self.union_param:  # Oxigraph's own default graph, not a graph that can be listed
            named += int(next(self._plain_select(COUNT_DEFAULT))["n"].value)
        return named

    def dump(self, rdf_format: ox.RdfFormat, graph: str | None = None, output: IO[bytes] | None = None) -> bytes | None:
        if graph is None and rdf_format.supports_datasets and self._foreign_or_rewritten():
            return ox.serialize(self.quads(None), output, rdf_format)
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
        if got != rdf_format.media_type or self.dialect.rewrites_answers:
            # The remote picked another syntax, or its answer needs correcting: re-serialise (still streaming).
            source = _RDF.get(got) or _RDF_ALIASES.get(got)
            if source is None:
                resp.close()
                raise StoreError(f"The external store answered a dump with {got!r}.")
            resp.raw.decode_content = True
            data = ox.serialize(self.dialect.fix_quads(_parse_stream(resp, source)), output, rdf_format)
            return data
        if output is None:
            return self._read(resp, None)
        for chunk in self._chunks(resp, None):
            output.write(chunk)
        return None

    def _foreign_or_rewritten(self) -> bool:
        """Whether the store's whole dataset is not the project's as it is (other graphs in it,
        or answers the dialect corrects): then the dataset is read graph by graph."""
        every, ours = self._graph_lists()
        return len(every) != len(ours) or self.dialect.rewrites_answers

    def _project_quads(self) -> Iterator[ox.Quad]:
        if self.dialect.own_default_graph:
            yield from self._graph_quads(None)
        for g in self.graph_names():
            yield from self._graph_quads(g)

    def quads(self, graph: str | None = None) -> Iterator[ox.Quad]:
        if graph is not None:
            return self._graph_quads(graph)
        if self._foreign_or_rewritten():
            return self._project_quads()
        fmt = ox.RdfFormat.N_QUADS
        resp = self._send(
            "GET", self.gsp_url, what="graph store", headers={"Accept": fmt.media_type}, stream=True, timeout=None
        )
        return _parse_stream(resp, fmt)

    def _graph_quads(self, graph: str | None) -> Iterator[ox.Quad]:
        """The quads of one graph (None: the default graph) through the Graph Store Protocol."""
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
        node = ox.DefaultGraph() if graph is None else ox.NamedNode(graph)
        quads = self.dialect.fix_quads(_parse_stream(resp, fmt))
        return (ox.Quad(q.subject, q.predicate, q.object, node) for q in quads)

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
            "dialect": (self._dialect or Dialect()).name,
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


def _check_syntax(data: bytes, rdf_format: ox.RdfFormat, base_iri: str | None) -> None:
    try:
        for _ in ox.parse(data, rdf_format, base_iri=base_iri):
            pass
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
