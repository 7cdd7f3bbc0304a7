"""The change feed: the writes recorded in the history graph (server.graph.history), newest
first, paged, as Atom (RFC 4287) and as ActivityStreams 2.0 (JSON-LD).

Each entry is one write — a load, an accepted draft, a SPARQL update — with its time, who (the
credential's name), the graphs it wrote and the resources it added, changed or removed. The AS2
form uses the ActivityStreams context (shipped with the package as
``server/static/contexts/activitystreams.jsonld``: the terms the feed uses) plus ``pkg:`` terms for
the three lists of resources."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from xml.etree import ElementTree as ET

import pyoxigraph as ox

from server.core.namespaces import PKG, PREFIXES, history_graph
from server.core.settings import Settings
from server.core.types import JSONObject
from server.store import Store

AS2_CONTEXT = "https://www.w3.org/ns/activitystreams"
AS2_TYPE = "application/activity+json"
ATOM_TYPE = "application/atom+xml"
ATOM = "http://www.w3.org/2005/Atom"
PER_PAGE = 20
PROV = PREFIXES["prov"]
DCT = PREFIXES["dcterms"]
RDFS = PREFIXES["rdfs"]
ROLES = {"added": "addedResource", "changed": "changedResource", "removed": "removedResource"}
AS2_TYPES = {"load": "Create", "accept": "Add", "update": "Update"}


@dataclass
class Entry:
    iri: str
    kind: str
    time: str
    agent: str
    agent_iri: str
    label: str
    added_triples: int = 0
    removed_triples: int = 0
    graphs: list[str] = field(default_factory=list)
    resources: dict[str, list[str]] = field(default_factory=lambda: {k: [] for k in ROLES})

    def title(self) -> str:
        return self.label or f"{self.kind} by {self.agent}"

    def summary(self) -> str:
        counts = ", ".join(f"{len(v)} {k}" for k, v in self.resources.items())
        return (
            f"{self.title()}: {self.added_triples} triples added, {self.removed_triples} removed; resources: {counts}"
        )


_ACTIVITIES = f"""SELECT ?h ?r ?a ?kind ?t ?who ?name ?label ?plus ?minus {{ GRAPH ?h {{
  ?a a <{PROV}Activity> ; <{DCT}type> ?kind ; <{PROV}endedAtTime> ?t ; <{PROV}wasAssociatedWith> ?who .
  OPTIONAL {{ ?who <{RDFS}label> ?name }} OPTIONAL {{ ?a <{RDFS}label> ?label }}
  OPTIONAL {{ ?a <{PKG}addedTriples> ?plus }} OPTIONAL {{ ?a <{PKG}removedTriples> ?minus }}
  #about
}} }} ORDER BY DESC(?t) DESC(?a)"""
_ABOUT = f"FILTER EXISTS {{ ?a ?role ?r FILTER(?role IN (<{PKG}addedResource>, <{PKG}changedResource>, <{PKG}removedResource>)) }}"
_DETAILS = f"""SELECT ?h ?a ?p ?o {{ GRAPH ?h {{ ?a ?p ?o FILTER(?p IN (<{PROV}generated>, <{PKG}addedResource>,
  <{PKG}changedResource>, <{PKG}removedResource>)) }} }} ORDER BY ?p ?o"""


def entries(
    store: Store, settings: Settings, *, page: int = 1, per_page: int = PER_PAGE, resource: str | None = None
) -> tuple[list[Entry], int]:
    """One page of the recorded writes, newest first (only those about ``resource`` if given),
    and the number of them all."""
    h = history_graph(settings.base_iri)
    if not store.has_graph(h):
        return [], 0
    subst: dict[str, ox.NamedNode] = {"h": ox.NamedNode(h)}
    if resource is not None:
        subst["r"] = ox.NamedNode(resource)
    sparql = _ACTIVITIES.replace("#about", _ABOUT if resource is not None else "")
    rows = list(store.select(sparql, substitutions=subst))  # type: ignore[arg-type]
    total = len(rows)
    out = []
    for row in rows[(page - 1) * per_page : page * per_page]:
        e = Entry(
            iri=row["a"].value,
            kind=row["kind"].value,
            time=row["t"].value,
            agent=row["name"].value if row["name"] is not None else row["who"].value,
            agent_iri=row["who"].value,
            label=row["label"].value if row["label"] is not None else "",
            added_triples=int(row["plus"].value) if row["plus"] is not None else 0,
            removed_triples=int(row["minus"].value) if row["minus"] is not None else 0,
        )
        details = list(store.select(_DETAILS, substitutions={"h": ox.NamedNode(h), "a": ox.NamedNode(e.iri)}))
        for d in details:
            p, o = d["p"].value, d["o"].value
            if p == PROV + "generated":
                e.graphs.append(o)
            else:
                e.resources[next(k for k, v in ROLES.items() if PKG + v == p)].append(o)
        out.append(e)
    return out, total


@dataclass
class Page:
    """Where a page of the feed is and where its neighbours are (absolute URLs)."""

    url: Callable[[int], str]  # page number -> URL of that page in the same format
    page: int
    total: int
    per_page: int = PER_PAGE

    @property
    def last(self) -> int:
        return max(1, -(-self.total // self.per_page))


def atom(
    items: list[Entry], where: Page, *, feed_id: str, title: str, link: Callable[[str], str], alternate: str
) -> bytes:
    """An Atom feed document of one page (RFC 4287; paging links as RFC 5005)."""
    ET.register_namespace("", ATOM)

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        el = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        if text is not None:
            el.text = text
        return el

    feed = ET.Element(f"{{{ATOM}}}feed")
    sub(feed, "id", feed_id)
    sub(feed, "title", title)
    sub(feed, "updated", items[0].time if items else "1970-01-01T00:00:00Z")
    author = sub(feed, "author")
    sub(author, "name", "policykg")
    sub(feed, "link", rel="self", href=where.url(where.page), type=ATOM_TYPE)
    sub(feed, "link", rel="alternate", href=alternate, type="text/html")
    sub(feed, "link", rel="first", href=where.url(1), type=ATOM_TYPE)
    sub(feed, "link", rel="last", href=where.url(where.last), type=ATOM_TYPE)
    if where.page > 1:
        sub(feed, "link", rel="previous", href=where.url(where.page - 1), type=ATOM_TYPE)
    if where.page < where.last:
        sub(feed, "link", rel="next", href=where.url(where.page + 1), type=ATOM_TYPE)
    for e in items:
        entry = sub(feed, "entry")
        sub(entry, "id", e.iri)
        sub(entry, "title", e.title())
        sub(entry, "updated", e.time)
        sub(entry, "published", e.time)
        who = sub(entry, "author")
        sub(who, "name", e.agent)
        sub(entry, "category", term=e.kind)
        sub(entry, "link", rel="alternate", href=link(e.iri), type="text/html")
        for role, resources in e.resources.items():
            for r in resources:
                sub(entry, "link", rel="related", href=link(r), title=f"{role}: {r}")
        sub(entry, "summary", e.summary())
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


def activity_streams(items: list[Entry], where: Page, *, collection: str, link: Callable[[str], str]) -> JSONObject:
    """One page of the feed as an ActivityStreams 2.0 OrderedCollectionPage (JSON-LD)."""
    page: JSONObject = {
        "@context": [
            AS2_CONTEXT,
            {
                "pkg": PKG,
                "prov": PROV,
                "added": {"@id": "pkg:addedResource", "@type": "@id"},
                "changed": {"@id": "pkg:changedResource", "@type": "@id"},
                "removed": {"@id": "pkg:removedResource", "@type": "@id"},
                "addedTriples": {"@id": "pkg:addedTriples", "@type": "xsd:integer"},
                "removedTriples": {"@id": "pkg:removedTriples", "@type": "xsd:integer"},
                "kind": "pkg:writeKind",
            },
        ],
        "id": where.url(where.page),
        "type": "OrderedCollectionPage",
        "partOf": {
            "id": collection,
            "type": "OrderedCollection",
            "totalItems": where.total,
            "first": where.url(1),
            "last": where.url(where.last),
        },
        "orderedItems": [
            {
                "id": e.iri,
                "type": AS2_TYPES.get(e.kind, "Activity"),
                "kind": e.kind,
                "name": e.title(),
                "summary": e.summary(),
                "published": e.time,
                "endTime": e.time,
                "url": link(e.iri),
                "actor": {"id": e.agent_iri, "type": "Service", "name": e.agent},
                "object": e.graphs,
                "added": e.resources["added"],
                "changed": e.resources["changed"],
                "removed": e.resources["removed"],
                "addedTriples": e.added_triples,
                "removedTriples": e.removed_triples,
            }
            for e in items
        ],
    }
    if where.page > 1:
        page["prev"] = where.url(where.page - 1)
    if where.page < where.last:
        page["next"] = where.url(where.page + 1)
    return page
