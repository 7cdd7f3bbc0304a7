"""/sparql: SPARQL 1.1 Protocol, safety policy, negotiation, caps, service description,
CORS, auth, /health and /metrics. Flask test client unless a real socket matters."""

from __future__ import annotations

import csv
import io
import json
import socket
import threading
from urllib.parse import quote

import pyoxigraph as ox
import pytest
import requests
from conftest import TOKEN
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF

from server.app.factory import create_app
from server.core.errors import BadRequest
from server.core.namespaces import DEFAULT_BASE, history_graph
from server.core.settings import Settings
from server.protocol.request import parse_request
from server.protocol.results import WRITERS, render
from server.sparql.lexer import query_form, tokens
from server.sparql.rewrite import apply_using
from server.store import EmbeddedStore

LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
LABUDIN = "http://localhost:8000/id/person/labudin-mikhail"
AKIT = "http://localhost:8000/id/org/akit"
LABEL_Q = f"SELECT ?l WHERE {{ <{LABUDIN}> <{LABEL}> ?l }} ORDER BY ?l"
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
AUTH = {"Authorization": f"Bearer {TOKEN}"}
INSERT = "INSERT DATA { GRAPH <http://example.org/g1> { <http://example.org/s> <http://example.org/p> 'o' } }"


@pytest.fixture
def store(seeded_store):
    """A writable copy of the seeded store (copying quads is much faster than seeding again)."""
    st = EmbeddedStore(None)
    st.raw.extend(list(seeded_store.quads()))
    return st


def bindings(resp) -> list[dict[str, str]]:
    assert resp.status_code == 200, resp.data
    return [{k: v["value"] for k, v in b.items()} for b in resp.get_json()["results"]["bindings"]]


def quads(store) -> set:
    return set(store.quads())


# -- query forms ----------------------------------------------------------------------------
def test_get_query(readonly_client):
    resp = readonly_client.get("/sparql", query_string={"query": LABEL_Q})
    assert resp.headers["Content-Type"].startswith("application/sparql-results+json")
    assert [b["l"] for b in bindings(resp)] == ["Mikhail Labudin", "Михаил Лабудин"]


def test_post_form_query(readonly_client):
    resp = readonly_client.post("/sparql", data={"query": LABEL_Q})
    assert {b["l"] for b in bindings(resp)} == {"Mikhail Labudin", "Михаил Лабудин"}


def test_post_direct_query_and_trailing_slash(readonly_client):
    for path in ("/sparql", "/sparql/"):
        resp = readonly_client.post(path, data=LABEL_Q.encode(), content_type="application/sparql-query")
        assert {b["l"] for b in bindings(resp)} == {"Mikhail Labudin", "Михаил Лабудин"}


def test_json_terms_langs_and_datatypes(readonly_client):
    q = f'SELECT ?l ?n ?b WHERE {{ <{LABUDIN}> <{LABEL}> ?l FILTER(lang(?l) = "ru") BIND(42 AS ?n) BIND(BNODE() AS ?b) }}'
    row = readonly_client.get("/sparql", query_string={"query": q}).get_json()["results"]["bindings"][0]
    assert row["l"] == {"type": "literal", "value": "Михаил Лабудин", "xml:lang": "ru"}
    assert row["n"] == {"type": "literal", "value": "42", "datatype": "http://www.w3.org/2001/XMLSchema#integer"}
    assert row["b"]["type"] == "bnode"


# -- extension functions (SPARQL 1.1 17.6): an unknown one is an error value, not a refusal -----
def test_unknown_function_in_bind_leaves_the_variable_unbound(readonly_server):
    q = "SELECT ?x ?y WHERE { BIND(<http://example.org/f>(1) AS ?x) BIND(2 AS ?y) }"
    resp = requests.get(readonly_server.url + "/sparql", params={"query": q}, timeout=10)
    assert resp.status_code == 200, resp.text
    doc = resp.json()
    assert doc["head"]["vars"] == ["x", "y"]
    assert [{k: v["value"] for k, v in b.items()} for b in doc["results"]["bindings"]] == [{"y": "2"}]


