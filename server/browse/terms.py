"""Terms as the pages show them: links, labels in the page language, prefixed names."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import quote, urlencode

import pyoxigraph as ox

from server.core.errors import NotFound
from server.core.namespaces import PKG, PREFIXES, inferred_graph
from server.core.types import JSONObject

if TYPE_CHECKING:
    from server.store.base import Store
    from server.store.delta import Delta

RDF_TYPE = PREFIXES["rdf"] + "type"
RDFS_LABEL = PREFIXES["rdfs"] + "label"
RDFS_COMMENT = PREFIXES["rdfs"] + "comment"
RDFS_SUBCLASS = PREFIXES["rdfs"] + "subClassOf"
SKOS_PREF = PREFIXES["skos"] + "prefLabel"
SKOS_ALT = PREFIXES["skos"] + "altLabel"
XSD_STRING = PREFIXES["xsd"] + "string"
RDF_LANGSTRING = PREFIXES["rdf"] + "langString"

# Labels of common external terms that the ontology does not label itself.
KNOWN_LABELS: dict[str, dict[str, str]] = {
    RDF_TYPE: {"ru": "тип", "en": "type"},
    RDFS_LABEL: {"ru": "название", "en": "label"},
    RDFS_COMMENT: {"ru": "комментарий", "en": "comment"},
    PREFIXES["rdfs"] + "subClassOf": {"ru": "подкласс", "en": "subclass of"},
    PREFIXES["rdfs"] + "subPropertyOf": {"ru": "подсвойство", "en": "subproperty of"},
    PREFIXES["rdfs"] + "domain": {"ru": "область определения", "en": "domain"},
    PREFIXES["rdfs"] + "range": {"ru": "область значений", "en": "range"},
    PREFIXES["owl"] + "inverseOf": {"ru": "обратное к", "en": "inverse of"},
    SKOS_PREF: {"ru": "основное название", "en": "preferred label"},
    SKOS_ALT: {"ru": "другое название", "en": "alternative label"},
    PREFIXES["skos"] + "editorialNote": {"ru": "примечание редакции", "en": "editorial note"},
    PREFIXES["skos"] + "inScheme": {"ru": "в схеме", "en": "in scheme"},
    PREFIXES["skos"] + "topConceptOf": {"ru": "верхнее понятие схемы", "en": "top concept of"},
    PREFIXES["skos"] + "hasTopConcept": {"ru": "верхнее понятие", "en": "has top concept"},
    PREFIXES["dcterms"] + "title": {"ru": "заголовок", "en": "title"},
    PREFIXES["dcterms"] + "date": {"ru": "дата", "en": "date"},
    PREFIXES["dcterms"] + "source": {"ru": "источник", "en": "source"},
    PREFIXES["dcterms"] + "subject": {"ru": "тема", "en": "subject"},
    PREFIXES["dcterms"] + "description": {"ru": "описание", "en": "description"},
    PREFIXES["dcterms"] + "created": {"ru": "создано", "en": "created"},
    PREFIXES["foaf"] + "name": {"ru": "имя", "en": "name"},
    PREFIXES["foaf"] + "givenName": {"ru": "имя", "en": "given name"},
    PREFIXES["foaf"] + "familyName": {"ru": "фамилия", "en": "family name"},
    PREFIXES["foaf"] + "page": {"ru": "страница", "en": "page"},
    PREFIXES["foaf"] + "primaryTopic": {"ru": "основная тема", "en": "primary topic"},
    PREFIXES["org"] + "holds": {"ru": "занимает должность", "en": "holds"},
    PREFIXES["org"] + "heldBy": {"ru": "занята", "en": "held by"},
    PREFIXES["org"] + "memberOf": {"ru": "член", "en": "member of"},
    PREFIXES["org"] + "hasMember": {"ru": "члены", "en": "has member"},
    PREFIXES["org"] + "postIn": {"ru": "должность в", "en": "post in"},
    PREFIXES["org"] + "hasPost": {"ru": "должности", "en": "has post"},
    PREFIXES["org"] + "subOrganizationOf": {"ru": "входит в", "en": "sub-organization of"},
    PREFIXES["org"] + "hasSubOrganization": {"ru": "включает", "en": "has sub-organization"},
    PREFIXES["org"] + "member": {"ru": "член", "en": "member"},
    PREFIXES["org"] + "organization": {"ru": "организация", "en": "organization"},
    PREFIXES["org"] + "role": {"ru": "роль", "en": "role"},
    PREFIXES["oa"] + "hasSelector": {"ru": "фрагмент", "en": "selector"},
    PREFIXES["oa"] + "exact": {"ru": "точный текст", "en": "exact text"},
    PREFIXES["oa"] + "start": {"ru": "начало", "en": "start"},
    PREFIXES["oa"] + "end": {"ru": "конец", "en": "end"},
    PREFIXES["prov"] + "wasAttributedTo": {"ru": "принадлежит", "en": "attributed to"},
    PREFIXES["prov"] + "wasDerivedFrom": {"ru": "получено из", "en": "derived from"},
    PREFIXES["prov"] + "wasAssociatedWith": {"ru": "связано с", "en": "associated with"},
}


@dataclass(frozen=True)
class Linker:
    """Maps IRIs to the browser's URLs. ``root`` is the app's script root (behind a proxy)."""

    base_iri: str
    root: str = ""

    def local(self, iri: str) -> str | None:
        """The part after the base IRI, when the IRI is one of ours and fits in a path."""
        if iri.startswith(self.base_iri):
            rest = iri[len(self.base_iri) :]
            if rest and "?" not in rest and "#" not in rest and not rest.startswith("/"):
                return rest
        return None

    def page(self, iri: str) -> str:
        rest = self.local(iri)
        if rest is not None:
            return f"{self.root}/page/{quote(rest, safe='/')}"
        return f"{self.root}/page?{urlencode({'iri': iri})}"

    def data(self, iri: str, fmt: str = "ttl") -> str:
        rest = self.local(iri)
        if rest is not None:
            return f"{self.root}/data/{quote(rest, safe='/')}.{fmt}"
        return f"{self.root}/data?{urlencode({'iri': iri, 'format': fmt})}"

    def json(self, iri: str) -> str:
        rest = self.local(iri)
        if rest is not None:
            return f"{self.root}/page/{quote(rest, safe='/')}.json"
        return f"{self.root}/page.json?{urlencode({'iri': iri})}"

    def cls(self, iri: str, **params: str | int) -> str:
        return f"{self.root}/class?{urlencode({'iri': iri, **params})}"

    def query(self, sparql: str) -> str:
        return f"{self.root}/query?{urlencode({'query': sparql})}"


def pick(labels: Iterable[tuple[str, str]], lang: str) -> str | None:
    """Best label for ``lang``: that language, then the other UI language, untagged, any."""
    labels = list(labels)
    if not labels:
        return None
    order = [lang, "en" if lang == "ru" else "ru", ""]
    for want in order:
        found = sorted(v for v, lg in labels if (lg or "").split("-")[0].lower() == want)
        if found:
            return found[0]
    return min(v for v, _ in labels)


def qname(iri: str) -> str:
    """``pkg:Person`` for IRIs in a known namespace, else the IRI."""
    best = None
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and len(iri) > len(ns) and (best is None or len(ns) > len(PREFIXES[best])):
            best = prefix
    return f"{best}:{iri[len(PREFIXES[best]) :]}" if best else iri


def short_iri_label(iri: str) -> str:
    """A fallback label: the prefixed name, or the IRI's last path segment."""
    q = qname(iri)
    if q != iri:
        return q
    tail = iri.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]
    return tail or iri


