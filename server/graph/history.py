"""The graph over time: every write is recorded, in PROV-O, in the history graph {base}graph/history.

Two times per fact: when a source says it (its publication date, ``dcterms:date`` of the source,
as in the data) and when it entered the graph (the write that put it there). Each write — a
load, an accepted draft, a SPARQL update — is a ``prov:Activity`` with its time
(``prov:endedAtTime``), who (``prov:wasAssociatedWith`` an agent named by the credential: the
setting ``update_token_name`` for HTTP writes, ``command-line`` for the CLI; never a secret), the
graphs it generated and the resources it added, changed or removed (``pkg:addedResource`` ...).
Each graph it wrote carries ``prov:generatedAtTime`` and ``prov:wasAttributedTo`` (its last write)
and ``dcterms:date``: the latest publication date of the sources it holds.

The inferred graph is dated like the write it followed; when reasoning replaces it, what it held
beyond the inferences kept before goes into a private graph
``{base}graph/draft/.history/inferred/<activity>`` (under the drafts' prefix: outside the default
dataset) with that dating, so that a past view has the inferences of its time
(server.protocol.asof).
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from itertools import islice
from urllib.parse import quote

import pyoxigraph as ox

from server.core.namespaces import PKG, PREFIXES, history_graph, history_inferred_prefix, inferred_graph, is_asserted
from server.core.resources import ontology_files
from server.core.settings import Settings
from server.store import Store
from server.store.delta import Delta

PROV = PREFIXES["prov"]
DCT = PREFIXES["dcterms"]
RDFS = PREFIXES["rdfs"]
XSD = PREFIXES["xsd"]
RDF_TYPE = ox.NamedNode(PREFIXES["rdf"] + "type")
CLI_AGENT = "command-line"
#: Above this many quads in the graphs a write touches, it is recorded with its graphs only
#: (the resources it changed are not computed: that needs both states in memory).
DIFF_LIMIT = 500_000
#: On a store that knows each write's change: the written graphs' quads read in advance up to this
#: many (a write whose change is not known is then still recorded with its resources).
SNAPSHOT_LIMIT = 50_000
KINDS = ("load", "accept", "update", "release")


def prov(name: str) -> ox.NamedNode:
    return ox.NamedNode(PROV + name)


def pkg(name: str) -> ox.NamedNode:
    return ox.NamedNode(PKG + name)


def dct(name: str) -> ox.NamedNode:
    return ox.NamedNode(DCT + name)


def agent_iri(base_iri: str, name: str) -> str:
    return f"{base_iri}agent/{quote(name, safe='')}"


def now() -> datetime:
    return datetime.now(UTC)


def timestamp(t: datetime) -> ox.Literal:
    return ox.Literal(t.astimezone(UTC).isoformat(timespec="microseconds"), datatype=ox.NamedNode(XSD + "dateTime"))


@dataclass
class Change:
    """What one write did to the published graphs."""

    graphs: list[str] = field(default_factory=list)  # written (created or changed)
    dropped: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)  # resources
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    added_triples: int = 0
    removed_triples: int = 0
    complete: bool = True  # False: resources not computed (a large store, the change not known)
    activity: str = ""


def _asserted(store: Store, settings: Settings) -> list[str]:
    return [g for g in store.graph_names() if is_asserted(g, settings.base_iri)]


def _state(store: Store, graphs: Iterable[str]) -> dict[str, set[ox.Quad]]:
    return {g: set(store.quads(g)) for g in graphs if store.has_graph(g)}


@contextmanager
def recording(
    store: Store, settings: Settings, kind: str, *, agent: str, label: str = "", graphs: list[str] | None = None
) -> Iterator[Change]:
    """Record the write done inside the ``with`` block as one activity. ``graphs``: the graphs it
    may write (None: any asserted graph). Nothing is recorded if the block raises.

    A store that knows what each write changed (``Store.changes``: the embedded store, for most
    writes) reads nothing in advance but the graphs' names and the quads of small graphs
    (``SNAPSHOT_LIMIT``); other stores count every graph before and after, and keep both states of
    the written graphs up to ``DIFF_LIMIT`` quads."""
    started = now()
    names_before = set(store.graph_names())
    watched = [g for g in (graphs if graphs is not None else names_before) if is_asserted(g, settings.base_iri)]
    since = getattr(store, "generation", None)  # the embedded store's write counter
    journaled = isinstance(since, int) and store.changes(since) is not None
    counts_before: dict[str, int] = {}
    if journaled:
        small = _at_most(store, watched, SNAPSHOT_LIMIT)
    else:
        counts_before = {g.iri: g.triples for g in store.graphs()} if graphs is None else {}
        small = sum(store.triple_count(g) for g in watched if store.has_graph(g)) <= DIFF_LIMIT
    before = _state(store, watched) if small else {}
    change = Change(complete=True)
    yield change
    names_after = store.graph_names()
    asserted = [g for g in names_after if is_asserted(g, settings.base_iri)]
    if graphs is None:  # graphs the write created
        watched = asserted
    deltas = store.changes(since) if isinstance(since, int) and journaled else None
    if deltas is not None:
        added, removed = _net(deltas)
        mine = set(watched)
        added = {q for q in added if isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value in mine}
        removed = {q for q in removed if isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value in mine}
        written = {q.graph_name.value for q in added | removed if isinstance(q.graph_name, ox.NamedNode)}
        created = {g for g in set(names_after) - names_before if g in mine}
        dropped = sorted(g for g in names_before - set(names_after) if is_asserted(g, settings.base_iri))
        written_graphs = sorted((written | created) - set(dropped))
        if len(added) + len(removed) <= DIFF_LIMIT:
            _fill(store, asserted, added, removed, written_graphs, dropped, change)
        else:
            change.complete, change.graphs, change.dropped = False, written_graphs, dropped
    elif small and _at_most(store, watched, DIFF_LIMIT):  # the limit holds after the write too
        _diff(store, asserted, before, _state(store, watched), change)
    elif journaled:  # a large store and a write whose change is not known: its graphs only
        change.complete = False
        change.graphs = sorted(watched)
        change.dropped = sorted(g for g in names_before - set(asserted) if is_asserted(g, settings.base_iri))
    else:
        change.complete = False
        counts_after = {g.iri: g.triples for g in store.graphs()}
        change.graphs = sorted(
            g for g in watched if g in counts_after and (graphs is not None or counts_after[g] != counts_before.get(g))
        )
        change.dropped = sorted(g for g in counts_before if g not in counts_after and is_asserted(g, settings.base_iri))
    if change.graphs or change.dropped:
        record(store, settings, kind, change, agent=agent, label=label, started=started)


def _at_most(store: Store, graphs: Iterable[str], limit: int) -> bool:
    """Whether ``graphs`` hold at most ``limit`` quads in all, read no further than that."""
    seen = 0
    for g in graphs:
        if store.has_graph(g):
            seen += sum(1 for _ in islice(store.quads(g), limit + 1 - seen))
            if seen > limit:
                return False
    return True


def _net(deltas: list[Delta]) -> tuple[set[ox.Quad], set[ox.Quad]]:
    """The quads added and removed by several writes in turn, as one change."""
    added: set[ox.Quad] = set()
    removed: set[ox.Quad] = set()
    for d in deltas:
        back = d.added & removed  # removed, then put back: unchanged
        removed -= back
        added |= d.added - back
        gone = d.removed & added  # added, then removed: unchanged
        added -= gone
        removed |= d.removed - gone
    return added, removed


def _diff(
    store: Store, graphs: list[str], before: dict[str, set[ox.Quad]], after: dict[str, set[ox.Quad]], change: Change
) -> None:
    """Fill ``change`` from the states of the written graphs; ``graphs``: the asserted graphs now."""
    added = set().union(*after.values()) - set().union(*before.values())
    removed = set().union(*before.values()) - set().union(*after.values())
    written = sorted(g for g in after if after[g] != before.get(g))
    _fill(store, graphs, added, removed, written, sorted(g for g in before if g not in after), change)


def _fill(
    store: Store,
    graphs: list[str],
    added: set[ox.Quad],
    removed: set[ox.Quad],
    written: list[str],
    dropped: list[str],
    change: Change,
) -> None:
    """Fill ``change`` from the quads a write added and removed; ``graphs``: the asserted graphs now."""
    change.graphs, change.dropped = written, dropped
    change.added_triples, change.removed_triples = len(added), len(removed)
    delta: dict[ox.NamedNode, int] = {}
    for q in added:
        if isinstance(q.subject, ox.NamedNode):
            delta[q.subject] = delta.get(q.subject, 0) + 1
    for q in removed:
        if isinstance(q.subject, ox.NamedNode):
            delta[q.subject] = delta.get(q.subject, 0) - 1
    touched = {q.subject for q in added | removed if isinstance(q.subject, ox.NamedNode)}
    for s in sorted(touched, key=lambda t: t.value):
        now_count = _count(store, graphs, s)
        before_count = now_count - delta.get(s, 0)
        (change.added if before_count == 0 else change.removed if now_count == 0 else change.changed).append(s.value)


def _count(store: Store, graphs: list[str], s: ox.NamedNode) -> int:
    if not graphs:
        return 0
    rows = list(
        store.select(
            "SELECT ?s (COUNT(*) AS ?n) { ?s ?p ?o } GROUP BY ?s", default_graphs=graphs, substitutions={"s": s}
        )
    )
    return int(rows[0]["n"].value) if rows else 0


@lru_cache(maxsize=1)
def _reported_query() -> str:
    """The latest publication date of the sources in ?g. The kinds of source are the ontology's
    subclasses of pkg:Source, read from the ontology files once: no property path over the
    store's dataset, which Virtuoso answers with nothing when a dataset is sent."""
    onto = ox.Store()
    for path in ontology_files():
        onto.load(path=str(path), format=ox.RdfFormat.TURTLE)
    sub = ox.NamedNode(f"{RDFS}subClassOf")
    classes, todo = {f"{PKG}Source"}, [f"{PKG}Source"]
    while todo:
        for q in onto.quads_for_pattern(None, sub, ox.NamedNode(todo.pop()), None):
            if isinstance(q.subject, ox.NamedNode) and q.subject.value not in classes:
                classes.add(q.subject.value)
                todo.append(q.subject.value)
    values = " ".join(f"<{c}>" for c in sorted(classes))
    return (
        f"PREFIX dcterms: <{DCT}> SELECT ?g (MAX(STR(?d)) AS ?date) "
        f"{{ VALUES ?c {{ {values} }} GRAPH ?g {{ ?s a ?c ; dcterms:date ?d }} }} GROUP BY ?g"
    )


