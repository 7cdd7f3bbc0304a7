"""The external-store backend (server.store.remote) against a real `oxigraph serve` subprocess.

* The Store contract: the same tests as the embedded store (borrowed from tests/test_store.py,
  run here with a remote ``st``), plus pre-binding (VALUES) with injection attempts.
* Seeding with SHACL validation and reasoning through server.loader/server.graph.reason gives
  the same graphs, counts and classes as the embedded store.
* The app on the remote backend: /health, /store (borrowed tests/test_gsp.py tests with a
  remote ``empty`` fixture), browse pages, /sparql when it exists; unreachable store -> 503.
* Failures: unreachable -> StoreUnavailable, silent store -> QueryTimeout, remote 4xx -> 4xx.
"""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import threading
import time

import pyoxigraph as ox
import pytest
import requests
from conftest import TOKEN, free_port
from rdflib import Graph
from rdflib.compare import isomorphic

from server.app.factory import create_app, ensure_seeded
from server.core.errors import (
    BadRequest,
    ConfigError,
    QuerySyntaxError,
    QueryTimeout,
    RDFSyntaxError,
    StoreUnavailable,
)
from server.core.settings import Settings
from server.graph.stats import compute
from server.store.prebind import prebind, where_group_start
from server.store.remote import RemoteStore, store_urls

OXIGRAPH = shutil.which("oxigraph")
pytestmark = pytest.mark.skipif(
    OXIGRAPH is None, reason="the `oxigraph` server (PyPI package oxigraph) is not installed"
)

TTL = ox.RdfFormat.TURTLE
G1 = "http://example.org/g1"
G2 = "http://example.org/g2"


# -- an `oxigraph serve` subprocess ----------------------------------------------------------
class OxigraphServer:
    def __init__(self, location):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen(
            [OXIGRAPH, "serve", "--location", str(location), "--bind", f"127.0.0.1:{self.port}"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"oxigraph serve exited: {self.proc.stderr.read().decode(errors='replace')}")
            try:
                requests.get(self.url + "/query", params={"query": "ASK {}"}, timeout=1)
                return
            except requests.ConnectionError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError("oxigraph serve did not start")

    @property
    def store_url(self) -> str:
        return "sparql+" + self.url

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory):
    """A scratch server: each test using ``st`` starts from an empty dataset."""
    srv = OxigraphServer(tmp_path_factory.mktemp("oxigraph-scratch"))
    yield srv
    srv.stop()


@pytest.fixture(scope="session")
def seeded_server(tmp_path_factory):
    """A server seeded by policykg itself (validation + reasoning), read-only in tests."""
    srv = OxigraphServer(tmp_path_factory.mktemp("oxigraph-seeded"))
    settings = Settings.from_env({}, store=srv.store_url)
    with RemoteStore.from_settings(settings) as st:
        ensure_seeded(st, settings)
    yield srv
    srv.stop()


def remote(url: str, **kw) -> RemoteStore:
    return RemoteStore.from_settings(Settings.from_env({}, store=url, **kw))


@pytest.fixture
def st(oxigraph_server):
    s = remote(oxigraph_server.store_url)
    s.update("DROP ALL")
    yield s
    s.close()


@pytest.fixture(scope="session")
def seeded_remote(seeded_server):
    s = remote(seeded_server.store_url)
    yield s
    s.close()


# -- the Store contract: the embedded store's tests, run on the remote store ------------------
def _borrow(module_name: str, names: list[str] | None = None, skip: tuple[str, ...] = ()) -> list[str]:
    """Import another test module's tests into this one, where our fixtures override theirs."""
    try:
        module = __import__(module_name)
    except ImportError:
        return []
    got = []
    for name in names or [n for n in dir(module) if n.startswith("test_")]:
        fn = getattr(module, name, None)
        if callable(fn) and name not in skip:
            globals()[f"{name}__remote"] = fn
            got.append(name)
    return got


BORROWED_STORE = _borrow("test_store", skip=("test_on_disk_store_persists_and_drops_staging",))


def test_contract_tests_were_borrowed():
    assert "test_replace_swaps_graph_content" in BORROWED_STORE


def test_load_replace_graphs_counts(st):
    st.load(b'<http://e/a> <http://e/p> "one" .', TTL, G1)
    st.load(b'<http://e/a> <http://e/p> "more" .', TTL, G1)  # append
    st.load(b'<http://e/c> <http://e/p> "two"@en .', ox.RdfFormat.N_TRIPLES, G2)
    assert [(g.iri, g.triples) for g in st.graphs()] == [(G1, 2), (G2, 1)]
    st.load('<http://e/z> <http://e/p> "три"@ru .', TTL, G1, replace=True)
    assert {
        s["o"].value for s in st.query("SELECT ?o { GRAPH ?g { ?s ?p ?o } }", substitutions={"g": ox.NamedNode(G1)})
    } == {"три"}
    assert st.triple_count() == 2


