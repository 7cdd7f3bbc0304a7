"""Resource pages: outgoing statements, incoming links, evidence and the neighbourhood, from
bound SPARQL (``document.py`` has the data documents, ``evidence.py`` the statements)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, TypedDict
from urllib.parse import urlencode

import pyoxigraph as ox

from server.browse import graph_svg
from server.browse.evidence import collect_evidence
from server.browse.terms import (
    PFX,
    RDF_TYPE,
    RDFS_COMMENT,
    RDFS_LABEL,
    SKOS_ALT,
    SKOS_PREF,
    Linker,
    Provenance,
    Vocab,
    closure_rows,
    exists,
    iri_dict,
    literal_dict,
    node,
    pick,
)
from server.core.errors import NotFound
from server.core.namespaces import PKG
from server.core.types import JSONObject
from server.graph.turtle import nt

if TYPE_CHECKING:
    from server.store.base import Store

# the objects' labels come from one LABELS query for the whole page, not a join per row;
# the statements, blank nodes nested, from one query (terms.closure_rows)

INCOMING_COUNTS = "SELECT ?s ?p (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x ?p ?s } GROUP BY ?s ?p"

# LIMIT/OFFSET are integers formatted by the caller (int-validated), never request text.
INCOMING_PAGE = (
    PFX
    + """SELECT ?s ?p ?x ?g ?xl WHERE {
  { SELECT ?s ?p ?x WHERE { ?x ?p ?s } GROUP BY ?s ?p ?x ORDER BY ?x LIMIT %d OFFSET %d }
  GRAPH ?g { ?x ?p ?s }
  OPTIONAL { ?x rdfs:label|skos:prefLabel ?xl FILTER(isLiteral(?xl)) }
}"""
)

# the subjects' labels come from one LABELS query for the subjects shown, not a join per row
INCOMING_ALL = "SELECT ?s ?p ?x ?g WHERE { GRAPH ?g { ?x ?p ?s } }"

# %s: IRIs as VALUES, written by pyoxigraph's term serialisation
LABELS = PFX + "SELECT ?x ?l WHERE { VALUES ?x { %s } ?x rdfs:label|skos:prefLabel ?l FILTER(isLiteral(?l)) }"
LABELS_BATCH = 500  # IRIs per LABELS query
INCOMING_ALL_MAX = 300  # below this many incoming links, one query fetches them all

INSTANCE_COUNT = "SELECT ?c (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a ?c } GROUP BY ?c"

MAX_VALUES = 200  # values shown per property on a page (the RDF document has them all)
BNODE_DEPTH = 4
GRAPH_NEIGHBOURS = 20

Subject = ox.NamedNode | ox.BlankNode
Object = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple  # Triple: an RDF 1.2 triple term


class _Object(TypedDict):
    """One object of a predicate: the graphs stating it, and a blank node's own statements."""

    term: Object
    graphs: set[str]
    nested: Outgoing | None


Outgoing = dict[str, dict[Object, _Object]]  # predicate IRI -> object -> where it is stated
#: an incoming link: (subject, graph, the subject's label if the query fetched it)
Incoming = tuple[Subject, ox.NamedNode | ox.BlankNode, ox.Literal | None]
IncomingRows = tuple[dict[str, int], dict[str, list[Incoming]]]  # counts, rows shown per property


class _Own(TypedDict):
    """What the subject's own statements say about it (labels and comments as (text, language))."""

    labels: list[tuple[str, str]]
    types: list[JSONObject]
    comments: list[tuple[str, str]]


def sparql_for_page(iri: str) -> str:
    """The query a reader can run to get what the page shows (the IRI serialised by pyoxigraph)."""
    term = str(node(iri))
    return (
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        '# Outgoing statements (?dir = "out") and incoming links ("in"), with the graph each is in\n'
        "SELECT ?dir ?property ?value ?valueLabel ?graph WHERE {\n"
        f'  {{ GRAPH ?graph {{ {term} ?property ?value }} BIND("out" AS ?dir) }}\n'
        f'  UNION {{ GRAPH ?graph {{ ?value ?property {term} }} BIND("in" AS ?dir) }}\n'
        '  OPTIONAL { ?value rdfs:label ?valueLabel FILTER(LANGMATCHES(LANG(?valueLabel), "ru")) }\n'
        "}\nORDER BY ?dir ?property ?value\nLIMIT 1000"
    )


