"""Drafts are not published: an ingested article's draft graph stays out of the default graph,
``GRAPH ?g``, exports, VoID, statistics and the browser until it is accepted; a query that names
the draft reaches it, and ``drafts=include`` lets the update token's holders see everything."""

from __future__ import annotations

import datetime
from urllib.parse import quote, urlencode

import pyoxigraph as ox
from conftest import ROOT, TOKEN
from rdflib import Graph
from rdflib.compare import isomorphic

from server.app.factory import create_app
from server.core.settings import Settings
from server.graph import stats
from server.ingest import workflow
from server.store import EmbeddedStore, open_store

ARTICLE = ROOT / "tests" / "fixtures" / "articles" / "article-2026-03-05.txt"
BASE = "http://localhost:8000/id/"
PKG = "https://w3id.org/policykg/ontology/"
DRAFT = BASE + "graph/draft/udm"
PERSON = BASE + "person/smirnova-irina"  # minted by the draft: nothing else describes her
PERSONS = f"SELECT ?p {{ ?p a <{PKG}Person> }}"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def ingest(store, settings) -> None:
    text = ARTICLE.read_text(encoding="utf-8")
    res = workflow.ingest(store, settings, text, datetime.date(2026, 3, 5), name="udm")
    assert res["draft"] == DRAFT and store.triple_count(DRAFT) > 100


def values(client, query: str, headers: dict | None = None, **params: str) -> set[str]:
    r = client.get("/sparql?" + urlencode({"query": query, **params}), headers=headers or {})
    assert r.status_code == 200, r.get_data(as_text=True)
    return {b[v]["value"] for b in r.get_json()["results"]["bindings"] for v in b}


def published_view(client) -> dict:
    """Everything the public sees of the data, by every way there is to see it."""
    return {
        "persons": values(client, PERSONS),
        "graphs": values(client, "SELECT DISTINCT ?g { GRAPH ?g { } }"),
        "export": client.get("/export?format=nq").data,
        "store": sorted(client.get("/store", headers={"Accept": "application/n-quads"}).data.splitlines()),
        "classes": client.get("/classes.json").get_json()["classes"],
        "class": client.get(f"/class.json?iri={quote(PKG + 'Person')}").get_json()["items"],
        "home": client.get("/index.json").get_json()["triples"],
        "search": client.get("/search.json?" + urlencode({"q": "Смирнова"})).get_json()["results"],
    }


def rdf(client, path: str) -> Graph:
    return Graph().parse(data=client.get(path, headers={"Accept": "text/turtle"}).data, format="turtle")


def test_a_draft_is_not_published(client, store, settings):
    before, void_before, sd_before = published_view(client), rdf(client, "/.well-known/void"), rdf(client, "/sparql")
    stats_before = stats.compute(store)
    ingest(store, settings)

    # the public view is exactly what it was
    assert published_view(client) == before
    assert isomorphic(rdf(client, "/.well-known/void"), void_before)
    assert isomorphic(rdf(client, "/sparql"), sd_before)  # the service description's named graphs
    after = stats.compute(store)
    assert (after["graphs"], after["quads"], after["classes"]) == (
        stats_before["graphs"],
        stats_before["quads"],
        stats_before["classes"],
    )
    assert after["drafts"] == [{"iri": DRAFT, "triples": store.triple_count(DRAFT)}]
    assert client.get("/page/person/smirnova-irina").status_code == 404
    assert PERSON not in values(client, "SELECT ?s { GRAPH ?g { ?s ?p ?o } }")

    # named, it is reached: GRAPH <iri> (full or prefixed), FROM, the Protocol's dataset, by IRI elsewhere
    assert PERSON in values(client, f"SELECT ?p {{ GRAPH <{DRAFT}> {{ ?p a <{PKG}Person> }} }}")
    assert PERSON in values(
        client, f"PREFIX d: <{BASE}graph/draft/> SELECT ?p {{ GRAPH d:udm {{ ?p a <{PKG}Person> }} }}"
    )
    assert PERSON in values(client, f"SELECT ?p FROM <{DRAFT}> {{ ?p a <{PKG}Person> }}")
    assert PERSON in values(client, PERSONS, **{"default-graph-uri": DRAFT})
    assert PERSON in values(client, f"SELECT ?p {{ GRAPH ?g {{ ?p a <{PKG}Person> }} }}", **{"named-graph-uri": DRAFT})
    assert PERSON.encode() in client.get("/export?" + urlencode({"graph": DRAFT, "format": "nt"})).data
    assert (
        PERSON.encode() in client.get("/store?" + urlencode({"graph": DRAFT}), headers={"Accept": "text/turtle"}).data
    )

    # drafts=include: for the token's holders only
    assert PERSON in values(client, PERSONS, AUTH, drafts="include")
    assert DRAFT in values(client, "SELECT DISTINCT ?g { GRAPH ?g { } }", AUTH, drafts="include")
    assert values(client, PERSONS, AUTH, drafts="exclude") == before["persons"]
    for headers in ({}, {"Authorization": "Bearer wrong"}):
        r = client.get("/sparql?" + urlencode({"query": PERSONS, "drafts": "include"}), headers=headers)
        assert r.status_code == 403, headers
        assert "drafts=include needs the update token" in r.get_json()["error"]["message"]
    r = client.get("/sparql?" + urlencode({"query": PERSONS, "drafts": "all"}))
    assert r.status_code == 400 and "'drafts' must be" in r.get_json()["error"]["message"]


