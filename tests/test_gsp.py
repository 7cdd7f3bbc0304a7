"""/store: the SPARQL 1.1 Graph Store HTTP Protocol (beyond the W3C tests in tests/w3c/).

Each test parses what came back (rdflib graphs/datasets, the JSON error shape) and checks that
refused writes leave the store unchanged."""

from __future__ import annotations

import pytest
from conftest import TOKEN
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic

from server.app.factory import create_app
from server.core.namespaces import history_graph
from server.core.settings import Settings
from server.store import EmbeddedStore

AUTH = {"Authorization": f"Bearer {TOKEN}"}
TTL = "text/turtle; charset=utf-8"
G1 = "http://example.org/g1"
DATA = b"""@prefix ex: <http://example.org/> .
ex:alice ex:knows [ ex:name "Bob" ] ; ex:name "Alice"@en ."""

HISTORY = history_graph("http://localhost:8000/id/")  # every write is recorded there (server.graph.history)


@pytest.fixture
def empty():
    """A writable app on an empty in-memory store: (client, store)."""
    store = EmbeddedStore(None)
    app = create_app(Settings.from_env({}, memory=True, update_token=TOKEN), store=store)
    return app.test_client(), store


def put(client, target: str, data: bytes, ctype: str = TTL, **headers):
    return client.put(f"/store?{target}", data=data, headers={"Content-Type": ctype, **AUTH, **headers})


def get_graph(client, target: str) -> Graph:
    resp = client.get(f"/store?{target}", headers={"Accept": "text/turtle"})
    assert resp.status_code == 200, resp.data
    return Graph().parse(data=resp.data, format="turtle")


def snapshot(store) -> set:
    return {str(q) for q in store.quads()}


def test_put_creates_then_replaces(empty):
    client, _ = empty
    resp = put(client, f"graph={G1}", DATA)
    assert resp.status_code == 201
    assert resp.headers["Location"] == G1 and resp.get_json()["graph"] == G1
    assert isomorphic(get_graph(client, f"graph={G1}"), Graph().parse(data=DATA, format="turtle"))
    resp = put(client, f"graph={G1}", b"<http://example.org/s> <http://example.org/p> 1 .")
    assert resp.status_code == 204
    got = get_graph(client, f"graph={G1}")
    assert len(got) == 1 and (URIRef("http://example.org/s"), None, None) in got


def test_post_merges_and_keeps_blank_nodes_apart(empty):
    client, _ = empty
    body = b'_:b <http://example.org/p> "x" .'
    assert (
        client.post(
            f"/store?graph={G1}", data=body, headers={"Content-Type": "application/n-triples", **AUTH}
        ).status_code
        == 201
    )
    assert (
        client.post(
            f"/store?graph={G1}", data=body, headers={"Content-Type": "application/n-triples", **AUTH}
        ).status_code
        == 204
    )
    got = get_graph(client, f"graph={G1}")
    assert len(got) == 2 and len(set(got.subjects())) == 2  # two different blank nodes


def test_post_to_store_creates_a_new_graph(empty):
    client, store = empty
    resp = client.post("/store", data=DATA, headers={"Content-Type": TTL, **AUTH})
    assert resp.status_code == 201
    location = resp.headers["Location"]
    assert location.startswith("http://localhost:8000/id/graph/upload/")
    assert store.has_graph(location)
    assert len(get_graph(client, f"graph={location}")) == 3


def test_post_trig_to_store_adds_quads_to_their_graphs(empty):
    client, store = empty
    trig = (
        b"<http://example.org/a> { <http://example.org/s> <http://example.org/p> 1 . }\n"
        b"<http://example.org/b> { <http://example.org/s> <http://example.org/p> 2 . }"
    )
    resp = client.post("/store", data=trig, headers={"Content-Type": "application/trig", **AUTH})
    assert resp.status_code == 204
    assert [g.iri for g in store.graphs() if g.iri != HISTORY] == ["http://example.org/a", "http://example.org/b"]


def test_dataset_dump_trig_and_nquads(empty):
    client, _ = empty
    put(client, f"graph={G1}", DATA)
    put(client, "default", b"<http://example.org/d> <http://example.org/p> 0 .")
    trig = client.get("/store")
    assert trig.status_code == 200 and trig.mimetype == "application/trig"
    nq = client.get("/store", headers={"Accept": "application/n-quads"})
    assert nq.mimetype == "application/n-quads"
    assert client.get("/store?format=nq").mimetype == "application/n-quads"
    for data, fmt in ((trig.data, "trig"), (nq.data, "nquads")):
        ds = Dataset().parse(data=data, format=fmt)
        assert len(ds.graph(URIRef(G1))) == 3
        assert len(ds.default_graph) == 1


