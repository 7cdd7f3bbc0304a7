"""The one query path (server.protocol.query): /sparql, /api/queries/NAME, the browser's query
page and `policykg query` share the timeout, the caps, the truncation flag and the errors.
Over real HTTP servers on 127.0.0.1 and an on-disk store (queries in executor processes)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pyoxigraph as ox
import pytest
import requests
from click.testing import CliRunner
from conftest import TOKEN, LiveServer, free_port

from server.app.factory import create_app
from server.cli.main import main
from server.core.settings import Settings
from server.publish import named_queries
from server.store import EmbeddedStore
from server.views.context import services

TIMEOUT = 2.0  # seconds, the service's query timeout in these tests
CAP = 5  # max_rows
HEADER = "# title@en: {0}\n# title@ru: {0}\n# description@en: {0}.\n# description@ru: {0}.\n"
QUERIES = {
    # a cross product of the whole store four times: runs far past any timeout
    "slow": HEADER.format("Slow") + "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }\n",
    "labels": HEADER.format("Labels")
    + "SELECT ?s ?label WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label } ORDER BY ?s ?label\n",
    "few-labels": HEADER.format("Few labels")
    + "SELECT ?s ?label WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label } ORDER BY ?s ?label"
    " LIMIT 3\n",
    "labels-of": HEADER.format("Labels of")
    + "# param: s\n#   type: iri\n#   required: true\n"
    + "SELECT ?s ?label WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label } ORDER BY ?label\n",
}
LABUDIN = "http://localhost:8000/id/person/labudin-mikhail"


@pytest.fixture
def queries_dir(tmp_path, monkeypatch):
    """A folder of named queries in place of the shipped queries/."""
    folder = tmp_path / "queries"
    folder.mkdir()
    for name, text in QUERIES.items():
        (folder / f"{name}.rq").write_text(text, encoding="utf-8")
    monkeypatch.setattr(named_queries, "queries_dir", lambda: folder)
    return folder


@pytest.fixture
def server(tmp_path, seeded_store, queries_dir):
    """A live server over an on-disk store with one executor process: a query past the timeout
    gets that process killed, so the next query needs its replacement."""
    st = EmbeddedStore(tmp_path / "store")
    with st.writer() as rw:
        rw.extend(list(seeded_store.quads()))
    settings = Settings.from_env(
        {}, data_dir=str(tmp_path / "store"), update_token=TOKEN, query_workers=1, query_timeout=TIMEOUT, max_rows=CAP
    )
    app = create_app(settings, store=st)
    srv = LiveServer(app, free_port()).start()
    srv.app = app
    srv.data_dir = settings.data_dir
    yield srv
    srv.stop()
    pool = services(app).query.runner
    if pool is not None:
        pool.close()
    st.close()


def test_named_query_past_the_timeout_is_stopped_and_the_executor_replaced(server):
    quick = requests.get(server.url + "/api/queries/labels", timeout=30)  # also starts the executor
    assert quick.status_code == 200 and len(quick.json()["results"]["bindings"]) == CAP
    started = time.monotonic()
    slow = requests.get(server.url + "/api/queries/slow", timeout=30)
    elapsed = time.monotonic() - started
    assert slow.status_code == 503
    err = slow.json()["error"]
    assert err["code"] == "timeout" and err["detail"] == {"timeout": TIMEOUT} and "stopped" in err["message"]
    assert elapsed < TIMEOUT + 1  # the bound the service promises: the timeout, and at most 1 s more
    pool = services(server.app).query.runner
    assert pool.replaced == 1  # the executor evaluating it was killed
    again = requests.get(server.url + "/api/queries/labels", timeout=30)
    assert again.status_code == 200 and again.json()["results"]["bindings"] == quick.json()["results"]["bindings"]
    metrics = requests.get(server.url + "/metrics", timeout=10).text.splitlines()
    assert "policykg_query_timeouts_total 1" in metrics


def test_named_query_parameters_reach_the_executor(server):
    resp = requests.get(server.url + "/api/queries/labels-of", params={"s": LABUDIN}, timeout=30)
    rows = resp.json()["results"]["bindings"]
    assert rows and {r["s"]["value"] for r in rows} == {LABUDIN}
    assert {r["label"]["value"] for r in rows} >= {"Михаил Лабудин"}


def _cli(server, *args: str):
    res = CliRunner().invoke(main, ["query", *args, "--data-dir", server.data_dir], env={"POLICYKG_MAX_ROWS": str(CAP)})
    assert res.exit_code == 0, res.output
    return res


@pytest.mark.parametrize(("name", "truncated"), [("labels", True), ("few-labels", False)])
def test_sparql_api_and_cli_give_the_same_rows_and_truncation(server, queries_dir, name, truncated):
    text = (queries_dir / f"{name}.rq").read_text(encoding="utf-8")
    sparql = requests.get(server.url + "/sparql", params={"query": text}, timeout=30)
    api = requests.get(server.url + f"/api/queries/{name}", timeout=30)
    by_name = _cli(server, "--name", name)
    by_text = _cli(server, text)
    bodies = [sparql.json(), api.json(), json.loads(by_name.stdout), json.loads(by_text.stdout)]
    rows = [b["results"]["bindings"] for b in bodies]
    assert len(rows[0]) == (CAP if truncated else 3)
    assert all(r == rows[0] for r in rows)
    assert [b.get("truncated", False) for b in bodies] == [truncated] * 4
    assert [r.headers.get("X-Result-Truncated") == "true" for r in (sparql, api)] == [truncated] * 2
    assert [("Truncated" in r.stderr) for r in (by_name, by_text)] == [truncated] * 2
    # the browser's query page: the same rows (the page's cap is at least this one) and flag
    page = requests.get(server.url + "/query.json", params={"query": text}, timeout=30).json()
    assert len(page["rows"]) == len(rows[0]) and page["truncated"] is truncated


def test_api_pages_follow_the_link_header(server):
    full = requests.get(server.url + "/sparql", params={"query": QUERIES["labels"]}, timeout=30).json()
    full = full["results"]["bindings"]
    seen, url = [], server.url + "/api/queries/labels?limit=2"
    for _ in range(3):
        resp = requests.get(url, timeout=30)
        seen += resp.json()["results"]["bindings"]
        assert resp.links["next"]["url"] and resp.headers["X-Result-Truncated"] == "true"
        url = resp.links["next"]["url"]
    assert seen[:CAP] == full  # /sparql stops at the cap; the pages go on past it
    assert "offset=0" in resp.links["first"]["url"] and "offset=2" in resp.links["prev"]["url"]


def test_cli_query_past_the_timeout_is_stopped(server):
    env = {**os.environ, "POLICYKG_QUERY_TIMEOUT": "1", "POLICYKG_LOG_LEVEL": "WARNING"}
    proc = subprocess.run(
        [sys.executable, "-m", "server", "query", QUERIES["slow"], "--data-dir", server.data_dir],
        check=False,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 1 and "was stopped" in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.parametrize("offset", [0, 1, 2, 5])
def test_offset_drops_whole_rows_however_the_output_is_cut(offset):
    from server.protocol.results import _CappedTSV

    tsv = b"?a\t?b\n" + b"".join(b'"row %d"\t<http://x/%d>\n' % (i, i) for i in range(4))
    lines = tsv.splitlines(keepends=True)
    expected = b"".join(lines[:1] + lines[1 + offset :])
    for cut in range(len(tsv)):
        for step in (1, 7, len(tsv)):
            out = _CappedTSV(max_rows=10, offset=offset, deadline=None)
            out.write(tsv[:cut])
            for i in range(cut, len(tsv), step):
                out.write(tsv[i : i + step])
            assert bytes(out.buf) == expected, (cut, step)


def test_offset_and_distinct_triples_in_render(seeded_store):
    from server.protocol.results import render

    q = "CONSTRUCT { ?s a ?c } WHERE { ?s a ?c . ?s ?p ?o }"  # each type triple once per property
    every = list(seeded_store.query(q))
    distinct = list(dict.fromkeys(every))
    assert len(every) > len(distinct)
    first = render(seeded_store.query(q), fmt="nt", max_triples=4)
    second = render(seeded_store.query(q), fmt="nt", max_triples=4, offset=4)
    assert first.truncated and first.count == 4 and second.count == 4
    got = [q.triple for r in (first, second) for q in ox.parse(r.body, format=ox.RdfFormat.N_TRIPLES)]
    assert got == distinct[:8]