def test_unknown_function_in_filter_filters_everything_out(readonly_server):
    url = readonly_server.url + "/sparql"
    where = f"{{ ?s <{LABEL}> ?l FILTER(<http://example.org/f>(?s)) }}"
    resp = requests.post(url, data={"query": f"SELECT ?s WHERE {where}"}, timeout=10)
    assert resp.status_code == 200, resp.text
    assert resp.json()["results"]["bindings"] == []
    # the same query without the filter has rows: the filter, not the pattern, removed them
    resp = requests.post(url, data={"query": f"ASK {{ ?s <{LABEL}> ?l }}"}, timeout=10)
    assert resp.json()["boolean"] is True
    # an error value is not the end of the expression: COALESCE and || go on past it
    q = (
        f"SELECT ?s ?v WHERE {{ <{LABUDIN}> <{LABEL}> ?l FILTER(<http://example.org/f>(?l) || true) "
        "BIND(COALESCE(<http://example.org/f>(?l), 'fallback') AS ?v) } LIMIT 1"
    )
    resp = requests.post(url, data={"query": q}, timeout=10)
    assert [b["v"]["value"] for b in resp.json()["results"]["bindings"]] == ["fallback"]


def test_unknown_function_in_update_writes_what_is_bound(client, store):
    upd = (
        "INSERT { <http://example.org/s> <http://example.org/p> ?v } WHERE { "
        "BIND(COALESCE(<http://example.org/f>(1), 'fallback') AS ?v) BIND(<http://example.org/f>(2) AS ?w) }"
    )
    assert client.post("/sparql", data={"update": upd}, headers=AUTH).status_code == 204
    rows = bindings(client.get("/sparql", query_string={"query": "SELECT ?o { <http://example.org/s> ?p ?o }"}))
    assert rows == [{"o": "fallback"}]


def test_too_many_unknown_functions_are_refused(readonly_client):
    q = "SELECT * WHERE { " + " ".join(f"BIND(<http://example.org/f{i}>(1) AS ?x{i})" for i in range(9)) + " }"
    resp = readonly_client.get("/sparql", query_string={"query": q})
    assert resp.status_code == 400
    assert "More than 8 unknown extension functions" in resp.get_json()["error"]["message"]
    resp = readonly_client.get("/sparql", query_string={"query": q.replace("f8>", "f0>")})
    assert bindings(resp) == [{}]


