"""Home, class index, class pages and the ontology documentation, as plain contexts."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TypedDict

import pyoxigraph as ox

from server.browse.labels import PREDICATES as LABEL_PREDICATES
from server.browse.labels import LabelIndex
from server.browse.terms import PFX, RDF_TYPE, Linker, Vocab, iri_dict, node, pick
from server.core.namespaces import PKG, ontology_graph
from server.core.types import JSONObject
from server.graph.stats import class_counts
from server.store.base import Store
from server.store.delta import Delta

DATASET_META = (
    PFX
    + """SELECT ?d ?kind ?title ?desc WHERE {
  { ?d a void:Dataset BIND(1 AS ?kind) } UNION { ?d a owl:Ontology BIND(2 AS ?kind) }
  OPTIONAL { ?d dcterms:title ?title }
  OPTIONAL { ?d dcterms:description|rdfs:comment ?desc }
}"""
)

ENTRY_POINTS = (
    ("entry_people", PKG + "Person"),
    ("entry_orgs", PKG + "Organization"),
    ("entry_instruments", PKG + "PolicyInstrument"),
    ("entry_proposals", PKG + "Proposal"),
    ("entry_events", PKG + "Event"),
    ("entry_sources", PKG + "Source"),
)


class _Meta(TypedDict):
    """The IRI, titles and descriptions ((text, language) pairs) of the dataset or the ontology."""

    iri: str | None
    titles: set[tuple[str, str]]
    descs: set[tuple[str, str]]


def _meta(store: Store) -> dict[int, _Meta]:
    """Titles/descriptions of the void:Dataset (kind 1) and of the owl:Ontology (kind 2)."""
    meta: dict[int, _Meta] = {}
    for sol in store.select(DATASET_META):
        m = meta.setdefault(int(sol["kind"].value), {"iri": sol["d"].value, "titles": set(), "descs": set()})
        if sol["title"] is not None:
            m["titles"].add((sol["title"].value, sol["title"].language or ""))
        if sol["desc"] is not None:
            m["descs"].add((sol["desc"].value, sol["desc"].language or ""))
    return meta


def home_context(
    store: Store,
    *,
    linker: Linker,
    vocab: Vocab,
    lang: str,
    counts: dict[str, int] | None = None,
    triples: int | None = None,
) -> JSONObject:
    """``counts`` (``class_counts``) and ``triples`` may come from the caller's per-generation
    cache: both scan the whole store."""
    meta = _meta(store)
    chosen = meta.get(1) or meta.get(2) or _Meta(iri=None, titles=set(), descs=set())
    if counts is None:
        counts = class_counts(store)
    classes: list[JSONObject] = sorted(
        (
            {"iri": c, "label": vocab.label(c, lang), "href": linker.cls(c), "count": n}
            for c, n in counts.items()
            if c.startswith(PKG)
        ),
        key=lambda c: (-c["count"], c["label"]),
    )
    return {
        "title": pick(chosen["titles"], lang),
        "description": pick(chosen["descs"], lang),
        "dataset_iri": chosen["iri"],
        "triples": store.triple_count() if triples is None else triples,
        "entry_points": [
            {"key": key, "iri": c, "label": vocab.label(c, lang), "href": linker.cls(c), "count": counts.get(c, 0)}
            for key, c in ENTRY_POINTS
        ],
        "classes": classes,
    }


def classes_context(
    store: Store, *, linker: Linker, vocab: Vocab, lang: str, counts: dict[str, int] | None = None
) -> JSONObject:
    if counts is None:
        counts = class_counts(store)
    classes: list[JSONObject] = [
        {
            "iri": c,
            "label": vocab.label(c, lang),
            "href": linker.cls(c),
            "page": linker.page(c),
            "count": n,
            "ontology": c.startswith(PKG),
        }
        for c, n in counts.items()
    ]
    classes.sort(key=lambda c: (not c["ontology"], c["label"].lower()))
    return {"classes": classes}


INSTANCES = "SELECT DISTINCT ?c ?x WHERE { ?x a ?c }"


def sort_label(labels: Iterable[tuple[str, str]], lang: str) -> str | None:
    """``terms.pick`` in one pass (it is called once per instance of a class)."""
    other = "en" if lang == "ru" else "ru"
    best = None
    for value, lg in labels:
        base = lg.split("-")[0].lower() if lg else ""
        rank = 0 if base == lang else 1 if base == other else 2 if base == "" else 3
        if best is None or (rank, value) < best:
            best = (rank, value)
    return None if best is None else best[1]


Instance = tuple[ox.NamedNode | ox.BlankNode, str]  # an instance of a class and its sort label


def sorted_instances(
    store: Store, iri: str, *, index: LabelIndex, lang: str, descending: bool = False
) -> list[Instance]:
    """[(term, label)] of every instance of ``iri``, sorted by label in ``lang`` then IRI (the
    caller may keep the list per store generation: it is the expensive part of a class page)."""
    display = index.display
    instances: list[Instance] = []
    for sol in store.select(INSTANCES, substitutions={"c": node(iri)}):
        x = sol["x"]
        label = sort_label(display.get(x.value, ()), lang) if isinstance(x, ox.NamedNode) else None
        instances.append((x, label or x.value))
    instances.sort(key=lambda item: (item[1].lower(), item[0].value), reverse=descending)
    return instances


def instances_unchanged(iri: str, instances: list[Instance], deltas: list[Delta]) -> list[Instance] | None:
    """``instances`` (``sorted_instances`` of class ``iri``) when the writes ``deltas`` changed
    neither the class's members nor the labels of any of them, else None (sort them again)."""
    labelled: set[str] = set()
    for d in deltas:
        for t in (*d.shown, *d.hidden):
            p = t.predicate.value
            if p == RDF_TYPE and isinstance(t.object, ox.NamedNode) and t.object.value == iri:
                return None
            if p in LABEL_PREDICATES:
                labelled.add(t.subject.value)  # type: ignore[union-attr]
    if labelled and any(x.value in labelled for x, _ in instances):
        return None
    return instances


