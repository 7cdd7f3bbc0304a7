"""The graph over time (issue 20): the seed, then a fixture article a month later (it changes a
parameter and adds proposals) ingested and accepted. Past views before it show exactly the first
graph (reasoning included), after it both; the feed lists the acceptance with its resources; the
diff between the two releases is exactly the article's triples and its RDF Patch turns the first
release into the second."""

from __future__ import annotations

import datetime
import hashlib
import json
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import feedparser
import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from conftest import ROOT, TOKEN
from pyld import jsonld

from server.app.factory import create_app, ensure_seeded
from server.cli.main import main as cli
from server.core.namespaces import history_graph, inferred_graph, is_asserted
from server.core.settings import Settings
from server.ingest import workflow
from server.publish import rdfpatch
from server.publish.diff import store_quads
from server.publish.releases import release_quads, releases, write_release
from server.store import EmbeddedStore

ARTICLE = ROOT / "tests" / "fixtures" / "articles" / "article-2026-03-05.txt"
AS2_CONTEXT = ROOT / "server" / "static" / "contexts" / "activitystreams.jsonld"
BASE = "http://localhost:8000/id/"
PKG = "https://w3id.org/policykg/ontology/"
ARTICLE_GRAPH = BASE + "graph/udm"
PROV = "http://www.w3.org/ns/prov#"
EVERYTHING = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def published(store: EmbeddedStore) -> set[ox.Triple]:
    """The graph as the public sees it: every asserted graph and the inferences, as triples."""
    graphs = [g for g in store.graph_names() if is_asserted(g, BASE)] + [inferred_graph(BASE)]
    return {ox.Triple(q.subject, q.predicate, q.object) for g in graphs for q in store.quads(g)}


def construct(client, **params: str) -> set[ox.Triple]:
    r = client.get("/sparql?" + urlencode({"query": EVERYTHING, **params}), headers={"Accept": "application/n-triples"})
    assert r.status_code == 200, r.get_data(as_text=True)
    return {ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(r.data, format=ox.RdfFormat.N_TRIPLES)}


@pytest.fixture(scope="module")
def timeline(tmp_path_factory):
    """(settings, store, app, the first graph, the accept's result) after the whole story."""
    tmp = tmp_path_factory.mktemp("history")
    settings = Settings.from_env(
        {}, memory=True, data_dir=str(tmp / "store"), releases_dir=str(tmp / "releases"), update_token=TOKEN
    )
    store = EmbeddedStore(None)
    ensure_seeded(store, settings)
    first = published(store)
    write_release(store, settings, name="2026-01-28")
    text = ARTICLE.read_text(encoding="utf-8")
    workflow.ingest(store, settings, text, datetime.date(2026, 3, 5), name="udm")
    accepted = workflow.accept(store, settings, "udm")
    write_release(store, settings, name="2026-03-06")
    return settings, store, create_app(settings, store=store), first, accepted


@pytest.fixture
def client(timeline):
    return timeline[2].test_client()


def test_the_article_changes_a_parameter_and_adds_a_proposal(timeline):
    _, store, _, first, _ = timeline
    types = {q.object.value for q in store.quads(ARTICLE_GRAPH) if q.predicate.value.endswith("#type")}
    assert {PKG + "ParameterChange", PKG + "Proposal"} <= types
    assert published(store) > first


def test_writes_are_recorded_in_prov(timeline, client):
    accepted = timeline[4]
    rows = client.get(
        "/sparql?"
        + urlencode(
            {
                "query": f"SELECT ?kind ?who ?g ?t {{ GRAPH <{history_graph(BASE)}> {{ ?a <{PROV}generated> ?g ; "
                f"<http://purl.org/dc/terms/type> ?kind ; <{PROV}wasAssociatedWith>/<http://www.w3.org/2000/01/"
                f"rdf-schema#label> ?who . ?g <{PROV}generatedAtTime> ?t ; <{PROV}wasAttributedTo> ?agent }} }}"
            }
        ),
        headers={"Accept": "application/sparql-results+json"},
    ).get_json()["results"]["bindings"]
    seen = {(r["kind"]["value"], r["who"]["value"], r["g"]["value"]) for r in rows}
    assert ("accept", "update-token", ARTICLE_GRAPH) in seen  # workflow.accept: the token's name by default
    assert ("load", "command-line", BASE + "graph/article-2026-01-27") in seen
    assert accepted["activity"].startswith(BASE + "activity/")
    # the history is not data: not in exports, releases or reasoning
    assert history_graph(BASE).encode() not in client.get("/export?format=nq").data


