"""An in-memory index of every label in the store, for search and for sorting class pages.

Scanning labels with SPARQL string functions costs about a second at 100k triples; the index is
one query, then plain Python string matching (milliseconds). The view keeps one index per app
(server.store.cache): after a write whose change is known (server.store.delta) only the subjects
whose labels changed are read again (``refresh``); after any other write it is rebuilt.
"""

from __future__ import annotations

import sys
import threading
from array import array
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pyoxigraph as ox

from server.browse.terms import RDFS_LABEL, SKOS_PREF

if TYPE_CHECKING:
    from server.store.base import Store
    from server.store.delta import Delta

PREDICATES = (
    RDFS_LABEL,
    SKOS_PREF,
    "http://www.w3.org/2004/02/skos/core#altLabel",
    "http://xmlns.com/foaf/0.1/name",
    "http://xmlns.com/foaf/0.1/familyName",
)
LABELS = "SELECT ?p ?x ?l WHERE { ?x ?p ?l }"  # ?p bound: one index scan per predicate
# the labels of some subjects, written as VALUES by pyoxigraph's term serialisation
LABELS_OF = "SELECT ?p ?x ?l WHERE { VALUES ?x { %s } ?x ?p ?l }"
REFRESH_MAX = 2_000  # subjects read again after a write; beyond, the index is rebuilt


def normalise(text: str) -> str:
    return " ".join(text.lower().replace("ё", "е").split())


Row = tuple[str, str, str]  # (IRI, label text, language or '')


