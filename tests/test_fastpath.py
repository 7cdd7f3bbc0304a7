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


def _both_post(apps, body, content_type, headers=None, url="/sparql"):
    fast, flask, _ = apps
    h = {"Content-Type": content_type, **(headers or {})}
    return fast.post(url, data=body, headers=h), flask.post(url, data=body, headers=h)


FORM, QUERY = "application/x-www-form-urlencoded", "application/sparql-query"
POST_CASES = [
    (urlencode({"query": Q}), FORM, {"Accept": "application/sparql-results+json"}),
    (urlencode({"query": Q, "format": "csv"}), FORM + "; charset=UTF-8", {}),
    (Q, QUERY, {"Accept": "application/sparql-results+xml", "Origin": "https://a.example"}),
    (f"CONSTRUCT {{ ?s <{LABEL}> ?l }} WHERE {{ ?s <{LABEL}> ?l }} LIMIT 4", QUERY, {"Accept": "text/turtle"}),
    (urlencode({"query": "SELECT * WHERE { ?s ?p ?o }"}), FORM, {}),  # the row cap: truncated
    (urlencode({"query": "SELEC nonsense"}), FORM, {"Origin": "https://a.example"}),  # 400 from the store
    ("SELEC nonsense", QUERY, {}),
    (urlencode({"query": "  "}), FORM, {"Origin": "https://a.example"}),  # 400 empty: no CORS (not parsed)
    (urlencode({"query": Q}), FORM, {"Accept": "image/png"}),  # 406
    (urlencode({"query": "ASK {}", "update": "CLEAR ALL"}), FORM, {}),  # 400 both
    (urlencode({"update": "CLEAR ALL"}), FORM, {}),  # an update: Flask (401 without the token)
    ("CLEAR ALL", "application/sparql-update", {}),  # not taken by the fast path at all
    ("query=%ZZ", FORM, {}),  # bad escape
    (b"query=\xff", FORM, {}),  # not UTF-8
    (urlencode({"query": Q}), FORM + "; charset=latin-1", {}),  # 400 charset
]


@pytest.mark.parametrize(("body", "content_type", "headers"), POST_CASES)
def test_fast_path_posts_answer_as_flask_does(apps, body, content_type, headers):
    a, b = _both_post(apps, body, content_type, headers)
    _same(a, b)


def test_fast_path_post_with_query_string(apps):
    """The URL's own parameters count for a POST too (here: the dataset)."""
    a, b = _both_post(
        apps, Q, QUERY, url="/sparql?" + urlencode({"default-graph-uri": "http://localhost:8000/id/graph/ontology"})
    )
    _same(a, b)
    assert a.status_code == 200


def test_fast_path_post_too_large_is_flask_413():
    app = create_app(Settings.from_env({}, memory=True, max_body_bytes=100))
    fast, flask = Client(app), Client(app.wsgi_app.flask_wsgi)
    body = urlencode({"query": "ASK { ?s ?p ?o } # " + "x" * 200})
    a, b = (c.post("/sparql", data=body, headers={"Content-Type": FORM}) for c in (fast, flask))
    assert a.status_code == b.status_code == 413
    assert a.get_json() == b.get_json()


def test_posted_queries_do_not_reach_flask(apps, monkeypatch):
    _, _, app = apps
    fast_path = app.wsgi_app
    monkeypatch.setattr(fast_path, "flask_wsgi", None)  # calling it would fail
    for body, content_type in ((urlencode({"query": "ASK {}"}), FORM), ("ASK {}", QUERY)):
        r = Client(fast_path).post("/sparql", data=body, headers={"Content-Type": content_type})
        assert r.status_code == 200 and r.get_json() == {"head": {}, "boolean": True}


def test_fast_path_posts_are_counted_in_metrics(apps):
    fast, _, app = apps
    m = services(app).metrics
    before = dict(m.requests)
    fast.post("/sparql", data="ASK {}", headers={"Content-Type": QUERY})
    fast.post("/sparql", data="ASK {", headers={"Content-Type": QUERY})
    assert m.requests[("/sparql", "POST", 200)] == before.get(("/sparql", "POST", 200), 0) + 1
    assert m.requests[("/sparql", "POST", 400)] == before.get(("/sparql", "POST", 400), 0) + 1


def test_posted_queries_over_http(readonly_server):
    """A real HTTP server: form and direct POSTs answer the same bindings as GET."""
    import requests

    url = readonly_server.url + "/sparql"
    accept = {"Accept": "application/sparql-results+json"}
    get = requests.get(url, params={"query": Q}, headers=accept, timeout=30)
    form = requests.post(url, data={"query": Q}, headers=accept, timeout=30)
    direct = requests.post(url, data=Q.encode(), headers={**accept, "Content-Type": QUERY}, timeout=30)
    rows = [r.json()["results"]["bindings"] for r in (get, form, direct)]
    assert get.status_code == form.status_code == direct.status_code == 200
    assert rows[0] == rows[1] == rows[2] and len(rows[0]) == 5
    assert "ETag" not in form.headers and "ETag" in get.headers  # POST answers carry no validator
