"""The search over the label index (server/browse/labels.py, search.py) ranks only what the page
shows and keeps the labels found by the last searches: its answers must be those of the plain
way (every live label tested, every IRI ranked, everything sorted), over a generated store with
several ranks, equal lengths, Cyrillic and Latin, case and ё/е, several labels per IRI and
low-priority types, for every page, and still after writes (new labels, replaced labels, removed
labels, a compaction)."""

from __future__ import annotations

import random

import pyoxigraph as ox
import pytest

from server.browse import labels, search
from server.browse.terms import Linker, Vocab
from server.core.namespaces import PKG
from server.store import EmbeddedStore

BASE = "http://example.org/"
LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
ALT = ox.NamedNode("http://www.w3.org/2004/02/skos/core#altLabel")
NAME = ox.NamedNode("http://xmlns.com/foaf/0.1/name")
TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
TYPES = [PKG + "Statement", PKG + "Person", PKG + "Organisation", PKG + "Participation", None]
WORDS = ["Про", "про", "Proposal", "proposals", "ёлка", "елка", "Козлов", "kozlov", "АКИТ", "akit", "Совет", "co"]
QUERIES = ["утв", "про", "Proposal", "ёлк", "елка", "kozlov", "Козлов", "co", "о", "a", "akit", "1", "ПРО 1", "zzz"]
LIMIT = 5  # the page; the search looks up the types of the first offset + LIMIT + 50


def _label(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(1, 3))
    if rng.random() < 0.5:
        words.append(str(rng.randint(1, 20)))  # many labels of equal length
    return " ".join(words)


def _statements(rng: random.Random, n: int, *, start: int = 0) -> list[ox.Quad]:
    out = []
    for i in range(start, start + n):
        s = ox.NamedNode(f"{BASE}x{i}")
        for p in rng.sample([LABEL, LABEL, ALT, NAME], k=rng.randint(1, 3)):
            out.append(ox.Quad(s, p, ox.Literal(_label(rng), language=rng.choice(["ru", "en"]))))
        if (t := rng.choice(TYPES)) is not None:
            out.append(ox.Quad(s, TYPE, ox.NamedNode(t)))
    return out


def _statements_alike(rng: random.Random, n: int) -> list[ox.Quad]:
    """Statements (low priority) whose labels rank alike (same rank, same length), in an order
    other than the index's: which of them the page shows is decided by their labels."""
    out = []
    for i in range(n):
        s = ox.NamedNode(f"{BASE}s{i}")
        out.append(ox.Quad(s, LABEL, ox.Literal(f"Утв {rng.randint(100, 999)}", language="ru")))
        out.append(ox.Quad(s, TYPE, ox.NamedNode(PKG + "Statement")))
    return out


def _types(store: EmbeddedStore, iri: str) -> set[str]:
    return {s["t"].value for s in store.select(f"SELECT ?t WHERE {{ {ox.NamedNode(iri)} a ?t }}")}


def _write(store: EmbeddedStore, keyword: str, quads: list[ox.Quad]) -> None:
    if quads:
        store.update(f"{keyword} DATA {{ {' '.join(f'{q.subject} {q.predicate} {q.object} .' for q in quads)} }}")


def _label_statements(store: EmbeddedStore, iri: str) -> list[ox.Quad]:
    query = f"SELECT ?p ?l WHERE {{ {ox.NamedNode(iri)} ?p ?l FILTER(?p IN ({LABEL}, {ALT}, {NAME})) }}"
    return [ox.Quad(ox.NamedNode(iri), s["p"], s["l"]) for s in store.select(query)]


def plain_search(store: EmbeddedStore, index: labels.LabelIndex, q: str, offset: int) -> tuple[int, list[tuple]]:
    """Every live label tested, in index order; the best label of each IRI; the types of the
    first offset + LIMIT + 50 by (rank, length) order equal ranks; everything sorted."""
    qs = search.variants(q)
    hits: dict[str, tuple[int, int, str]] = {}
    for label, iri in index.live():
        if any(v and v in labels.normalise(label) for v in qs):
            found = (search.rank(label, qs), len(label), label)
            hits[iri] = min(hits.get(iri, found), found)
    looked_up = sorted(hits, key=lambda iri: hits[iri][:2])[: offset + LIMIT + 50]
    low = {iri: bool(_types(store, iri) & search.LOW_PRIORITY) for iri in looked_up}
    ordered = sorted(hits, key=lambda iri: (hits[iri][0], low.get(iri, True), hits[iri][1], hits[iri][2], iri))
    return len(hits), [(iri, hits[iri][2], search.RANK_NAMES[hits[iri][0]]) for iri in ordered[offset:][:LIMIT]]


