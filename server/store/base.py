"""The store interface every other module uses (CLI, views, loader, reasoning).

Results are pyoxigraph objects whatever the backend: ``QuerySolutions`` for SELECT,
``QueryBoolean`` for ASK, an iterable of ``Triple`` for CONSTRUCT/DESCRIBE. The external
backend parses remote results with pyoxigraph's own parsers, so callers never see rdflib
terms on the query path.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import IO, Self, TypedDict, Unpack

import pyoxigraph as ox

from server.core.namespaces import DEFAULT_BASE, draft_graph, history_graph, inferences_last
from server.sparql.lexer import named_iris
from server.store.delta import Delta

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
QueryResult = ox.QuerySolutions | ox.QueryBoolean | Iterable[ox.Triple]


class QueryOptions(TypedDict, total=False):
    """The keyword arguments of ``Store.query``."""

    default_graphs: list[str] | None
    named_graphs: list[str] | None
    substitutions: dict[str, Term] | None
    base_iri: str | None
    timeout: float | None
    include_private: bool


DEFAULT_PRIVATE_PREFIX = draft_graph(DEFAULT_BASE, "")
DEFAULT_APART_GRAPHS = frozenset({history_graph(DEFAULT_BASE)})


@dataclass(frozen=True)
class GraphInfo:
    iri: str
    triples: int


class Store(ABC):
    """Storage and SPARQL evaluation. Graph names are IRI strings; None means the default graph."""

    #: True when the default graph seen by queries is the union of all named graphs.
    union_default_graph: bool = True
    #: Named graphs whose IRI starts with this are private (the drafts, ``{base}graph/draft/``):
    #: outside the default dataset of queries (``published_dataset``). None: no private graphs.
    private_prefix: str | None = DEFAULT_PRIVATE_PREFIX
    #: Named graphs that are public but never part of the default graph of queries: the history
    #: graph (``{base}graph/history``, server.graph.history), which is about the graph, not the
    #: domain. A query sees them with GRAPH (``GRAPH ?g`` too) or FROM, never in its default graph.
    apart_graphs: frozenset[str] = DEFAULT_APART_GRAPHS
    #: The project's base IRI: names the graphs apart and orders the default graph's list
    #: (``namespaces.inferences_last``).
    base_iri: str = DEFAULT_BASE

    @abstractmethod
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
        """Evaluate a query. ``default_graphs``/``named_graphs`` set the dataset (Protocol's
        default-graph-uri / named-graph-uri), as do the query's own FROM / FROM NAMED; without
        them the default graph is the union of the graphs that are neither private nor apart, and
        the named graphs are the graphs that are not private plus the private graphs the query
        names (``published_dataset``).
        ``include_private``: the union of all graphs, private ones too. ``substitutions`` binds
        variables to terms (never spliced into text)."""

    def select(self, sparql: str, **options: Unpack[QueryOptions]) -> ox.QuerySolutions:
        """``query`` for a SELECT query: its solutions (TypeError for another query form)."""
        return solutions(self.query(sparql, **options), sparql)

    def ask(self, sparql: str, **options: Unpack[QueryOptions]) -> bool:
        """``query`` for an ASK query: its answer (TypeError for another query form)."""
        result = self.query(sparql, **options)
        if not isinstance(result, ox.QueryBoolean):
            raise TypeError(f"not an ASK query: {sparql[:60]!r}")
        return bool(result)

    def construct(self, sparql: str, **options: Unpack[QueryOptions]) -> Iterable[ox.Triple]:
        """``query`` for a CONSTRUCT or DESCRIBE query: its triples (TypeError for another form)."""
        result = self.query(sparql, **options)
        if isinstance(result, ox.QuerySolutions | ox.QueryBoolean):
            raise TypeError(f"not a CONSTRUCT or DESCRIBE query: {sparql[:60]!r}")
        return result

    @abstractmethod
    def update(
        self,
        sparql: str,
        *,
        using_graphs: list[str] | None = None,
        using_named_graphs: list[str] | None = None,
        base_iri: str | None = None,
    ) -> None:
        """Run a SPARQL update in one transaction."""

    @abstractmethod
    def load(
        self,
        data: bytes | str | IO[bytes],
        rdf_format: ox.RdfFormat,
        graph: str | None,
        *,
        base_iri: str | None = None,
        replace: bool = False,
    ) -> None:
        """Load serialized RDF into ``graph`` (None: the default graph; for quad formats the
        file's own graphs). With ``replace`` the graph's old content is swapped out atomically."""

    @abstractmethod
    def bulk_load(
        self,
        path: str,
        rdf_format: ox.RdfFormat,
        graph: str | None,
        *,
        progress: Callable[[int, int], None] | None = None,
    ) -> None:
        """Stream a large file into ``graph`` (replacing it) without loading it into memory.
        ``progress(bytes_read, file_size)`` is called as the file is read."""

    @abstractmethod
    def drop_graph(self, graph: str | None) -> bool:
        """Remove a named graph (or clear the default graph). Returns whether it existed."""

    @abstractmethod
    def graphs(self) -> list[GraphInfo]:
        """Named graphs with their triple counts, sorted by IRI."""

    @abstractmethod
    def has_graph(self, graph: str) -> bool: ...

    @abstractmethod
    def graph_names(self) -> list[str]:
        """IRIs of the named graphs, private ones included (cheaper than ``graphs``)."""

    def is_private(self, graph: str) -> bool:
        return self.private_prefix is not None and graph.startswith(self.private_prefix)

    def published_graphs(self) -> list[GraphInfo]:
        """``graphs`` without the private ones: what statistics and descriptions show."""
        return [g for g in self.graphs() if not self.is_private(g.iri)]

    def published_triple_count(self) -> int:
        """Quads outside the private graphs."""
        return self.triple_count() - sum(self.triple_count(g) for g in self.graph_names() if self.is_private(g))

    @abstractmethod
    def triple_count(self, graph: str | None = None) -> int:
        """Triples in one graph, or quads in the whole dataset when graph is None."""

    @abstractmethod
    def dump(self, rdf_format: ox.RdfFormat, graph: str | None = None, output: IO[bytes] | None = None) -> bytes | None:
        """Serialize one graph (or the whole dataset for quad formats) natively."""

    @abstractmethod
    def quads(self, graph: str | None = None) -> Iterator[ox.Quad]:
        """All quads of one graph or of the dataset."""

    @abstractmethod
    def health(self) -> dict[str, object]:
        """Raise StoreUnavailable if the store cannot be reached; else a small status dict."""

    def changes(self, since: int) -> list[Delta] | None:
        """What each write after generation ``since`` changed (server.store.delta), or None when
        that is not known (by default: never)."""
        return None

    def close(self) -> None:
        """Release resources (nothing by default)."""

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def solutions(result: QueryResult, sparql: str) -> ox.QuerySolutions:
    """The result of a SELECT query as such (TypeError for another query form)."""
    if not isinstance(result, ox.QuerySolutions):
        raise TypeError(f"not a SELECT query: {sparql[:60]!r}")
    return result


def published_dataset(
    store: Store, graphs: list[str], sparql: str, substitutions: dict[str, Term] | None
) -> tuple[list[str], list[str]] | None:
    """The default dataset of a query without a dataset of its own, when some of ``graphs``
    (the store's named graphs) are private or apart: (the public graphs but the apart ones,
    whose union with the store's default graph is the default graph; the named graphs: the
    public ones, apart ones included, and the private ones the query names by IRI, in its text
    or its substitutions). None when no graph is private or apart (the union of all graphs is
    the same thing, and cheaper)."""
    split = PublishedGraphs.of(store, graphs)
    return None if split is None else (split.default, split.named(sparql, substitutions))


@dataclass(frozen=True)
class PublishedGraphs:
    """What ``published_dataset`` makes of a store's named graphs, the part that does not
    depend on the query (a store may keep it for its state)."""

    default: list[str]  # the public graphs but the apart ones, in the order Oxigraph goes through them
    public: list[str]
    private: list[str]

    @staticmethod
    def of(store: Store, graphs: list[str]) -> PublishedGraphs | None:
        """None when no graph is private or apart."""
        private = [g for g in graphs if store.is_private(g)]
        public = [g for g in graphs if not store.is_private(g)]
        default = [g for g in public if g not in store.apart_graphs]
        if not private and len(default) == len(public):
            return None
        default.sort(key=inferences_last(store.base_iri))
        return PublishedGraphs(default, public, private)

    def named_private(self, sparql: str, substitutions: dict[str, Term] | None) -> list[str]:
        """The private graphs the query names by IRI, in its text or its substitutions."""
        if not self.private:
            return []
        named = {t.value for t in (substitutions or {}).values() if isinstance(t, ox.NamedNode)}
        if any(g.rsplit("/", 1)[-1] in sparql for g in self.private):  # cheap test before lexing
            named |= named_iris(sparql)
        return [g for g in self.private if g in named]

    def named(self, sparql: str, substitutions: dict[str, Term] | None) -> list[str]:
        return self.public + self.named_private(sparql, substitutions)


def named(iri: str | None) -> ox.NamedNode | ox.DefaultGraph:
    return ox.DefaultGraph() if iri is None else ox.NamedNode(iri)