def test_past_views_before_the_article_show_exactly_the_first_graph(timeline, client):
    _, store, _, first, _ = timeline
    assert construct(client, asOf="2026-02-01") == first
    entries = client.get("/changes?format=json").get_json()["items"]
    accept = next(e for e in entries if e["kind"] == "accept")
    assert construct(client, recordedBefore=accept["time"]) == first
    # after it: both
    assert construct(client, asOf="2026-03-05") == published(store)
    assert construct(client, recordedBefore="2999-01-01") == published(store)
    assert construct(client) == published(store)  # the history graph is apart from the default graph


def test_past_views_of_pages_search_exports_and_named_queries(timeline, client):
    page = "/page/person/smirnova-irina"  # minted by the article
    assert client.get(page).status_code == 200
    assert client.get(page + "?asOf=2026-02-01").status_code == 404
    now, past = client.get("/page/org/minpromtorg"), client.get("/page/org/minpromtorg?asOf=2026-02-01")
    assert past.status_code == 200 and 'class="past-view"' in past.get_data(as_text=True)
    assert 'class="past-view"' not in now.get_data(as_text=True)
    assert client.get("/search.json?" + urlencode({"q": "Смирнова"})).get_json()["results"]
    assert not client.get("/search.json?" + urlencode({"q": "Смирнова", "asOf": "2026-02-01"})).get_json()["results"]
    assert ARTICLE_GRAPH.encode() in client.get("/export?format=nq").data
    assert ARTICLE_GRAPH.encode() not in client.get("/export?format=nq&asOf=2026-02-01").data
    q = "/api/queries/parameter-changes?format=json"
    assert len(client.get(q).get_json()["results"]["bindings"]) > len(
        client.get(q + "&asOf=2026-02-01").get_json()["results"]["bindings"]
    )


@pytest.mark.parametrize(
    "params", [{"asOf": "yesterday"}, {"recordedBefore": "2026-13-01"}, {"asOf": "2026-02-01", "update": "x"}]
)
def test_bad_past_views_are_refused(client, params):
    r = client.get("/sparql?" + urlencode({"query": "ASK {}", **params}))
    assert r.status_code == 400
    if "update" not in params:
        assert client.get("/page/org/minpromtorg?" + urlencode(params)).status_code == 400


def test_the_feed_is_atom(timeline, client):
    _, store, _, _, _ = timeline
    r = client.get("/changes", headers={"Accept": "application/atom+xml"})
    assert r.status_code == 200 and r.mimetype == "application/atom+xml"
    feed = feedparser.parse(r.data)
    assert not feed.bozo, feed.get("bozo_exception")
    first = feed.entries[0]  # newest first
    assert [t.term for t in first.tags] == ["accept"]
    related = {link.href for link in first.links if link.rel == "related"}
    added = {
        link.get("title", "").removeprefix("added: ")
        for link in first.links
        if link.get("title", "").startswith("added")
    }
    subjects = {q.subject.value for q in store.quads(ARTICLE_GRAPH) if isinstance(q.subject, ox.NamedNode)}
    assert added == subjects
    assert any("/page/proposal/" in h for h in related) and any("/page/change/" in h for h in related)
    for link in [*first.links, *feed.feed.links]:  # links resolve
        u = urlsplit(link.href)
        resp = client.get(u.path + ("?" + u.query if u.query else ""))
        assert resp.status_code == 200, link.href


