"""Query timeouts really stop the query (executor processes are killed), while other queries
keep being answered; the same through the production server (Granian)."""

from __future__ import annotations

import glob
import os
import subprocess
import tempfile
import threading
import time

import pytest
import requests
from conftest import TOKEN, LiveServer, free_port, start_policykg
from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import RDF

from server.app.factory import create_app
from server.core.settings import Settings
from server.store import EmbeddedStore
from server.views.context import services

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
CHEAP = "ASK { ?s ?p ?o }"
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")


def run_runaway_and_cheap(url: str, timeout: str = "3") -> tuple[requests.Response, list[requests.Response], bool]:
    """Start the runaway query, then answer cheap queries while it runs (its timeout leaves the
    cheap ones time to be answered before it even on a loaded machine)."""
    out: dict[str, requests.Response] = {}

    def runaway() -> None:
        out["r"] = requests.get(url + "/sparql", params={"query": RUNAWAY, "timeout": timeout}, timeout=30)

    t = threading.Thread(target=runaway)
    t.start()
    time.sleep(0.2)
    cheap = []
    while t.is_alive() and len(cheap) < 3:
        cheap.append(requests.get(url + "/sparql", params={"query": CHEAP}, timeout=30))
    answered_during_runaway = t.is_alive()
    t.join()
    return out["r"], cheap, answered_during_runaway


def assert_timeout_error(resp: requests.Response, seconds: float) -> None:
    assert resp.status_code == 503
    err = resp.json()["error"]
    assert err["code"] == "timeout" and err["detail"] == {"timeout": seconds}
    assert "stopped" in err["message"]


@pytest.fixture
def disk_app(tmp_path, seeded_store):
    """An app over an on-disk store: queries go through the executor processes."""
    st = EmbeddedStore(tmp_path / "store")
    with st.writer() as rw:
        rw.extend(list(seeded_store.quads()))
    settings = Settings.from_env({}, data_dir=str(tmp_path / "store"), update_token=TOKEN, query_workers=2)
    app = create_app(settings, store=st)
    yield app
    pool = services(app).query.runner
    if pool is not None:
        pool.close()
    st.close()


def test_runaway_query_is_killed_while_others_answer(disk_app):
    pool = services(disk_app).query.executor()
    srv = LiveServer(disk_app, free_port()).start()
    try:
        runaway, cheap, during = run_runaway_and_cheap(srv.url)
        assert_timeout_error(runaway, 3.0)
        assert during and cheap and all(r.status_code == 200 and r.json()["boolean"] is True for r in cheap)
        assert pool.replaced == 1  # the executor evaluating it was killed and replaced
        # the replacement serves queries again
        resp = requests.get(srv.url + "/sparql", params={"query": CHEAP}, timeout=30)
        assert resp.json()["boolean"] is True
        metrics = requests.get(srv.url + "/metrics", timeout=10).text
        assert "policykg_query_timeouts_total 1" in metrics.splitlines()
    finally:
        srv.stop()


def test_executors_see_writes(disk_app):
    c = disk_app.test_client()
    q = "SELECT ?o WHERE { GRAPH <http://example.org/g> { ?s ?p ?o } }"
    for i in range(3):
        upd = f"INSERT DATA {{ GRAPH <http://example.org/g> {{ <http://example.org/s> <http://example.org/p> {i} }} }}"
        assert c.post("/sparql", data={"update": upd}, headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 204
        values = {
            b["o"]["value"] for b in c.get("/sparql", query_string={"query": q}).get_json()["results"]["bindings"]
        }
        assert values == {str(j) for j in range(i + 1)}


def test_executor_reports_errors_with_their_status(disk_app):
    c = disk_app.test_client()
    resp = c.get("/sparql", query_string={"query": "SELECT * WHERE { ?s ?p }"})
    assert resp.status_code == 400 and resp.get_json()["error"]["code"] == "query_syntax"
    resp = c.get("/sparql", query_string={"query": CHEAP}, headers={"Accept": "text/turtle"})
    assert resp.status_code == 406


def test_production_server_smoke_and_timeout(tmp_path):
    before = set(glob.glob(os.path.join(tempfile.gettempdir(), "policykg-memory-*")))
    proc, url = start_policykg(
        "--memory", "--update-token", TOKEN, env={"POLICYKG_QUERY_TIMEOUT": "5", "POLICYKG_LOG_LEVEL": "WARNING"}
    )
    try:
        g = Graph().parse(data=requests.get(url + "/sparql", timeout=10).content, format="turtle")
        service = g.value(predicate=RDF.type, object=SD.Service)
        assert g.value(service, SD.endpoint) == URIRef(url + "/sparql")
        assert SD.SPARQL11Update in set(g.objects(service, SD.supportedLanguage))
        upd = "INSERT DATA { GRAPH <http://example.org/g> { <http://example.org/s> <http://example.org/p> 'v' } }"
        r = requests.post(
            url + "/sparql", data={"update": upd}, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=10
        )
        assert r.status_code == 204
        r = requests.get(
            url + "/sparql", params={"query": "SELECT ?o { GRAPH <http://example.org/g> { ?s ?p ?o } }"}, timeout=10
        )
        assert [b["o"]["value"] for b in r.json()["results"]["bindings"]] == ["v"]
        runaway, cheap, during = run_runaway_and_cheap(url)
        assert_timeout_error(runaway, 3.0)
        assert during and all(r.status_code == 200 and r.json()["boolean"] is True for r in cheap)
        assert requests.get(url + "/health", timeout=10).json()["status"] == "ok"
        # a blocking runaway is answered by the worker's watchdog, with the usual CORS headers
        r = requests.get(
            url + "/sparql",
            params={"query": RUNAWAY, "timeout": "1"},
            headers={"Origin": "https://example.org"},
            timeout=30,
        )
        assert_timeout_error(r, 1.0)
        assert r.headers["Access-Control-Allow-Origin"] == "*"
        # the query page's runaway: the worker's watchdog answers with a small HTML page
        page = requests.get(url + "/query", params={"query": RUNAWAY}, timeout=30)
        assert page.status_code == 503 and page.headers["Content-Type"].startswith("text/html")
        assert "ran longer than 5 s and was stopped" in page.text
        assert requests.get(url + "/sparql", params={"query": CHEAP}, timeout=10).json()["boolean"] is True
    finally:
        proc.terminate()
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
    # --memory served from a temporary folder, removed at exit
    assert set(glob.glob(os.path.join(tempfile.gettempdir(), "policykg-memory-*"))) - before == set()


def test_in_thread_timeout_is_best_effort_between_solutions(seeded_store):
    """In-memory stores evaluate in the request thread: a streaming runaway query is stopped
    at the deadline (checked as results are written); a blocking one (COUNT) could not be."""
    app = create_app(Settings.from_env({}, memory=True, max_rows=10**9), store=seeded_store)
    resp = app.test_client().get(
        "/sparql", query_string={"query": "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", "timeout": "0.5"}
    )
    assert resp.status_code == 503 and resp.get_json()["error"]["code"] == "timeout"
