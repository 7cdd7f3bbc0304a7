"""Resource limits: request body cap (413), result-row cap and CONSTRUCT triple cap (cut and
flagged), maximum query length, Accept header length, slow clients (slowloris, bounded)."""

from __future__ import annotations

import socket
import time
from urllib.parse import urlencode

import pytest
import requests

from server.app.factory import create_app
from server.core.settings import Settings

from .conftest import TOKEN
from .helpers import FIGURES, Server, check_flask, snapshot

AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def small_client(fuzz_store, tmp_path):
    s = Settings.from_env(
        {},
        memory=True,
        update_token=TOKEN,
        max_body_bytes=2000,
        max_rows=5,
        max_construct_triples=7,
        max_query_length=300,
    )
    app = create_app(s, store=fuzz_store)
    return app.test_client(), fuzz_store


def test_body_cap_is_413_and_changes_nothing(small_client):
    client, st_ = small_client
    before = snapshot(st_)
    big = '<http://example.org/s> <http://example.org/p> "' + "x" * 5000 + '" .\n'
    for resp in (
        client.put(
            "/store?graph=http://example.org/g", data=big, headers={**AUTH, "Content-Type": "application/n-triples"}
        ),
        client.post("/store", data=big, headers={**AUTH, "Content-Type": "application/n-triples"}),
        client.post("/sparql", data={"update": f"INSERT DATA {{ {big} }}"}, headers=AUTH),
        client.post("/sparql", data=big, headers={**AUTH, "Content-Type": "application/sparql-update"}),
        client.post("/ingest", json={"text": "x" * 5000, "date": "2026-01-01"}, headers=AUTH),
    ):
        check_flask(resp)
        assert resp.status_code == 413, resp.get_data()[:200]
        # werkzeug refuses the body before any view (MAX_CONTENT_LENGTH): its name is the code
        # (README, errors: a text over max_query_length is payload_too_large instead)
        assert resp.get_json()["error"] == {
            "status": 413,
            "code": "request_entity_too_large",
            "message": "The data value transmitted exceeds the capacity limit.",
        }
    assert snapshot(st_) == before


def test_row_cap_is_flagged(small_client):
    client, _ = small_client
    resp = client.get("/sparql?" + urlencode({"query": "SELECT * WHERE { ?s ?p ?o }"}))
    assert resp.status_code == 200 and resp.headers["X-Result-Truncated"] == "true"
    doc = resp.get_json()
    assert len(doc["results"]["bindings"]) == 5 and doc["truncated"] is True
    csv = client.get("/sparql?" + urlencode({"query": "SELECT * WHERE { ?s ?p ?o }", "format": "csv"}))
    assert csv.headers["X-Result-Truncated"] == "true" and len(csv.get_data(as_text=True).splitlines()) == 6
    small = client.get("/sparql?" + urlencode({"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 3"}))
    assert "X-Result-Truncated" not in small.headers and "truncated" not in small.get_json()


def test_construct_cap_is_flagged(small_client):
    from rdflib import Graph

    client, _ = small_client
    resp = client.get(
        "/sparql?" + urlencode({"query": "CONSTRUCT WHERE { ?s ?p ?o }"}), headers={"Accept": "application/n-triples"}
    )
    assert resp.status_code == 200 and resp.headers["X-Result-Truncated"] == "true"
    assert len(Graph().parse(data=resp.get_data(as_text=True), format="nt")) == 7


def test_max_query_length(small_client):
    client, _ = small_client
    long_q = "SELECT * WHERE { ?s ?p ?o } " + "#" * 400
    for resp in (
        client.get("/sparql?" + urlencode({"query": long_q})),
        client.post("/sparql", data=long_q, content_type="application/sparql-query"),
        client.post("/sparql", data={"update": "CLEAR ALL " + "#" * 400}, headers=AUTH),
    ):
        check_flask(resp)
        assert resp.status_code == 413 and "limit is 300" in resp.get_json()["error"]["message"]


def test_accept_header_length_is_capped(small_client):
    client, _ = small_client
    accept = ", ".join(f"application/x-{i};q=0.{i % 10}" for i in range(20000))
    t = time.monotonic()
    resp = client.get("/sparql?" + urlencode({"query": "ASK {}"}), headers={"Accept": accept})
    FIGURES.note("huge_accept_header_seconds_in_app", round(time.monotonic() - t, 3))
    check_flask(resp)
    assert resp.status_code == 431 and resp.get_json()["error"]["code"] == "header_too_large", resp.get_data()[:300]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    srv = Server(tmp_path_factory.mktemp("limits") / "store").wait_healthy()
    yield srv
    srv.terminate()


def test_huge_accept_over_http_is_refused(server):
    accept = ", ".join(f"application/x-{i}" for i in range(5000))
    r = requests.get(server.url + "/sparql", params={"query": "ASK {}"}, headers={"Accept": accept}, timeout=30)
    assert r.status_code == 431 and r.json()["error"]["code"] == "header_too_large"  # the app's own cap
    assert requests.get(server.url + "/health", timeout=10).json()["status"] == "ok"


def _slowloris(server, n_slow: int) -> tuple[int, list[float]]:
    """``n_slow`` sockets send a request's headers one line every 0.5 s while a client queries;
    returns (answered queries, latencies)."""
    socks = []
    for _ in range(n_slow):
        s = socket.create_connection(("127.0.0.1", server.port), timeout=5)
        s.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\n")
        socks.append(s)
    latencies, ok = [], 0
    try:
        end = time.monotonic() + 4
        while time.monotonic() < end:
            for s in socks:
                try:
                    s.sendall(b"X-Slow: 1\r\n")
                except OSError:
                    pass
            t = time.monotonic()
            try:
                r = requests.get(server.url + "/sparql", params={"query": "ASK { ?s ?p ?o }"}, timeout=3)
                ok += r.status_code == 200 and r.json()["boolean"] is True
            except requests.RequestException:
                pass
            latencies.append(time.monotonic() - t)
            time.sleep(0.5)
    finally:
        for s in socks:
            s.close()
    FIGURES.add("attacks_tried")
    return ok, latencies


def test_slow_clients_do_not_block_others(server):
    """8 slowloris sockets."""
    threads = Settings.from_env({}).threads
    ok, latencies = _slowloris(server, 8)
    FIGURES.note("slowloris_8_sockets_vs_threads_max_latency_s", [threads, round(max(latencies), 3)])
    assert ok == len(latencies), f"{len(latencies) - ok} of {len(latencies)} queries blocked by slow clients"


def test_many_more_slow_clients_than_threads_do_not_block_others(server):
    """DEFECT-4 (fixed by serving with Granian): gunicorn's gthread workers pinned a thread per
    slow socket, so more slow sockets than workers x threads stalled every other client. Granian
    reads requests in Rust; a Python thread gets a request only once it has fully arrived."""
    s = Settings.from_env({})
    n = 10 * s.workers * s.threads
    ok, latencies = _slowloris(server, n)
    FIGURES.note("slowloris_beyond_all_threads_answered", [n, ok, len(latencies)])
    assert ok == len(latencies), f"{len(latencies) - ok} of {len(latencies)} queries blocked by {n} slow clients"