def reported_date(store: Store, settings: Settings, graph: str) -> str | None:
    """The latest publication date (YYYY-MM-DD) of the sources ``graph`` holds; None: none."""
    rows = list(  # read whole: a result left open may be dropped on another thread
        store.select(_reported_query(), named_graphs=[graph], substitutions={"g": ox.NamedNode(graph)})
    )
    for row in rows:
        value = row["date"]
        if value is not None and len(value.value) >= 10:
            return value.value[:10]
    return None


def record(
    store: Store,
    settings: Settings,
    kind: str,
    change: Change,
    *,
    agent: str,
    label: str = "",
    started: datetime | None = None,
) -> str:
    """Add one activity to the history graph; returns its IRI (also set on ``change``)."""
    ended = now()
    base = settings.base_iri
    act = ox.NamedNode(f"{base}activity/{ended.strftime('%Y%m%dT%H%M%S%fZ')}-{secrets.token_hex(3)}")
    who = ox.NamedNode(agent_iri(base, agent))
    t = timestamp(ended)
    triples = [
        ox.Triple(act, RDF_TYPE, prov("Activity")),
        ox.Triple(act, dct("type"), ox.Literal(kind)),
        ox.Triple(act, prov("startedAtTime"), timestamp(started or ended)),
        ox.Triple(act, prov("endedAtTime"), t),
        ox.Triple(act, prov("wasAssociatedWith"), who),
        ox.Triple(who, RDF_TYPE, prov("Agent")),
        ox.Triple(who, ox.NamedNode(RDFS + "label"), ox.Literal(agent)),
        ox.Triple(
            act, pkg("addedTriples"), ox.Literal(str(change.added_triples), datatype=ox.NamedNode(XSD + "integer"))
        ),
        ox.Triple(
            act, pkg("removedTriples"), ox.Literal(str(change.removed_triples), datatype=ox.NamedNode(XSD + "integer"))
        ),
    ]
    if label:
        triples.append(ox.Triple(act, ox.NamedNode(RDFS + "label"), ox.Literal(label)))
    if not change.complete:  # too large to compare: the resources are not listed
        triples.append(
            ox.Triple(act, pkg("resourcesListed"), ox.Literal("false", datatype=ox.NamedNode(XSD + "boolean")))
        )
    for name, items in (("addedResource", change.added), ("changedResource", change.changed)):
        triples += [ox.Triple(act, pkg(name), ox.NamedNode(r)) for r in items]
    triples += [ox.Triple(act, pkg("removedResource"), ox.NamedNode(r)) for r in change.removed]
    for g in change.dropped:
        triples.append(ox.Triple(act, prov("invalidated"), ox.NamedNode(g)))
    stale = []
    for g in change.graphs:
        node = ox.NamedNode(g)
        triples += [
            ox.Triple(act, prov("generated"), node),
            ox.Triple(node, RDF_TYPE, prov("Entity")),
            ox.Triple(node, prov("generatedAtTime"), t),
            ox.Triple(node, prov("wasAttributedTo"), who),
            ox.Triple(node, prov("wasGeneratedBy"), act),
        ]
        reported = reported_date(store, settings, g)
        if reported:
            triples.append(ox.Triple(node, dct("date"), ox.Literal(reported, datatype=ox.NamedNode(XSD + "date"))))
        stale.append(node)
    _write(store, settings, triples, replace_about=stale + [ox.NamedNode(g) for g in change.dropped])
    change.activity = act.value
    return act.value