# -- outgoing -----------------------------------------------------------------------------


def _fetch_outgoing(store: Store, subject: ox.NamedNode) -> Outgoing:
    """{predicate: {object: {"term", "graphs", "nested"}}}, blank node objects nested
    ``BNODE_DEPTH`` levels deep, all in one query (``closure_rows``)."""
    by_pred: Outgoing = {}
    for levels in closure_rows(store, subject, BNODE_DEPTH, graphs=True):
        slots = by_pred
        for i, (p, o, g) in enumerate(levels):
            entry = slots.setdefault(p.value, {}).get(o)
            if entry is None:
                entry = slots[p.value][o] = {"term": o, "graphs": set(), "nested": None}
            if g is not None:
                entry["graphs"].add(g.value)
            if i + 1 < len(levels):
                nested = entry["nested"]
                if nested is None:
                    nested = entry["nested"] = {}
                slots = nested
    return by_pred


def _object_iris(by_pred: Outgoing) -> set[str]:
    out = set()
    for values in by_pred.values():
        for o, entry in values.items():
            if isinstance(o, ox.NamedNode):
                out.add(o.value)
            elif entry["nested"]:
                out |= _object_iris(entry["nested"])
    return out


def _outgoing(
    store: Store,
    subject: Subject,
    base_iri: str,
    linker: Linker,
    vocab: Vocab,
    lang: str,
    depth: int = 0,
    fetched: Outgoing | None = None,
    labels: dict[str, set[tuple[str, str]]] | None = None,
) -> tuple[list[JSONObject], _Own]:
    """Properties of ``subject`` grouped by predicate, plus the subject's own labels/types.
    ``fetched`` (``_fetch_outgoing``) and ``labels`` (of the objects) when the caller has them."""
    by_pred = (
        fetched if fetched is not None else _fetch_outgoing(store, subject) if isinstance(subject, ox.NamedNode) else {}
    )
    if labels is None:
        labels = _labels(store, _object_iris(by_pred))
    own: _Own = {"labels": [], "types": [], "comments": []}
    props: list[JSONObject] = []
    for p, values in by_pred.items():
        shown: list[JSONObject] = []
        for entry in values.values():
            term, prov = entry["term"], Provenance(base_iri, entry["graphs"])
            if isinstance(term, ox.Literal):
                item = literal_dict(term, vocab, lang)
                if p in (RDFS_LABEL, SKOS_PREF):
                    own["labels"].append((term.value, term.language or ""))
                if p == RDFS_COMMENT:
                    own["comments"].append((term.value, term.language or ""))
            elif isinstance(term, ox.NamedNode):
                item = iri_dict(term.value, labels.get(term.value, ()), linker, vocab, lang)
                if p == RDF_TYPE:
                    item["class_href"] = linker.cls(term.value)
            elif isinstance(term, ox.BlankNode):
                item = {"kind": "bnode", "value": term.value, "properties": []}
                if entry["nested"] is not None:
                    item["properties"], _ = _outgoing(
                        store, term, base_iri, linker, vocab, lang, depth + 1, entry["nested"], labels
                    )
            else:  # a triple term, shown as its text (as on the query page)
                item = {"kind": "literal", "value": nt(term), "lang": None, "datatype": None, "datatype_iri": None}
            item["inferred"] = prov.inferred
            shown.append(item)
        shown.sort(key=_value_sort_key(lang))
        if p == RDF_TYPE:
            own["types"] = shown
            continue
        props.append(
            {
                "iri": p,
                "label": vocab.label(p, lang),
                "href": linker.page(p),
                "objects": shown[:MAX_VALUES],
                "count": len(shown),
                "inferred": all(v["inferred"] for v in shown),
            }
        )
    props.sort(key=lambda pr: _prop_rank(pr["iri"], pr["label"]))
    return props, own


def _prop_rank(iri: str, label: str) -> tuple[int, str, str]:
    """Label/comment first, then pkg: properties, then others; ties broken by IRI so the
    order never depends on the store's result order."""
    first = {RDFS_LABEL: 0, SKOS_PREF: 1, SKOS_ALT: 2, RDFS_COMMENT: 3}
    if iri in first:
        return (first[iri], "", iri)
    return (4 if iri.startswith(PKG) else 5, label.lower(), iri)