def class_context(
    store: Store,
    iri: str,
    *,
    index: LabelIndex,
    linker: Linker,
    vocab: Vocab,
    lang: str,
    page: int = 1,
    per_page: int = 50,
    descending: bool = False,
    instances: list[Instance] | None = None,
) -> JSONObject:
    """Instances of a class, sorted by their label in ``lang`` (labels from the label index:
    sorting in SPARQL would join every instance with its labels on each page view).
    ``instances`` is ``sorted_instances``'s result when the caller has it cached."""
    if instances is None:
        instances = sorted_instances(store, iri, index=index, lang=lang, descending=descending)
    total = len(instances)
    pages = max(1, -(-total // per_page))
    page = min(max(1, page), pages)
    items: list[JSONObject] = []
    for x, label in instances[(page - 1) * per_page : page * per_page]:
        if isinstance(x, ox.NamedNode):
            items.append(iri_dict(x.value, index.display.get(x.value, ()), linker, vocab, lang))
        else:
            items.append({"kind": "bnode", "value": x.value, "label": label})
    sort = "-label" if descending else "label"
    return {
        "iri": iri,
        "label": vocab.label(iri, lang),
        "definition": linker.page(iri),
        "total": total,
        "items": items,
        "page": page,
        "pages": pages,
        "sort": sort,
        "prev": linker.cls(iri, page=page - 1, sort=sort) if page > 1 else None,
        "next": linker.cls(iri, page=page + 1, sort=sort) if page < pages else None,
        "sort_links": {"label": linker.cls(iri, sort="label"), "-label": linker.cls(iri, sort="-label")},
    }


ONTOLOGY = (
    PFX
    + """SELECT ?g ?t ?kind ?p ?o WHERE {
  GRAPH ?g {
    VALUES ?kind { owl:Class owl:ObjectProperty owl:DatatypeProperty owl:AnnotationProperty }
    ?t a ?kind .
    ?t ?p ?o .
    VALUES ?p { rdfs:label rdfs:comment rdfs:subClassOf rdfs:subPropertyOf rdfs:domain rdfs:range owl:inverseOf }
  }
}"""
)


#: the ontology's relations between terms -> the key of the related terms in a page entry
RELATIONS = {
    "subClassOf": "super",
    "subPropertyOf": "super",
    "domain": "domain",
    "range": "range",
    "inverseOf": "inverse",
}


@dataclass
class _Term:
    """What the ontology graph says about one of its terms."""

    kind: str  # Class, ObjectProperty, DatatypeProperty or AnnotationProperty
    labels: dict[str, str] = field(default_factory=dict)  # language ("" untagged) -> text
    comments: dict[str, str] = field(default_factory=dict)
    related: defaultdict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # RELATIONS value -> IRIs


def ontology_context(store: Store, *, base_iri: str, linker: Linker, vocab: Vocab, lang: str) -> JSONObject:
    graph = ontology_graph(base_iri)
    terms: dict[str, _Term] = {}
    for sol in store.select(ONTOLOGY, substitutions={"g": ox.NamedNode(graph)}):
        t = sol["t"]
        if not isinstance(t, ox.NamedNode):
            continue
        d = terms.setdefault(t.value, _Term(sol["kind"].value.rsplit("#", 1)[-1]))
        p, o = sol["p"].value.rsplit("#", 1)[-1], sol["o"]
        if p == "label" and isinstance(o, ox.Literal):
            d.labels[o.language or ""] = o.value
        elif p == "comment" and isinstance(o, ox.Literal):
            d.comments[o.language or ""] = o.value
        elif p in RELATIONS and isinstance(o, ox.NamedNode):  # a label or comment that is an IRI is skipped
            d.related[RELATIONS[p]].add(o.value)

    def ref(iri: str) -> JSONObject:
        return {
            "iri": iri,
            "label": vocab.label(iri, lang),
            "href": linker.page(iri),
            "anchor": iri[len(PKG) :] if iri.startswith(PKG) else None,
        }

    def entry(iri: str, d: _Term) -> JSONObject:
        return {
            "iri": iri,
            "kind": d.kind,
            "anchor": iri.removeprefix(PKG),
            "label": pick([(v, k) for k, v in d.labels.items()], lang) or vocab.label(iri, lang),
            "labels": [{"lang": k or None, "value": v} for k, v in sorted(d.labels.items())],
            "comments": [{"lang": k or None, "value": v} for k, v in sorted(d.comments.items())],
            "comment": pick([(v, k) for k, v in d.comments.items()], lang),
            "super": [ref(s) for s in sorted(d.related["super"])],
            "domain": [ref(s) for s in sorted(d.related["domain"])],
            "range": [ref(s) for s in sorted(d.related["range"])],
            "inverse": [ref(s) for s in sorted(d.related["inverse"])],
            "href": linker.page(iri),
            "instances": linker.cls(iri) if d.kind == "Class" else None,
        }

    classes = {iri: entry(iri, d) for iri, d in terms.items() if d.kind == "Class"}
    children: dict[str | None, list[str]] = {}
    for iri in classes:
        parents: list[str | None] = [s for s in terms[iri].related["super"] if s in classes]
        for parent in parents or [None]:
            children.setdefault(parent, []).append(iri)

    def tree(parent: str | None, seen: frozenset[str] = frozenset()) -> list[JSONObject]:
        kids = sorted(children.get(parent, []), key=lambda c: classes[c]["label"].lower())
        return [{**classes[c], "children": tree(c, seen | {c})} for c in kids if c not in seen]

    props = [entry(iri, d) for iri, d in terms.items() if d.kind != "Class"]
    props.sort(key=lambda p: p["label"].lower())
    onto = _meta(store).get(2) or _Meta(iri=None, titles=set(), descs=set())
    return {
        "title": pick(onto["titles"], lang) or vocab.label(PKG, lang),
        "description": pick(onto["descs"], lang),
        "iri": PKG,
        "graph": graph,
        "class_tree": tree(None),
        "classes": sorted(classes.values(), key=lambda c: c["label"].lower()),
        "object_properties": [p for p in props if p["kind"] == "ObjectProperty"],
        "datatype_properties": [p for p in props if p["kind"] != "ObjectProperty"],
    }