def _write(store: Store, settings: Settings, triples: list[ox.Triple], *, replace_about: list[ox.NamedNode]) -> None:
    """Insert ``triples`` into the history graph, after removing the last-write statements of
    the graphs in ``replace_about`` (a graph keeps the time and author of its last write)."""
    h = ox.NamedNode(history_graph(settings.base_iri))
    parts = []
    for g in replace_about:
        parts.append(
            f"DELETE WHERE {{ GRAPH {h} {{ {g} <{PROV}generatedAtTime> ?t }} }} ;\n"
            f"DELETE WHERE {{ GRAPH {h} {{ {g} <{PROV}wasAttributedTo> ?a }} }} ;\n"
            f"DELETE WHERE {{ GRAPH {h} {{ {g} <{PROV}wasGeneratedBy> ?w }} }} ;\n"
            f"DELETE WHERE {{ GRAPH {h} {{ {g} <{DCT}date> ?d }} }}"
        )
    data = " .\n".join(f"{t.subject} {t.predicate} {t.object}" for t in triples)
    parts.append(f"INSERT DATA {{ GRAPH {h} {{ {data} }} }}")
    store.update(" ;\n".join(parts))


def latest_activity(store: Store, settings: Settings) -> tuple[str, str] | None:
    """(IRI, end time) of the last recorded activity; None when nothing is recorded."""
    rows = list(
        store.select(
            f"SELECT ?a ?t {{ GRAPH <{history_graph(settings.base_iri)}> {{ ?a <{PROV}endedAtTime> ?t }} }} "
            "ORDER BY DESC(?t) LIMIT 1"
        )
    )
    for row in rows:
        return row["a"].value, row["t"].value
    return None