def test_quads_formats_keep_their_graphs_and_base_iri_resolves(st):
    st.load(
        f'<http://e/a> <http://e/p> "x" <{G1}> .\n<http://e/b> <http://e/p> "y" <{G2}> .', ox.RdfFormat.N_QUADS, None
    )
    assert [(g.iri, g.triples) for g in st.graphs()] == [(G1, 1), (G2, 1)]
    st.load(b"<a> <http://e/p> <b> .", TTL, "http://e/g3", base_iri="http://e/base/")
    (q,) = list(st.quads("http://e/g3"))
    assert q.subject == ox.NamedNode("http://e/base/a") and q.graph_name == ox.NamedNode("http://e/g3")


def test_default_graph_load_count_and_drop(st):
    assert st.drop_graph(None) is False
    st.load(b'<http://e/a> <http://e/p> "d" .', TTL, None)
    st.load(b'<http://e/a> <http://e/p> "n" .', TTL, G1)
    assert st.triple_count() == 2  # the real default graph plus the named graph, no double count
    assert st.drop_graph(None) is True
    assert st.triple_count() == 1


def test_empty_named_graph_is_listed(st):
    st.update(f"CREATE GRAPH <{G1}>")
    assert st.has_graph(G1) and [(g.iri, g.triples) for g in st.graphs()] == [(G1, 0)]


def test_update_with_using_graphs(st):
    st.load(b'<http://e/a> <http://e/p> "one" .', TTL, G1)
    st.load(b'<http://e/b> <http://e/p> "two" .', TTL, G2)
    st.update(
        f"INSERT {{ GRAPH <{G2}> {{ ?s <http://e/copied> true }} }} WHERE {{ ?s <http://e/p> ?o }}", using_graphs=[G1]
    )
    copied = {s["s"].value for s in st.query("SELECT ?s { ?s <http://e/copied> true }")}
    assert copied == {"http://e/a"}


def test_construct_results_serialize_like_pyoxigraph(st):
    st.load(b'<http://e/a> <http://e/p> "one" .', TTL, G1)
    out = st.query("CONSTRUCT WHERE { ?s ?p ?o }").serialize(format=ox.RdfFormat.TURTLE)
    assert isomorphic(
        Graph().parse(data=out, format="turtle"),
        Graph().parse(data='<http://e/a> <http://e/p> "one" .', format="turtle"),
    )
    assert st.query("SELECT ?o { ?s ?p ?o }").variables == [ox.Variable("o")]


# -- pre-binding: VALUES first in the WHERE group -------------------------------------------
@pytest.mark.parametrize(
    "query, marker",
    [
        ("SELECT * { ?s ?p ?o }", "SELECT * {"),
        ("PREFIX e: <http://e/> CONSTRUCT { ?s e:p '{' } WHERE { ?s ?p ?o }", "WHERE {"),
        ("CONSTRUCT WHERE { ?s ?p ?o }", "WHERE {"),
        ('SELECT (EXISTS { ?a ?b "}" } AS ?e) # a { comment\nFROM <http://g> WHERE { ?s ?p ?o }', "WHERE {"),
        ('ASK { ?s ?p """{ "" }""" }', "ASK {"),
        ("select ?x where { ?x ?p ?o } VALUES ?o { 1 }", "where {"),
    ],
)
def test_where_group_start(query, marker):
    assert where_group_start(query) == query.index(marker) + len(marker)


def test_prebind_refuses_what_it_cannot_write_safely():
    with pytest.raises(BadRequest):
        prebind("SELECT * { ?s ?p ?o }", {"s": ox.BlankNode("b")})
    with pytest.raises(BadRequest):
        prebind("SELECT * { ?s ?p ?o }", {"s) } DROP ALL #": ox.Literal("x")})
    with pytest.raises(BadRequest):
        prebind("DESCRIBE <http://e/a>", {"s": ox.Literal("x")})
    with pytest.raises(ValueError):  # an IRI that could close the term cannot even be built
        ox.NamedNode("http://e/a> } DROP ALL #")


def test_prebinding_happens_before_aggregation(st):
    st.load(b"<http://e/a> <http://e/p> 1 . <http://e/b> <http://e/p> 2 .", TTL, G1)
    st.load(b"<http://e/c> <http://e/p> 3 .", TTL, G2)
    res = st.query("SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }", substitutions={"g": ox.NamedNode(G2)})
    assert [int(s["n"].value) for s in res] == [1]  # a trailing VALUES would have counted 3


