"""The label index (server.browse.labels) in its compact form: each label's normalised text is kept
once, in the searched text, and given back by ``hits``; after a refresh the index finds what a
rebuild finds."""

from __future__ import annotations

import pyoxigraph as ox

from server.browse import labels
from server.store import EmbeddedStore

LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
NAME = "http://xmlns.com/foaf/0.1/name"
G = ox.NamedNode("http://example.org/g")


def quad(s: str, p: str, text: str, lang: str | None = None) -> ox.Quad:
    return ox.Quad(ox.NamedNode("http://example.org/" + s), ox.NamedNode(p), ox.Literal(text, language=lang), G)


def test_hits_give_each_label_with_its_normalised_text_and_refresh_equals_a_rebuild():
    store = EmbeddedStore(None)
    with store.writer() as rw:
        rw.extend(
            [
                quad("a", LABEL, "Денис  Мантуров", "ru"),
                quad("a", LABEL, "Denis Manturov", "en"),
                quad("b", NAME, "Алексей Ёлкин"),
                quad("c", LABEL, "Минпромторг", "ru"),
            ]
        )
    index = labels.build(store)
    assert sorted(index.hits(["мантуров", "елкин"])) == [
        ("http://example.org/a", "Денис  Мантуров", "денис мантуров"),
        ("http://example.org/b", "Алексей Ёлкин", "алексей елкин"),
    ]
    assert index.display["http://example.org/a"] == [("Denis Manturov", "en"), ("Денис  Мантуров", "ru")]
    assert "http://example.org/b" not in index.display  # foaf:name is searched, not displayed

    with store.writer() as rw:
        rw.remove(quad("c", LABEL, "Минпромторг", "ru"))
        rw.add(quad("c", LABEL, "Министерство промышленности", "ru"))
    index.refresh(store, {"http://example.org/c"})
    fresh = labels.build(store)
    assert sorted(index.live()) == sorted(fresh.live()) and index.display == fresh.display
    assert index.matches(["минпромторг"]) == []
    assert index.hits(["министерство"]) == [
        ("http://example.org/c", "Министерство промышленности", "министерство промышленности")
    ]