def keep_inferred(store: Store, settings: Settings) -> None:
    """Called by reasoning before it replaces the inferred graph. The inferred graph is dated in
    the history graph like the write it followed (``prov:generatedAtTime``, ``dcterms:date``); what
    it holds beyond the inferences kept before goes into a private graph with that dating
    (``history_inferred_prefix``), so that past views keep the inferences of their time while the
    current ones are stored once. Then the inferred graph is dated anew. Nothing before the first
    recorded write."""
    last = latest_activity(store, settings)
    if last is None:
        return
    base = settings.base_iri
    inf = inferred_graph(base)
    dating = _dating(store, settings, inf)
    if dating is not None and store.has_graph(inf):
        act, t, d = dating
        prefix = history_inferred_prefix(base)
        kept = {
            ox.Triple(q.subject, q.predicate, q.object)
            for g in store.graph_names()
            if g.startswith(prefix)
            for q in store.quads(g)
        }
        past = [t for t in (ox.Triple(q.subject, q.predicate, q.object) for q in store.quads(inf)) if t not in kept]
        target = ox.NamedNode(prefix + act.rsplit("/", 1)[-1])
        store.load(ox.serialize(past, format=ox.RdfFormat.N_TRIPLES) or b"", ox.RdfFormat.N_TRIPLES, target.value)
        _write(store, settings, _dated(target, ox.NamedNode(act), t, d), replace_about=[target])
    dates = [reported_date(store, settings, g) for g in _asserted(store, settings)]
    latest = max((d for d in dates if d), default=None)
    _write(
        store,
        settings,
        _dated(ox.NamedNode(inf), ox.NamedNode(last[0]), timestamp(now()), latest),
        replace_about=[ox.NamedNode(inf)],
    )