# -- our writers agree with pyoxigraph's own parsers (and so with the W3C formats) ------------
TRICKY = ox.Store()
for i, obj in enumerate(
    [
        ox.Literal('a "quoted", comma\nnew\tline\\'),
        ox.Literal("x", language="en-GB"),
        ox.Literal("1.5", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal")),
        ox.BlankNode("b1"),
        ox.NamedNode("http://example.org/a?b=c&d=e"),
        ox.Literal("<&>"),
    ]
):
    TRICKY.add(ox.Quad(ox.NamedNode(f"http://example.org/s{i}"), ox.NamedNode("http://example.org/p"), obj))


@pytest.mark.parametrize("fmt", ["json", "xml", "tsv"])
def test_writers_round_trip(fmt):
    q = "SELECT ?s ?o ?unbound WHERE { ?s ?p ?o OPTIONAL { ?s <http://example.org/none> ?unbound } } ORDER BY ?s"
    sols = TRICKY.query(q)
    variables = [v.value for v in sols.variables]
    ours = WRITERS[fmt](variables, list(sols), False)  # the Python writers
    native = TRICKY.query(q).serialize(format=ox.QueryResultsFormat.from_extension(fmt))
    assert render(TRICKY.query(q), fmt=fmt).body == native  # under the cap: the bytes of pyoxigraph's serialiser
    parse = lambda data: [
        {v.value: s[v] for v in r.variables if s[v] is not None}
        for r in [ox.parse_query_results(data, ox.QueryResultsFormat.from_extension(fmt))]
        for s in r
    ]
    ours_rows, native_rows = parse(ours), parse(native)
    norm = lambda rows: [{k: (("bnode",) if isinstance(v, ox.BlankNode) else v) for k, v in r.items()} for r in rows]
    assert norm(ours_rows) == norm(native_rows) and len(ours_rows) == 6


@pytest.mark.parametrize("cap,truncated", [(6, False), (7, False), (5, True), (1, True)])
def test_native_capped_rendering(cap, truncated):
    q = "SELECT ?s ?o WHERE { ?s ?p ?o } ORDER BY ?s"
    for fmt in ("json", "xml", "csv", "tsv"):
        out = render(TRICKY.query(q), fmt=fmt, max_rows=cap)
        assert out.truncated is truncated and out.count == min(cap, 6)
        if fmt == "csv":  # lossy, not parseable by Oxigraph: check its records
            assert len(list(csv.reader(io.StringIO(out.body.decode())))) == min(cap, 6) + 1
            continue
        parsed = list(ox.parse_query_results(out.body, ox.QueryResultsFormat.from_extension(fmt)))
        expected = list(TRICKY.query(q))[:cap]
        assert [str(r["o"]) for r in parsed if not isinstance(r["o"], ox.BlankNode)] == [
            str(r["o"]) for r in expected if not isinstance(r["o"], ox.BlankNode)
        ]
    doc = json.loads(render(TRICKY.query(q), fmt="json", max_rows=cap).body)
    assert doc.get("truncated", False) is truncated


def test_select_without_variables():
    out = render(TRICKY.query("SELECT * WHERE { }"), fmt="json")
    assert json.loads(out.body) == {"head": {"vars": []}, "results": {"bindings": [{}]}}


def test_csv_writer_escaping():
    for body in (
        render(TRICKY.query("SELECT ?o WHERE { <http://example.org/s0> ?p ?o }"), fmt="csv").body,
        WRITERS["csv"](["o"], list(TRICKY.query("SELECT ?o WHERE { <http://example.org/s0> ?p ?o }")), False),
    ):
        text = body.decode()
        assert text.startswith("o\r\n")
        assert list(csv.reader(io.StringIO(text))) == [["o"], ['a "quoted", comma\nnew\tline\\']]


# -- updates and auth -----------------------------------------------------------------------
def test_update_form_and_direct_with_token(client, store):
    assert client.post("/sparql", data={"update": INSERT}, headers=AUTH).status_code == 204
    q = "SELECT ?o { GRAPH <http://example.org/g1> { ?s ?p ?o } }"
    assert [b["o"] for b in bindings(client.get("/sparql", query_string={"query": q}))] == ["o"]
    delete = "DELETE DATA { GRAPH <http://example.org/g1> { <http://example.org/s> <http://example.org/p> 'o' } }"
    resp = client.post("/sparql", data=delete, content_type="application/sparql-update", headers=AUTH)
    assert resp.status_code == 204
    assert bindings(client.get("/sparql", query_string={"query": q})) == []


@pytest.mark.parametrize(
    "headers,status",
    [
        ({}, 401),
        ({"Authorization": "Bearer wrong-token"}, 403),
        ({"Authorization": "Basic dXNlcjpwdw=="}, 401),
        ({"Authorization": "Bearer"}, 401),
        ({"Authorization": f"bearer {TOKEN}x"}, 403),
    ],
)
def test_update_refused_without_valid_token(client, store, headers, status):
    before = quads(store)
    resp = client.post("/sparql", data=INSERT, content_type="application/sparql-update", headers=headers)
    assert resp.status_code == status
    assert resp.get_json()["error"]["status"] == status
    if status == 401:
        assert resp.headers["WWW-Authenticate"].startswith("Bearer")
    assert quads(store) == before


def test_update_forbidden_when_read_only(readonly_client, seeded_store):
    before = quads(seeded_store)
    resp = readonly_client.post("/sparql", data={"update": INSERT}, headers=AUTH)
    assert resp.status_code == 403 and "read-only" in resp.get_json()["error"]["message"]
    assert quads(seeded_store) == before


def test_repeated_wrong_tokens_are_rate_limited(client, store):
    codes = [
        client.post("/sparql", data={"update": INSERT}, headers={"Authorization": "Bearer nope"}).status_code
        for _ in range(12)
    ]
    assert codes[:10] == [403] * 10 and codes[10:] == [429, 429]
    assert "Retry-After" in client.post("/sparql", data={"update": INSERT}, headers=AUTH).headers


def test_get_update_refused(client, store):
    before = quads(store)
    resp = client.get("/sparql", query_string={"update": INSERT}, headers=AUTH)
    assert resp.status_code == 400 and "POST" in resp.get_json()["error"]["message"]
    assert quads(store) == before


def test_update_using_params(client, store):
    client.post("/sparql", data=INSERT, content_type="application/sparql-update", headers=AUTH)
    upd = "INSERT { GRAPH <http://example.org/out> { ?s <http://example.org/copied> ?o } } WHERE { ?s ?p ?o }"
    url = "/sparql?using-graph-uri=" + quote("http://example.org/g1", safe="")
    assert client.post(url, data=upd, content_type="application/sparql-update", headers=AUTH).status_code == 204
    q = "SELECT ?s ?o { GRAPH <http://example.org/out> { ?s ?p ?o } }"
    assert bindings(client.get("/sparql", query_string={"query": q})) == [{"s": "http://example.org/s", "o": "o"}]
    conflict = "WITH <http://example.org/g1> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }"
    before = quads(store)
    resp = client.post(url, data=conflict, content_type="application/sparql-update", headers=AUTH)
    assert resp.status_code == 400 and "USING/WITH" in resp.get_json()["error"]["message"]
    assert quads(store) == before


def test_apply_using_rewrites_only_operations_with_where():
    upd = (
        'PREFIX ex: <http://e/> INSERT DATA { ex:a ex:b "WHERE USING" } ; '
        "DELETE WHERE { ?s ex:p ?o } ; INSERT { ?s ex:q 1 } WHERE { { SELECT ?s WHERE { ?s ?p ?o } } }"
    )
    out = apply_using(upd, ["http://g/1"], ["http://g/2"])
    assert out.count("USING <http://g/1> USING NAMED <http://g/2>") == 2
    assert "DELETE { ?s ex:p ?o } USING <http://g/1> USING NAMED <http://g/2> WHERE { ?s ex:p ?o }" in out
    ox.Store().update(out)  # still valid SPARQL
    with pytest.raises(BadRequest):
        apply_using("DELETE { ?s ?p ?o } USING <http://g> WHERE { ?s ?p ?o }", ["http://g/1"], [])


# -- protocol errors ------------------------------------------------------------------------
@pytest.mark.parametrize(
    "kwargs,status,words",
    [
        ({"query_string": "query=ASK%7B%7D&query=ASK%7B%7D"}, 400, "one 'query'"),
        ({"method": "POST", "data": b"ASK {}", "content_type": "text/plain"}, 415, "not supported"),
        ({"method": "POST", "data": b"ASK {}"}, 400, "Content-Type"),
        (
            {"method": "POST", "data": "ASK {}".encode("utf-16"), "content_type": "application/sparql-query"},
            400,
            "UTF-8",
        ),
        (
            {"method": "POST", "data": b"ASK {}", "content_type": "application/sparql-query; charset=UTF-16"},
            400,
            "UTF-8",
        ),
        (
            {"method": "POST", "data": b"query=ASK%7B%FF%7D", "content_type": "application/x-www-form-urlencoded"},
            400,
            "UTF-8",
        ),
        ({"query_string": "query=SELEC+*+%7B%7D"}, 400, "Malformed query"),
        ({"query_string": "query=ASK%7B%7D&timeout=soon"}, 400, "timeout"),
        ({"query_string": "query=ASK%7B%7D&default-graph-uri=not%20an%20iri"}, 400, "IRI"),
        ({"query_string": "query=ASK%7B%7D&format=png"}, 400, "format"),
        ({"method": "POST", "data": {"query": "ASK {}", "update": "CLEAR ALL"}}, 400, "not both"),
    ],
)
def test_bad_requests(readonly_client, kwargs, status, words):
    kwargs = {"method": "GET", **kwargs}
    resp = readonly_client.open("/sparql", **kwargs)
    assert resp.status_code == status
    err = resp.get_json()["error"]
    assert err["status"] == status and words.lower() in err["message"].lower()


def test_put_is_not_allowed(readonly_client):
    resp = readonly_client.put("/sparql?query=ASK%7B%7D")
    assert resp.status_code == 405 and resp.get_json()["error"]["status"] == 405


def test_query_length_cap(seeded_store):
    app = create_app(Settings.from_env({}, memory=True, max_query_length=50), store=seeded_store)
    resp = app.test_client().get("/sparql", query_string={"query": "ASK {}" + " " * 60})
    assert resp.status_code == 413 and "limit is 50" in resp.get_json()["error"]["message"]


def test_body_cap_413(seeded_store):
    app = create_app(Settings.from_env({}, memory=True, max_body_bytes=1000), store=seeded_store)
    resp = app.test_client().post("/sparql", data=b"ASK {}" + b" " * 2000, content_type="application/sparql-query")
    assert resp.status_code == 413 and resp.get_json()["error"]["status"] == 413


def test_parse_request_unit():
    req = parse_request("GET", None, "query=ASK%7B%7D&named-graph-uri=http%3A%2F%2Fg", b"")
    assert req.operation == "query" and req.default_graphs == [] and req.named_graphs == ["http://g"]
    assert parse_request("GET", None, b"", b"").operation is None
    req = parse_request("POST", "application/sparql-update", "using-named-graph-uri=http%3A%2F%2Fg", b"CLEAR ALL")
    assert req.using_named_graphs == ["http://g"] and req.text == "CLEAR ALL"


# -- safety: SERVICE / LOAD never open a connection ------------------------------------------
@pytest.fixture
def listener():
    """A listening socket on 127.0.0.1 that records any connection made to it."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(5)
    sock.settimeout(0.5)
    hits: list[bytes] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = sock.accept()
                hits.append(b"connected")
                conn.close()
            except OSError:
                continue

    t = threading.Thread(target=accept, daemon=True)
    t.start()
    yield sock.getsockname()[1], hits
    stop.set()
    t.join()
    sock.close()


def test_service_and_load_refused_without_connecting(client, store, listener):
    port, hits = listener
    url = f"http://127.0.0.1:{port}/sparql"
    for q in (
        f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ ?s ?p ?o .SERVICE SILENT <{url}> {{ ?s ?p ?o }} }}",
        "SELECT * WHERE { BIND(1 AS ?x) SERVICE ?x { ?s ?p ?o } }",
    ):
        resp = client.post("/sparql", data=q, content_type="application/sparql-query")
        assert resp.status_code == 403, q
        err = resp.get_json()["error"]
        assert "SERVICE" in err["message"] and err["detail"] == {"feature": "SERVICE"}
    before = quads(store)
    for upd in (
        f"LOAD <{url}>",
        f"LOAD SILENT <{url}> INTO GRAPH <http://example.org/g>",
        f"INSERT {{ ?s ?p ?o }} WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
    ):
        resp = client.post("/sparql", data={"update": upd}, headers=AUTH)
        assert resp.status_code == 403, upd
    assert quads(store) == before
    assert hits == []


def test_words_in_literals_iris_and_names_are_not_keywords(readonly_client):
    q = (
        "PREFIX service: <http://example.org/service#> SELECT ?service WHERE { "
        'BIND("SERVICE <http://x/> {}" AS ?service) FILTER(?service != service:LOAD) } # SERVICE <http://x/>'
    )
    assert bindings(readonly_client.get("/sparql", query_string={"query": q})) == [
        {"service": "SERVICE <http://x/> {}"}
    ]


def test_malformed_service_query_is_a_syntax_error(readonly_client):
    resp = readonly_client.post(
        "/sparql", data="SELECT * { SERVICE <http://x/> { ?s ?p ?o }", content_type="application/sparql-query"
    )
    assert resp.status_code == 400 and resp.get_json()["error"]["code"] == "query_syntax"


def test_tokenizer():
    toks = [(t.kind, t.text) for t in tokens('ex:a.SERVICE ?x.SERVICE 1.SERVICE "s" <i> @en')]
    assert ("pname", "ex:a.SERVICE") in toks and toks.count(("word", "SERVICE")) == 2
    assert query_form("PREFIX select: <x:> # SELECT\n CONSTRUCT { ?s ?p ?o } WHERE { { SELECT * {} } }") == "CONSTRUCT"


# -- dataset parameters ---------------------------------------------------------------------
def test_default_and_named_graph_uri(client, store):
    client.post("/sparql", data={"update": INSERT.replace("'o'", "'one'")}, headers=AUTH)
    client.post("/sparql", data={"update": INSERT.replace("g1", "g2").replace("'o'", "'two'")}, headers=AUTH)
    g1, g2 = quote("http://example.org/g1", safe=""), quote("http://example.org/g2", safe="")
    q = quote("SELECT ?o WHERE { ?s <http://example.org/p> ?o }")
    assert bindings(client.get(f"/sparql?query={q}&default-graph-uri={g1}")) == [{"o": "one"}]
    both = bindings(client.get(f"/sparql?query={q}&default-graph-uri={g1}&default-graph-uri={g2}"))
    assert sorted(b["o"] for b in both) == ["one", "two"]
    # only named graphs given: the default graph is empty, GRAPH sees just those
    assert bindings(client.get(f"/sparql?query={q}&named-graph-uri={g2}")) == []
    qg = quote("SELECT ?g ?o WHERE { GRAPH ?g { ?s <http://example.org/p> ?o } }")
    assert bindings(client.get(f"/sparql?query={qg}&named-graph-uri={g2}")) == [
        {"g": "http://example.org/g2", "o": "two"}
    ]
    # no parameters: the default graph is the union of all graphs
    assert sorted(b["o"] for b in bindings(client.get(f"/sparql?query={q}"))) == ["one", "two"]
    # protocol parameters override FROM in the query
    qf = quote("SELECT ?o FROM <http://example.org/g2> WHERE { ?s <http://example.org/p> ?o }")
    assert bindings(client.get(f"/sparql?query={qf}")) == [{"o": "two"}]
    assert bindings(client.get(f"/sparql?query={qf}&default-graph-uri={g1}")) == [{"o": "one"}]


# -- content negotiation --------------------------------------------------------------------
@pytest.mark.parametrize(
    "accept,expected",
    [
        (None, "application/sparql-results+json"),
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/csv;q=0.5, text/tab-separated-values;q=0.9", "text/tab-separated-values"),
        ("text/csv, */*;q=0.1", "text/csv"),
        ("*/*", "application/sparql-results+json"),
        ("application/json", "application/sparql-results+json"),
        ("text/html, application/xml;q=0.9, */*;q=0.8", "application/sparql-results+xml"),
    ],
)
def test_select_negotiation(readonly_client, accept, expected):
    headers = {"Accept": accept} if accept else {}
    resp = readonly_client.get("/sparql", query_string={"query": LABEL_Q}, headers=headers)
    assert resp.status_code == 200 and resp.headers["Content-Type"].split(";")[0] == expected
    if expected == "text/tab-separated-values":
        assert resp.data.decode().splitlines()[0] == "?l"
        assert '"Mikhail Labudin"@en' in resp.data.decode()


def test_format_param_overrides_accept_and_406(readonly_client):
    resp = readonly_client.get(
        "/sparql",
        query_string={"query": LABEL_Q, "format": "csv"},
        headers={"Accept": "application/sparql-results+json"},
    )
    assert resp.headers["Content-Type"].startswith("text/csv")
    assert list(csv.reader(io.StringIO(resp.data.decode())))[1:] == [["Mikhail Labudin"], ["Михаил Лабудин"]]
    resp = readonly_client.get("/sparql", query_string={"query": LABEL_Q}, headers={"Accept": "image/png"})
    assert resp.status_code == 406
    assert "application/sparql-results+json" in resp.get_json()["error"]["message"]


@pytest.mark.parametrize(
    "accept,rdflib_format",
    [
        (None, "turtle"),
        ("application/n-triples", "nt"),
        ("application/rdf+xml", "xml"),
        ("application/ld+json", "json-ld"),
        ("text/turtle;q=0.1, application/rdf+xml;q=0.2", "xml"),
    ],
)
def test_construct_negotiation(readonly_client, accept, rdflib_format):
    q = f"CONSTRUCT {{ <{AKIT}> <{LABEL}> ?l }} WHERE {{ <{AKIT}> <{LABEL}> ?l }}"
    resp = readonly_client.get("/sparql", query_string={"query": q}, headers={"Accept": accept} if accept else {})
    assert resp.status_code == 200
    g = Graph().parse(data=resp.data, format=rdflib_format)
    assert set(g.objects(URIRef(AKIT), URIRef(LABEL))) == {
        Literal("Ассоциация кластеров, технопарков и ОЭЗ России", lang="ru"),
        Literal("Association of Clusters, Technoparks and SEZs of Russia", lang="en"),
    }


def test_describe_and_ask(readonly_client):
    g = Graph().parse(
        data=readonly_client.get("/sparql", query_string={"query": f"DESCRIBE <{AKIT}>"}).data, format="turtle"
    )
    assert (URIRef(AKIT), URIRef(LABEL), Literal("AKIT RF", lang="en")) not in g
    assert len(set(g.objects(URIRef(AKIT), URIRef(LABEL)))) == 2
    resp = readonly_client.get(
        "/sparql",
        query_string={"query": f"ASK {{ <{AKIT}> ?p ?o }}"},
        headers={"Accept": "application/sparql-results+xml"},
    )
    assert b"<boolean>true</boolean>" in resp.data
    assert readonly_client.get("/sparql", query_string={"query": "ASK { <urn:x:nothing> ?p ?o }"}).get_json() == {
        "head": {},
        "boolean": False,
    }


# -- caps -----------------------------------------------------------------------------------
def test_row_and_triple_caps_are_flagged(seeded_store):
    app = create_app(Settings.from_env({}, memory=True, max_rows=5, max_construct_triples=3), store=seeded_store)
    c = app.test_client()
    resp = c.get("/sparql", query_string={"query": "SELECT * { ?s ?p ?o }"})
    body = resp.get_json()
    assert resp.headers["X-Result-Truncated"] == "true" and body["truncated"] is True
    assert len(body["results"]["bindings"]) == 5
    resp = c.get("/sparql", query_string={"query": "SELECT * { ?s ?p ?o }", "format": "csv"})
    assert resp.headers["X-Result-Truncated"] == "true" and len(resp.data.decode().splitlines()) == 6
    resp = c.get("/sparql", query_string={"query": "CONSTRUCT WHERE { ?s ?p ?o }"})
    assert resp.headers["X-Result-Truncated"] == "true" and len(Graph().parse(data=resp.data, format="turtle")) == 3
    resp = c.get("/sparql", query_string={"query": "SELECT * { ?s ?p ?o } LIMIT 5"})
    assert "X-Result-Truncated" not in resp.headers and "truncated" not in resp.get_json()


# -- service description --------------------------------------------------------------------
def _sd_graph(resp, fmt="turtle") -> Graph:
    assert resp.status_code == 200
    return Graph().parse(data=getattr(resp, "content", None) or resp.data, format=fmt)


def test_service_description_read_only(readonly_server, seeded_store):
    url = readonly_server.url + "/sparql"
    g = _sd_graph(requests.get(url, timeout=10))
    service = g.value(predicate=RDF.type, object=SD.Service)
    assert g.value(service, SD.endpoint) == URIRef(url)
    assert set(g.objects(service, SD.supportedLanguage)) == {SD.SPARQL11Query}
    assert not list(g.objects(service, SD.defaultEntailmentRegime))
    fmt = Namespace("http://www.w3.org/ns/formats/")
    assert {fmt.SPARQL_Results_JSON, fmt.SPARQL_Results_CSV, fmt.Turtle} <= set(g.objects(service, SD.resultFormat))
    names = {str(n) for n in g.objects(None, SD.name)}
    assert names == {gi.iri for gi in seeded_store.graphs()}
    # the default graph is the union of the named graphs but the history graph, when there is one
    assert ((service, SD.feature, SD.UnionDefaultGraph) in g) == (history_graph(DEFAULT_BASE) not in names)
    for accept, fmt_name in (("application/rdf+xml", "xml"), ("application/ld+json", "json-ld")):
        g2 = _sd_graph(requests.get(url, headers={"Accept": accept}, timeout=10), fmt_name)
        assert g2.value(g2.value(predicate=RDF.type, object=SD.Service), SD.endpoint) == URIRef(url)


def test_service_description_claims_update_with_token(client):
    g = _sd_graph(client.get("/sparql"))
    service = g.value(predicate=RDF.type, object=SD.Service)
    assert set(g.objects(service, SD.supportedLanguage)) == {SD.SPARQL11Query, SD.SPARQL11Update}


# -- CORS -----------------------------------------------------------------------------------
def test_cors(readonly_client, client, seeded_store):
    origin = {"Origin": "https://example.net"}
    resp = readonly_client.get("/sparql", query_string={"query": LABEL_Q}, headers=origin)
    assert resp.headers["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in resp.headers
    assert "X-Result-Truncated" in resp.headers["Access-Control-Expose-Headers"]
    pre = readonly_client.options(
        "/sparql",
        headers={
            **origin,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type, authorization",
        },
    )
    assert pre.status_code == 204 and "POST" in pre.headers["Access-Control-Allow-Methods"]
    assert "authorization" not in pre.headers["Access-Control-Allow-Headers"].lower()
    resp = client.post("/sparql", data={"update": INSERT}, headers={**origin, **AUTH})
    assert resp.status_code == 204 and "Access-Control-Allow-Origin" not in resp.headers
    listed = create_app(Settings.from_env({}, memory=True, cors_origins="https://a.example"), store=seeded_store)
    c = listed.test_client()
    ok = c.get("/sparql", query_string={"query": LABEL_Q}, headers={"Origin": "https://a.example"})
    assert ok.headers["Access-Control-Allow-Origin"] == "https://a.example"
    other = c.get("/sparql", query_string={"query": LABEL_Q}, headers=origin)
    assert "Access-Control-Allow-Origin" not in other.headers


# -- /health and /metrics -------------------------------------------------------------------
def test_health(readonly_client):
    body = readonly_client.get("/health").get_json()
    assert body["status"] == "ok" and body["store"]["backend"] == "embedded"


def test_metrics(client, store):
    client.get("/sparql", query_string={"query": LABEL_Q})
    client.get("/sparql", query_string={"query": "SELEC"})
    text = client.get("/metrics").data.decode()
    samples = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            name, value = line.rsplit(" ", 1)
            samples[name] = float(value)
    assert samples['policykg_http_requests_total{route="/sparql",method="GET",status="200"}'] >= 1
    assert samples['policykg_http_requests_total{route="/sparql",method="GET",status="400"}'] >= 1
    assert samples["policykg_query_duration_seconds_count"] >= 1
    assert (
        samples['policykg_query_duration_seconds_bucket{le="+Inf"}'] == samples["policykg_query_duration_seconds_count"]
    )
    assert samples["policykg_query_timeouts_total"] == 0
    assert samples["policykg_store_triples"] == len(list(store.quads()))
    assert "# TYPE policykg_query_duration_seconds histogram" in text


def test_error_shape_is_json_everywhere(readonly_client):
    resp = readonly_client.get("/sparql", query_string={"query": "SELECT"}, headers={"Accept": "text/html"})
    assert resp.status_code == 400 and json.loads(resp.data)["error"]["code"] == "query_syntax"


def test_service_allow_list():
    from server.core.errors import Forbidden
    from server.sparql.policy import check_query_policy

    q = "SELECT * WHERE { SERVICE SILENT <https://query.wikidata.org/sparql> { ?s ?p ?o } }"
    check_query_policy(q, "query.wikidata.org, example.org")  # allowed: no exception
    for text, hosts in (
        (q, "example.org"),
        (q.replace("<https://query.wikidata.org/sparql>", "?svc"), "query.wikidata.org"),
        (q.replace("https:", "file:"), "query.wikidata.org"),
    ):
        with pytest.raises(Forbidden):
            check_query_policy(text, hosts)


def test_cors_on_read_errors(readonly_client):
    resp = readonly_client.get("/sparql", query_string={"query": "SELEC"}, headers={"Origin": "https://example.net"})
    assert resp.status_code == 400 and resp.headers["Access-Control-Allow-Origin"] == "*"
    resp = readonly_client.get(
        "/sparql", query_string="query=ASK%7B%7D&query=ASK%7B%7D", headers={"Origin": "https://example.net"}
    )
    assert resp.status_code == 400 and resp.headers["Access-Control-Allow-Origin"] == "*"
