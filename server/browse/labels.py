"""An in-memory index of every label in the store, for search and for sorting class pages.

Scanning labels with SPARQL string functions costs about a second at 100k triples; the index is
one query, then plain Python string matching (milliseconds). The view keeps one index per app
(server.store.cache): after a write whose change is known (server.store.delta) only the subjects
whose labels changed are read again (``refresh``); after any other write it is rebuilt.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import accumulate, repeat
from operator import add
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


def normalise(text: str) -> str:
    return " ".join(text.lower().replace("ё", "е").split())


Row = tuple[str, str, ox.Literal]  # (IRI, label text, label)


@dataclass
class LabelIndex:
    """Every searchable label, and the display labels by IRI. Kept in place across writes:
    ``refresh`` replaces the labels of some IRIs (the entries they had are left as dead slots,
    skipped by ``matches``, and the new ones appended), so a request reading it meanwhile sees
    either state of an IRI, never a broken index."""

    #: (normalised text, original text, IRI) of every searchable label; see ``live``
    entries: list[tuple[str, str, str]] = field(default_factory=list)
    #: display labels (rdfs:label, skos:prefLabel) by IRI: [(text, lang)]
    display: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

    #: the positions in ``entries`` of each IRI's labels, and the positions no longer in use
    _where: dict[str, list[int]] = field(default_factory=dict, repr=False)
    _dead: set[int] = field(default_factory=set, repr=False)
    #: the normalised labels to search, the entries and dead slots they index, and the labels
    #: found by the last searches (one tuple, replaced whole: a reader takes one consistent copy);
    #: see ``_Shard`` and ``find``
    _haystack: tuple[tuple[_Shard, ...], list[tuple[str, str, str]], set[int], dict[tuple[str, ...], set[int]]] = field(
        default_factory=lambda: ((), [], set(), {}), repr=False
    )
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _found_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def live(self) -> list[tuple[str, str, str]]:
        """The entries in use."""
        dead = self._dead
        return [e for k, e in enumerate(self.entries) if k not in dead]

    def _add(self, rows_by_pred: Iterable[tuple[str, list[Row]]]) -> list[int]:
        """Append the entries and display labels of ``rows_by_pred``; the new positions."""
        seen: set[tuple[str, str]] = set()
        added: list[int] = []
        display: dict[str, list[tuple[str, str]]] = {}
        for pred, rows in rows_by_pred:
            for iri, _, lit in sorted(rows, key=lambda r: r[:2]):
                if (iri, lit.value) not in seen:
                    seen.add((iri, lit.value))
                    self._where.setdefault(iri, []).append(len(self.entries))
                    added.append(len(self.entries))
                    self.entries.append((normalise(lit.value), lit.value, iri))
                if pred in (RDFS_LABEL, SKOS_PREF):
                    display.setdefault(iri, []).append((lit.value, lit.language or ""))
        for iri, labels in display.items():
            self.display[iri] = sorted(set(labels))  # a label in several graphs shows once
        return added

    def _extend_haystack(self, positions: list[int], *, fresh: bool = False) -> None:
        shards = (_Shard(), _Shard()) if fresh or not self._haystack[0] else self._haystack[0]
        plain = [k for k in positions if self.entries[k][0].isascii()]
        wide = [k for k in positions if not self.entries[k][0].isascii()]
        shards = tuple(shard.extended(new, self.entries) for shard, new in zip(shards, (plain, wide), strict=True))
        # the labels found by the last searches, with those of the new labels that contain their text
        found = {} if fresh else dict(self._haystack[3])
        for qs, old in found.items():
            found[qs] = old.union(k for k in positions if any(q in self.entries[k][0] for q in qs))
        self._haystack = (shards, self.entries, self._dead, found)  # readers see old or new

    def _compact(self) -> None:
        """Drop the dead slots (no store read)."""
        entries = self.live()
        where: dict[str, list[int]] = {}
        for k, (_, _, iri) in enumerate(entries):
            where.setdefault(iri, []).append(k)
        self.entries, self._dead, self._where = entries, set(), where
        self._extend_haystack(list(range(len(entries))), fresh=True)

    def refresh(self, store: Store, iris: set[str]) -> None:
        """Read the labels of ``iris`` from the store again (after a write that changed them)."""
        rows = _rows(store, iris)
        with self._lock:
            for iri in iris:
                self._dead.update(self._where.pop(iri, ()))
            self._extend_haystack(self._add(rows))
            shown = {iri for pred, found in rows if pred in (RDFS_LABEL, SKOS_PREF) for iri, _, _ in found}
            for iri in iris - shown:
                self.display.pop(iri, None)
            if len(self._dead) > 1000 and len(self._dead) > len(self.entries) // 4:
                self._compact()

    def find(self, variants: list[str]) -> tuple[set[int], list[tuple[str, str, str]]]:
        """The positions of the live labels containing any of the variants, and the entries they
        index (the copy they were found in). The last searches' are kept (and brought up to date
        by ``refresh``), so that the next page of a search, or the same search again, after a
        write or not, does not scan the labels again."""
        shards, entries, dead, kept = self._haystack
        qs = tuple(q for q in dict.fromkeys(variants) if q and "\n" not in q)
        found = kept.get(qs)
        if found is None:
            found = set()
            for q in qs:
                for shard in shards:
                    found.update(shard.find(q))
            if len(found) <= FOUND_KEPT_MAX:
                with self._found_lock:
                    kept[qs] = found
                    while len(kept) > FOUND_KEPT:
                        del kept[next(iter(kept))]
        return found - dead, entries

    def matches(self, variants: list[str]) -> list[tuple[str, str]]:
        """(IRI, original label) of the labels containing any of the variants, in index order."""
        found, entries = self.find(variants)
        return [(entries[k][2], entries[k][1]) for k in sorted(found)]


@dataclass(frozen=True)
class _Shard:
    """Some normalised labels, each followed by a newline (no label contains one), and the entry
    each is by where its newline is: ``str.split`` finds every occurrence of a text in C, the
    lengths of the pieces say where, and a ``str.find`` of the next newline which label, instead
    of a Python step per label. The labels are kept in two shards, ASCII and the rest: CPython
    stores an ASCII string in one byte a character and searches it about three times faster, and
    a Cyrillic text is not looked for in it at all."""

    text: str = ""
    entry_at: dict[int, int] = field(default_factory=dict)  # the position of a newline -> its entry

    def extended(self, positions: list[int], entries: list[tuple[str, str, str]]) -> _Shard:
        if not positions:
            return self
        entry_at, pos = dict(self.entry_at), len(self.text)
        for k in positions:
            pos += len(entries[k][0])
            entry_at[pos] = k
            pos += 1
        return _Shard(self.text + "".join(entries[k][0] + "\n" for k in positions), entry_at)

    def find(self, q: str) -> Iterator[int]:
        """The entries containing ``q`` (a label containing it twice, twice)."""
        pieces = self.text.split(q)
        pieces.pop()  # after the last occurrence
        # occurrence i starts after pieces 0..i and i copies of q
        starts = map(add, accumulate(map(len, pieces)), range(0, len(q) * len(pieces), len(q)))
        return map(self.entry_at.__getitem__, map(self.text.find, repeat("\n"), starts))


def _rows(store: Store, iris: set[str] | None) -> list[tuple[str, list[Row]]]:
    """The label rows of every IRI (None) or of ``iris``, by predicate."""
    out = []
    values = None if iris is None else " ".join(str(ox.NamedNode(iri)) for iri in sorted(iris))
    for pred in PREDICATES:
        if values == "":
            break
        query = LABELS if values is None else LABELS_OF % values
        rows = [
            (sol["x"].value, sol["l"].value, sol["l"])
            for sol in store.select(query, substitutions={"p": ox.NamedNode(pred)})
            if isinstance(sol["x"], ox.NamedNode) and isinstance(sol["l"], ox.Literal)
        ]
        out.append((pred, rows))
    return out


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