def _dated(node: ox.NamedNode, act: ox.NamedNode, t: ox.Literal, reported: str | None) -> list[ox.Triple]:
    out = [
        ox.Triple(node, RDF_TYPE, prov("Entity")),
        ox.Triple(node, prov("generatedAtTime"), t),
        ox.Triple(node, prov("wasGeneratedBy"), act),
    ]
    if reported:
        out.append(ox.Triple(node, dct("date"), ox.Literal(reported, datatype=ox.NamedNode(XSD + "date"))))
    return out


def _dating(store: Store, settings: Settings, graph: str) -> tuple[str, ox.Literal, str | None] | None:
    """(activity, time, reported date) recorded for ``graph``; None when not recorded."""
    rows = list(
        store.select(
            f"SELECT ?h ?g ?a ?t ?d {{ GRAPH ?h {{ ?g <{PROV}generatedAtTime> ?t ; <{PROV}wasGeneratedBy> ?a "
            f"OPTIONAL {{ ?g <{DCT}date> ?d }} }} }}",
            substitutions={"h": ox.NamedNode(history_graph(settings.base_iri)), "g": ox.NamedNode(graph)},
        )
    )
    for row in rows:
        return row["a"].value, row["t"], row["d"].value if row["d"] is not None else None
    return None


def update(store: Store, settings: Settings, sparql: str, *, agent: str, **options: object) -> Change:
    """A SPARQL update (``Store.update`` with ``options``), recorded as one activity."""
    with recording(store, settings, "update", agent=agent) as change:
        store.update(sparql, **options)  # type: ignore[arg-type]
    return change


_RECORD = f"""SELECT DISTINCT ?s ?h ?g ?t ?name ?d {{
  GRAPH ?g {{ ?s ?p ?o }}
  GRAPH ?h {{ ?g <{PROV}generatedAtTime> ?t OPTIONAL {{ ?g <{PROV}wasAttributedTo>/<{RDFS}label> ?name }}
             OPTIONAL {{ ?g <{DCT}date> ?d }} }}
}} ORDER BY ?t ?g"""


def resource_record(store: Store, settings: Settings, iri: str) -> list[dict[str, str | None]]:
    """Where the statements about ``iri`` come from and when: per asserted graph, when it was
    recorded (its last write), by whom, and when its sources published it (``dcterms:date``)."""
    h = history_graph(settings.base_iri)
    if not store.has_graph(h):
        return []
    rows = list(store.select(_RECORD, substitutions={"s": ox.NamedNode(iri), "h": ox.NamedNode(h)}))
    return [
        {
            "graph": row["g"].value,
            "recorded": row["t"].value,
            "by": row["name"].value if row["name"] is not None else None,
            "reported": row["d"].value if row["d"] is not None else None,
        }
        for row in rows
        if is_asserted(row["g"].value, settings.base_iri)
    ]
