"""Attack inputs: SSRF through SERVICE/LOAD (a listening socket proves no connection is made),
XML entities in uploaded RDF/XML, XSS payloads in every page, CSV formula injection, path
traversal, token brute force and CORS."""

from __future__ import annotations

import inspect
import re
import socket
import threading
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest

from server.protocol import auth
from server.views.context import services

from .conftest import TOKEN
from .helpers import FIGURES, check_flask, snapshot

GOOD = {"Authorization": f"Bearer {TOKEN}"}


class Listener:
    """A TCP socket on 127.0.0.1 that records every connection attempt."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.1)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self._stop = False
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self) -> None:
        time.sleep(0.2)  # let a late connection land before we count
        self._stop = True
        self._thread.join(2)
        self.sock.close()


@pytest.fixture
def listener():
    lst = Listener()
    yield lst
    lst.close()


#: what each SSRF attempt gets: refused by policy before evaluation, a syntax error (Oxigraph
#: does not decode \u escapes outside strings, so an escaped keyword is no keyword), or inert
FORBIDDEN, SYNTAX, INERT = (403, "forbidden"), (400, "query_syntax"), (200, None)


def ssrf_queries(port: int) -> list[tuple[str, tuple[int, str | None]]]:
    u = f"http://127.0.0.1:{port}/sparql"
    return [
        (f"SELECT * WHERE {{ SERVICE <{u}> {{ ?s ?p ?o }} }}", FORBIDDEN),
        (f"SELECT * WHERE {{ SERVICE SILENT <{u}> {{ ?s ?p ?o }} }}", FORBIDDEN),
        (f"select * where {{ service <{u}> {{ ?s ?p ?o }} }}", FORBIDDEN),
        (f"PREFIX e: <http://127.0.0.1:{port}/> SELECT * WHERE {{ SERVICE e:sparql {{ ?s ?p ?o }} }}", FORBIDDEN),
        (f"BASE <http://127.0.0.1:{port}/> SELECT * WHERE {{ SERVICE <sparql> {{ ?s ?p ?o }} }}", FORBIDDEN),
        (f"SELECT * WHERE {{ VALUES ?e {{ <{u}> }} SERVICE ?e {{ ?s ?p ?o }} }}", FORBIDDEN),
        (f"SELECT * WHERE {{ SERVICE <http://localhost:{port}/> {{ ?s ?p ?o }} }}", FORBIDDEN),
        (f"SELECT * WHERE {{ SERVICE <http://[::1]:{port}/> {{ ?s ?p ?o }} }}", FORBIDDEN),
        (f"SELECT * WHERE {{ SERVICE <http://2130706433:{port}/> {{ ?s ?p ?o }} }}", FORBIDDEN),
        (f"SELECT * WHERE {{ \\u0053ERVICE <{u}> {{ ?s ?p ?o }} }}", SYNTAX),
        (f"SELECT * WHERE {{ SERV\\u0049CE <{u}> {{ ?s ?p ?o }} }}", SYNTAX),
        (f"SELECT * WHERE {{ SERVICE <{u}> {{ ?s ?p ?o }} }} # service", FORBIDDEN),
        ("SELECT * WHERE { SERVICE <file:///etc/passwd> { ?s ?p ?o } }", FORBIDDEN),
        # a dataset IRI names a graph of the store, never a document to fetch: empty answers
        (f"SELECT * FROM <{u}> WHERE {{ ?s ?p ?o }}", INERT),
        (f"SELECT * FROM NAMED <{u}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}", INERT),
        (f'SELECT * WHERE {{ ?s ?p ?o FILTER(IRI("{u}") = ?s) }} LIMIT 1', INERT),
    ]


def ssrf_updates(port: int) -> list[tuple[str, tuple[int, str | None]]]:
    u = f"http://127.0.0.1:{port}/data.ttl"
    return [
        (f"LOAD <{u}>", FORBIDDEN),
        (f"LOAD SILENT <{u}> INTO GRAPH <http://example.org/g>", FORBIDDEN),
        (f"load <{u}>", FORBIDDEN),
        (f"\\u004cOAD <{u}>", SYNTAX),
        ("LOAD <file:///etc/passwd>", FORBIDDEN),
        ("LOAD SILENT <file:///etc/hostname> INTO GRAPH <http://example.org/g>", FORBIDDEN),
        (
            f"INSERT {{ GRAPH <http://example.org/g> {{ ?s ?p ?o }} }} WHERE {{ SERVICE <{u}> {{ ?s ?p ?o }} }}",
            FORBIDDEN,
        ),
        (
            f"INSERT {{ GRAPH <http://example.org/g> {{ ?s ?p ?o }} }} WHERE {{ SERV\\u0049CE <{u}> {{ ?s ?p ?o }} }}",
            SYNTAX,
        ),
        (f"PREFIX e: <http://127.0.0.1:{port}/> LOAD e:x", FORBIDDEN),
    ]


def _answer(resp) -> tuple[int, str | None]:
    return resp.status_code, resp.get_json()["error"]["code"] if resp.status_code >= 400 else None


def test_service_and_load_never_connect(fuzz_client, fuzz_app, listener):
    """Every SSRF attempt is refused (or inert) and the listening socket never sees a connection."""
    st_ = services(fuzz_app).store
    before = snapshot(st_)
    for q, expected in ssrf_queries(listener.port):
        sparql = fuzz_client.get("/sparql?" + urlencode({"query": q}))
        page = fuzz_client.get("/query?" + urlencode({"query": q}), headers={"Accept": "application/json"})
        for resp in (sparql, page):
            FIGURES.add("attacks_tried")
            check_flask(resp, q)
            assert _answer(resp) == expected, (q, resp.status_code, resp.get_data()[:300])
        if expected == INERT:
            assert sparql.get_json()["results"]["bindings"] == [] and page.get_json()["rows"] == [], q
    for u, expected in ssrf_updates(listener.port):
        FIGURES.add("attacks_tried")
        resp = fuzz_client.post("/sparql", data={"update": u}, headers=GOOD)
        check_flask(resp, u)
        assert _answer(resp) == expected, (u, resp.status_code, resp.get_data()[:300])
    assert snapshot(st_) == before
    time.sleep(0.3)
    assert listener.connections == 0, "the server opened a connection to 127.0.0.1 for SERVICE/LOAD"


BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE rdf:RDF [<!ENTITY a "aaaaaaaaaa">'
    + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
    + ']><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">'
    '<rdf:Description rdf:about="http://example.org/s"><ex:p>&j;</ex:p></rdf:Description></rdf:RDF>'
)
XXE_FILE = (
    '<?xml version="1.0"?><!DOCTYPE rdf:RDF [<!ENTITY x SYSTEM "file:///etc/hostname">]>'
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">'
    '<rdf:Description rdf:about="http://example.org/s"><ex:p>&x;</ex:p></rdf:Description></rdf:RDF>'
)


def xxe_variants(port: int) -> list[tuple[str, bytes]]:
    net = XXE_FILE.replace("file:///etc/hostname", f"http://127.0.0.1:{port}/x")
    dtd = (
        f'<?xml version="1.0"?><!DOCTYPE rdf:RDF SYSTEM "http://127.0.0.1:{port}/dtd">'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>'
    )
    param = (
        f'<?xml version="1.0"?><!DOCTYPE rdf:RDF [<!ENTITY % p SYSTEM "http://127.0.0.1:{port}/p"> %p;]>'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>'
    )
    lower = XXE_FILE.replace("<!ENTITY", "<!entity")
    return [
        ("application/rdf+xml", BILLION_LAUGHS.encode()),
        ("application/rdf+xml", XXE_FILE.encode()),
        ("application/rdf+xml", net.encode()),
        ("application/rdf+xml", dtd.encode()),
        ("application/rdf+xml", param.encode()),
        ("application/rdf+xml", lower.encode()),
        ("application/rdf+xml", XXE_FILE.encode("utf-16")),
        ("application/rdf+xml; charset=utf-16", XXE_FILE.encode("utf-16-le")),
        (
            "application/rdf+xml",
            XXE_FILE.replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="UTF-16"?>').encode("utf-16-be"),
        ),
        ("application/rdf+xml", BILLION_LAUGHS.replace("<!ENTITY", "<!ENTITY ").encode()),
    ]


def test_xml_entities_are_refused_or_inert(fuzz_client, fuzz_app, listener):
    st_ = services(fuzz_app).store
    hostname = Path("/etc/hostname").read_text().strip()
    for method in ("PUT", "POST"):
        for ctype, body in xxe_variants(listener.port):
            FIGURES.add("attacks_tried")
            before = snapshot(st_)
            resp = fuzz_client.open(
                "/store?graph=http://example.org/xxe", method=method, data=body, headers={**GOOD, "Content-Type": ctype}
            )
            check_flask(resp, f"{method} {body[:80]!r}")
            after = snapshot(st_)
            if resp.status_code >= 300:
                assert after == before
            else:  # accepted: entities were not expanded, no file content, bounded size
                added = after - before
                assert all(hostname not in q for q in added), "external entity was read"
                assert sum(len(q) for q in added) < 10_000, "entity expansion"
            dump = fuzz_client.get("/store?graph=http://example.org/xxe", headers={"Accept": "application/n-triples"})
            assert "aaaaaaaaaaaaaaaaaaaa" not in dump.get_data(as_text=True)
            fuzz_client.delete("/store?graph=http://example.org/xxe", headers=GOOD)
    time.sleep(0.3)
    assert listener.connections == 0


# -- XSS ------------------------------------------------------------------------------------
PAYLOADS = [
    '<script>alert("xss1")</script>',
    '"><img src=x onerror=alert(2)>',
    "'><svg onload=alert(3)>",
    "</title><script>alert(4)</script>",
    "{{7*7}}<b>bold</b>",
    "javascript:alert(5)",
]


class _Scan(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=...>")
            if (
                name in ("href", "src", "action", "formaction")
                and value
                and value.strip().lower().startswith(("javascript:", "data:text/html"))
            ):
                self.problems.append(f"<{tag} {name}={value!r}>")
        if tag == "script" and not dict(attrs).get("src", "").startswith(("/static/", "/")):
            self.problems.append("inline <script>")
        if tag in ("img", "svg", "b") and ("x" in dict(attrs).get("src", "") and tag == "img"):
            self.problems.append(f"<{tag}> injected")

    def handle_data(self, data):
        if 'alert("xss1")' in data and self.lasttag == "script":
            self.problems.append("script body injected")


def _seed_xss(client) -> list[str]:
    base = "http://localhost:8000/id/"
    lines = []
    for i, p in enumerate(PAYLOADS):
        esc = p.replace("\\", "\\\\").replace('"', '\\"')
        lines.append(
            f"<{base}xss/{i}> a <https://w3id.org/policykg/ontology/Person> ; "
            f'<http://www.w3.org/2000/01/rdf-schema#label> "{esc}"@ru, "{esc}"@en ; '
            f'<http://www.w3.org/2004/02/skos/core#altLabel> "{esc}" ; '
            f"<http://www.w3.org/2000/01/rdf-schema#seeAlso> <javascript:alert({i})> ."
        )
    resp = client.put(
        "/store?graph=http://localhost:8000/id/graph/xss",
        data="\n".join(lines).encode(),
        headers={**GOOD, "Content-Type": "text/turtle"},
    )
    assert resp.status_code == 201, resp.get_data()  # a new graph
    return [f"{base}xss/{i}" for i in range(len(PAYLOADS))]


def test_xss_payloads_are_escaped_in_every_page(fuzz_client):
    iris = _seed_xss(fuzz_client)
    pages = ["/", "/classes", "/class?iri=" + quote("https://w3id.org/policykg/ontology/Person"), "/api", "/ontology"]
    pages += [f"/page/xss/{i}" for i in range(len(iris))]
    pages += ["/search?" + urlencode({"q": p}) for p in PAYLOADS] + ["/search?q=alert"]
    pages += [
        "/query?" + urlencode({"query": f'SELECT ?x WHERE {{ BIND("{p.replace(chr(34), "")}" AS ?x) }}'})
        for p in PAYLOADS
    ]
    pages += ["/query?" + urlencode({"query": "SELECT * WHERE { ?s ?p ?o FILTER(CONTAINS(STR(?o), 'alert')) }"})]
    pages += [
        "/page?" + urlencode({"iri": "javascript:alert(1)"}),
        "/page?" + urlencode({"iri": PAYLOADS[0]}),
        "/nothing/" + quote(PAYLOADS[0]),
        "/id/" + quote(PAYLOADS[1]),
    ]
    seen_payload = 0
    for url in pages:
        FIGURES.add("attacks_tried")
        resp = fuzz_client.get(url, headers={"Accept": "text/html"})
        check_flask(resp, url)
        if resp.mimetype != "text/html":
            continue
        assert "script-src 'self'" in resp.headers.get("Content-Security-Policy", ""), url
        html = resp.get_data(as_text=True)
        scan = _Scan()
        scan.feed(html)
        assert not scan.problems, (url, scan.problems)
        for p in PAYLOADS[:4]:
            assert p not in html, (url, p)
        seen_payload += any(("&lt;script&gt;" in html, "&#34;&gt;&lt;img" in html, "&quot;&gt;&lt;img" in html))
    assert seen_payload >= len(iris), "the payloads should appear (escaped) on their pages"


def test_csv_formula_injection_is_documented_data(fuzz_client):
    """SPARQL CSV/TSV are data formats (W3C): values are written as they are, quoted by the CSV
    rules; spreadsheets must import them as text. This test pins that behaviour (documented
    in the README's Reliability section) and that no CSV download adds markup."""
    q = 'SELECT ?v WHERE { VALUES ?v { "=HYPERLINK(\\"http://evil.example\\")" "+1+1" "-2" "@SUM(A1)" } }'
    resp = fuzz_client.get("/sparql?" + urlencode({"query": q, "format": "csv"}))
    FIGURES.add("attacks_tried")
    rows = resp.get_data(as_text=True).splitlines()
    assert rows[0] == "v" and rows[1].startswith('"=HYPERLINK(') and rows[2:] == ["+1+1", "-2", "@SUM(A1)"]
    assert resp.mimetype == "text/csv"


# -- path traversal ---------------------------------------------------------------------------
TRAVERSALS = [
    "/static/../../../../etc/passwd",
    "/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "/static/..%2f..%2f..%2f..%2fetc%2fpasswd",
    "/static/%252e%252e/etc/passwd",
    "/static/....//....//etc/passwd",
    "/static/..\\..\\..\\etc\\passwd",
    "/static//etc/passwd",
    "/static/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd",
    "/api/queries/..%2f..%2f..%2fetc%2fpasswd.rq",
    "/api/queries/../../etc/passwd.rq",
    "/api/queries/%2e%2e%2fserver%2fsettings.rq",
    "/ingest/drafts/..%2f..%2fetc%2fpasswd",
    "/export?graph=../../etc/passwd",
    "/export?graph=file:///etc/passwd",
    "/store?graph=file:///etc/passwd",
    "/data/..%2f..%2fetc%2fpasswd.ttl",
    "/page/../../../etc/passwd",
    "/ontology.ttl/../../etc/passwd",
    "/static/docs/../../settings.py",
    "/static/docs/%2e%2e/%2e%2e/settings.py",
]


def test_path_traversal(fuzz_client):
    for url in TRAVERSALS:
        FIGURES.add("attacks_tried")
        resp = fuzz_client.get(url)
        check_flask(resp, url)
        body = resp.get_data()
        assert b"root:x:0:0" not in body and b"class Settings" not in body and b"ENV_PREFIX" not in body, url


# -- token brute force ---------------------------------------------------------------------------
def test_token_compare_is_constant_time():
    src = inspect.getsource(auth.check_token)
    assert "hmac.compare_digest" in src and "==" not in re.sub(r"#.*", "", src.split("compare_digest")[0])


def test_token_brute_force_is_rate_limited(fuzz_client, fuzz_app):
    st_ = services(fuzz_app).store
    before = snapshot(st_)
    env = {"REMOTE_ADDR": "192.0.2.7"}
    upd = "INSERT DATA { <http://example.org/s> <http://example.org/p> 1 }"
    statuses = []
    for i in range(auth.MAX_FAILURES + 5):
        FIGURES.add("attacks_tried")
        resp = fuzz_client.post(
            "/sparql", data={"update": upd}, headers={"Authorization": f"Bearer guess-{i}"}, environ_base=env
        )
        check_flask(resp)
        statuses.append(resp.status_code)
    assert statuses[: auth.MAX_FAILURES] == [403] * auth.MAX_FAILURES
    assert statuses[auth.MAX_FAILURES :] == [429] * 5
    locked = fuzz_client.put(
        "/store?graph=http://example.org/g",
        data=b"<a:b> <a:c> <a:d> .",
        headers={"Authorization": "Bearer again", "Content-Type": "application/n-triples"},
        environ_base=env,
    )
    assert locked.status_code == 429 and int(locked.headers["Retry-After"]) >= 1
    assert snapshot(st_) == before
    # another client is not affected; X-Forwarded-For is not trusted to pick the client
    ok = fuzz_client.post("/sparql", data={"update": upd}, headers=GOOD, environ_base={"REMOTE_ADDR": "192.0.2.8"})
    assert ok.status_code == 204
    spoof = fuzz_client.post(
        "/sparql",
        data={"update": upd},
        environ_base=env,
        headers={"Authorization": "Bearer x", "X-Forwarded-For": "198.51.100.1"},
    )
    assert spoof.status_code == 429


# -- CORS ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "path", ["/sparql", "/store", "/store?graph=http://example.org/g", "/ingest", "/export", "/api/queries"]
)
def test_cors_never_allows_credentialed_writes(fuzz_client, path):
    FIGURES.add("attacks_tried")
    pre = fuzz_client.options(
        path,
        headers={
            "Origin": "http://evil.example",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization, content-type",
        },
    )
    assert pre.headers.get("Access-Control-Allow-Credentials") is None
    allowed_headers = (pre.headers.get("Access-Control-Allow-Headers") or "").lower()
    assert "authorization" not in allowed_headers and "*" not in allowed_headers
    assert "PUT" not in (pre.headers.get("Access-Control-Allow-Methods") or "")
    assert "DELETE" not in (pre.headers.get("Access-Control-Allow-Methods") or "")
    # a simple (non-preflighted) cross-origin form POST of an update without the token is refused
    resp = fuzz_client.post("/sparql", data={"update": "CLEAR ALL"}, headers={"Origin": "http://evil.example"})
    assert resp.status_code == 401 and resp.headers.get("Access-Control-Allow-Credentials") is None