@pytest.mark.parametrize(
    "evil",
    [
        '"} } ; DROP ALL #',
        'x" . } INSERT DATA { <http://e/x> <http://e/p> "pwned" } #',
        "'''\"\"\"\\\n}\r\t\u2028",
    ],
)
def test_prebinding_injection_attempts_stay_one_literal(st, evil):
    st.load(b'<http://e/a> <http://e/p> "one" .', TTL, G1)
    st.update(f"INSERT DATA {{ GRAPH <{G1}> {{ <http://e/evil> <http://e/p> {ox.Literal(evil)} }} }}")
    sols = list(st.query("SELECT ?s ?o { ?s <http://e/p> ?o }", substitutions={"o": ox.Literal(evil)}))
    assert [(s["s"].value, s["o"].value) for s in sols] == [("http://e/evil", evil)]
    assert st.triple_count(G1) == 2 and st.graphs()[0].iri == G1  # nothing dropped, nothing inserted


def test_remote_syntax_error_is_400_with_the_remote_message(st):
    with pytest.raises(QuerySyntaxError) as err:
        st.query("SELECT * {")
    assert err.value.status == 400 and "error at 1:" in err.value.message
    with pytest.raises(RDFSyntaxError):
        st.load(b"<http://e/x> <http://e/p> .", TTL, G1, replace=True)


