"""After a write, the browser's label index, class counts and triple count are brought up to date
from the write's change (server/store/delta.py) instead of a rescan: after each kind of write
they must equal what a rebuild from the whole store gives, and the pages must answer as a fresh
app does."""

from __future__ import annotations

import datetime
from urllib.parse import urlencode

import pytest

from server.app.factory import create_app
from server.browse import labels
from server.browse.terms import load_vocab
from server.core.namespaces import DEFAULT_BASE, PKG, draft_graph
from server.graph.reason import reason
from server.graph.stats import class_counts
from server.store import EmbeddedStore
from server.store.delta import Delta
from server.views.context import services
from tests.conftest import TOKEN

BASE = DEFAULT_BASE
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
ALT = "http://www.w3.org/2004/02/skos/core#altLabel"
PKG_PERSON = PKG + "Person"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
PAGES = (
    "/index.json",
    "/classes.json",
    "/search.json?q=zubr",
    "/search.json?q=kozlov",
    "/search.json?q=Минпромторг",
    "/class.json?" + urlencode({"iri": PKG_PERSON}),
)


def cached(app, name):
    entry = services(app).caches[name]._entries[None]
    return entry[1]


def warm(client) -> None:
    for page in PAGES:
        assert client.get(page).status_code == 200


def assert_as_rebuilt(app, client, settings, store) -> None:
    """The cached values equal a rebuild, and every page answers as a fresh app's."""
    warm(client)
    index, fresh = cached(app, "label_index"), labels.build(store)
    assert sorted(index.live()) == sorted(fresh.live())
    assert index.display == fresh.display
    assert list(cached(app, "class_counts").items()) == list(class_counts(store).items())
    assert cached(app, "triple_count") == store.published_triple_count()
    assert cached(app, "vocab") == load_vocab(store)
    other = create_app(settings, store=store).test_client()
    for page in PAGES:
        assert client.get(page).get_json() == other.get(page).get_json(), page


def update(client, text: str) -> None:
    r = client.post("/sparql", data={"update": text}, headers=AUTH)
    assert r.status_code == 204, r.data


@pytest.fixture
def warm_app(app, client):
    warm(client)
    return app


def test_insert_and_delete_a_label(warm_app, client, settings, store):
    index = cached(warm_app, "label_index")
    update(client, f'INSERT DATA {{ GRAPH <{BASE}graph/t> {{ <{BASE}zubr> <{LABEL}> "Зубр Козлов"@ru }} }}')
    assert_as_rebuilt(warm_app, client, settings, store)
    assert cached(warm_app, "label_index") is index  # refreshed in place, not rebuilt
    hits = client.get("/search.json?q=zubr").get_json()["results"]
    assert [h["value"] for h in hits] == [f"{BASE}zubr"]
    update(client, f'DELETE DATA {{ GRAPH <{BASE}graph/t> {{ <{BASE}zubr> <{LABEL}> "Зубр Козлов"@ru }} }}')
    assert_as_rebuilt(warm_app, client, settings, store)
    assert cached(warm_app, "label_index") is index
    assert client.get("/search.json?q=zubr").get_json()["results"] == []


def test_same_label_in_two_graphs_and_an_alt_label(warm_app, client, settings, store):
    index = cached(warm_app, "label_index")
    for g in ("a", "b"):
        update(
            client, f'INSERT DATA {{ GRAPH <{BASE}graph/{g}> {{ <{BASE}zubr> <{LABEL}> "Zubr"@en ; <{ALT}> "Zubr" }} }}'
        )
        assert_as_rebuilt(warm_app, client, settings, store)
    update(client, f'DELETE DATA {{ GRAPH <{BASE}graph/a> {{ <{BASE}zubr> <{LABEL}> "Zubr"@en }} }}')
    assert_as_rebuilt(warm_app, client, settings, store)
    assert client.get("/search.json?q=zubr").get_json()["total"] == 1
    assert cached(warm_app, "label_index") is index  # every change applied, never a rebuild