def test_the_feed_is_activity_streams_json_ld(client):
    context = json.loads(AS2_CONTEXT.read_text(encoding="utf-8"))

    def loader(url, options=None):
        assert url.rstrip("#") == "https://www.w3.org/ns/activitystreams", url  # nothing is fetched
        return {"contextUrl": None, "documentUrl": url, "document": context}

    r = client.get("/changes", headers={"Accept": "application/activity+json"})
    assert r.status_code == 200 and r.mimetype == "application/activity+json"
    expanded = jsonld.expand(r.get_json(), {"documentLoader": loader})
    items = expanded[0]["https://www.w3.org/ns/activitystreams#items"][0]["@list"]
    newest = items[0]
    assert newest["@type"] == ["https://www.w3.org/ns/activitystreams#Add"]
    assert {x["@id"] for x in newest[PKG + "addedResource"]} >= {BASE + "person/smirnova-irina"}
    assert client.get("/static/contexts/activitystreams.jsonld").status_code == 200


def test_a_resource_links_to_its_history(client):
    html = client.get("/page/person/smirnova-irina").get_data(as_text=True)
    assert "/changes?iri=" in html and ARTICLE_GRAPH in html
    own = client.get("/changes?" + urlencode({"iri": BASE + "person/smirnova-irina", "format": "json"})).get_json()
    assert [e["kind"] for e in own["items"]] == ["accept"]
    assert client.get("/changes?iri=not%20an%20iri").status_code == 400


def test_the_diff_between_releases_is_the_article(timeline, client, tmp_path):
    settings, store, _, _, _ = timeline
    article = store_quads(store, settings, [ARTICLE_GRAPH])  # blank nodes labelled as in the releases
    before, after = release_quads(settings, "2026-01-28"), release_quads(settings, "2026-03-06")
    assert after - before == article and not before - after
    patch = rdfpatch.read((releases(settings)[0].path / "changes.rdfp").read_bytes())
    assert set(patch.added) == article and not patch.deleted
    assert rdfpatch.apply(before, patch) == after
    # the same over HTTP and on the command line
    r = client.get("/changes/diff?" + urlencode({"from": "2026-01-28", "to": "2026-03-06", "format": "rdf-patch"}))
    assert r.status_code == 200 and rdfpatch.apply(before, rdfpatch.read(r.data)) == after
    text = client.get("/changes/diff?from=2026-01-28&to=2026-03-06").get_data(as_text=True)
    assert f"{len(article)} added, 0 removed" in text and f"<{BASE}person/smirnova-irina>" in text
    dump1 = releases(settings)[1].path / "policykg-2026-01-28.nq.gz"
    dump2 = releases(settings)[0].path / "policykg-2026-03-06.trig"
    out = CliRunner().invoke(cli, ["diff", str(dump1), str(dump2), "--format", "rdf-patch"])
    assert out.exit_code == 0, out.output
    assert rdfpatch.apply(before, rdfpatch.read(out.output.encode())) == after
    # past views of the store: the same difference
    r = client.get("/changes/diff?from=asOf:2026-02-01&to=current&format=json").get_json()
    assert r["added"] == len(article) and r["removed"] == 0
    assert client.get("/changes/diff?from=/etc/passwd&to=current").status_code == 400  # no files over HTTP


def test_releases_are_deterministic_and_listed(timeline, client):
    settings, store, _, _, _ = timeline
    release = releases(settings)[0]
    files = {f: (release.path / f).read_bytes() for f in release.files}
    assert {"policykg-2026-03-06.ttl.gz", "policykg-2026-03-06.trig", "policykg-2026-03-06.nq", "void.ttl"} <= set(
        files
    )
    for line in files["SHA256SUMS"].decode().splitlines():
        digest, name = line.split("  ")
        assert hashlib.sha256(files[name]).hexdigest() == digest
    write_release(store, settings, name="2026-03-06", replace=True)
    assert {f: (release.path / f).read_bytes() for f in release.files} == files
    listing = client.get("/releases.json").get_json()["releases"]
    assert [r["name"] for r in listing] == ["2026-03-06", "2026-01-28"]
    href = next(f["href"] for f in listing[0]["files"] if f["name"] == "changes.rdfp")
    assert client.get(href).data == files["changes.rdfp"]
    assert "2026-01-28" in client.get("/releases").get_data(as_text=True)
    assert client.get("/releases/2026-03-06/..%2Fx").status_code == 404