# -- malformed data written by an authenticated curator must not break public pages -------------
DRAFT = """@prefix pkg: <https://w3id.org/policykg/ontology/> . @prefix oa: <http://www.w3.org/ns/oa#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<http://localhost:8000/id/person/p> a pkg:Person ; rdfs:label "P"@ru ; pkg:evidence <http://localhost:8000/id/st/1> .
<http://localhost:8000/id/st/1> a pkg:Statement ; oa:hasSelector [ oa:exact "abc" ; oa:start "zero" ; oa:end 3 ] .
"""


def test_draft_review_with_malformed_selector(fuzz_client):
    """DEFECT-6 (fixed): a draft's non-integer oa:start made GET /ingest/drafts/<name> a 500."""
    FIGURES.add("attacks_tried")
    r = fuzz_client.put(
        "/store?graph=http://localhost:8000/id/graph/draft/bad",
        data=DRAFT,
        headers={**GOOD, "Content-Type": "text/turtle"},
    )
    assert r.status_code == 201, r.get_data()  # a new graph
    resp = fuzz_client.get("/ingest/drafts/bad")
    check_flask(resp, "/ingest/drafts/bad")
    assert resp.status_code == 200 and resp.get_json()["name"] == "bad"


def test_ingest_file_not_utf8(fuzz_client):
    """DEFECT-8 (fixed): a multipart file that is not UTF-8 made POST /ingest a 500."""
    import io

    FIGURES.add("attacks_tried")
    resp = fuzz_client.post(
        "/ingest",
        headers=GOOD,
        content_type="multipart/form-data",
        data={"date": "2026-01-27", "file": (io.BytesIO("Козловский".encode("cp1251")), "a.txt")},
    )
    check_flask(resp, "/ingest with cp1251 file")
    assert resp.status_code == 400 and "UTF-8" in resp.get_json()["error"]["message"]


def test_draft_text_file_cannot_leave_data_folder(fuzz_client):
    """DEFECT-7 (fixed): pkg:textFile "/etc/hostname" (or ../..) made the review read that file;
    ``selectors_ok`` is None exactly when no article text was read."""
    for i, path in enumerate(("/etc/hostname", "../../../../../etc/hostname")):
        FIGURES.add("attacks_tried")
        ttl = DRAFT.replace('"zero"', "0") + (
            f"<http://localhost:8000/id/source/x> a <https://w3id.org/policykg/ontology/NewsArticle> ; "
            f'<https://w3id.org/policykg/ontology/textFile> "{path}" .\n'
        )
        r = fuzz_client.put(
            "/store?graph=http://localhost:8000/id/graph/draft/evil",
            data=ttl,
            headers={**GOOD, "Content-Type": "text/turtle"},
        )
        assert r.status_code == (201 if i == 0 else 204), r.get_data()  # created, then replaced
        resp = fuzz_client.get("/ingest/drafts/evil")
        check_flask(resp, path)
        assert resp.status_code == 200 and resp.get_json()["summary"]["selectors_ok"] is None, path
