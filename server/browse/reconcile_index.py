"""The reconciliation index: the published entities (IRIs under the base IRI with a class of the
ontology and a name), their names as words (``names``), their classes and the ontology's class
tree, and the properties each class's entities have. Read once per store state with bound SPARQL
through the store interface (the views cache it as they cache the label index); looked up by
word key or, for typos, by shared trigrams. No Flask."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pyoxigraph as ox

from server.browse import names
from server.browse.labels import LABELS, PREDICATES
from server.browse.terms import RDFS_LABEL, SKOS_PREF, Vocab, pick
from server.core.errors import BadRequest
from server.core.namespaces import PKG, PREFIXES, ontology_graph

if TYPE_CHECKING:
    from server.store.base import Store, Term

FAMILY_NAME = PREFIXES["foaf"] + "familyName"
SURNAME_ONLY = 0.8  # a surname alone («Козловский») is never a sure match for a person

ENTITY_TYPES = "SELECT ?x ?type ?ns WHERE { ?x a ?type FILTER(isIRI(?x) && STRSTARTS(STR(?type), ?ns)) }"
CLASSES = """PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?c ?sup ?onto WHERE { GRAPH ?onto { ?c a owl:Class OPTIONAL { ?c rdfs:subClassOf ?sup FILTER(isIRI(?sup)) } } }"""
TYPE_PROPERTIES = """SELECT DISTINCT ?type ?p ?ns WHERE {
  ?x a ?type ; ?p ?o FILTER(STRSTARTS(STR(?type), ?ns)) }"""


@dataclass
class Name:
    text: str
    lang: str
    words: tuple[names.Word, ...]
    weight: float  # SURNAME_ONLY for foaf:familyName, else 1


@dataclass
class Entity:
    iri: str
    id: str
    names: list[Name] = field(default_factory=list)
    types: set[str] = field(default_factory=set)  # ontology classes, superclasses included
    display: list[tuple[str, str]] = field(default_factory=list)  # rdfs:label / skos:prefLabel (text, lang)


@dataclass
class Type:
    iri: str
    id: str
    broader: list[str]  # direct superclasses among the ontology's classes


@dataclass
class Index:
    base_iri: str
    entities: dict[str, Entity] = field(default_factory=dict)
    types: dict[str, Type] = field(default_factory=dict)  # by IRI
    properties: dict[str, set[str]] = field(default_factory=dict)  # type IRI -> property IRIs used
    by_key: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # word key -> entity IRIs
    by_trigram: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # trigram -> word keys

    # -- identifiers --------------------------------------------------------------------------

    def entity_id(self, iri: str) -> str:
        """'person/kozlovsky-aleksandr': the IRI after the base (the identifier space)."""
        return iri[len(self.base_iri) :]

    def entity_iri(self, ident: str) -> str:
        """The IRI of an identifier; a full IRI is taken as it is."""
        return ident if ident.startswith(("http://", "https://")) else self.base_iri + ident

    def type_iri(self, ident: str) -> str:
        """'Person', 'pkg:Person' or the full IRI -> the class IRI (400 for a type the ontology lacks)."""
        iri = ident if ident.startswith(("http://", "https://")) else PKG + ident.removeprefix("pkg:")
        if iri not in self.types:
            raise BadRequest(f"Unknown type {ident!r}; GET /reconcile/suggest/type lists the types.")
        return iri

    def subtypes(self, iri: str) -> set[str]:
        return {t for t in self.types if t == iri or iri in self.supertypes(t)}

    def supertypes(self, iri: str) -> set[str]:
        out: set[str] = set()
        todo = list(self.types[iri].broader) if iri in self.types else []
        while todo:
            t = todo.pop()
            if t not in out:
                out.add(t)
                todo += self.types[t].broader if t in self.types else []
        return out

    def most_specific(self, entity: Entity) -> list[str]:
        found = entity.types & set(self.types)
        return sorted(t for t in found if not any(t in self.supertypes(o) for o in found if o != t))

    def name(self, entity: Entity, lang: str = "ru") -> str:
        return pick(entity.display, lang) or (entity.names[0].text if entity.names else entity.id)

    # -- candidates ---------------------------------------------------------------------------

    def add_name(self, entity: Entity, text: str, lang: str, weight: float) -> None:
        ws = names.words(text)
        if not ws:
            return
        entity.names.append(Name(text, lang, ws, weight))
        for w in ws:
            for key in w.keys:
                if entity.iri not in self.by_key[key]:
                    if not self.by_key[key]:
                        for t in names.trigrams(key):
                            self.by_trigram[t].add(key)
                    self.by_key[key].add(entity.iri)

    def lookup(self, words: Iterable[names.Word]) -> set[str]:
        """Entities with a word equal to one of ``words`` or near it (shared trigrams)."""
        out: set[str] = set()
        for w in words:
            if w.initial:
                continue
            for key in w.keys:
                out |= self.by_key.get(key, set())
                if w.number or len(key) < 4:
                    continue
                grams = names.trigrams(key)
                shared: dict[str, int] = defaultdict(int)
                for g in grams:
                    for near in self.by_trigram.get(g, ()):
                        shared[near] += 1
                for near, n in shared.items():
                    if n >= len(grams) / 3:
                        out |= self.by_key[near]
        return out


def build(store: Store, vocab: Vocab, base_iri: str) -> Index:
    """The entities of the published graphs that have an ontology class and a name."""
    index = Index(base_iri)
    onto = ox.NamedNode(ontology_graph(base_iri))
    supers: dict[str, list[str]] = defaultdict(list)
    for sol in store.select(CLASSES, substitutions={"onto": onto}):
        cls = sol["c"].value
        if cls.startswith(PKG):
            if sol["sup"] is not None and sol["sup"].value.startswith(PKG):
                supers[cls].append(sol["sup"].value)
            else:
                supers.setdefault(cls, [])
    index.types = {c: Type(c, c[len(PKG) :], sorted(set(b))) for c, b in supers.items()}
    ns: dict[str, Term] = {"ns": ox.Literal(PKG)}
    for sol in store.select(ENTITY_TYPES, substitutions=ns):
        iri = sol["x"].value
        if not iri.startswith(base_iri):  # the identifier space: ids are the IRIs' rest
            continue
        index.entities.setdefault(iri, Entity(iri, index.entity_id(iri))).types.add(sol["type"].value)
    for sol in store.select(TYPE_PROPERTIES, substitutions=ns):
        index.properties.setdefault(sol["type"].value, set()).add(sol["p"].value)
    for pred in PREDICATES:
        for sol in store.select(LABELS, substitutions={"p": ox.NamedNode(pred)}):
            entity, lit = index.entities.get(sol["x"].value), sol["l"]
            if entity is None or not isinstance(lit, ox.Literal):
                continue
            if pred in (RDFS_LABEL, SKOS_PREF):
                entity.display.append((lit.value, lit.language or ""))
            if all(n.text != lit.value for n in entity.names):
                index.add_name(entity, lit.value, lit.language or "", SURNAME_ONLY if pred == FAMILY_NAME else 1.0)
    index.entities = {iri: e for iri, e in index.entities.items() if e.names}
    for e in index.entities.values():
        e.display.sort()
    return index


# -- the reconciliation query batch -----------------------------------------------------------