# -- failures ---------------------------------------------------------------------------------
class SilentServer:
    """Accepts connections, records what it receives, never answers."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.received = b""
        self.conns = []
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.conns.append(conn)
            conn.settimeout(2)
            try:
                self.received += conn.recv(65536)
            except OSError:
                pass

    def close(self):
        for c in self.conns:
            c.close()
        self.sock.close()


def test_unreachable_store_is_store_unavailable():
    st = remote(f"sparql+http://127.0.0.1:{free_port()}")
    with pytest.raises(StoreUnavailable) as err:
        st.query("ASK {}")
    assert err.value.status == 503 and "unreachable" in err.value.message
    with pytest.raises(StoreUnavailable):
        st.health()


def test_silent_store_times_out_and_fails_health_with_credentials_sent():
    srv = SilentServer()
    try:
        st = remote("sparql+" + srv.url, store_user="policykg", store_password="s3cret", query_timeout=0.3)
        with pytest.raises(QueryTimeout) as err:
            st.query("ASK {}")
        assert err.value.status == 503 and err.value.code == "timeout"
        assert b"Authorization: Basic cG9saWN5a2c6czNjcmV0" in srv.received  # policykg:s3cret
        with pytest.raises(StoreUnavailable):
            st.health()
    finally:
        srv.close()


def test_store_url_layouts_and_explicit_urls():
    assert store_urls("sparql+http://h:7878") == ("http://h:7878/query", "http://h:7878/update", "http://h:7878/store")
    assert store_urls("sparql+https://h/ox/")[2] == "https://h/ox/store"
    with pytest.raises(ConfigError):
        store_urls("ftp://h/x")
    fuseki = RemoteStore.from_settings(
        Settings.from_env(
            {},
            store_query_url="http://h:3030/ds/sparql",
            store_update_url="http://h:3030/ds/update",
            store_gsp_url="http://h:3030/ds/data",
        )
    )
    assert (fuseki.query_url, fuseki.update_url, fuseki.gsp_url, fuseki.union_param) == (
        "http://h:3030/ds/sparql",
        "http://h:3030/ds/update",
        "http://h:3030/ds/data",
        False,
    )


# -- seeding through the loader (SHACL) and reasoning, and the app on the remote backend ------
def test_seeded_remote_matches_embedded(seeded_remote, seeded_store):
    remote_stats, local_stats = compute(seeded_remote), compute(seeded_store)
    assert remote_stats == local_stats
    inferred = [g for g in remote_stats["graphs"] if g["iri"].endswith("/graph/inferred")]
    assert inferred and inferred[0]["triples"] > 0


def test_bulk_load_path_on_remote(st, tmp_path):
    from server.graph.load import load_files

    path = tmp_path / "bulk.nt"
    path.write_bytes(b"".join(b'<http://e/s%d> <http://e/p> "%d" .\n' % (i, i) for i in range(2000)))
    settings = Settings.from_env({}, store="unused")
    (loaded,) = load_files(st, [path], settings, validate_data=False)
    assert loaded.triples == 2000 and loaded.graph.endswith("/graph/bulk")
    (loaded,) = load_files(st, [path], settings, validate_data=False)  # reload replaces
    assert st.triple_count(loaded.graph) == 2000


@pytest.fixture(scope="module")
def remote_app(seeded_remote, seeded_server):
    return create_app(Settings.from_env({}, store=seeded_server.store_url), store=seeded_remote)


@pytest.fixture(scope="module")
def remote_client(remote_app):
    return remote_app.test_client()


def test_health_on_remote_backend(remote_client):
    body = remote_client.get("/health").get_json()
    assert body["status"] == "ok" and body["store"]["backend"] == "remote"


def test_health_503_when_store_unreachable():
    url = f"sparql+http://127.0.0.1:{free_port()}"
    app = create_app(Settings.from_env({}, store=url), store=remote(url))
    resp = app.test_client().get("/health")
    assert resp.status_code == 503
    assert resp.get_json()["error"]["code"] == "store_unavailable"


def _has_route(app, rule: str) -> bool:
    return any(r.rule == rule for r in app.url_map.iter_rules())


@pytest.fixture(scope="module")
def embedded_client(seeded_store):
    return create_app(Settings.from_env({}, memory=True), store=seeded_store).test_client()


PERSON = "person/kozlovsky-aleksandr"


def test_resource_data_on_remote_backend_equals_embedded(remote_client, remote_app, embedded_client):
    if not _has_route(remote_app, "/data/<path:rest>"):
        pytest.skip("the browser's /data route is not registered in this build")
    local = embedded_client.get(f"/data/{PERSON}.ttl")
    if local.status_code != 200:
        pytest.skip(f"/data/{PERSON}.ttl answers {local.status_code} on the embedded store too")
    got = Graph().parse(data=remote_client.get(f"/data/{PERSON}.ttl").data, format="turtle")
    assert len(got) > 0 and isomorphic(got, Graph().parse(data=local.data, format="turtle"))


def test_resource_page_on_remote_backend(remote_client, embedded_client):
    local = embedded_client.get(f"/page/{PERSON}", headers={"Accept": "text/html"})
    if local.status_code != 200:
        pytest.skip(f"/page/{PERSON} answers {local.status_code} on the embedded store too (browser in progress)")
    html = remote_client.get(f"/page/{PERSON}", headers={"Accept": "text/html"})
    assert html.status_code == 200
    assert _untimed(html.get_data(as_text=True)) == _untimed(local.get_data(as_text=True))


def _untimed(page: str) -> str:
    """A page without the times of the writes (each store records its own: server.graph.history)."""
    page = re.sub(r"activity/\d{8}T\d+Z-[0-9a-f]+", "activity/…", page)
    return re.sub(r"<time[^>]*>[^<]*</time>", "<time/>", page)


def test_sparql_endpoint_on_remote_backend(remote_app):
    if not _has_route(remote_app, "/sparql"):
        pytest.skip("the /sparql endpoint is not registered in this build")
    from conftest import LiveServer
    from SPARQLWrapper import JSON, TURTLE, SPARQLWrapper

    srv = LiveServer(remote_app, free_port()).start()
    try:
        sw = SPARQLWrapper(srv.url + "/sparql")
        sw.setQuery("PREFIX pkg: <https://w3id.org/policykg/ontology/> SELECT ?p { ?p a pkg:Person } ORDER BY ?p")
        sw.setReturnFormat(JSON)
        people = [b["p"]["value"] for b in sw.queryAndConvert()["results"]["bindings"]]
        assert "http://localhost:8000/id/person/kozlovsky-aleksandr" in people
        sw.setQuery("CONSTRUCT { ?p a ?c } WHERE { ?p a ?c } LIMIT 5")
        sw.setReturnFormat(TURTLE)
        g = Graph().parse(data=sw.queryAndConvert(), format="turtle")
        assert len(g) == 5
    finally:
        srv.stop()


# -- /store (Graph Store Protocol) tests of tests/test_gsp.py on the remote backend ----------
@pytest.fixture
def empty(oxigraph_server):
    """The remote version of test_gsp's fixture: (client, store) on an empty remote dataset."""
    st = remote(oxigraph_server.store_url)
    st.update("DROP ALL")
    app = create_app(Settings.from_env({}, memory=True, update_token=TOKEN), store=st)
    yield app.test_client(), st
    st.close()


BORROWED_GSP = _borrow(
    "test_gsp",
    [
        "test_put_creates_then_replaces",
        "test_post_merges_and_keeps_blank_nodes_apart",
        "test_post_trig_to_store_adds_quads_to_their_graphs",
        "test_dataset_dump_trig_and_nquads",
        "test_missing_graph_404_and_head",
        "test_delete",
        "test_bad_syntax_is_400_with_parser_message_and_nothing_changes",
        "test_rdfxml_entities_refused",
        "test_multipart_post_merges_file_parts",
    ],
)