def test_change_a_type(warm_app, client, settings, store):
    index = cached(warm_app, "label_index")
    update(client, f"INSERT DATA {{ GRAPH <{BASE}graph/t> {{ <{BASE}zubr> a <{PKG_PERSON}> }} }}")
    assert_as_rebuilt(warm_app, client, settings, store)
    counts = cached(warm_app, "class_counts")
    update(
        client,
        f"DELETE DATA {{ GRAPH <{BASE}graph/t> {{ <{BASE}zubr> a <{PKG_PERSON}> }} }} ;"
        f" INSERT DATA {{ GRAPH <{BASE}graph/t> {{ <{BASE}zubr> a <{BASE}NewClass> }} }}",
    )
    assert_as_rebuilt(warm_app, client, settings, store)
    after = cached(warm_app, "class_counts")
    assert after[PKG_PERSON] == counts[PKG_PERSON] - 1 and after[BASE + "NewClass"] == 1
    assert cached(warm_app, "label_index") is index  # every change applied, never a rebuild


def test_drop_a_graph_and_graph_store_writes(warm_app, client, settings, store):
    index = cached(warm_app, "label_index")
    g = f"{BASE}graph/gsp"
    body = f'<{BASE}zubr> a <{PKG_PERSON}> ; <{LABEL}> "Зубр"@ru .'.encode()
    headers = {**AUTH, "Content-Type": "text/turtle"}
    assert client.put(f"/store?graph={g}", data=body, headers=headers).status_code in (200, 201, 204)
    assert_as_rebuilt(warm_app, client, settings, store)
    more = f'<{BASE}bizon> <{LABEL}> "Бизон"@ru .'.encode()
    assert client.post(f"/store?graph={g}", data=more, headers=headers).status_code in (200, 201, 204)
    assert_as_rebuilt(warm_app, client, settings, store)
    update(client, f"DROP GRAPH <{g}>")
    assert_as_rebuilt(warm_app, client, settings, store)
    assert client.put(f"/store?graph={g}", data=body, headers=headers).status_code in (200, 201, 204)
    assert client.delete(f"/store?graph={g}", headers=AUTH).status_code in (200, 204)
    assert_as_rebuilt(warm_app, client, settings, store)
    assert cached(warm_app, "label_index") is index  # every change applied, never a rebuild


def test_accept_a_draft(warm_app, client, settings, store):
    """A draft is private (nothing shows), accepting moves it into a reviewed graph (all shows)."""
    index = cached(warm_app, "label_index")
    draft = draft_graph(settings.base_iri, "zubr")
    update(client, f'INSERT DATA {{ GRAPH <{draft}> {{ <{BASE}zubr> a <{PKG_PERSON}> ; <{LABEL}> "Зубр"@ru }} }}')
    assert_as_rebuilt(warm_app, client, settings, store)
    assert client.get("/search.json?q=zubr").get_json()["total"] == 0
    store.drop_graph(draft)  # rejected
    assert_as_rebuilt(warm_app, client, settings, store)
    update(client, f'INSERT DATA {{ GRAPH <{draft}> {{ <{BASE}zubr> a <{PKG_PERSON}> ; <{LABEL}> "Зубр"@ru }} }}')
    update(client, f"MOVE GRAPH <{draft}> TO GRAPH <{BASE}graph/reviewed-zubr>")
    assert_as_rebuilt(warm_app, client, settings, store)
    assert client.get("/search.json?q=zubr").get_json()["total"] == 1
    assert cached(warm_app, "label_index") is index  # every change applied, never a rebuild


