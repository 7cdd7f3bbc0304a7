"""Real SPARQL clients against a real HTTP server on 127.0.0.1: SPARQLWrapper, rdflib's
SPARQLStore / SPARQLUpdateStore, and raw requests (curl-style)."""

from __future__ import annotations

import csv
import io
import xml.dom.minidom
from urllib.error import HTTPError

import pytest
import requests
from conftest import TOKEN
from rdflib import Graph, Literal, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore, SPARQLUpdateStore
from SPARQLWrapper import CSV, JSON, POST, TSV, TURTLE, XML, SPARQLWrapper

from server.store import EmbeddedStore

LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
AKIT = "http://localhost:8000/id/org/akit"
Q = f"SELECT ?l WHERE {{ <{AKIT}> <{LABEL}> ?l }} ORDER BY ?l"
LABELS = ["Association of Clusters, Technoparks and SEZs of Russia", "Ассоциация кластеров, технопарков и ОЭЗ России"]
G = "http://example.org/graph/clients"


@pytest.fixture
def store(seeded_store):
    st = EmbeddedStore(None)
    st.raw.extend(list(seeded_store.quads()))
    return st


def wrapper(url: str, query: str, fmt: str) -> SPARQLWrapper:
    sw = SPARQLWrapper(url + "/sparql")
    sw.setQuery(query)
    sw.setReturnFormat(fmt)
    return sw


def test_sparqlwrapper_select_formats(live_server):
    res = wrapper(live_server.url, Q, JSON).queryAndConvert()
    assert [b["l"]["value"] for b in res["results"]["bindings"]] == LABELS
    assert {b["l"]["xml:lang"] for b in res["results"]["bindings"]} == {"en", "ru"}

    doc = wrapper(live_server.url, Q, XML).queryAndConvert()
    assert isinstance(doc, xml.dom.minidom.Document)
    assert [n.firstChild.data for n in doc.getElementsByTagName("literal")] == LABELS

    text = wrapper(live_server.url, Q, CSV).queryAndConvert().decode("utf-8")
    assert list(csv.reader(io.StringIO(text))) == [["l"], *([x] for x in LABELS)]

    text = wrapper(live_server.url, Q, TSV).queryAndConvert().decode("utf-8")
    assert text.splitlines() == ["?l", f'"{LABELS[0]}"@en', f'"{LABELS[1]}"@ru']


def test_sparqlwrapper_post_ask_and_construct(live_server):
    sw = wrapper(live_server.url, f"ASK {{ <{AKIT}> ?p ?o }}", JSON)
    sw.setMethod(POST)
    assert sw.queryAndConvert()["boolean"] is True
    sw = wrapper(live_server.url, f"CONSTRUCT {{ <{AKIT}> <{LABEL}> ?l }} WHERE {{ <{AKIT}> <{LABEL}> ?l }}", TURTLE)
    g = sw.queryAndConvert()
    g = g if isinstance(g, Graph) else Graph().parse(data=g, format="turtle")
    assert {str(o) for o in g.objects(URIRef(AKIT), URIRef(LABEL))} == set(LABELS)
    sw.setReturnFormat(XML)  # SPARQLWrapper's default for CONSTRUCT: RDF/XML
    g = sw.queryAndConvert()
    assert {str(o) for o in g.objects(URIRef(AKIT), URIRef(LABEL))} == set(LABELS)


def test_sparqlwrapper_authenticated_update(live_server, store):
    upd = f"INSERT DATA {{ GRAPH <{G}> {{ <http://example.org/s> <{LABEL}> 'via SPARQLWrapper' }} }}"
    sw = SPARQLWrapper(live_server.url + "/sparql", updateEndpoint=live_server.url + "/sparql")
    sw.setMethod(POST)
    sw.setQuery(upd)
    sw.addCustomHttpHeader("Authorization", f"Bearer {TOKEN}")
    assert sw.query().response.status == 204
    assert {str(q.object.value) for q in store.quads(G)} == {"via SPARQLWrapper"}

    denied = SPARQLWrapper(live_server.url + "/sparql", updateEndpoint=live_server.url + "/sparql")
    denied.setMethod(POST)
    denied.setQuery(upd.replace("via SPARQLWrapper", "denied"))
    with pytest.raises(Exception) as info:
        denied.query()
    assert "401" in str(info.value) or "Unauthorized" in str(info.value)
    assert {str(q.object.value) for q in store.quads(G)} == {"via SPARQLWrapper"}


def test_rdflib_sparqlstore_reads(live_server):
    st = SPARQLStore(live_server.url + "/sparql", returnFormat="json")
    g = Graph(store=st)
    labels = sorted(str(row.l) for row in g.query(Q))
    assert labels == LABELS
    assert g.query(f"ASK {{ <{AKIT}> ?p ?o }}").askAnswer is True
    assert (URIRef(AKIT), URIRef(LABEL), Literal(LABELS[0], lang="en")) in g


def test_rdflib_sparqlupdatestore_named_graphs(live_server, store):
    st = SPARQLUpdateStore(
        query_endpoint=live_server.url + "/sparql",
        update_endpoint=live_server.url + "/sparql",
        auth=None,
        headers={"Authorization": f"Bearer {TOKEN}"},
        autocommit=True,
    )
    from rdflib import Dataset

    ds = Dataset(store=st)
    g = ds.graph(URIRef(G))
    triple = (URIRef("http://example.org/s"), URIRef(LABEL), Literal("written by rdflib", lang="en"))
    g.add(triple)
    assert {(q.subject.value, q.object.value) for q in store.quads(G)} == {
        ("http://example.org/s", "written by rdflib")
    }
    # read the named graph back through the same client
    assert triple in g
    assert len(g) == 1
    g.remove(triple)
    assert list(store.quads(G)) == []


def test_rdflib_sparqlupdatestore_without_token_changes_nothing(live_server, store):
    st = SPARQLUpdateStore(
        query_endpoint=live_server.url + "/sparql", update_endpoint=live_server.url + "/sparql", autocommit=True
    )
    g = Graph(store=st, identifier=URIRef(G))
    with pytest.raises(HTTPError) as info:
        g.add((URIRef("http://example.org/s"), URIRef(LABEL), Literal("nope")))
    assert info.value.code == 401
    assert list(store.quads(G)) == []


def test_raw_requests_curl_style(live_server, store):
    url = live_server.url + "/sparql"
    r = requests.get(url, params={"query": Q}, headers={"Accept": "application/sparql-results+json"}, timeout=10)
    assert [b["l"]["value"] for b in r.json()["results"]["bindings"]] == LABELS
    r = requests.post(
        url, data=Q.encode(), headers={"Content-Type": "application/sparql-query", "Accept": "text/csv"}, timeout=10
    )
    assert r.headers["Content-Type"].startswith("text/csv")
    assert list(csv.reader(io.StringIO(r.text)))[1:] == [[x] for x in LABELS]
    upd = f"INSERT DATA {{ GRAPH <{G}> {{ <http://example.org/s> <{LABEL}> 'raw' }} }}"
    r = requests.post(
        url,
        data=upd.encode(),
        headers={"Content-Type": "application/sparql-update", "Authorization": f"Bearer {TOKEN}"},
        timeout=10,
    )
    assert r.status_code == 204
    r = requests.post(url, data={"update": f"CLEAR GRAPH <{G}>"}, timeout=10)
    assert r.status_code == 401 and r.json()["error"]["code"] == "unauthorized"
    assert {q.object.value for q in store.quads(G)} == {"raw"}
