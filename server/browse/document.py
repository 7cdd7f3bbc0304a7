"""Data documents: the concise bounded description of a resource, serialised by pyoxigraph."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pyoxigraph as ox

from server.browse.terms import PFX, exists, node
from server.core.errors import NotFound
from server.core.namespaces import PREFIXES

if TYPE_CHECKING:
    from server.store.base import Store

CBD = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
OBJECT_LABELS = (
    PFX + "CONSTRUCT { ?o rdfs:label ?l } WHERE { ?s ?p ?o OPTIONAL { ?o rdfs:label ?l FILTER(isIRI(?o)) } }"
)  # OPTIONAL: evaluated from the bound subject outwards, not from every label in the store


def cbd(store: Store, iri: str, doc_iri: str, lang_note: str = "en") -> list[ox.Triple]:
    """The concise bounded description of ``iri``: its outgoing triples, blank nodes closed
    recursively, labels of the IRIs it points to, and two triples describing the document."""
    subject = node(iri)
    if not exists(store, iri):
        raise NotFound(f"Nothing is known about <{iri}>.")
    out: dict[ox.Triple, None] = {}
    todo: list[ox.NamedNode | ox.BlankNode] = [subject]
    seen: set[ox.NamedNode | ox.BlankNode] = set()
    while todo:
        s = todo.pop()
        if s in seen:
            continue
        seen.add(s)
        for t in store.construct(CBD, substitutions={"s": s}):
            out.setdefault(t)
            if isinstance(t.object, ox.BlankNode) and t.object not in seen:
                todo.append(t.object)
        for t in store.construct(OBJECT_LABELS, substitutions={"s": s}):
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