def test_a_new_class_label_reaches_the_vocabulary(warm_app, client, settings, store):
    vocab = cached(warm_app, "vocab")
    update(client, f'INSERT DATA {{ GRAPH <{BASE}graph/t> {{ <{BASE}zubr> <{LABEL}> "Зубр"@ru }} }}')
    assert_as_rebuilt(warm_app, client, settings, store)
    assert cached(warm_app, "vocab") is vocab  # not a term of the vocabulary: kept
    owl_class = "http://www.w3.org/2002/07/owl#Class"
    update(client, f"INSERT DATA {{ GRAPH <{BASE}graph/t> {{ <{BASE}zubr> a <{owl_class}> }} }}")
    assert_as_rebuilt(warm_app, client, settings, store)
    assert cached(warm_app, "vocab").label(BASE + "zubr", "ru") == "Зубр"
    update(client, f'INSERT DATA {{ GRAPH <{BASE}graph/t> {{ <{BASE}zubr> <{LABEL}> "Bison"@en }} }}')
    assert_as_rebuilt(warm_app, client, settings, store)
    assert cached(warm_app, "vocab").label(BASE + "zubr", "en") == "Bison"


def test_unknown_change_rebuilds(warm_app, client, settings, store):
    index = cached(warm_app, "label_index")
    update(client, f'INSERT {{ GRAPH <{BASE}graph/t> {{ ?x <{LABEL}> "Зубр" }} }} WHERE {{ BIND(<{BASE}zubr> AS ?x) }}')
    assert_as_rebuilt(warm_app, client, settings, store)
    assert cached(warm_app, "label_index") is not index


def test_journal_on_disk_is_read_by_another_process(tmp_path):
    """Another process on the same folder (a second worker) reads the writer's change."""
    path = tmp_path / "store"
    writer = EmbeddedStore(path)
    start = writer.generation
    writer.update(f'INSERT DATA {{ GRAPH <{BASE}graph/t> {{ <{BASE}zubr> <{LABEL}> "Zubr" }} }}')
    reader = EmbeddedStore(path)  # nothing of the write in its memory
    (delta,) = reader.changes(start) or [None]
    assert isinstance(delta, Delta)
    assert [t.object.value for t in delta.shown] == ["Zubr"] and len(delta.added) == 1 and not delta.removed
    writer.update("INSERT { <urn:x> <urn:p> ?o } WHERE { BIND(1 AS ?o) }")  # a change not known
    assert EmbeddedStore(path).changes(start) is None
    assert EmbeddedStore(path).changes(writer.generation) == []


def test_ingest_and_accept_a_draft(warm_app, client, settings, store):
    """The real review path: an article ingested into a draft, then accepted."""
    from server.ingest import workflow
    from tests.conftest import ROOT

    text = (ROOT / "tests" / "fixtures" / "articles" / "article-2026-03-05.txt").read_text(encoding="utf-8")
    index = cached(warm_app, "label_index")
    workflow.ingest(store, settings, text, datetime.date(2026, 3, 5), name="udm")
    assert_as_rebuilt(warm_app, client, settings, store)
    workflow.accept(store, settings, "udm")
    assert_as_rebuilt(warm_app, client, settings, store)
    assert client.get("/search.json?q=Смирнова").get_json()["results"]
    reason(store, settings)  # the inferred graph replaced: only its difference is written and followed
    assert_as_rebuilt(warm_app, client, settings, store)
    assert cached(warm_app, "label_index") is index


def test_past_views_are_cached_per_view(client, app, settings, store):
    """A past view's values are built once per view and store state, and never push out the
    current store's."""
    from server.protocol.asof import AsOf, AsOfStore

    past = "/search.json?" + urlencode({"q": "kozlov", "recordedBefore": "2999-01-01"})
    warm(client)
    current = cached(app, "label_index")
    first = client.get(past).get_json()
    views = services(app).caches["label_index"]._views
    (entry,) = views.values()
    assert client.get(past).get_json() == first
    assert views[next(iter(views))] is entry  # the second past-view request built nothing
    assert cached(app, "label_index") is current
    view = AsOfStore(store, settings, AsOf(recorded=datetime.datetime(2999, 1, 2, tzinfo=datetime.UTC)))
    assert sorted(entry[1].live()) == sorted(labels.build(view).live())


