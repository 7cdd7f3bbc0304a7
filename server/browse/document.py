"""Data documents: the concise bounded description of a resource, serialised by pyoxigraph."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pyoxigraph as ox

from server.browse.terms import PFX, closure_rows, exists, node
from server.core.errors import NotFound
from server.core.namespaces import PREFIXES

if TYPE_CHECKING:
    from server.store.base import Store

CBD_DEPTH = 8  # levels of blank nodes nested in blank nodes followed (the data has 2)
# %s: IRIs as VALUES, written by pyoxigraph's term serialisation
OBJECT_LABELS = PFX + "CONSTRUCT { ?o rdfs:label ?l } WHERE { VALUES ?o { %s } ?o rdfs:label ?l }"
LABELS_BATCH = 500


def cbd(store: Store, iri: str, doc_iri: str, lang_note: str = "en") -> list[ox.Triple]:
    """The concise bounded description of ``iri``: its outgoing triples, blank nodes closed
    recursively, labels of the IRIs it points to, and two triples describing the document."""
    subject = node(iri)
    if not exists(store, iri):
        raise NotFound(f"Nothing is known about <{iri}>.")
    out: dict[ox.Triple, None] = {}
    # what the default graph says; else what the named graphs do (a history activity, only there)
    rows = closure_rows(store, subject, CBD_DEPTH, graphs=False) or closure_rows(store, subject, CBD_DEPTH, graphs=True)
    for levels in rows:
        s: ox.NamedNode | ox.BlankNode = subject
        for p, o, _ in levels:
            out.setdefault(ox.Triple(s, p, o))
            if not isinstance(o, ox.BlankNode):
                break
            s = o
    iris = sorted({t.object for t in out if isinstance(t.object, ox.NamedNode)}, key=lambda n: n.value)
    for i in range(0, len(iris), LABELS_BATCH):
        values = " ".join(str(n) for n in iris[i : i + LABELS_BATCH])
        for t in store.construct(OBJECT_LABELS % values):
            out.setdefault(t)
    doc = ox.NamedNode(doc_iri)
    out.setdefault(ox.Triple(doc, ox.NamedNode(PREFIXES["foaf"] + "primaryTopic"), subject))
    descriptions = {
        "en": f"Concise bounded description of <{iri}>: its statements (asserted and inferred), blank nodes "
        f"closed recursively, and the labels of the resources it refers to.",
        "ru": f"Краткое ограниченное описание (CBD) <{iri}>: его утверждения (исходные и выведенные), "
        f"безымянные узлы целиком и названия ресурсов, на которые он ссылается.",
    }
    for language, text in descriptions.items():
        out.setdefault(
            ox.Triple(doc, ox.NamedNode(PREFIXES["dcterms"] + "description"), ox.Literal(text, language=language))
        )
    return list(out)


def serialize(triples: list[ox.Triple], rdf_format: ox.RdfFormat, base_iri: str) -> bytes:
    prefixes = {**PREFIXES, "id": base_iri} if rdf_format in (ox.RdfFormat.TURTLE,) else None
    return ox.serialize(triples, format=rdf_format, prefixes=prefixes) or b""
