"""SELECT results written in one native pass (``render(..., again=...)``): the same rows, caps,
truncation flags and counts as the capped TSV pass, whatever the literals hold."""

from __future__ import annotations

import csv
import io
import json

import pyoxigraph as ox
import pytest
import requests

from server.protocol.results import render

STORE = ox.Store()
for i, text in enumerate(
    [
        'a "quoted", comma\nnew\tline\\',
        "},{ },{ },{ },{",  # JSON's row separator, in a literal
        "<result></result><result>",  # XML's row element, escaped in text
        "\r\n\n\n\n\r\n",  # CSV's line ends, in a quoted value
        "plain",
        "<&>",
    ]
):
    STORE.add(ox.Quad(ox.NamedNode(f"http://example.org/s{i}"), ox.NamedNode("http://example.org/p"), ox.Literal(text)))
Q = "SELECT ?s ?o WHERE { ?s ?p ?o } ORDER BY ?s"


def rows(body: bytes, fmt: str) -> list[list[str]]:
    if fmt == "csv":
        return list(csv.reader(io.StringIO(body.decode(), newline="")))[1:]
    parsed = ox.parse_query_results(body, ox.QueryResultsFormat.from_extension(fmt))
    return [[str(s["s"]), str(s["o"])] for s in parsed]


@pytest.mark.parametrize("fmt", ["json", "xml", "csv", "tsv"])
@pytest.mark.parametrize("cap", [1, 2, 5, 6, 7, 100])
def test_one_pass_equals_the_capped_pass(fmt, cap):
    again_calls = []

    def again():
        again_calls.append(1)
        return STORE.query(Q)

    once = render(STORE.query(Q), fmt=fmt, max_rows=cap, again=again)
    capped = render(STORE.query(Q), fmt=fmt, max_rows=cap)
    assert once.truncated is capped.truncated is (cap < 6)
    assert once.count == capped.count == min(cap, 6)
    assert rows(once.body, fmt) == rows(capped.body, fmt) == rows(STORE.query(Q).serialize(format=_ox(fmt)), fmt)[:cap]
    if cap >= 6:  # under the cap: pyoxigraph's own bytes
        assert once.body == STORE.query(Q).serialize(format=_ox(fmt))
    if cap == 100:  # the literals' marks do not reach the bound: evaluated once
        assert not again_calls
    if fmt == "json":
        assert json.loads(once.body).get("truncated", False) is (cap < 6)


def _ox(fmt: str) -> ox.QueryResultsFormat:
    return ox.QueryResultsFormat.from_extension(fmt)


def test_large_result_counts_across_chunks():
    store = ox.Store()
    for i in range(5000):
        store.add(ox.Quad(ox.NamedNode(f"http://x/s{i}"), ox.NamedNode("http://x/p"), ox.Literal("v" * (i % 50))))
    q = "SELECT ?s ?o WHERE { ?s ?p ?o }"
    for fmt in ("json", "xml", "csv"):
        for cap, truncated in ((5000, False), (4999, True), (10_000, False)):
            out = render(store.query(q), fmt=fmt, max_rows=cap, again=lambda: store.query(q))
            assert out.truncated is truncated and out.count == min(cap, 5000), (fmt, cap)
            assert len(rows(out.body, fmt)) == min(cap, 5000)


def test_rows_without_bindings_and_ask():
    q = "SELECT ?x WHERE { VALUES ?x { UNDEF UNDEF 1 } }"
    for fmt in ("json", "xml", "csv"):
        out = render(STORE.query(q), fmt=fmt, max_rows=2, again=lambda: STORE.query(q))
        assert out.truncated and out.count == 2
        out = render(STORE.query(q), fmt=fmt, max_rows=3, again=lambda: STORE.query(q))
        assert not out.truncated and out.count == 3
    ask = render(STORE.query("ASK {}"), fmt="json", again=lambda: STORE.query("ASK {}"))
    assert json.loads(ask.body) == {"head": {}, "boolean": True} and ask.count is None