def test_default_graph_is_only_the_default_graph(empty):
    client, _ = empty
    put(client, f"graph={G1}", DATA)
    assert put(client, "default", b"<http://example.org/d> <http://example.org/p> 0 .").status_code == 204
    got = get_graph(client, "default")
    assert len(got) == 1
    trig = client.get("/store?default", headers={"Accept": "application/trig"})
    assert len(Graph().parse(data=trig.data, format="trig")) == 1  # not the whole dataset


def test_missing_graph_404_and_head(empty):
    client, _ = empty
    for method in (client.get, client.head):
        resp = method("/store?graph=http://example.org/none")
        assert resp.status_code == 404
    assert client.get("/store?graph=http://example.org/none").get_json()["error"]["code"] == "not_found"
    put(client, f"graph={G1}", DATA)
    head = client.head(f"/store?graph={G1}")
    assert head.status_code == 200 and head.mimetype == "text/turtle" and head.data == b""


def test_delete(empty):
    client, store = empty
    put(client, f"graph={G1}", DATA)
    assert client.delete(f"/store?graph={G1}", headers=AUTH).status_code == 204
    assert not store.has_graph(G1)
    assert client.delete(f"/store?graph={G1}", headers=AUTH).status_code == 404


def test_bad_syntax_is_400_with_parser_message_and_nothing_changes(empty):
    client, store = empty
    put(client, f"graph={G1}", DATA)
    before = snapshot(store)
    resp = put(client, f"graph={G1}", b"<http://example.org/s> <http://example.org/p> .")
    assert resp.status_code == 400
    error = resp.get_json()["error"]
    assert error["code"] == "rdf_syntax" and "line 1" in error["message"]
    resp = client.post(f"/store?graph={G1}", data=b"<s> <p> <o> . garbage", headers={"Content-Type": TTL, **AUTH})
    assert resp.status_code == 400
    assert snapshot(store) == before


def test_unsupported_or_missing_content_type_is_415(empty):
    client, store = empty
    resp = put(client, f"graph={G1}", DATA, ctype="text/n3")
    assert resp.status_code == 415 and "text/turtle" in resp.get_json()["error"]["message"]
    resp = client.put(f"/store?graph={G1}", data=DATA, headers=AUTH)
    assert resp.status_code == 415
    resp = put(client, f"graph={G1}", b"<http://a> { <http://s> <http://p> 1 . }", ctype="application/trig")
    assert resp.status_code == 415 and "/store" in resp.get_json()["error"]["message"]
    assert snapshot(store) == set()


def test_writes_need_the_token(empty):
    client, store = empty
    resp = client.put(f"/store?graph={G1}", data=DATA, headers={"Content-Type": TTL})
    assert resp.status_code == 401 and resp.headers["WWW-Authenticate"].startswith("Bearer")
    resp = client.put(f"/store?graph={G1}", data=DATA, headers={"Content-Type": TTL, "Authorization": "Bearer wrong"})
    assert resp.status_code == 403
    assert client.delete(f"/store?graph={G1}").status_code == 401
    assert snapshot(store) == set()


def test_read_only_service_refuses_writes(readonly_client, seeded_store):
    before = seeded_store.triple_count()
    resp = readonly_client.post("/store", data=DATA, headers={"Content-Type": TTL, **AUTH})
    assert resp.status_code == 403 and resp.get_json()["error"]["code"] == "forbidden"
    assert seeded_store.triple_count() == before


def test_seeded_graphs_are_served(readonly_client, seeded_store):
    graphs = [g.iri for g in seeded_store.graphs()]
    assert graphs
    ds = Dataset().parse(data=readonly_client.get("/store").data, format="trig")
    assert {str(c.identifier) for c in ds.graphs() if len(c)} >= set(graphs)
    got = Graph().parse(data=readonly_client.get(f"/store?graph={graphs[0]}").data, format="turtle")
    assert len(got) == seeded_store.triple_count(graphs[0])


def test_rdfxml_entities_refused(empty):
    client, store = empty
    xxe = b"""<?xml version="1.0"?>
<!DOCTYPE rdf:RDF [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">
  <rdf:Description rdf:about="http://example.org/s"><ex:p>&xxe;</ex:p></rdf:Description>
</rdf:RDF>"""
    resp = put(client, f"graph={G1}", xxe, ctype="application/rdf+xml")
    assert resp.status_code == 400 and "ENTITY" in resp.get_json()["error"]["message"]
    assert snapshot(store) == set()
    ok = xxe.replace(b'<!DOCTYPE rdf:RDF [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>', b"")
    ok = ok.replace(b"&xxe;", b"plain")
    assert put(client, f"graph={G1}", ok, ctype="application/rdf+xml").status_code == 201
    assert len(get_graph(client, f"graph={G1}")) == 1