@dataclass
class Vocab:
    """Labels of the vocabulary (classes, properties, concepts) and the class hierarchy."""

    labels: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    superclasses: dict[str, set[str]] = field(default_factory=dict)

    def label(self, iri: str, lang: str) -> str:
        found = pick(self.labels.get(iri, []), lang)
        if found:
            return found
        known = KNOWN_LABELS.get(iri)
        if known:
            return known[lang]
        return short_iri_label(iri)

    def most_specific(self, classes: Iterable[str]) -> list[str]:
        """Drop classes that are superclasses of another listed class; ontology classes first."""
        classes = set(classes)
        out = [c for c in classes if not any(c in self.superclasses.get(o, set()) for o in classes if o != c)]
        return sorted(out, key=lambda c: (not c.startswith(PKG), c))


VOCAB_QUERY = """
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
SELECT ?t ?l ?sup WHERE {
  VALUES ?k { owl:Class rdfs:Class owl:ObjectProperty owl:DatatypeProperty owl:AnnotationProperty
              rdf:Property skos:Concept skos:ConceptScheme owl:Ontology }
  ?t a ?k .
  { ?t rdfs:label ?l } UNION { ?t rdfs:subClassOf ?sup FILTER(isIRI(?sup)) }
}"""


VOCAB_KINDS = tuple(
    PREFIXES[p] + local
    for p, local in (
        ("owl", "Class"),
        ("rdfs", "Class"),
        ("owl", "ObjectProperty"),
        ("owl", "DatatypeProperty"),
        ("owl", "AnnotationProperty"),
        ("rdf", "Property"),
        ("skos", "Concept"),
        ("skos", "ConceptScheme"),
        ("owl", "Ontology"),
    )
)
IS_VOCAB = "ASK { VALUES ?k { " + " ".join(f"<{k}>" for k in VOCAB_KINDS) + " } ?t a ?k }"
VOCAB_CHECKS = 50  # labelled subjects looked up after a write; beyond, the vocabulary is read again


