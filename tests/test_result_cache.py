"""The result cache (server.protocol.result_cache): repeated queries are answered from it, and
never with an answer older than the last acknowledged write, whichever process wrote."""

from __future__ import annotations

import subprocess
import time

import requests
from conftest import TOKEN, start_policykg

from server.app.factory import create_app
from server.core.settings import Settings
from server.protocol.executor import Job
from server.protocol.result_cache import ResultCache, job_key
from server.protocol.results import Rendered
from server.store import EmbeddedStore
from server.views.context import services

GRAPH = "http://example.org/cache-test"
COUNT = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{GRAPH}> {{ ?s ?p ?o }} }}"


def insert(i: int) -> str:
    return f"INSERT DATA {{ GRAPH <{GRAPH}> {{ <http://example.org/s{i}> <http://example.org/p> {i} }} }}"


def count(resp) -> int:
    assert resp.status_code == 200, resp.text
    data = resp.json() if callable(resp.json) else resp.json  # requests or Flask's test client
    return int(data["results"]["bindings"][0]["n"]["value"])


def test_bounded_in_bytes_least_recently_used_first():
    cache = ResultCache(max_bytes=15_000)  # room for 9 answers of 1000 bytes (each counted with its key)
    keys = [job_key(Job(f"ASK {{ <urn:{i}> ?p ?o }}")) for i in range(10)]
    for k in keys:
        cache.put(k, 1, Rendered(b"x" * 1000, "application/json"))
    assert cache.size <= cache.max_bytes
    assert cache.get(keys[0], 1) is None and cache.get(keys[-1], 1).body == b"x" * 1000
    cache.put(job_key(Job("ASK {}")), 1, Rendered(b"y" * cache.max_bytes, "application/json"))  # too large: not kept
    assert cache.get(job_key(Job("ASK {}")), 1) is None


def test_a_new_generation_empties_it_and_older_answers_are_refused():
    cache = ResultCache(max_bytes=10**6)
    key = job_key(Job("ASK {}"))
    cache.put(key, 5, Rendered(b"old", "text/plain"))
    assert cache.get(key, 5).body == b"old"
    assert cache.get(key, 6) is None  # a write since
    cache.put(key, 5, Rendered(b"read before the write", "text/plain"))
    assert cache.get(key, 6) is None and cache.get(key, 5) is None
    assert job_key(Job("ASK {}", offset=10)) is None  # pages of named queries are not kept


def test_repeated_query_answers_the_write_on_the_next_request(tmp_path, seeded_store):
    """In-process app over the on-disk store: writes through the app and through another
    process's handle on the same folder are both seen by the very next request."""
    st = EmbeddedStore(tmp_path / "store")
    with st.writer() as rw:
        rw.extend(list(seeded_store.quads()))
    settings = Settings.from_env({}, data_dir=str(tmp_path / "store"), update_token=TOKEN, query_workers=1)
    app = create_app(settings, store=st)
    client = app.test_client()
    try:
        assert count(client.get("/sparql", query_string={"query": COUNT})) == 0
        for i in range(1, 4):
            assert count(client.get("/sparql", query_string={"query": COUNT})) == i - 1  # from the cache
            r = client.post("/sparql", data={"update": insert(i)}, headers={"Authorization": f"Bearer {TOKEN}"})
            assert r.status_code == 204
            assert count(client.get("/sparql", query_string={"query": COUNT})) == i
        other = EmbeddedStore(tmp_path / "store")  # another process's handle: it writes unseen by this app
        other.update(insert(99))
        other.close()
        assert count(client.get("/sparql", query_string={"query": COUNT})) == 4
        m = services(app).query.metrics
        assert m.cache_hits >= 3 and m.cache_misses >= 5
        assert 'policykg_result_cache_lookups_total{outcome="hit"}' in client.get("/metrics").text
    finally:
        pool = services(app).query.runner
        if pool is not None:
            pool.close()
        st.close()


def test_off_by_the_setting(seeded_store):
    app = create_app(Settings.from_env({}, memory=True, result_cache_bytes=0), store=seeded_store)
    assert services(app).query.cache is None
    assert app.test_client().get("/sparql", query_string={"query": "ASK {}"}).json["boolean"] is True


def test_production_server_every_worker_sees_each_write(tmp_path):
    """`policykg serve` with two workers, each with its own cache: after every acknowledged
    write, every following request (whichever worker answers it) has the new count."""
    proc, url = start_policykg(
        "--data-dir",
        str(tmp_path / "store"),
        "--update-token",
        TOKEN,
        env={"POLICYKG_WORKERS": "2", "POLICYKG_LOG_LEVEL": "WARNING"},
    )
    try:
        with requests.Session() as a, requests.Session() as b:  # two connections: both workers, likely
            for i in range(1, 6):
                for s in (a, b):
                    s.get(url + "/sparql", params={"query": COUNT}, timeout=10)  # fill the caches
                r = a.post(url + "/sparql", data={"update": insert(i)}, headers={"Authorization": f"Bearer {TOKEN}"})
                assert r.status_code == 204
                for _ in range(4):
                    for s in (b, a):
                        assert count(s.get(url + "/sparql", params={"query": COUNT}, timeout=10)) == i
        # the workers share their counts through files written a moment later: poll, never sleep a fixed time
        deadline = time.monotonic() + 30
        while True:
            metrics = requests.get(url + "/metrics", timeout=10).text
            line = next(
                x for x in metrics.splitlines() if x.startswith('policykg_result_cache_lookups_total{outcome="hit"}')
            )
            if int(line.rsplit(" ", 1)[1]) > 0 or time.monotonic() > deadline:
                break
            time.sleep(0.2)
        assert int(line.rsplit(" ", 1)[1]) > 0, metrics
    finally:
        proc.terminate()
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()


def test_a_store_without_generation_is_not_cached(seeded_store):
    """External stores (written by others unseen) have no generation: every query is evaluated."""

    class NoGeneration:
        def __init__(self, store):
            self._store = store
            self.queries = 0

        def __getattr__(self, name):
            if name == "generation":
                raise AttributeError(name)
            return getattr(self._store, name)

        def query(self, *args, **kwargs):
            self.queries += 1
            return self._store.query(*args, **kwargs)

    wrapped = NoGeneration(seeded_store)
    assert ResultCache.generation(wrapped) is None
    app = create_app(Settings.from_env({}, memory=True), store=wrapped)
    client = app.test_client()
    for _ in range(3):
        assert client.get("/sparql", query_string={"query": "ASK { ?s ?p ?o }"}).json["boolean"] is True
    assert wrapped.queries == 3
    assert services(app).query.metrics.cache_hits == 0