P = "<http://www.w3.org/2000/01/rdf-schema#label>"
DRAFT = draft_graph(DEFAULT_BASE, "d")
UPDATES = [
    f'INSERT DATA {{ GRAPH <urn:g:a> {{ <urn:x> a <urn:C> ; {P} "x" }} <urn:y> a <urn:C> }}',
    "INSERT DATA { GRAPH <urn:g:b> { <urn:x> a <urn:C> } } ; DELETE DATA { <urn:y> a <urn:C> }",
    f'INSERT DATA {{ GRAPH <urn:g:c> {{ <urn:z> {P} "z" }} }} ; ADD <urn:g:c> TO <urn:g:a> ; DROP GRAPH <urn:g:c>',
    "MOVE <urn:g:a> TO <urn:g:d> ; COPY <urn:g:d> TO <urn:g:b>",
    "PREFIX g: <urn:g:> DELETE WHERE { GRAPH g:b { ?s a ?c } } ; INSERT DATA { GRAPH g:b { <urn:w> a <urn:C> } }",
    f'INSERT DATA {{ GRAPH <{DRAFT}> {{ <urn:q> a <urn:C> ; {P} "q" }} }} ; ADD <{DRAFT}> TO DEFAULT',
    f"CLEAR DEFAULT ; MOVE <{DRAFT}> TO <urn:g:e> ; DELETE DATA {{ GRAPH <urn:g:e> {{ <urn:q> a <urn:C> }} }}",
    "DROP SILENT GRAPH <urn:g:none> ; CREATE GRAPH <urn:g:new> ; DELETE WHERE { <urn:nothing> ?p ?o }",
    f'INSERT {{ GRAPH ?g {{ ?x {P} "d"@ru }} }} WHERE {{ VALUES (?g ?x) {{ (<{DRAFT}> <urn:x>) }} }}',
    f"DELETE {{ GRAPH ?g {{ ?s ?p ?o }} }} WHERE {{ VALUES ?g {{ <{DRAFT}> }} GRAPH ?g {{ ?s ?p ?o }} }}",
]


@pytest.mark.parametrize("memory", [True, False])
def test_each_change_is_exactly_the_difference(tmp_path, memory):
    """The recorded change of each update equals the difference of the published data before and
    after it: its quads outside the drafts, and the triples of their union."""
    store = EmbeddedStore(None if memory else tmp_path / "store")

    def published() -> tuple[set, set]:
        quads = {q for q in store.quads() if not store.is_private(getattr(q.graph_name, "value", ""))}
        return quads, {q.triple for q in quads}

    for text in UPDATES:
        before, before_triples = published()
        store.update(text)
        after, after_triples = published()
        (delta,) = store.changes(store.generation - 1) or [None]
        assert delta is not None, text
        assert delta.added == after - before and delta.removed == before - after, text
        assert delta.shown == after_triples - before_triples and delta.hidden == before_triples - after_triples, text


def test_curators_edits_of_a_draft_change_nothing_published(warm_app, client, settings, store):
    """Drop, relabel, reclass and relink a draft's facts (DELETE/INSERT … WHERE on the draft
    graph only): the values are kept as they are, then the accept shows the edited facts."""
    from server.ingest import edit, workflow
    from tests.conftest import ROOT

    text = (ROOT / "tests" / "fixtures" / "news" / "dev" / "01-tass-frp-2080-projects.txt").read_text(encoding="utf-8")
    workflow.ingest(store, settings, text, datetime.date(2026, 1, 9), name="frp")
    assert_as_rebuilt(warm_app, client, settings, store)
    index, start = cached(warm_app, "label_index"), store.generation
    edit.drop(store, settings, "frp", BASE + "amount/frp-2")
    edit.relabel(store, settings, "frp", BASE + "person/petrutsa-roman", "Роман Зубров")
    edit.reclass(store, settings, "frp", BASE + "org/industrial-development-fund", "Association")
    edit.relink(store, settings, "frp", BASE + "person/petrutsa-roman", BASE + "person/kozlovsky-aleksandr")
    assert store.changes(start) is not None  # every edit's change is known: nothing published
    assert_as_rebuilt(warm_app, client, settings, store)
    assert cached(warm_app, "label_index") is index
    workflow.accept(store, settings, "frp")
    assert_as_rebuilt(warm_app, client, settings, store)
    assert cached(warm_app, "label_index") is index
