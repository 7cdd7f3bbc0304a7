"""Past views of the graph: ``asOf=YYYY-MM-DD`` (what was reported by that date: graphs whose
sources were all published by then) and ``recordedBefore=DATE[TIME]`` (what had entered the graph
before then), read from the history graph that server.graph.history writes.

A past view is a dataset: ``as_of_graphs`` gives its graphs (the default graph of its queries),
``AsOfStore`` a read-only store that answers every query over them."""

from __future__ import annotations

import weakref
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import IO

import pyoxigraph as ox

from server.core.errors import BadRequest, Forbidden
from server.core.namespaces import (
    PREFIXES,
    history_graph,
    history_inferred_prefix,
    inferences_last,
    inferred_graph,
    is_asserted,
)
from server.core.settings import Settings
from server.store.base import GraphInfo, QueryResult, Store, Term

PROV = PREFIXES["prov"]
DCT = PREFIXES["dcterms"]


@dataclass(frozen=True)
class AsOf:
    """A past view: what was reported by ``reported`` (asOf) and/or recorded before ``recorded``."""

    reported: date | None = None
    recorded: datetime | None = None

    def __bool__(self) -> bool:
        return self.reported is not None or self.recorded is not None

    def params(self) -> dict[str, str]:
        out = {}
        if self.reported is not None:
            out["asOf"] = self.reported.isoformat()
        if self.recorded is not None:
            out["recordedBefore"] = self.recorded.isoformat().replace("+00:00", "Z")
        return out


def parse_as_of(as_of: str | None, recorded_before: str | None) -> AsOf:
    """``asOf=YYYY-MM-DD`` and ``recordedBefore=YYYY-MM-DD`` (the end of that day, UTC) or a
    date-time (with a zone; UTC if none); BadRequest for anything else."""
    reported = recorded = None
    if as_of:
        try:
            reported = date.fromisoformat(as_of)
        except ValueError:
            raise BadRequest(f"asOf must be a date, YYYY-MM-DD (got {as_of!r})") from None
    if recorded_before:
        try:
            if len(recorded_before) == 10:
                recorded = datetime.combine(date.fromisoformat(recorded_before), datetime.min.time(), UTC)
                recorded += timedelta(days=1)
            else:
                recorded = datetime.fromisoformat(recorded_before)
                recorded = recorded if recorded.tzinfo else recorded.replace(tzinfo=UTC)
        except ValueError:
            raise BadRequest(
                f"recordedBefore must be YYYY-MM-DD or a date-time, e.g. 2026-02-01T12:00:00Z (got {recorded_before!r})"
            ) from None
    return AsOf(reported, recorded)


#: as_of_graphs by store, then store state and view
_VIEWS: weakref.WeakKeyDictionary[Store, dict[tuple[object, str, AsOf], list[str]]] = weakref.WeakKeyDictionary()
_GRAPH_TIMES = (
    f"""SELECT ?h ?g ?t ?d {{ GRAPH ?h {{ ?g <{PROV}generatedAtTime> ?t OPTIONAL {{ ?g <{DCT}date> ?d }} }} }}"""
)


def as_of_graphs(store: Store, settings: Settings, view: AsOf) -> list[str]:
    """The default graph of a past view: the asserted graphs recorded before ``view.recorded``
    and whose sources were all published by ``view.reported``, with the inferences of that time:
    the inferred graph if the view has every write it follows, else the inferences kept for the
    view's time (server.graph.history.keep_inferred). A graph not in the history (loaded before
    it was kept) counts as always there; a graph rewritten later shows its current content, or is
    left out of views before its last write."""
    generation = getattr(store, "generation", None)
    known = _VIEWS.setdefault(store, {})
    key = (generation, settings.base_iri, view)
    if generation is not None and key in known:
        return list(known[key])
    names = store.graph_names()
    base = settings.base_iri
    times: dict[str, tuple[datetime, str | None]] = {}
    h = history_graph(base)
    if h in names:
        for row in list(store.select(_GRAPH_TIMES, substitutions={"h": ox.NamedNode(h)}, include_private=True)):
            d = row["d"]
            times[row["g"].value] = (datetime.fromisoformat(row["t"].value), d.value if d is not None else None)

    def shown(g: str) -> bool:
        if g not in times:
            return True
        t, d = times[g]
        if view.recorded is not None and t >= view.recorded:
            return False
        return view.reported is None or d is None or d <= view.reported.isoformat()

    out = [g for g in names if is_asserted(g, base) and shown(g)]
    if inferred_graph(base) in names and shown(inferred_graph(base)):
        out.append(inferred_graph(base))  # the current inferences: the view has every write they follow
    else:
        out += [g for g in names if g.startswith(history_inferred_prefix(base)) and g in times and shown(g)]
    out.sort(key=inferences_last(base))
    if generation is not None:  # the same store state and view: the same graphs
        if len(known) >= 64:
            known.clear()
        known[key] = out
    return list(out)