# -- the embedded bulk path (streams new graphs straight in; swaps existing ones atomically) --
@pytest.mark.parametrize("backend", ["embedded", "remote"])
def test_bulk_load_new_existing_and_bad_file(backend, oxigraph_server, tmp_path):
    from server.store import EmbeddedStore

    s = EmbeddedStore(tmp_path / "db") if backend == "embedded" else remote(oxigraph_server.store_url)
    if backend == "remote":
        s.update("DROP ALL")
    good = tmp_path / "good.nt"
    good.write_bytes(b"".join(b'<http://e/s%d> <http://e/p> "%d" .\n' % (i, i) for i in range(500)))
    bad = tmp_path / "bad.nt"
    bad.write_bytes(good.read_bytes() + b"<http://e/x> <http://e/p> .\n")
    s.bulk_load(str(good), ox.RdfFormat.N_TRIPLES, G1)  # new graph
    s.bulk_load(str(good), ox.RdfFormat.N_TRIPLES, G1)  # existing graph: replaced, not doubled
    assert s.triple_count(G1) == 500
    with pytest.raises(RDFSyntaxError):
        s.bulk_load(str(bad), ox.RdfFormat.N_TRIPLES, G1)
    assert s.triple_count(G1) == 500  # replacing an existing graph is atomic
    with pytest.raises(RDFSyntaxError):
        s.bulk_load(str(bad), ox.RdfFormat.N_TRIPLES, G2)
    assert [(g.iri, g.triples) for g in s.graphs()] == [(G1, 500)]  # a failed new graph leaves nothing
    s.close()


@pytest.mark.parametrize("backend", ["embedded", "remote"])
def test_bulk_load_reports_progress(backend, oxigraph_server, tmp_path):
    from server.graph.load import load_files
    from server.store import EmbeddedStore

    s = EmbeddedStore(None) if backend == "embedded" else remote(oxigraph_server.store_url)
    if backend == "remote":
        s.update("DROP ALL")
    path = tmp_path / "big.nt"
    path.write_bytes(b"".join(b'<http://e/s%d> <http://e/p> "%d" .\n' % (i, i) for i in range(20000)))
    said: list[str] = []
    (loaded,) = load_files(s, [path], Settings.from_env({}, memory=True), validate_data=False, progress=said.append)
    assert loaded.triples == 20000
    assert said[-1].startswith("big.nt: 100% (") and any("big.nt: 10% (" in m for m in said)
    s.close()


@pytest.mark.parametrize(
    "query",
    [
        # a sub-select with its own LIMIT/OFFSET must see the binding (browse's incoming paging)
        "SELECT ?s ?x { { SELECT ?s ?x WHERE { ?x <http://e/p> ?s } ORDER BY ?x LIMIT 2 OFFSET 1 } }",
        "SELECT ?s ?x { { SELECT * WHERE { ?x <http://e/p> ?s } ORDER BY ?x LIMIT 1 } }",
        # a sub-select that does not project ?s has its own ?s: no binding inside
        "SELECT ?s ?n { { SELECT (COUNT(*) AS ?n) WHERE { ?x <http://e/p> ?s } } }",
    ],
)
def test_prebinding_reaches_subselects_like_pyoxigraph(st, query):
    from server.store import EmbeddedStore

    data = b"".join(b"<http://e/x%d> <http://e/p> <http://e/%s> .\n" % (i, b"a" if i % 2 else b"b") for i in range(8))
    st.load(data, TTL, G1)
    local = EmbeddedStore(None)
    local.load(data, TTL, G1)
    subs = {"s": ox.NamedNode("http://e/a")}
    got = [[t.value for t in s] for s in st.query(query, substitutions=subs)]
    assert got and got == [[t.value for t in s] for s in local.query(query, substitutions=subs)]


@pytest.mark.parametrize(("store_timeout", "expected"), [(300.0, 300.0), (42.0, 42.0), (0.0, None)])
def test_the_services_own_queries_have_their_own_time_limit(store_timeout, expected):
    """User queries pass `query_timeout` themselves; the service's own (the label index over a large
    store, counts, exports) wait `store_timeout` (0: no limit), not the users' 10 s."""
    from server.core.settings import Settings

    settings = Settings.from_env({}, store="sparql+http://127.0.0.1:1", query_timeout=1.0, store_timeout=store_timeout)
    assert RemoteStore.from_settings(settings).timeout == expected
