"""VoID at /.well-known/void: parsed, and every count checked against the store."""

from __future__ import annotations

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, RDF, XSD

from server.core.namespaces import history_graph
from server.core.settings import Settings
from server.publish.export import dataset_graphs
from server.publish.void import dataset_iri, void_graph

VOID = Namespace("http://rdfs.org/ns/void#")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
PKG = Namespace("https://w3id.org/policykg/ontology/")
DS = URIRef("http://localhost:8000/id/dataset")


def distinct_triples(store, graphs):
    return {(q.subject, q.predicate, q.object) for g in graphs for q in store.quads(g)}


def fetch(client, **headers) -> Graph:
    r = client.get("/.well-known/void", headers=headers)
    assert r.status_code == 200
    fmt = {
        "text/turtle": "turtle",
        "application/n-triples": "nt",
        "application/ld+json": "json-ld",
        "application/rdf+xml": "xml",
    }[r.mimetype]
    return Graph().parse(data=r.data, format=fmt)


def test_void_metadata_and_links(readonly_client):
    g = fetch(readonly_client)
    assert (DS, RDF.type, VOID.Dataset) in g
    assert (DS, DCTERMS.license, URIRef("https://creativecommons.org/licenses/by/4.0/")) in g
    titles = {t.language: str(t) for t in g.objects(DS, DCTERMS.title)}
    assert set(titles) == {"ru", "en"} and "policykg" in titles["en"]
    publisher = g.value(DS, DCTERMS.publisher)
    assert (publisher, RDF.type, FOAF.Organization) in g
    assert g.value(DS, VOID.sparqlEndpoint) == URIRef("http://localhost/sparql")
    dumps = {str(d) for d in g.objects(DS, VOID.dataDump)}
    assert "http://localhost/export?format=trig" in dumps
    assert g.value(DS, DCTERMS.modified) == Literal("2026-01-27", datatype=XSD.date)
    assert URIRef("http://localhost:8000/id/source/article-2026-01-27") in set(g.objects(DS, DCTERMS.source))
    examples = set(g.objects(DS, VOID.exampleResource))
    assert URIRef("http://localhost:8000/id/person/kozlovsky-aleksandr") in examples
    assert URIRef(PKG) in set(g.objects(DS, VOID.vocabulary))
    doc = URIRef("http://localhost/.well-known/void")
    assert (doc, FOAF.primaryTopic, DS) in g


def test_void_counts_match_store(readonly_client, seeded_store):
    g = fetch(readonly_client)
    settings = Settings.from_env({}, memory=True)
    graphs = dataset_graphs(seeded_store, settings)
    triples = distinct_triples(seeded_store, graphs)
    assert int(g.value(DS, VOID.triples)) == len(triples)
    assert int(g.value(DS, VOID.distinctSubjects)) == len({s for s, _, _ in triples})
    assert int(g.value(DS, VOID.properties)) == len({p for _, p, _ in triples})
    # class partitions: distinct typed subjects per class
    expected_classes: dict[str, set] = {}
    for s, p, o in triples:
        if p.value == str(RDF.type):
            expected_classes.setdefault(o.value, set()).add(s)
    got_classes = {
        str(g.value(part, VOID["class"])): int(g.value(part, VOID.entities))
        for part in g.objects(DS, VOID.classPartition)
    }
    assert got_classes == {c: len(s) for c, s in expected_classes.items()}
    assert got_classes[str(PKG.Person)] == 2
    assert int(g.value(DS, VOID.classes)) == len(expected_classes)
    # property partitions
    expected_props: dict[str, int] = {}
    for _, p, _ in triples:
        expected_props[p.value] = expected_props.get(p.value, 0) + 1
    got_props = {
        str(g.value(part, VOID.property)): int(g.value(part, VOID.triples))
        for part in g.objects(DS, VOID.propertyPartition)
    }
    assert got_props == expected_props
    # one subset per published graph, with its size
    subsets = {str(g.value(sub, SD.name)): int(g.value(sub, VOID.triples)) for sub in g.objects(DS, VOID.subset)}
    history = history_graph(settings.base_iri)  # who wrote what when: not part of the dataset
    assert subsets == {info.iri: info.triples for info in seeded_store.graphs() if info.iri != history}


def test_void_conneg(readonly_client):
    ttl = fetch(readonly_client)
    for accept in ("application/n-triples", "application/ld+json", "application/rdf+xml"):
        other = fetch(readonly_client, Accept=accept)
        assert int(other.value(DS, VOID.triples)) == int(ttl.value(DS, VOID.triples))
        assert len(other) == len(ttl)
    assert readonly_client.get("/.well-known/void", headers={"Accept": "image/png"}).status_code == 406


def test_void_turtle_is_deterministic(readonly_client):
    assert readonly_client.get("/.well-known/void").data == readonly_client.get("/.well-known/void").data


def test_void_graph_function_for_service_description(seeded_store):
    settings = Settings.from_env({}, memory=True)
    g = void_graph(seeded_store, settings, "http://127.0.0.1:9999/")
    ds = URIRef(dataset_iri(settings))
    assert g.value(ds, VOID.sparqlEndpoint) == URIRef("http://127.0.0.1:9999/sparql")
    assert int(g.value(ds, VOID.triples)) > 1000


def test_void_without_metadata_graph_uses_fallbacks():
    from server.store import EmbeddedStore

    store = EmbeddedStore(None)
    settings = Settings.from_env({}, memory=True)
    g = void_graph(store, settings, "http://x/")
    ds = URIRef(dataset_iri(settings))
    assert g.value(ds, DCTERMS.license) == URIRef("https://creativecommons.org/licenses/by/4.0/")
    assert int(g.value(ds, VOID.triples)) == 0


def test_void_triples_match_graph(seeded_store):
    from server.publish.void import void_triples

    settings = Settings.from_env({}, memory=True)
    triples = void_triples(seeded_store, settings, "http://x/")
    assert len(triples) == len(void_graph(seeded_store, settings, "http://x/"))