def dataset(
    store: Store,
    settings: Settings,
    view: AsOf,
    default_graphs: list[str] | None = None,
    named_graphs: list[str] | None = None,
) -> tuple[list[str], list[str]]:
    """The dataset of a query in a past view: its default graph is the view's graphs (narrowed to
    ``default_graphs`` when the request names some), its named graphs the view's asserted graphs
    (narrowed to ``named_graphs``)."""
    graphs = as_of_graphs(store, settings, view)
    default = [g for g in graphs if default_graphs is None or g in default_graphs]
    named = [g for g in graphs if not store.is_private(g) and (named_graphs is None or g in named_graphs)]
    return default, named


class AsOfStore(Store):
    """A read-only past view of ``store``: queries without a dataset of their own are answered
    over the view's graphs, ``graphs``/``quads`` show only those (so exports follow), writes are
    refused."""

    def __init__(self, store: Store, settings: Settings, view: AsOf):
        self.inner = store
        self.view = view
        self.union_default_graph = store.union_default_graph
        self.private_prefix = store.private_prefix
        self.base_iri = store.base_iri
        self.apart_graphs = store.apart_graphs
        self.default, self.named = dataset(store, settings, view)
        self._shown = set(self.named)

    @property
    def cache_view(self) -> tuple[int, AsOf]:
        """Which past view of which store this is: its values are cached apart (server.store.cache)."""
        return id(self.inner), self.view

    @property
    def generation(self) -> object:
        inner = getattr(self.inner, "generation", None)
        return None if inner is None else (inner, tuple(self.default))

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
        if default_graphs is None and named_graphs is None:
            default_graphs, named_graphs = self.default, self.named
        else:
            default_graphs = [g for g in default_graphs or [] if g in self.default]
            named_graphs = [g for g in named_graphs or [] if g in self.default]
        return self.inner.query(
            sparql,
            default_graphs=default_graphs,
            named_graphs=named_graphs,
            substitutions=substitutions,
            base_iri=base_iri,
            timeout=timeout,
        )

    def _refuse(self) -> None:
        raise Forbidden("a past view (asOf / recordedBefore) is read-only")

    def update(self, sparql: str, **_: object) -> None:
        self._refuse()

    def load(self, data: bytes | str | IO[bytes], rdf_format: ox.RdfFormat, graph: str | None, **_: object) -> None:
        self._refuse()

    def bulk_load(self, path: str, rdf_format: ox.RdfFormat, graph: str | None, **_: object) -> None:
        self._refuse()

    def drop_graph(self, graph: str | None) -> bool:
        self._refuse()
        return False

    def graphs(self) -> list[GraphInfo]:
        return [g for g in self.inner.graphs() if g.iri in self._shown]

    def has_graph(self, graph: str) -> bool:
        return graph in self._shown

    def graph_names(self) -> list[str]:
        return sorted(self._shown)

    def triple_count(self, graph: str | None = None) -> int:
        if graph is None:
            return sum(self.inner.triple_count(g) for g in self.default)
        return self.inner.triple_count(graph) if graph in self.default else 0

    def dump(self, rdf_format: ox.RdfFormat, graph: str | None = None, output: IO[bytes] | None = None) -> bytes | None:
        return self.inner.dump(rdf_format, graph, output)

    def quads(self, graph: str | None = None) -> Iterator[ox.Quad]:
        if graph is None:
            return (q for g in self.default for q in self.inner.quads(g))
        return self.inner.quads(graph) if graph in self.default else iter(())

    def health(self) -> dict[str, object]:
        return self.inner.health()