def _value_sort_key(lang: str) -> Callable[[JSONObject], tuple]:
    def key(v: JSONObject) -> tuple:
        if v["kind"] == "literal":
            lg = v["lang"] or ""
            return (v["inferred"], 0, lg != lang, lg, v["value"])
        if v["kind"] == "iri":
            return (v["inferred"], 1, False, "", v["label"].lower(), v["value"])
        # blank nodes by what they say (their labels differ from store to store), then by label
        return (v["inferred"], 2, False, "", json.dumps(v.get("properties"), sort_keys=True, default=str), v["value"])

    return key


# -- incoming -----------------------------------------------------------------------------


def _fetch_incoming(store: Store, subject: ox.NamedNode, focus: str | None, page: int, per_page: int) -> IncomingRows:
    """Counts per property, and the (x, graph, None) rows shown per property when few links
    (one query, paged here); properties with many links are paged in SPARQL by ``_incoming``."""
    found = store.select(INCOMING_COUNTS, substitutions={"s": subject})
    counts = {sol["p"].value: int(sol["n"].value) for sol in found}
    # rows as plain (x, g, xl) tuples: a QuerySolution's item lookups are slow in bulk
    rows_by_prop: dict[str, list[Incoming]] = {}
    if sum(counts.values()) <= INCOMING_ALL_MAX:
        for sol in store.select(INCOMING_ALL, substitutions={"s": subject}):
            if sol["g"].value not in store.apart_graphs:  # the history's links are not the domain's
                rows_by_prop.setdefault(sol["p"].value, []).append((sol["x"], sol["g"], None))
    shown_rows: dict[str, list[Incoming]] = {}
    for p, n in counts.items():
        if p in rows_by_prop:
            this_page = min(max(1, page), max(1, -(-n // per_page))) if p == focus else 1
            ordered = sorted({row[0] for row in rows_by_prop[p]}, key=_term_order)
            keep = set(ordered[(this_page - 1) * per_page : this_page * per_page])
            shown_rows[p] = [row for row in rows_by_prop[p] if row[0] in keep]
    return counts, shown_rows


def _subject_iris(shown_rows: dict[str, list[Incoming]]) -> set[str]:
    return {row[0].value for rows in shown_rows.values() for row in rows if isinstance(row[0], ox.NamedNode)}


def _incoming(
    store: Store,
    subject: ox.NamedNode,
    base_iri: str,
    linker: Linker,
    vocab: Vocab,
    lang: str,
    focus: str | None,
    page: int,
    per_page: int,
    fetched: IncomingRows | None = None,
    labels: dict[str, set[tuple[str, str]]] | None = None,
) -> list[JSONObject]:
    """Incoming links grouped by property; ``fetched`` (``_fetch_incoming``) and ``labels``
    (of the subjects shown) when the caller has them."""
    counts, shown_rows = _fetch_incoming(store, subject, focus, page, per_page) if fetched is None else fetched
    found_labels = _labels(store, _subject_iris(shown_rows)) if labels is None else labels
    groups: list[JSONObject] = []
    for p, n in counts.items():
        pages = max(1, -(-n // per_page))
        this_page = min(max(1, page), pages) if p == focus else 1
        items: dict[str, Subject] = {}
        graphs: dict[str, set[str]] = {}
        row_labels: dict[str, set[tuple[str, str]]] = {}
        if p in shown_rows:
            rows = shown_rows[p]
            row_labels.update(
                (row[0].value, found_labels[row[0].value]) for row in rows if row[0].value in found_labels
            )
        else:
            query = INCOMING_PAGE % (per_page, (this_page - 1) * per_page)
            rows = [
                (sol["x"], sol["g"], sol["xl"])
                for sol in store.select(query, substitutions={"s": subject, "p": ox.NamedNode(p)})
            ]
        for x, g, xl in rows:
            items.setdefault(x.value, x)
            if isinstance(g, ox.NamedNode) and g.value not in store.apart_graphs:
                graphs.setdefault(x.value, set()).add(g.value)
            if isinstance(xl, ox.Literal):
                row_labels.setdefault(x.value, set()).add((xl.value, xl.language or ""))
        shown: list[JSONObject] = []
        for key, x in items.items():
            prov = Provenance(base_iri, graphs.get(key, set()))
            if isinstance(x, ox.NamedNode):
                d = iri_dict(key, row_labels.get(key, ()), linker, vocab, lang)
            else:
                d = {"kind": "bnode", "value": key, "properties": []}
            d["inferred"] = prov.inferred
            shown.append(d)
        shown.sort(key=_value_sort_key(lang))
        groups.append(
            {
                "iri": p,
                "label": vocab.label(p, lang),
                "href": linker.page(p),
                "count": n,
                "subjects": shown,
                "page": this_page,
                "pages": pages,
                "inferred": bool(shown) and all(v["inferred"] for v in shown),
            }
        )
    groups.sort(key=lambda gr: (gr["inferred"], _prop_rank(gr["iri"], gr["label"])))
    return groups


def _labels(store: Store, iris: set[str]) -> dict[str, set[tuple[str, str]]]:
    """rdfs:label / skos:prefLabel of each IRI, in one query."""
    out: dict[str, set[tuple[str, str]]] = {}
    ordered = sorted(iris)
    for i in range(0, len(ordered), LABELS_BATCH):
        values = " ".join(str(ox.NamedNode(iri)) for iri in ordered[i : i + LABELS_BATCH])
        for sol in store.select(LABELS % values):
            out.setdefault(sol["x"].value, set()).add((sol["l"].value, sol["l"].language or ""))
    return out


def _term_order(term: Subject) -> tuple[int, str]:
    """SPARQL's ORDER BY order for subjects: blank nodes before IRIs, IRIs by their string."""
    return (0 if isinstance(term, ox.BlankNode) else 1, term.value)


# -- the page -----------------------------------------------------------------------------


def resource_context(
    store: Store,
    iri: str,
    *,
    base_iri: str,
    linker: Linker,
    vocab: Vocab,
    lang: str,
    incoming_property: str | None = None,
    incoming_page: int = 1,
    per_page: int = 20,
) -> JSONObject:
    """Everything the resource page shows, as plain data. Unknown IRIs raise NotFound."""
    subject = node(iri)
    if not exists(store, iri):
        raise NotFound(f"Nothing is known about <{iri}>.")
    # statements both ways first, then the labels of every IRI they show in one query
    out_rows = _fetch_outgoing(store, subject)
    in_rows = _fetch_incoming(store, subject, incoming_property, incoming_page, per_page)
    labels = _labels(store, _object_iris(out_rows) | _subject_iris(in_rows[1]))
    props, own = _outgoing(store, subject, base_iri, linker, vocab, lang, fetched=out_rows, labels=labels)
    incoming = _incoming(
        store, subject, base_iri, linker, vocab, lang, incoming_property, incoming_page, per_page, in_rows, labels
    )
    evidence = collect_evidence(store, subject, linker, vocab, lang)
    label = pick(own["labels"], lang) or vocab.label(iri, lang)
    here = linker.page(iri)
    sep = "&" if "?" in here else "?"
    for gr in incoming:
        arg = urlencode({"inprop": gr["iri"]})
        gr["prev"] = f"{here}{sep}{arg}&inpage={gr['page'] - 1}" if gr["page"] > 1 else None
        gr["next"] = f"{here}{sep}{arg}&inpage={gr['page'] + 1}" if gr["page"] < gr["pages"] else None
    types = sorted(own["types"], key=lambda t: (t["inferred"], not t["value"].startswith(PKG), t["label"]))
    counts: dict[str, int] = {}
    if iri in vocab.superclasses or any(t["value"].endswith(("#Class",)) for t in types):
        counts = {
            sol["c"].value: int(sol["n"].value) for sol in store.select(INSTANCE_COUNT, substitutions={"c": subject})
        }
    return {
        "iri": iri,
        "label": label,
        "labels": [{"value": v, "lang": lg or None} for v, lg in sorted(own["labels"])],
        "comment": pick(own["comments"], lang),
        "types": types,
        "properties": props,
        "incoming": incoming,
        "evidence": evidence["evidence"],
        "statements": evidence["spoke"],
        "instances": counts.get(iri),
        "instances_href": linker.cls(iri) if counts.get(iri) else None,
        "graph": graph_svg.layout(
            {"label": label, "href": linker.page(iri)}, graph_svg.neighbours(props, incoming, GRAPH_NEIGHBOURS)
        ),
        "links": {
            "page": linker.page(iri),
            "json": linker.json(iri),
            "rdf": {f: linker.data(iri, f) for f in ("ttl", "nt", "rdf", "jsonld")},
            "query": linker.query(sparql_for_page(iri)),
        },
    }
