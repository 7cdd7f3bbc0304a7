"""The history graph is apart from the data (server.store.base ``Store.apart_graphs``): a named
graph that queries reach with GRAPH, never part of the default graph. So its prov:Activity
resources are not counted among the classes (/classes, stats, VoID) and its links are not
incoming links of the resources it lists; the activities' own pages and /changes still work.
Over real HTTP, on the embedded store and on an external store (`oxigraph serve`)."""

from __future__ import annotations

from collections import defaultdict
from urllib.parse import urlencode

import pyoxigraph as ox
import pytest
import requests
from conftest import LiveServer, free_port
from test_remote_store import OXIGRAPH, OxigraphServer

from server.app.factory import create_app, ensure_seeded
from server.core.namespaces import PKG, PREFIXES, history_graph, inferred_graph, is_asserted
from server.core.settings import Settings
from server.graph.stats import compute
from server.store import EmbeddedStore
from server.store.base import Store, published_dataset
from server.store.remote import RemoteStore

PROV = PREFIXES["prov"]
RDF_TYPE = PREFIXES["rdf"] + "type"
JSON = {"Accept": "application/sparql-results+json"}


@pytest.fixture(scope="module", params=["embedded", "remote"])
def served(request, tmp_path_factory):
    """(settings, store, base URL of a real HTTP server) over a seeded store with its history."""
    oxigraph = None
    if request.param == "embedded":
        settings = Settings.from_env({}, memory=True)
        store: Store = EmbeddedStore(None, base_iri=settings.base_iri)
    else:
        if OXIGRAPH is None:
            pytest.skip("the `oxigraph` server (PyPI package oxigraph) is not installed")
        oxigraph = OxigraphServer(tmp_path_factory.mktemp("oxigraph-history"))
        settings = Settings.from_env({}, store=oxigraph.store_url)
        store = RemoteStore.from_settings(settings)
    ensure_seeded(store, settings)
    server = LiveServer(create_app(settings, store=store), free_port()).start()
    yield settings, store, server.url
    server.stop()
    store.close()
    if oxigraph is not None:
        oxigraph.stop()


def select(url: str, query: str) -> list[dict[str, str]]:
    r = requests.get(url + "/sparql", params={"query": query}, headers=JSON, timeout=30)
    assert r.status_code == 200, r.text
    return [{k: v["value"] for k, v in b.items()} for b in r.json()["results"]["bindings"]]


def domain_class_counts(settings: Settings, store: Store, *, inferred: bool = True) -> dict[str, int]:
    """Instances per class in the published data (asserted graphs, and the inferences unless not
    ``inferred``), from its quads."""
    graphs = [g for g in store.graph_names() if is_asserted(g, settings.base_iri)]
    graphs += [inferred_graph(settings.base_iri)] if inferred else []
    members = defaultdict(set)
    for g in graphs:
        for q in store.quads(g):
            if q.predicate.value == RDF_TYPE and isinstance(q.object, ox.NamedNode):
                members[q.object.value].add(q.subject)
    return {c: len(s) for c, s in members.items()}


def test_the_history_is_a_named_graph_only(served):
    settings, _, url = served
    h = history_graph(settings.base_iri)
    added = f"<{PKG}addedResource>"
    assert select(url, f"SELECT ?a {{ ?a {added} ?r }} LIMIT 1") == []  # not in the default graph
    assert select(url, f"SELECT ?a {{ GRAPH <{h}> {{ ?a {added} ?r }} }} LIMIT 1")  # GRAPH <history>
    assert {r["g"] for r in select(url, f"SELECT DISTINCT ?g {{ GRAPH ?g {{ ?a {added} ?r }} }}")} == {h}
    assert select(url, f"SELECT ?a FROM <{h}> {{ ?a a <{PROV}Activity> }} LIMIT 1")  # FROM
    assert requests.get(url + "/changes?format=json", timeout=30).json()["items"]


def test_classes_count_the_domain_only(served):
    settings, store, url = served
    expected = domain_class_counts(settings, store)
    listed = {c["iri"]: c["count"] for c in requests.get(url + "/classes.json", timeout=30).json()["classes"]}
    assert listed == expected
    history = [
        r["a"]
        for r in select(url, f"SELECT ?a {{ GRAPH <{history_graph(settings.base_iri)}> {{ ?a a <{PROV}Activity> }} }}")
    ]
    assert history and not set(history) & {
        r["x"] for r in select(url, f"SELECT ?x {{ ?x a <{PROV}Activity> }}")
    }  # the class page's instances
    assert {c["class"]: c["instances"] for c in compute(store)["classes"]} == expected
    void = list(
        ox.parse(
            requests.get(url + "/.well-known/void", headers={"Accept": "application/n-triples"}, timeout=30).content,
            format=ox.RdfFormat.N_TRIPLES,
        )
    )
    classes = {t.subject: t.object.value for t in void if t.predicate.value == PREFIXES["void"] + "class"}
    entities = {t.subject: int(t.object.value) for t in void if t.predicate.value == PREFIXES["void"] + "entities"}
    partitions = {c: entities[part] for part, c in classes.items()}
    assert partitions == domain_class_counts(settings, store, inferred=False)  # VoID describes the dumps


def test_no_incoming_links_from_the_history(served):
    settings, _, url = served
    h = history_graph(settings.base_iri)
    rows = select(url, f"SELECT ?a ?r {{ GRAPH <{h}> {{ ?a <{PKG}addedResource> ?r }} }} ORDER BY ?r LIMIT 1")
    activity, resource = rows[0]["a"], rows[0]["r"]
    page = requests.get(url + "/page?" + urlencode({"iri": resource}), headers={"Accept": "application/json"})
    assert page.status_code == 200, page.text
    incoming = page.json()["incoming"]
    assert not [g["iri"] for g in incoming if g["iri"].startswith((PROV, PKG + "added", PKG + "changed"))]
    assert activity not in {s["value"] for g in incoming for s in g["subjects"]}
    # the activity's own page: its statements, from the history graph
    own = requests.get(url + "/page?" + urlencode({"iri": activity}), headers={"Accept": "application/json"})
    assert own.status_code == 200, own.text
    assert PKG + "addedResource" in {p["iri"] for p in own.json()["properties"]}
    data = requests.get(url + "/data?" + urlencode({"iri": activity}), headers={"Accept": "application/n-triples"})
    assert data.status_code == 200 and f"<{PROV}generated>".encode() in data.content


def test_the_default_graph_lists_asserted_graphs_then_inferences(served):
    """One order for the current and the past views' lists (namespaces.inferences_last)."""
    settings, store, _ = served
    default, named = published_dataset(store, store.graph_names(), "SELECT * {}", None)
    base = settings.base_iri
    assert history_graph(base) not in default and history_graph(base) in named
    assert default[-1] == inferred_graph(base) and default[:-1] == sorted(default[:-1])
    assert default[:-1] == sorted(g for g in store.graph_names() if is_asserted(g, base))
