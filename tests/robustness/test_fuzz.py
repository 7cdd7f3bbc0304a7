"""Property-based fuzzing of every surface (hypothesis, derandomized, bounded).

Every response keeps the invariants of ``helpers.check_response``: no 5xx (a 503 only for a
query stopped at its timeout), no traceback, errors in the one JSON shape (or the HTML error
page for browser routes), no credentialed CORS; and every rejected request leaves the store's
quads exactly as they were.
"""

from __future__ import annotations

import http.client
import json
from urllib.parse import quote, urlencode

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from server.app.factory import create_app
from server.core.settings import Settings
from server.store import EmbeddedStore
from server.views.context import services

from .conftest import TOKEN, examples
from .helpers import FIGURES, check_flask, check_response, restore, snapshot
from .strategies import (
    DATA_IRIS,
    accept_header,
    auth_header,
    header_safe,
    nasty_text,
    path_segment,
    sparql_query,
    sparql_update,
    text_chars,
)
from .uploads import rdf_upload

GOOD_AUTH = f"Bearer {TOKEN}"


def addr(n: int) -> dict[str, str]:
    """A distinct client address per example, so the failed-token limiter does not turn the
    whole fuzz run into 429s (the limiter itself is tested in test_attacks)."""
    return {"REMOTE_ADDR": f"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}"}


@pytest.fixture
def disk_app(tmp_path, seeded_store):
    """An on-disk store served through the query executor processes (the production path)."""
    st_ = EmbeddedStore(tmp_path / "store")
    with st_.writer() as rw:
        rw.extend(list(seeded_store.quads()))
    s = Settings.from_env(
        {},
        data_dir=str(tmp_path / "store"),
        update_token=TOKEN,
        query_timeout=3.0,
        query_workers=2,
        max_rows=2000,
        max_construct_triples=5000,
    )
    app = create_app(s, store=st_)
    app.logger.disabled = True
    yield app
    pool = services(app).query.runner
    if pool is not None:
        pool.close()
    st_.close()


# -- SPARQL queries ----------------------------------------------------------------------------
def test_fuzz_sparql_queries(disk_app):
    client = disk_app.test_client()
    st_ = services(disk_app).store
    before = snapshot(st_)
    counter = iter(range(10**9))

    @settings(max_examples=examples(3000))
    @given(
        q=sparql_query,
        how=st.sampled_from(["get", "form", "direct"]),
        accept=st.one_of(st.none(), accept_header),
        extra=st.dictionaries(
            st.sampled_from(["timeout", "format", "default-graph-uri", "named-graph-uri", "using-graph-uri", "update"]),
            st.one_of(nasty_text, st.sampled_from(["1", "0", "-1", "nan", "inf", "json", "csv", "ttl", DATA_IRIS[2]])),
            max_size=2,
        ),
    )
    def run(q, how, accept, extra):
        n = next(counter)
        headers = {"Accept": accept} if accept is not None else {}
        if how == "get":
            resp = client.get("/sparql?" + urlencode({"query": q, **extra}), headers=headers, environ_base=addr(n))
        elif how == "form":
            resp = client.post(
                "/sparql",
                data=urlencode({"query": q, **extra}),
                headers=headers,
                content_type="application/x-www-form-urlencoded",
                environ_base=addr(n),
            )
        else:
            resp = client.post(
                "/sparql?" + urlencode(extra),
                data=q.encode("utf-8", "surrogatepass"),
                headers=headers,
                content_type="application/sparql-query",
                environ_base=addr(n),
            )
        check_flask(resp, f"{how} query {q!r} {extra!r} Accept={accept!r}")
        if resp.status_code == 503:
            FIGURES.add("fuzz_query_timeouts")

    run()
    assert snapshot(st_) == before  # queries never change the store