def test_an_accepted_draft_is_published(client, store, settings):
    """(The browser's caches are filled only after the accept: a remote store's refresh only
    after a TTL, see test_remote_backend.)"""
    void_before, stats_before = rdf(client, "/.well-known/void"), stats.compute(store)
    ingest(store, settings)
    workflow.accept(store, settings, "udm", reason_after=False)
    now = published_view(client)
    assert PERSON in now["persons"] and BASE + "graph/udm" in now["graphs"]
    assert PERSON.encode() in now["export"] and any(PERSON.encode() in line for line in now["store"])
    assert PERSON in {i["value"] for i in now["class"]} and now["home"] == store.published_triple_count()
    assert PERSON in {h["value"] for h in now["search"]}
    assert client.get("/page/person/smirnova-irina").status_code == 200
    assert len(rdf(client, "/.well-known/void")) > len(void_before)
    after = stats.compute(store)
    assert after["quads"] > stats_before["quads"] and after["drafts"] == []


def test_drafts_include_is_refused_on_a_read_only_service(store, settings):
    client = create_app(Settings.from_env({}, memory=True), store=store).test_client()
    r = client.get("/sparql?" + urlencode({"query": PERSONS, "drafts": "include"}), headers=AUTH)
    assert r.status_code == 403 and "read-only" in r.get_json()["error"]["message"]


def test_store_level_dataset(settings):
    """The store alone: union without drafts, named drafts reachable, include_private for all."""
    st = EmbeddedStore(None)
    st.load(f"<{PERSON}> a <{PKG}Person> .", ox.RdfFormat.TURTLE, DRAFT)
    st.load(f"<{BASE}p/a> a <{PKG}Person> .", ox.RdfFormat.TURTLE, BASE + "graph/a")
    st.load(f"<{BASE}p/default> a <{PKG}Person> .", ox.RdfFormat.TURTLE, None)

    def subjects(query: str, **kw) -> set[str]:
        return {sol["p"].value for sol in st.query(query, **kw)}

    assert subjects(PERSONS) == {BASE + "p/a", BASE + "p/default"}
    assert subjects(PERSONS, include_private=True) == {BASE + "p/a", BASE + "p/default", PERSON}
    assert subjects("SELECT ?p { GRAPH ?g { ?p ?x ?y } }") == {BASE + "p/a"}
    assert subjects("SELECT ?p ?g { GRAPH ?g { ?p ?x ?y } }", substitutions={"g": ox.NamedNode(DRAFT)}) == {PERSON}
    assert st.published_triple_count() == 2 and st.triple_count() == 3
    assert [g.iri for g in st.published_graphs()] == [BASE + "graph/a"]
    other = EmbeddedStore(None, private_prefix=None)  # no private graphs: the union of all
    other.load(f"<{PERSON}> a <{PKG}Person> .", ox.RdfFormat.TURTLE, DRAFT)
    assert {sol["p"].value for sol in other.query(PERSONS)} == {PERSON}


def test_on_disk_store_executors_leave_drafts_out(tmp_path):
    """The on-disk store evaluates /sparql queries in executor processes: they know the drafts too."""
    settings = Settings.from_env({}, data_dir=str(tmp_path / "store"), update_token=TOKEN, query_workers=1)
    st = open_store(settings)
    try:
        st.load(f"<{PERSON}> a <{PKG}Person> .", ox.RdfFormat.TURTLE, DRAFT)
        st.load(f"<{BASE}p/a> a <{PKG}Person> .", ox.RdfFormat.TURTLE, BASE + "graph/a")
        client = create_app(settings, store=st).test_client()
        assert values(client, PERSONS) == {BASE + "p/a"}
        assert values(client, PERSONS, AUTH, drafts="include") == {BASE + "p/a", PERSON}
    finally:
        st.close()


def test_only_an_iri_names_a_draft():
    """The draft's IRI as a string does not name it; as an IRI, anywhere in the query, it does."""
    st = EmbeddedStore(None)
    st.load(f"<{PERSON}> a <{PKG}Person> .", ox.RdfFormat.TURTLE, DRAFT)
    as_string = f'SELECT ?p {{ GRAPH ?g {{ ?p ?x ?y }} FILTER(STR(?g) = "{DRAFT}") }}'
    as_iri = f"SELECT ?p {{ GRAPH ?g {{ ?p ?x ?y }} FILTER(?g = <{DRAFT}>) }}"
    assert list(st.query(as_string)) == []
    assert {sol["p"].value for sol in st.query(as_iri)} == {PERSON}