# -- over HTTP: GET (the WSGI fast path) and POST (the Flask view) give the same answers ---------
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
ALL_LABELS = f"SELECT ?s ?l WHERE {{ ?s <{LABEL}> ?l }} ORDER BY ?s ?l"
ACCEPT = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}


@pytest.fixture(scope="module")
def capped_server(seeded_store):
    """A real HTTP server on 127.0.0.1 over the seeded data, SELECT capped at 3 rows."""
    from conftest import LiveServer, free_port

    from server.app.factory import create_app
    from server.core.settings import Settings

    app = create_app(Settings.from_env({}, memory=True, max_rows=3), store=seeded_store)
    srv = LiveServer(app, free_port()).start()
    yield srv
    srv.stop()


def _both(url: str, query: str, accept: str) -> tuple[requests.Response, requests.Response]:
    get = requests.get(url + "/sparql", params={"query": query}, headers={"Accept": accept}, timeout=30)
    post = requests.post(url + "/sparql", data={"query": query}, headers={"Accept": accept}, timeout=30)
    return get, post


@pytest.mark.parametrize("fmt", ACCEPT)
def test_get_and_post_agree_under_and_past_the_cap(capped_server, fmt):
    for query, truncated in ((ALL_LABELS, True), (ALL_LABELS + " LIMIT 2", False), (ALL_LABELS + " LIMIT 3", False)):
        get, post = _both(capped_server.url, query, ACCEPT[fmt])
        assert get.status_code == post.status_code == 200
        assert get.headers["Content-Type"].startswith(ACCEPT[fmt])
        assert rows(get.content, fmt) == rows(post.content, fmt)
        assert len(rows(get.content, fmt)) == (3 if truncated or "LIMIT 3" in query else 2)
        for resp in (get, post):
            assert (resp.headers.get("X-Result-Truncated") == "true") is truncated
        if fmt == "json":
            assert json.loads(get.content).get("truncated", False) is truncated


def test_sparqlwrapper_reads_the_one_pass_results(capped_server):
    from SPARQLWrapper import JSON, XML, SPARQLWrapper

    got = {}
    for fmt in (JSON, XML):
        sw = SPARQLWrapper(capped_server.url + "/sparql")
        sw.setQuery(ALL_LABELS + " LIMIT 2")
        sw.setReturnFormat(fmt)
        res = sw.query().convert()
        if fmt == JSON:
            got[fmt] = [(b["s"]["value"], b["l"]["value"]) for b in res["results"]["bindings"]]
        else:  # a DOM: each binding holds one term element (uri, literal, bnode)
            got[fmt] = [
                tuple(
                    next(n for n in b.childNodes if n.nodeType == n.ELEMENT_NODE).firstChild.data
                    for b in r.getElementsByTagName("binding")
                )
                for r in res.getElementsByTagName("result")
            ]
    assert got[JSON] == got[XML] and len(got[JSON]) == 2


def test_describe_in_the_request_thread_agrees_with_post(capped_server, seeded_store):
    subject = next(iter(seeded_store.query(f"SELECT ?s WHERE {{ ?s <{LABEL}> ?l }} LIMIT 1")))["s"].value
    get, post = _both(capped_server.url, f"DESCRIBE <{subject}>", "application/n-triples")
    assert get.status_code == post.status_code == 200
    triples = [set(ox.parse(r.content, format=ox.RdfFormat.N_TRIPLES)) for r in (get, post)]
    assert triples[0] == triples[1] and any(t.subject == ox.NamedNode(subject) for t in triples[0])


def test_errors_keep_the_one_json_shape(capped_server):
    for query in ("SELECT ?s WHERE { ?s ?p }", "DESCRIBE <http://x/a> <"):
        for resp in _both(capped_server.url, query, "application/sparql-results+json"):
            assert resp.status_code == 400
            assert set(resp.json()) == {"error"} and resp.json()["error"]["code"]