# -- SPARQL updates ----------------------------------------------------------------------------
def test_fuzz_sparql_updates(fuzz_app):
    client = fuzz_app.test_client()
    st_ = services(fuzz_app).store
    original = list(st_.quads())
    counter = iter(range(10**9))

    @settings(max_examples=examples(1500))
    @given(
        u=sparql_update,
        auth=st.one_of(st.just(GOOD_AUTH), auth_header),
        how=st.sampled_from(["form", "direct", "get"]),
        extra=st.dictionaries(
            st.sampled_from(["using-graph-uri", "using-named-graph-uri", "default-graph-uri", "query"]),
            st.one_of(nasty_text, st.sampled_from(DATA_IRIS)),
            max_size=2,
        ),
    )
    def run(u, auth, how, extra):
        n = next(counter)
        before = snapshot(st_)
        headers = {"Authorization": auth} if auth is not None else {}
        if how == "form":
            resp = client.post(
                "/sparql",
                data=urlencode({"update": u, **extra}),
                headers=headers,
                content_type="application/x-www-form-urlencoded",
                environ_base=addr(n),
            )
        elif how == "direct":
            resp = client.post(
                "/sparql?" + urlencode(extra),
                data=u.encode("utf-8", "surrogatepass"),
                headers=headers,
                content_type="application/sparql-update",
                environ_base=addr(n),
            )
        else:
            resp = client.get("/sparql?" + urlencode({"update": u, **extra}), headers=headers, environ_base=addr(n))
        check_flask(resp, f"{how} update {u!r} {extra!r} auth={auth!r}")
        if resp.status_code >= 300:
            assert snapshot(st_) == before, f"rejected update {u!r} ({resp.status_code}) changed the store"
            FIGURES.add("rejected_writes_checked")
        else:
            assert auth == GOOD_AUTH, f"update {u!r} accepted with Authorization={auth!r}"
            restore(st_, original)

    run()


# -- every route: paths, query strings, methods, headers ----------------------------------------
ROUTES = ["/id/", "/page/", "/data/", "/ontology/", "/store/", "/api/queries/", "/ingest/drafts/", "/static/"]
QUERY_ROUTES = [
    "/",
    "/index.json",
    "/page",
    "/page.json",
    "/data",
    "/class",
    "/class.json",
    "/classes",
    "/search",
    "/search.json",
    "/query",
    "/query.json",
    "/export",
    "/.well-known/void",
    "/store",
    "/api/queries",
    "/api",
    "/api/openapi.json",
    "/sparql",
    "/health",
    "/metrics",
    "/ontology",
    "/ontology.ttl",
    "/ingest/drafts",
    "/nothing-here",
]
PARAMS = [
    "iri",
    "q",
    "query",
    "graph",
    "default",
    "format",
    "lang",
    "page",
    "inpage",
    "inprop",
    "class",
    "limit",
    "offset",
    "inferred",
    "compress",
    "type",
    "timeout",
    "sort",
]


def test_fuzz_routes(fuzz_app):
    client = fuzz_app.test_client()
    st_ = services(fuzz_app).store
    counter = iter(range(10**9))

    @settings(max_examples=examples(3000))
    @given(
        route=st.one_of(
            st.tuples(st.sampled_from(ROUTES), path_segment).map(lambda t: t[0] + quote(t[1], safe="/%")),
            st.sampled_from(QUERY_ROUTES),
        ),
        params=st.lists(
            st.tuples(st.sampled_from(PARAMS), st.one_of(nasty_text, st.sampled_from(DATA_IRIS))), max_size=3
        ),
        method=st.sampled_from(["GET", "GET", "GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH"]),
        accept=st.one_of(st.none(), accept_header),
        lang=st.one_of(st.none(), nasty_text.map(header_safe)),
        auth=auth_header,
        ctype=st.one_of(st.none(), accept_header),
        body=st.one_of(st.just(b""), st.binary(max_size=200)),
    )
    def run(route, params, method, accept, lang, auth, ctype, body):
        n = next(counter)
        before = snapshot(st_) if method in ("POST", "PUT", "DELETE", "PATCH") else None
        headers = {
            k: v
            for k, v in {
                "Accept": accept,
                "Accept-Language": lang,
                "Authorization": auth,
                "Content-Type": ctype,
                "Origin": "http://evil.example",
            }.items()
            if v is not None
        }
        url = route + ("?" + urlencode(params) if params else "")
        resp = client.open(url, method=method, headers=headers, data=body, environ_base=addr(n))
        if method == "HEAD":  # no body: status and headers only
            assert resp.status_code < 500 and resp.headers.get("Access-Control-Allow-Credentials") is None
            FIGURES.add("requests_fuzzed")
        else:
            check_flask(resp, f"{method} {url} {headers!r}")
        if before is not None:
            if resp.status_code >= 300:
                assert snapshot(st_) == before, f"rejected {method} {url} changed the store"
                FIGURES.add("rejected_writes_checked")
            else:
                assert auth == GOOD_AUTH

    run()


