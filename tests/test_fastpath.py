"""The WSGI fast path for GET /sparql answers exactly as the Flask view does: same status,
headers and body for answers, revalidation, CORS and every kind of error; metrics count it."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from werkzeug.test import Client

from server.app.factory import create_app
from server.app.fastpath import FastQueries
from server.core.settings import Settings
from server.views.context import services

LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
Q = f"SELECT ?s ?l WHERE {{ ?s <{LABEL}> ?l }} ORDER BY ?s ?l LIMIT 5"


@pytest.fixture(scope="module")
def apps(seeded_store):
    app = create_app(
        Settings.from_env({}, memory=True, cors_origins="https://a.example", max_rows=3), store=seeded_store
    )
    assert isinstance(app.wsgi_app, FastQueries)
    return Client(app), Client(app.wsgi_app.flask_wsgi), app


def _both(apps, params, headers=None):
    fast, flask, _ = apps
    url = "/sparql?" + (urlencode(params) if isinstance(params, dict) else params)
    a = fast.get(url, headers=headers or {})
    b = flask.get(url, headers=headers or {})
    return a, b


def _same(a, b):
    assert a.status_code == b.status_code
    assert a.get_data() == b.get_data()
    assert sorted(a.headers.items()) == sorted(b.headers.items())


CASES = [
    ({"query": Q}, {"Accept": "application/sparql-results+json"}),
    ({"query": Q}, {"Accept": "application/sparql-results+xml"}),
    ({"query": Q, "format": "csv"}, {}),
    ({"query": Q}, {"Accept": "text/tab-separated-values", "Origin": "https://a.example"}),
    ({"query": Q}, {"Origin": "https://evil.example"}),
    ({"query": f"CONSTRUCT {{ ?s <{LABEL}> ?l }} WHERE {{ ?s <{LABEL}> ?l }} LIMIT 4"}, {"Accept": "text/turtle"}),
    ({"query": "ASK { ?s ?p ?o }"}, {}),
    ({"query": "SELECT ?x WHERE { BIND(<rel/x> AS ?x) }"}, {"Host": "kg.example:8080"}),  # the base IRI
    ({"query": "SELECT ?x WHERE { BIND(<y> AS ?x) }"}, {}),
    ({"query": "SELECT * WHERE { ?s ?p ?o }"}, {}),  # the row cap: truncated
    ({"query": Q, "default-graph-uri": "http://localhost:8000/id/graph/article-2026-01-27"}, {}),
    ({"query": "SELEC nonsense"}, {"Origin": "https://a.example"}),  # 400 from the store's parser
    ({"query": "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"}, {}),  # 403
    ({"query": "   "}, {}),  # 400 empty
    ({"query": Q, "format": "nope"}, {}),  # 400 unknown format
    ({"query": Q}, {"Accept": "image/png"}),  # 406
    ({"query": Q}, {"Accept": "text/html;q=0.1," * 800}),  # 431 Accept too long
    ({"update": "CLEAR ALL"}, {}),  # 400 update with GET
    ("query=a&query=b", {}),  # 400 twice
    ("query=%ZZ", {}),  # bad escape
]


@pytest.mark.parametrize(("params", "headers"), CASES)
def test_fast_path_answers_as_flask_does(apps, params, headers):
    a, b = _both(apps, params, headers)
    _same(a, b)


def test_service_description_still_answers(apps):
    from rdflib import RDF, Graph, Namespace, URIRef
    from rdflib.compare import isomorphic

    sd = Namespace("http://www.w3.org/ns/sparql-service-description#")
    a, b = _both(apps, "", {"Accept": "text/turtle"})  # GET /sparql without a query: passed on to Flask
    assert a.status_code == b.status_code == 200 and a.mimetype == b.mimetype == "text/turtle"
    g = Graph().parse(data=a.get_data(as_text=True), format="turtle")
    assert isomorphic(g, Graph().parse(data=b.get_data(as_text=True), format="turtle"))
    service = g.value(predicate=RDF.type, object=sd.Service)
    assert g.value(service, sd.endpoint) == URIRef("http://localhost/sparql")
    assert set(g.objects(service, sd.supportedLanguage)) == {sd.SPARQL11Query}


def test_revalidation_is_the_same(apps):
    a, b = _both(apps, {"query": Q})
    etag = a.headers["ETag"]
    assert etag == b.headers["ETag"] and etag.startswith('W/"')
    a, b = _both(apps, {"query": Q}, {"If-None-Match": etag})
    assert a.status_code == 304 and a.get_data() == b""
    _same(a, b)


def test_fast_path_errors_are_the_one_json_shape(apps):
    fast, _, _ = apps
    r = fast.get("/sparql?" + urlencode({"query": "SELEC nonsense"}))
    doc = r.get_json()
    assert r.status_code == 400 and doc["error"]["status"] == 400 and doc["error"]["message"]


def test_fast_path_is_counted_in_metrics(apps):
    fast, _, app = apps
    m = services(app).metrics
    before = dict(m.requests)
    fast.get("/sparql?" + urlencode({"query": "ASK {}"}))
    fast.get("/sparql?" + urlencode({"query": "ASK {"}))
    assert m.requests[("/sparql", "GET", 200)] == before.get(("/sparql", "GET", 200), 0) + 1
    assert m.requests[("/sparql", "GET", 400)] == before.get(("/sparql", "GET", 400), 0) + 1
