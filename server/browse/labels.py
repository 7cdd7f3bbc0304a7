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
from itertools import accumulate, chain, repeat
from operator import add, sub
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
FOUND_KEPT = 8  # searches whose labels found are kept (``LabelIndex.find``) ...
FOUND_KEPT_MAX = 20_000  # ... when they found at most this many
#: a text found at least once per this many characters of a shard is placed by counting newlines
#: (one pass over the shard), a rarer one by a binary search per occurrence (measured at 1M)
COUNT_OVER = 800


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
    #: the normalised labels to search, the entries and dead slots they index, and the labels
    #: found by the last searches (one tuple, replaced whole: a reader takes one consistent copy);
    #: see ``_Shard`` and ``find``. Kept compact (at 1M triples, 262k labels): the normalised
    #: texts only in the shards, their places as arrays of machine integers, each label's text and
    #: language shared by ``entries`` and ``display``
    _haystack: tuple[
        tuple[_Shard, ...], list[tuple[str, str]], set[int], dict[tuple[str, ...], tuple[set[int], ...]]
    ] = field(default_factory=lambda: ((), [], set(), {}), repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _found_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

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
        shards = (_Shard(), _Shard()) if fresh or not self._haystack[0] else self._haystack[0]
        # (entries, normalised texts) of the new labels of each shard: ASCII, the rest
        new: tuple[tuple[list[int], list[str]], ...] = (([], []), ([], []))
        for k in positions:
            norm = normalise(self.entries[k][0])
            keys, norms = new[not norm.isascii()]
            keys.append(k)
            norms.append(norm)
        extended = tuple(shard.extended(*added) for shard, added in zip(shards, new, strict=True))
        # the labels found by the last searches, with those of the new labels that contain their text
        found = {} if fresh else dict(self._haystack[3])
        for qs, old in found.items():
            found[qs] = tuple(
                slots.union(len(shard.keys) + i for i, norm in enumerate(added[1]) if any(q in norm for q in qs))
                for slots, shard, added in zip(old, shards, new, strict=True)
            )
        self._haystack = (extended, self.entries, self._dead, found)  # readers see old or new

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

    def find(self, variants: list[str]) -> tuple[dict[int, str], list[tuple[str, str]]]:
        """The positions of the live labels containing any of the variants, each with its
        normalised text, and the entries they index (the copy they were found in). The last
        searches' labels are kept (and brought up to date by ``refresh``), so that the next page of
        a search, or the same search again, after a write or not, does not scan the labels again."""
        shards, entries, dead, kept = self._haystack
        qs = tuple(q for q in dict.fromkeys(variants) if q and "\n" not in q)
        found = kept.get(qs)
        if found is None:
            found = tuple(set(chain.from_iterable(map(shard.find, qs))) for shard in shards)
            if sum(map(len, found)) <= FOUND_KEPT_MAX:
                with self._found_lock:
                    kept[qs] = found
                    while len(kept) > FOUND_KEPT:
                        del kept[next(iter(kept))]
        norms: dict[int, str] = {}
        for shard, slots in zip(shards, found, strict=True):
            norms.update(shard.labels(slots))
        for k in dead.intersection(norms):
            del norms[k]
        return norms, entries

    def hits(self, variants: list[str]) -> list[tuple[str, str, str]]:
        """(IRI, original label, normalised label) of the labels containing any of the variants, in index order."""
        found, entries = self.find(variants)
        return [(entries[k][1], entries[k][0], found[k]) for k in sorted(found)]

    def matches(self, variants: list[str]) -> list[tuple[str, str]]:
        """(IRI, original label) of the labels containing any of the variants, in index order."""
        return [(iri, label) for iri, label, _ in self.hits(variants)]


@dataclass(frozen=True)
class _Shard:
    """Some normalised labels, each followed by a newline (no label contains one), where each
    starts (and, last, where the text ends) and the entry each is: ``str.split`` finds every
    occurrence of a text in C, and the newlines in the pieces before it (or a binary search of the
    starts) say which label (its slot), instead of a Python step per label. The labels are kept in
    two shards, ASCII and the rest: CPython stores an ASCII string in one byte a character and
    searches it about three times faster, and a Cyrillic text is not looked for in it at all."""

    text: str = ""
    starts: array[int] = field(default_factory=lambda: array("q", [0]))  # slot -> where it starts; then the end
    keys: array[int] = field(default_factory=lambda: array("q"))  # slot -> its entry

    def extended(self, keys: list[int], norms: list[str]) -> _Shard:
        """With the labels ``norms`` (normalised texts) of the entries ``keys`` appended, in new slots."""
        if not keys:
            return self
        starts, pos = array("q", self.starts), self.starts[-1]
        for norm in norms:
            pos += len(norm) + 1
            starts.append(pos)
        return _Shard("".join((self.text, "\n".join(norms), "\n")), starts, self.keys + array("q", keys))

    def find(self, q: str) -> Iterator[int]:
        """The slots of the labels containing ``q`` (a label containing it twice, twice)."""
        pieces = self.text.split(q)
        pieces.pop()  # after the last occurrence
        if len(pieces) * COUNT_OVER > len(self.text):
            # many: occurrence i is in the slot numbered by the newlines before it, all in pieces 0..i
            return accumulate(map(str.count, pieces, repeat("\n")))
        # few: each placed by a binary search of the starts; occurrence i starts after pieces 0..i and i copies of q
        at = map(add, accumulate(map(len, pieces)), range(0, len(q) * len(pieces), len(q)))
        return map(sub, map(bisect_right, repeat(self.starts), at), repeat(1))

    def labels(self, slots: Iterable[int]) -> Iterator[tuple[int, str]]:
        """(entry, normalised text) of each slot."""
        slots = list(slots)
        ends = map(sub, map(self.starts.__getitem__, map(add, slots, repeat(1))), repeat(1))
        spans = map(slice, map(self.starts.__getitem__, slots), ends)
        return zip(map(self.keys.__getitem__, slots), map(self.text.__getitem__, spans), strict=True)


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