def indexed_search(store: EmbeddedStore, index: labels.LabelIndex, q: str, offset: int) -> tuple[int, list[tuple]]:
    vocab = Vocab()
    found = search.search(
        store, q, index=index, linker=Linker(BASE), vocab=vocab, lang="en", limit=LIMIT, offset=offset
    )
    return found["total"], [(r["value"], r["matched"], r["rank"]) for r in found["results"]]


def assert_same(store: EmbeddedStore, index: labels.LabelIndex, queries: list[str] = QUERIES) -> None:
    for q in queries:
        total = None
        for offset in (0, 5, 50, 100, 400):
            got = indexed_search(store, index, q, offset)
            assert got == plain_search(store, index, q, offset), (q, offset)
            total = got[0]
        assert q == "zzz" or total, q
        qs = search.variants(q)
        assert index.matches(qs) == [
            (iri, label) for label, iri in index.live() if any(v in labels.normalise(label) for v in qs)
        ]


@pytest.fixture
def generated():
    rng = random.Random(7)
    store = EmbeddedStore()
    _write(store, "INSERT", _statements(rng, 600) + _statements_alike(rng, 200))
    return rng, store, labels.build(store)


def test_search_equals_the_plain_way(generated):
    _, store, index = generated
    assert indexed_search(store, index, "Про", 0)[0] > LIMIT + 100  # the page and its look-ups are a part
    assert_same(store, index)


def test_search_equals_the_plain_way_after_writes(generated):
    rng, store, index = generated
    queries = QUERIES[: labels.FOUND_KEPT]
    assert_same(store, index, queries)  # the labels found by these searches kept, then brought up to date
    for round_ in range(4):
        changed = {f"{BASE}x{i}" for i in rng.sample(range(600), 40)}
        for iri in changed:
            _write(store, "DELETE", [q for q in _label_statements(store, iri) if rng.random() < 0.7])
        new = _statements(rng, 30, start=1000 + 30 * round_)
        _write(store, "INSERT", new + _statements(rng, 10, start=0))  # new IRIs, and new labels of old ones
        changed |= {q.subject.value for q in new} | {f"{BASE}x{i}" for i in range(10)}
        index.refresh(store, changed)
        assert sorted(index.live()) == sorted(labels.build(store).live())
        assert len(index._haystack[3]) == len(queries)
        assert_same(store, index, queries)
    index._compact()
    assert_same(store, index)


def test_kept_searches_are_bounded(generated):
    index = generated[2]
    for i in range(labels.FOUND_KEPT + 5):
        index.find([f"x{i}", "про"])
    assert len(index._haystack[3]) == labels.FOUND_KEPT


def test_matches_for_reconcile_after_a_write(generated):
    """/reconcile's suggest ranks ``matches`` (IRI, label in index order): a new label comes last."""
    _, store, index = generated
    qs = search.variants("kozlov")
    before = index.matches(qs)
    _write(store, "INSERT", [ox.Quad(ox.NamedNode(BASE + "new"), LABEL, ox.Literal("Kozlova"))])
    index.refresh(store, {BASE + "new"})
    assert index.matches(qs) == [*before, (BASE + "new", "Kozlova")]


@pytest.mark.parametrize("count_over", [1, 10**9])
def test_both_ways_of_placing_a_text_agree(generated, monkeypatch, count_over):
    """A text found often is placed in its labels by counting newlines, a rare one by binary
    searches (``labels.COUNT_OVER``): each way alone gives the same pages."""
    _, store, index = generated
    monkeypatch.setattr(labels, "FOUND_KEPT_MAX", -1)  # every search looks through the labels
    monkeypatch.setattr(labels, "COUNT_OVER", count_over)
    assert_same(store, index)