@dataclass
class LabelIndex:
    """Every searchable label, and the display labels by IRI. Kept in place across writes:
    ``refresh`` replaces the labels of some IRIs (the entries they had are left as dead slots,
    skipped by ``matches``, and the new ones appended), so a request reading it meanwhile sees
    either state of an IRI, never a broken index."""

    #: (original text, IRI) of every searchable label (its normalised text is in ``_haystack``); see ``live``
    entries: list[tuple[str, str]] = field(default_factory=list)
    #: display labels (rdfs:label, skos:prefLabel) by IRI: [(text, lang)]
    display: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

    #: the positions in ``entries`` of each IRI's labels, and the positions no longer in use
    _where: dict[str, list[int]] = field(default_factory=dict, repr=False)
    _dead: set[int] = field(default_factory=set, repr=False)
    #: every normalised label joined by newlines (no label contains one), where each starts, and
    #: the entries and dead slots they index: ``str.find`` over one string instead of a Python
    #: test per label (one tuple, replaced whole: a reader takes one consistent copy). Kept
    #: compact (at 1M triples, 262k labels): the normalised texts only here, the starts as an
    #: array of machine integers, each label's text and language shared by ``entries`` and
    #: ``display``
    _haystack: tuple[str, array[int], list[tuple[str, str]], set[int]] = ("", array("q"), [], set())
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def live(self) -> list[tuple[str, str]]:
        """The entries in use."""
        dead = self._dead
        return [e for k, e in enumerate(self.entries) if k not in dead]

    def _add(self, rows_by_pred: Iterable[tuple[str, list[Row]]]) -> list[int]:
        """Append the entries and display labels of ``rows_by_pred``; the new positions."""
        seen: set[tuple[str, str]] = set()
        added: list[int] = []
        display: dict[str, list[tuple[str, str]]] = {}
        for pred, rows in rows_by_pred:
            for iri, value, lang in sorted(rows, key=lambda r: r[:2]):
                if (iri, value) not in seen:
                    seen.add((iri, value))
                    self._where.setdefault(iri, []).append(len(self.entries))
                    added.append(len(self.entries))
                    self.entries.append((value, iri))
                if pred in (RDFS_LABEL, SKOS_PREF):
                    display.setdefault(iri, []).append((value, lang))
        for iri, labels in display.items():
            self.display[iri] = sorted(set(labels))  # a label in several graphs shows once
        return added

    def _extend_haystack(self, positions: list[int], *, fresh: bool = False) -> None:
        text, starts = ("", array("q")) if fresh else self._haystack[:2]
        starts = array("q", starts)
        pos, parts = len(text), []
        for k in positions:
            starts.append(pos)
            norm = normalise(self.entries[k][0])
            parts.append(norm + "\n")
            pos += len(norm) + 1
        self._haystack = (text + "".join(parts), starts, self.entries, self._dead)  # readers see old or new

    def _compact(self) -> None:
        """Drop the dead slots (no store read)."""
        entries = self.live()
        where: dict[str, list[int]] = {}
        for k, (_, iri) in enumerate(entries):
            where.setdefault(iri, []).append(k)
        self.entries, self._dead, self._where = entries, set(), where
        self._extend_haystack(list(range(len(entries))), fresh=True)

    def refresh(self, store: Store, iris: set[str]) -> None:
        """Read the labels of ``iris`` from the store again (after a write that changed them)."""
        rows = list(_rows(store, iris))
        with self._lock:
            for iri in iris:
                self._dead.update(self._where.pop(iri, ()))
            self._extend_haystack(self._add(rows))
            shown = {iri for pred, found in rows if pred in (RDFS_LABEL, SKOS_PREF) for iri, _, _ in found}
            for iri in iris - shown:
                self.display.pop(iri, None)
            if len(self._dead) > 1000 and len(self._dead) > len(self.entries) // 4:
                self._compact()

    def matches(self, variants: list[str]) -> list[tuple[str, str]]:
        """(IRI, original label) of the labels containing any of the variants, in index order."""
        return [(iri, label) for iri, label, _ in self.hits(variants)]

    def hits(self, variants: list[str]) -> list[tuple[str, str, str]]:
        """(IRI, original label, normalised label) of the labels containing any of the variants, in index order."""
        qs = [q for q in dict.fromkeys(variants) if q and "\n" not in q]
        text, starts, entries, dead = self._haystack
        found: dict[int, int] = {}  # position -> where its normalised text ends
        for q in qs:
            i = text.find(q)
            while i != -1:
                k = bisect_right(starts, i) - 1
                end = starts[k + 1] if k + 1 < len(starts) else len(text)
                found[k] = end
                i = text.find(q, end)
        return [(entries[k][1], entries[k][0], text[starts[k] : found[k] - 1]) for k in sorted(found) if k not in dead]


def _rows(store: Store, iris: set[str] | None) -> Iterator[tuple[str, list[Row]]]:
    """The label rows of every IRI (None) or of ``iris``, by predicate, one predicate read at a time."""
    values = None if iris is None else " ".join(str(ox.NamedNode(iri)) for iri in sorted(iris))
    for pred in PREDICATES:
        if values == "":
            break
        query = LABELS if values is None else LABELS_OF % values
        rows = [
            (sol["x"].value, sol["l"].value, sys.intern(sol["l"].language or ""))  # one string per language
            for sol in store.select(query, substitutions={"p": ox.NamedNode(pred)})
            if isinstance(sol["x"], ox.NamedNode) and isinstance(sol["l"], ox.Literal)
        ]
        yield pred, rows


def build(store: Store) -> LabelIndex:
    index = LabelIndex()
    index._extend_haystack(index._add(_rows(store, None)))
    return index


def update(store: Store, index: LabelIndex, deltas: list[Delta]) -> LabelIndex | None:
    """``index`` brought up to date with ``deltas`` (the subjects whose labels changed read
    again), or None when too many changed (rebuild)."""
    iris = {
        t.subject.value
        for d in deltas
        for t in (*d.shown, *d.hidden)
        if t.predicate.value in PREDICATES and isinstance(t.subject, ox.NamedNode)
    }
    if len(iris) > REFRESH_MAX:
        return None
    if iris:
        index.refresh(store, iris)
    return index