def update_vocab(store: Store, vocab: Vocab, deltas: list[Delta]) -> Vocab | None:
    """``vocab`` when the writes ``deltas`` changed none of its terms (types, labels, superclasses),
    else None (read it again)."""
    asked: set[str] = set()
    for d in deltas:
        for t in (*d.shown, *d.hidden):
            p = t.predicate.value
            if p == RDF_TYPE and isinstance(t.object, ox.NamedNode) and t.object.value in VOCAB_KINDS:
                return None
            if p not in (RDFS_LABEL, RDFS_SUBCLASS) or not isinstance(t.subject, ox.NamedNode):
                continue
            iri = t.subject.value
            if iri in vocab.labels or iri in vocab.superclasses:
                return None
            if iri not in asked:
                asked.add(iri)
                if len(asked) > VOCAB_CHECKS or store.ask(IS_VOCAB, substitutions={"t": t.subject}):
                    return None
    return vocab


def load_vocab(store: Store) -> Vocab:
    vocab = Vocab()
    for sol in store.select(VOCAB_QUERY):
        t, label = sol["t"], sol["l"]
        if not isinstance(t, ox.NamedNode):
            continue
        if isinstance(label, ox.Literal):  # an IRI as a label (bad data) is not one
            vocab.labels.setdefault(t.value, []).append((label.value, label.language or ""))
        if sol["sup"] is not None:
            vocab.superclasses.setdefault(t.value, set()).add(sol["sup"].value)
    for labels in vocab.labels.values():
        labels[:] = sorted(set(labels))
    return vocab


@dataclass
class Provenance:
    """Which graphs a statement is in (drafts are never among them: they are not published)."""

    base_iri: str
    graphs: set[str] = field(default_factory=set)

    @property
    def inferred(self) -> bool:
        """In the inferred graph only, asserted nowhere."""
        return self.graphs == {inferred_graph(self.base_iri)}


def literal_dict(lit: ox.Literal, vocab: Vocab, lang: str) -> JSONObject:
    dt = lit.datatype.value if lit.datatype is not None else XSD_STRING
    shown_dt = None if dt in (XSD_STRING, RDF_LANGSTRING) else qname(dt)
    return {
        "kind": "literal",
        "value": lit.value,
        "lang": lit.language or None,
        "datatype": shown_dt,
        "datatype_iri": None if shown_dt is None else dt,
    }


def iri_dict(
    iri: str,
    labels: Iterable[tuple[str, str]],
    linker: Linker,
    vocab: Vocab,
    lang: str,
) -> JSONObject:
    label = pick(labels, lang) or vocab.label(iri, lang)
    return {"kind": "iri", "value": iri, "label": label, "href": linker.page(iri)}


def label_pairs(values: Iterable[ox.Literal | None]) -> list[tuple[str, str]]:
    return sorted({(v.value, v.language or "") for v in values if isinstance(v, ox.Literal)})


# -- shared by the page builders -------------------------------------------------------

PFX = "\n".join(f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items()) + "\n"

# the default graph, or a named graph for what is only in a graph apart from it (the history's
# activities: Store.apart_graphs)
EXISTS = "ASK { { ?s ?p ?o } UNION { ?o ?p ?s } UNION { ?x ?s ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"


def node(iri: str) -> ox.NamedNode:
    try:
        return ox.NamedNode(iri)
    except ValueError:
        raise NotFound(f"Not a valid IRI: {iri!r}") from None


def exists(store: Store, iri: str) -> bool:
    return store.ask(EXISTS, substitutions={"s": node(iri)})


def closure_query(depth: int, graphs: bool) -> str:
    """SELECT ?p0 ?o0 [?g0] … ?pN ?oN [?gN]: the statements of ``?s`` and, nested ``depth`` levels
    deep, those of the blank nodes they point to, in one query (with ``graphs``, the graph of each).
    Blank nodes are reached by joining, never by sending a blank node back to the store: a remote
    store's blank-node labels are valid within one answer only."""

    def pattern(i: int, subject: str) -> str:
        triple = f"{subject} ?p{i} ?o{i}"
        return f"GRAPH ?g{i} {{ {triple} }}" if graphs else triple

    inner = ""
    for i in range(depth, 0, -1):
        inner = f" OPTIONAL {{ {pattern(i, f'?o{i - 1}')} FILTER(isBlank(?o{i - 1})){inner} }}"
    return f"SELECT * WHERE {{ {pattern(0, '?s')}{inner} }}"


Level = tuple[ox.NamedNode, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple, ox.NamedNode | None]


def closure_rows(store: Store, subject: ox.NamedNode, depth: int, *, graphs: bool) -> list[list[Level]]:
    """Each answer of ``closure_query`` as its levels: [(predicate, object, graph or None), …]."""
    rows = []
    for sol in store.select(closure_query(depth, graphs), substitutions={"s": subject}):
        levels: list[Level] = []
        for i in range(depth + 1):
            p, o = sol[f"p{i}"], sol[f"o{i}"]
            if not isinstance(p, ox.NamedNode) or o is None:
                break
            g = sol[f"g{i}"] if graphs else None
            levels.append((p, o, g if isinstance(g, ox.NamedNode) else None))
        rows.append(levels)
    return rows
