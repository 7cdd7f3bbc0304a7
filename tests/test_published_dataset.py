"""The default dataset of a query (the public graphs but the apart ones; the private graphs only
when named) is worked out once per store state and still follows every write: over a real HTTP
server, a graph added, a draft added and named, a graph dropped are seen by the next query."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
import requests
from conftest import LiveServer, free_port

from server.app.factory import create_app
from server.core.namespaces import draft_graph, history_graph
from server.core.settings import Settings
from server.store import EmbeddedStore

P = "http://example.org/p"
JSON = {"Accept": "application/sparql-results+json"}


@pytest.fixture(params=["memory", "disk"])
def served(request, tmp_path):
    settings = Settings.from_env({}, memory=request.param == "memory", data_dir=str(tmp_path / "store"))
    store = EmbeddedStore(None if settings.memory else settings.data_dir, base_iri=settings.base_iri)
    store.load(f'<http://example.org/s0> <{P}> "public" .', ox.RdfFormat.N_TRIPLES, settings.base_iri + "graph/a")
    store.load(f'<http://example.org/h> <{P}> "history" .', ox.RdfFormat.N_TRIPLES, history_graph(settings.base_iri))
    srv = LiveServer(create_app(settings, store=store), free_port()).start()
    yield settings, store, srv.url
    srv.stop()
    store.close()


def values(url: str, query: str) -> set[str]:
    r = requests.get(url + "/sparql", params={"query": query}, headers=JSON, timeout=30)
    assert r.status_code == 200, r.text
    return {b["o"]["value"] for b in r.json()["results"]["bindings"]}


def test_the_default_dataset_follows_every_write(served):
    settings, store, url = served
    in_default = f"SELECT ?o WHERE {{ ?s <{P}> ?o }}"
    assert values(url, in_default) == {"public"}  # the history graph is apart
    store.load(f'<http://example.org/s1> <{P}> "added" .', ox.RdfFormat.N_TRIPLES, settings.base_iri + "graph/b")
    assert values(url, in_default) == {"public", "added"}
    draft = draft_graph(settings.base_iri, "d1")
    store.load(f'<http://example.org/s2> <{P}> "draft" .', ox.RdfFormat.N_TRIPLES, draft)
    assert values(url, in_default) == {"public", "added"}  # private: not in the default graph
    assert values(url, f"SELECT ?o WHERE {{ GRAPH <{draft}> {{ ?s <{P}> ?o }} }}") == {"draft"}  # named: seen
    assert values(url, f"SELECT ?o WHERE {{ GRAPH ?g {{ ?s <{P}> ?o }} }}") == {"public", "added", "history"}
    store.drop_graph(settings.base_iri + "graph/a")
    assert values(url, in_default) == {"added"}