# -- named-query parameters --------------------------------------------------------------------
def test_fuzz_named_query_parameters(fuzz_app):
    client = fuzz_app.test_client()
    names = [q["name"] for q in client.get("/api/queries").get_json()["queries"]]
    assert len(names) >= 5
    params = sorted(
        {p["name"] for q in client.get("/api/queries").get_json()["queries"] for p in q.get("params", [])}
        | {"limit", "offset", "format", "lang"}
    )

    @settings(max_examples=examples(1000))
    @given(
        name=st.one_of(st.sampled_from(names), nasty_text.map(lambda t: quote(t, safe=""))),
        args=st.lists(
            st.tuples(
                st.sampled_from(params),
                st.one_of(
                    nasty_text,
                    st.sampled_from(DATA_IRIS),
                    st.integers(-(10**20), 10**20).map(str),
                    st.sampled_from(["true", "2026-01-27", "2026-02-30", "ru", "en", "xx", "1e9", "NaN"]),
                ),
            ),
            max_size=4,
        ),
        accept=st.one_of(st.none(), accept_header),
    )
    def run(name, args, accept):
        headers = {"Accept": accept} if accept is not None else {}
        resp = client.get(f"/api/queries/{name}?{urlencode(args)}", headers=headers)
        check_flask(resp, f"/api/queries/{name}?{urlencode(args)} Accept={accept!r}")
        if resp.status_code == 200 and resp.mimetype == "application/sparql-results+json":
            doc = json.loads(resp.get_data())  # the shipped named queries are SELECT (or CONSTRUCT: RDF)
            assert isinstance(doc["head"]["vars"], list) and isinstance(doc["results"]["bindings"], list), doc

    run()


# -- uploads to the Graph Store ------------------------------------------------------------------
def test_fuzz_graph_store_uploads(fuzz_app):
    client = fuzz_app.test_client()
    st_ = services(fuzz_app).store
    original = list(st_.quads())
    counter = iter(range(10**9))

    @settings(max_examples=examples(1500))
    @given(
        upload=rdf_upload(),
        method=st.sampled_from(["PUT", "POST"]),
        target=st.one_of(
            st.sampled_from(
                [
                    "?graph=http://example.org/g",
                    "?default",
                    "",
                    "?graph=http://localhost:8000/id/graph/article-2026-01-27",
                ]
            ),
            nasty_text.map(lambda t: "?graph=" + quote(t, safe="")),
        ),
        auth=st.one_of(st.just(GOOD_AUTH), st.just(GOOD_AUTH), auth_header),
    )
    def run(upload, method, target, auth):
        n = next(counter)
        ctype, body = upload
        before = snapshot(st_)
        headers = {"Authorization": auth} if auth is not None else {}
        if ctype is not None:
            headers["Content-Type"] = header_safe(ctype)
        resp = client.open("/store" + target, method=method, data=body, headers=headers, environ_base=addr(n))
        check_flask(resp, f"{method} /store{target} {ctype!r} {body[:200]!r}")
        if resp.status_code >= 300:
            assert snapshot(st_) == before, f"rejected upload changed the store: {ctype} {body[:200]!r}"
            FIGURES.add("rejected_writes_checked")
        else:
            assert auth == GOOD_AUTH
            FIGURES.add("fuzz_uploads_accepted")
            restore(st_, original)

    run()


# -- a smaller sample over real HTTP (werkzeug server, raw http.client) -----------------------
def test_fuzz_over_http(live_server):
    host, port = "127.0.0.1", live_server.port

    @settings(max_examples=examples(300, 3000))
    @given(
        q=sparql_query,
        route=st.sampled_from(
            ["/sparql?query=", "/query?query=", "/search?q=", "/page?iri=", "/export?graph=", "/store?graph="]
        ),
        accept=st.one_of(st.none(), accept_header),
        raw_header=st.one_of(st.none(), st.text(text_chars, max_size=30)),
    )
    def run(q, route, accept, raw_header):
        conn = http.client.HTTPConnection(host, port, timeout=30)
        try:
            conn.putrequest("GET", route + quote(q, safe=""), skip_accept_encoding=True)
            if accept is not None:
                conn.putheader("Accept", accept.encode("utf-8", "surrogatepass"))
            if raw_header is not None:
                conn.putheader(
                    "X-Fuzz", raw_header.encode("utf-8", "surrogatepass").replace(b"\r", b"").replace(b"\n", b"")
                )
            conn.endheaders()
            r = conn.getresponse()
            body = r.read()
            check_response(
                r.status,
                r.headers,
                body,
                what=f"HTTP GET {route}{q!r} Accept={accept!r}",
                page=route == "/query?query=",
            )
            FIGURES.add("requests_fuzzed_over_http")
        finally:
            conn.close()

    run()
