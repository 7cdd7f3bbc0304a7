"""An in-memory index of every label in the store, for search and for sorting class pages.

Scanning labels with SPARQL string functions costs about a second at 100k triples; the index is
one query, then plain Python string matching (milliseconds). The view keeps one index per app
and rebuilds it when the store is written (``generation``) or after a TTL (writes made by other
processes), so search may lag a write by at most that TTL.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pyoxigraph as ox

from server.browse.terms import RDFS_LABEL, SKOS_PREF

if TYPE_CHECKING:
    from server.store.base import Store

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

    #: every normalised label joined by newlines (no label contains one), and where each starts:
    #: ``str.find`` over one string instead of a Python test per label (built on first use)
    _haystack: tuple[int, str, list[int]] | None = field(default=None, repr=False)

    def _hay(self) -> tuple[str, list[int]]:
        hay = self._haystack
        if hay is None or hay[0] != len(self.entries):
            starts, pos = [], 0
            for norm, _, _ in self.entries:
                starts.append(pos)
                pos += len(norm) + 1
            hay = self._haystack = (len(self.entries), "\n".join(e[0] for e in self.entries) + "\n", starts)
        return hay[1], hay[2]

    def matches(self, variants: list[str]) -> list[tuple[str, str]]:
        """(IRI, original label) of the labels containing any of the variants, in index order."""
        qs = [q for q in dict.fromkeys(variants) if q and "\n" not in q]
        text, starts = self._hay()
        found: set[int] = set()
        for q in qs:
            i = text.find(q)
            while i != -1:
                k = bisect_right(starts, i) - 1
                found.add(k)
                end = starts[k + 1] if k + 1 < len(starts) else len(text)
                i = text.find(q, end)
        entries = self.entries
        return [(entries[k][2], entries[k][1]) for k in sorted(found)]


def build(store: Store) -> LabelIndex:
    index = LabelIndex()
    seen: set[tuple[str, str]] = set()
    for pred in PREDICATES:
        display = pred in (RDFS_LABEL, SKOS_PREF)
        rows = [
            (sol["x"].value, sol["l"].value, sol["l"])
            for sol in store.select(LABELS, substitutions={"p": ox.NamedNode(pred)})
            if isinstance(sol["x"], ox.NamedNode) and isinstance(sol["l"], ox.Literal)
        ]
        for iri, _, lit in sorted(rows, key=lambda r: r[:2]):  # the same index whatever order the store answers in
            if (iri, lit.value) not in seen:
                seen.add((iri, lit.value))
                index.entries.append((normalise(lit.value), lit.value, iri))
            if display:
                index.display.setdefault(iri, []).append((lit.value, lit.language or ""))
    for labels in index.display.values():
        labels.sort()
    index.matches([])  # build the search string now (in the background refresh, not a request)
    return index