def test_an_http_update_is_recorded_under_the_tokens_name(settings, store, tmp_path):
    client = create_app(settings, store=store).test_client()
    subject = BASE + "person/test-person"
    r = client.post(
        "/sparql",
        data={"update": f'INSERT DATA {{ GRAPH <{BASE}graph/extra> {{ <{subject}> <{PKG}note> "x" }} }}'},
        headers=AUTH,
    )
    assert r.status_code == 204
    entry = client.get("/changes?format=json").get_json()["items"][0]
    assert entry["kind"] == "update" and entry["agent"] == "update-token"
    assert entry["resources"]["added"] == [subject]
    assert TOKEN.encode() not in b"".join(str(q).encode() for q in store.quads(history_graph(BASE)))
    assert client.post("/sparql?asOf=2026-01-01", data={"update": "CLEAR ALL"}, headers=AUTH).status_code == 400
    # Graph Store writes too
    data = f'<{BASE}org/test-org> <{PKG}note> "y" .'
    r = client.put(f"/store?graph={BASE}graph/extra2", data=data, headers={**AUTH, "Content-Type": "text/turtle"})
    assert r.status_code in (201, 204)
    entry = client.get("/changes?format=json").get_json()["items"][0]
    assert entry["graphs"] == [BASE + "graph/extra2"] and entry["resources"]["added"] == [BASE + "org/test-org"]


def test_cli_release_and_diff(tmp_path):
    env = {"POLICYKG_DATA_DIR": str(tmp_path / "store"), "POLICYKG_RELEASES_DIR": str(tmp_path / "rel")}
    runner = CliRunner(env=env)
    assert runner.invoke(cli, ["load"]).exit_code == 0
    out = runner.invoke(cli, ["release", "--name", "2026-01-28"])
    assert out.exit_code == 0, out.output
    assert runner.invoke(cli, ["releases"]).output.startswith("2026-01-28")
    out = runner.invoke(cli, ["diff", "2026-01-28", "current"])
    assert out.exit_code == 0 and out.output.startswith("0 added, 0 removed"), out.output
    assert runner.invoke(cli, ["release", "--name", "2026-01-28"]).exit_code == 1  # never overwritten silently
    assert Path(tmp_path / "rel" / "2026-01-28" / "SHA256SUMS").is_file()


def test_a_write_that_makes_its_graphs_too_large_is_recorded_with_its_graphs_only(tmp_path, monkeypatch):
    """DIFF_LIMIT holds for the state after a write too: a large file loaded into a small store
    is recorded without its resources (not both states compared in memory)."""
    from server.graph import history
    from server.graph.load import load_files

    settings = Settings.from_env({}, memory=True, data_dir=str(tmp_path / "store"))
    store = EmbeddedStore(None)
    monkeypatch.setattr(history, "DIFF_LIMIT", 3)
    data = tmp_path / "big.nt"
    data.write_text("".join(f'<{BASE}person/p{i}> <{PKG}note> "{i}" .\n' for i in range(5)), encoding="utf-8")
    load_files(store, [data], settings, validate_data=False)
    act = history.latest_activity(store, settings)
    assert act is not None
    h = history_graph(BASE)
    listed = {
        (q.predicate.value, q.object.value)
        for q in store.quads(h)
        if q.subject.value == act[0] and q.predicate.value.startswith(PKG)
    }
    assert (PKG + "resourcesListed", "false") in listed
    assert not any(p == PKG + "addedResource" for p, _ in listed)
    assert (PROV + "generated", BASE + "graph/big") in {
        (q.predicate.value, q.object.value) for q in store.quads(h) if q.subject.value == act[0]
    }