def test_jsonld_upload_and_relative_iris_resolve_against_the_graph(empty):
    client, _ = empty
    doc = b'{"@id": "s", "http://example.org/p": {"@id": "o"}}'
    assert put(client, "graph=http://example.org/base/g", doc, ctype="application/ld+json").status_code == 201
    got = get_graph(client, "graph=http://example.org/base/g")
    assert (
        URIRef("http://example.org/base/s"),
        URIRef("http://example.org/p"),
        URIRef("http://example.org/base/o"),
    ) in got


def test_store_itself_allows_only_get_head_post(empty):
    client, _ = empty
    for method in (client.put, client.delete):
        resp = method("/store", data=DATA, headers={"Content-Type": TTL, **AUTH})
        assert resp.status_code == 405 and resp.headers["Allow"] == "GET, HEAD, POST"


def test_bad_graph_parameters(empty):
    client, _ = empty
    assert client.get("/store?graph=relative/iri").status_code == 400
    assert client.get(f"/store?graph={G1}&default").status_code == 400
    assert client.get(f"/store?graph={G1}&graph={G1}").status_code == 400


def test_direct_identification(empty):
    client, store = empty
    assert put(client, "", DATA).status_code == 405  # sanity: /store? alone is the dataset
    resp = client.put("/store/people/1.ttl", data=DATA, headers={"Content-Type": TTL, **AUTH})
    assert resp.status_code == 201 and resp.headers["Location"] == "http://localhost/store/people/1.ttl"
    assert store.has_graph("http://localhost/store/people/1.ttl")
    assert client.get("/store/people/1.ttl").status_code == 200


def test_multipart_post_merges_file_parts(empty):
    client, _ = empty
    from io import BytesIO

    data = {
        "a": (BytesIO(b'<http://example.org/s> <http://example.org/p> "1" .'), "a.ttl", "text/turtle"),
        "b": (BytesIO(b'<http://example.org/s> <http://example.org/p> "2" .'), "b.nt", "application/n-triples"),
    }
    resp = client.post(f"/store?graph={G1}", data=data, headers=AUTH, content_type="multipart/form-data")
    assert resp.status_code == 201
    assert len(get_graph(client, f"graph={G1}")) == 2


def test_body_cap_is_413():
    store = EmbeddedStore(None)
    app = create_app(Settings.from_env({}, memory=True, update_token=TOKEN, max_body_bytes=100), store=store)
    resp = app.test_client().put(f"/store?graph={G1}", data=b"#" * 1000, headers={"Content-Type": TTL, **AUTH})
    assert resp.status_code == 413
    assert snapshot(store) == set()


def test_graph_iri_with_fragment(empty):
    client, store = empty
    assert put(client, "graph=http://example.org/g%23one", DATA).status_code == 201
    assert put(client, "graph=http://example.org/g%23one", DATA).status_code == 204
    assert [g.iri for g in store.graphs() if g.iri != HISTORY] == ["http://example.org/g#one"]
    assert len(get_graph(client, "graph=http://example.org/g%23one")) == 3


def test_put_empty_body_empties_the_graph(empty):
    client, store = empty
    put(client, f"graph={G1}", DATA)
    put(client, "default", DATA)
    assert put(client, f"graph={G1}", b"").status_code == 204
    assert put(client, "default", b"# nothing\n").status_code == 204
    assert not store.has_graph(G1) and store.triple_count() == store.triple_count(HISTORY)  # the writes' record
    assert client.get(f"/store?graph={G1}").status_code == 404
    assert len(get_graph(client, "default")) == 0


def test_real_server_writes_are_seen_by_queries():
    """`policykg serve` (Granian workers, on-disk store): a graph PUT through
    /store is answered by /sparql at once, and DELETE removes it again."""
    import requests
    from conftest import start_policykg

    proc, url = start_policykg("--memory", "--update-token", TOKEN)
    try:
        resp = requests.put(
            f"{url}/store", params={"graph": G1}, data=DATA, headers={"Content-Type": TTL, **AUTH}, timeout=30
        )
        assert resp.status_code == 201
        ask = f'ASK {{ GRAPH <{G1}> {{ ?s <http://example.org/name> "Bob" }} }}'
        answer = requests.get(f"{url}/sparql", params={"query": ask}, timeout=30)
        assert answer.json()["boolean"] is True
        got = requests.get(
            f"{url}/store", params={"graph": G1}, headers={"Accept": "application/n-triples"}, timeout=30
        )
        assert isomorphic(Graph().parse(data=got.text, format="nt"), Graph().parse(data=DATA, format="turtle"))
        assert requests.delete(f"{url}/store", params={"graph": G1}, headers=AUTH, timeout=30).status_code == 204
        assert requests.get(f"{url}/sparql", params={"query": ask}, timeout=30).json()["boolean"] is False
    finally:
        proc.terminate()
        proc.wait(timeout=30)
