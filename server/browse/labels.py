"""An in-memory index of every label in the store, for search and for sorting class pages.

Scanning labels with SPARQL string functions costs about a second at 100k triples; the index is
one query, then plain Python string matching (milliseconds). The view keeps one index per app
and rebuilds it when the store is written (``generation``) or after a TTL (writes made by other
processes), so search may lag a write by at most that TTL.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox

from .terms import RDFS_LABEL, SKOS_PREF

PREDICATES = (
    RDFS_LABEL,
    SKOS_PREF,
    "http://www.w3.org/2004/02/skos/core#altLabel",
    "http://xmlns.com/foaf/0.1/name",
    "http://xmlns.com/foaf/0.1/familyName",
)
LABELS = "SELECT ?p ?x ?l WHERE { ?x ?p ?l }"  # ?p bound: one index scan per predicate


def normalise(text: str) -> str:
    return " ".join(text.lower().replace("ё", "е").split())


@dataclass
class LabelIndex:
    #: (normalised text, original text, IRI) of every searchable label
    entries: list[tuple[str, str, str]] = field(default_factory=list)
    #: display labels (rdfs:label, skos:prefLabel) by IRI: [(text, lang)]
    display: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

    def matches(self, variants: list[str]) -> list[tuple[str, str]]:
        """(IRI, original label) of the labels containing any of the variants."""
        qs = [q for q in dict.fromkeys(variants) if q]
        return [(iri, orig) for norm, orig, iri in self.entries if any(q in norm for q in qs)]


def build(store: Any) -> LabelIndex:
    index = LabelIndex()
    seen: set[tuple[str, str]] = set()
    for pred in PREDICATES:
        display = pred in (RDFS_LABEL, SKOS_PREF)
        for sol in store.query(LABELS, substitutions={"p": ox.NamedNode(pred)}):
            x, lit = sol["x"], sol["l"]
            if not isinstance(x, ox.NamedNode) or not isinstance(lit, ox.Literal):
                continue
            iri = x.value
            if (iri, lit.value) not in seen:
                seen.add((iri, lit.value))
                index.entries.append((normalise(lit.value), lit.value, iri))
            if display:
                index.display.setdefault(iri, []).append((lit.value, lit.language or ""))
    for labels in index.display.values():
        labels.sort()
    return index
