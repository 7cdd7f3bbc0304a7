"""Content negotiation for /sparql, from the one table (server.protocol.formats) on Werkzeug's
parsed Accept: every case is asked three ways (Flask alone, the fast path on a real server, a
POST form on the real server, which Flask answers) and must get the same format, parsed here."""

from __future__ import annotations

import csv
import gc
import io
import sys
import threading

import pyoxigraph as ox
import pytest
import requests
from rdflib import Graph, Literal, URIRef
from werkzeug.test import Client

LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
AKIT = "http://localhost:8000/id/org/akit"
SELECT = f"SELECT ?l WHERE {{ <{AKIT}> <{LABEL}> ?l }}"
CONSTRUCT = f"CONSTRUCT {{ <{AKIT}> <{LABEL}> ?l }} WHERE {{ <{AKIT}> <{LABEL}> ?l }}"
LABELS = {
    Literal("Ассоциация кластеров, технопарков и ОЭЗ России", lang="ru"),
    Literal("Association of Clusters, Technoparks and SEZs of Russia", lang="en"),
}
RESULTS = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPHS = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/rdf+xml": "xml",
    "application/ld+json": "json-ld",
    "application/trig": "trig",
    "application/n-quads": "nquads",
}

CASES = [
    (SELECT, None, "application/sparql-results+json"),  # no Accept: the default
    (SELECT, "*/*", "application/sparql-results+json"),
    (SELECT, "text/*", "text/csv"),  # not the XML results (their alias text/xml is no text/* match)
    (SELECT, "text/*, text/csv;q=0", "text/tab-separated-values"),
    (SELECT, "text/csv;q=0.5, text/tab-separated-values;q=0.9", "text/tab-separated-values"),
    (SELECT, "application/*", "application/sparql-results+json"),
    (SELECT, "text/xml", "application/sparql-results+xml"),  # an alias named exactly
    (SELECT, "application/json;q=0.5, application/sparql-results+xml", "application/sparql-results+xml"),
    (SELECT, "text/html, application/xml;q=0.9, */*;q=0.8", "application/sparql-results+xml"),
    (CONSTRUCT, None, "text/turtle"),
    (CONSTRUCT, "application/*", "application/n-triples"),  # not Turtle (its alias application/x-turtle)
    (CONSTRUCT, "application/*, application/n-triples;q=0.5", "application/rdf+xml"),
    (CONSTRUCT, "text/*", "text/turtle"),
    (CONSTRUCT, "text/plain", "application/n-triples"),
    (CONSTRUCT, "application/x-turtle", "text/turtle"),
    (CONSTRUCT, 'application/ld+json; profile="http://www.w3.org/ns/json-ld#expanded"', "application/ld+json"),
    (CONSTRUCT, "text/turtle;q=0.1, application/rdf+xml;q=0.2", "application/rdf+xml"),
    (SELECT, "image/*, text/html", 406),
    (CONSTRUCT, "text/csv", 406),
]


@pytest.fixture(scope="module")
def flask_only(readonly_app):
    return Client(readonly_app.wsgi_app.flask_wsgi)  # the Flask app behind the fast path


def _check(status: int, content_type: str, body: bytes, query: str, expected: str | int) -> None:
    if expected == 406:
        assert status == 406
        return
    assert status == 200 and content_type.split(";")[0] == expected
    if query == SELECT:
        if expected == "text/csv":
            rows = list(csv.reader(io.StringIO(body.decode())))
            assert rows[0] == ["l"] and {r[0] for r in rows[1:]} == {str(lit) for lit in LABELS}
        else:
            solutions = ox.parse_query_results(body, format=RESULTS[expected])
            assert {Literal(s["l"].value, lang=s["l"].language) for s in solutions} == LABELS
    else:
        g = Graph().parse(data=body, format=GRAPHS[expected])
        assert set(g.objects(URIRef(AKIT), URIRef(LABEL))) == LABELS


@pytest.mark.parametrize(("query", "accept", "expected"), CASES)
def test_every_path_negotiates_alike(flask_only, readonly_server, query, accept, expected):
    headers = {"Accept": accept} if accept is not None else {}
    flask = flask_only.get("/sparql", query_string={"query": query}, headers=headers)
    fast = requests.get(readonly_server.url + "/sparql", params={"query": query}, headers=headers, timeout=30)
    form = requests.post(readonly_server.url + "/sparql", data={"query": query}, headers=headers, timeout=30)
    _check(flask.status_code, flask.headers.get("Content-Type", ""), flask.get_data(), query, expected)
    for resp in (fast, form):
        _check(resp.status_code, resp.headers.get("Content-Type", ""), resp.content, query, expected)
        assert resp.headers.get("Content-Type") == flask.headers.get("Content-Type")


@pytest.mark.parametrize("query", [SELECT, CONSTRUCT])
def test_nothing_acceptable_is_406_naming_the_offer(flask_only, readonly_server, query):
    offered = (
        ["application/sparql-results+json", "text/csv"] if query == SELECT else ["text/turtle", "application/n-triples"]
    )
    flask = flask_only.get("/sparql", query_string={"query": query}, headers={"Accept": "image/png"})
    fast = requests.get(
        readonly_server.url + "/sparql", params={"query": query}, headers={"Accept": "image/png"}, timeout=30
    )
    for doc in (flask.get_json(), fast.json()):
        assert doc["error"]["status"] == 406
        assert all(t in doc["error"]["message"] and t in doc["error"]["detail"]["offered"] for t in offered)


def test_a_long_accept_is_refused_before_negotiation(flask_only, readonly_server):
    accept = "text/html;q=0.1," * 800
    flask = flask_only.get("/sparql", query_string={"query": SELECT}, headers={"Accept": accept})
    fast = requests.get(
        readonly_server.url + "/sparql", params={"query": SELECT}, headers={"Accept": accept}, timeout=30
    )
    assert flask.status_code == fast.status_code == 431
    assert fast.json()["error"]["detail"]["header"] == "Accept"


def test_a_refused_answer_releases_its_result_where_it_was_made(flask_only, readonly_server):
    """A 406 found after evaluation: pyoxigraph's result must be released by the thread that made
    it (released by another, it is leaked with an "unsendable" error), so it may not stay in the
    traceback the error handler keeps and the garbage collector frees later, anywhere."""
    unraisable: list = []
    statuses: list[int] = []
    old, sys.unraisablehook = sys.unraisablehook, unraisable.append
    try:
        for query in (SELECT, CONSTRUCT):
            resp = flask_only.get("/sparql", query_string={"query": query}, headers={"Accept": "image/png"})
            served = requests.get(
                readonly_server.url + "/sparql", params={"query": query}, headers={"Accept": "image/png"}, timeout=30
            )
            statuses += [resp.status_code, served.status_code]
        gc.collect()  # the served requests' results were made in the server's threads
        worker = threading.Thread(target=gc.collect)  # the client's, in the main thread
        worker.start()
        worker.join()
    finally:
        sys.unraisablehook = old
    assert statuses == [406] * 4
    assert [str(u.exc_value) for u in unraisable] == []
