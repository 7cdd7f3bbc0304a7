"""Loading (validation first, all-or-nothing, reload replaces, base rewriting) and reasoning."""

from __future__ import annotations

import pytest
from rdflib import OWL, RDF, RDFS, Literal, URIRef

from server.app.factory import ensure_seeded
from server.core.errors import RDFSyntaxError, ValidationFailed
from server.core.namespaces import PKG, graph_iri, inferred_graph, is_asserted, ontology_graph
from server.core.resources import data_files, default_files
from server.core.settings import Settings
from server.graph.convert import quads_to_graph
from server.graph.load import load_files
from server.graph.reason import entailments, is_noise, reason
from server.store import EmbeddedStore

BASE = "http://localhost:8000/id/"
ARTICLE_GRAPH = graph_iri(BASE, "article-2026-01-27")
KOZLOVSKY = URIRef(BASE + "person/kozlovsky-aleksandr")


def graph_of(store, iri):
    return quads_to_graph(store.quads(iri))


def snapshot(store):
    return {(q.subject, q.predicate, q.object, q.graph_name) for q in store.quads()}


@pytest.fixture
def settings():
    return Settings.from_env({}, memory=True)


def test_default_load_creates_one_graph_per_file(seeded_store):
    graphs = {g.iri for g in seeded_store.graphs()}
    assert {ontology_graph(BASE), ARTICLE_GRAPH, inferred_graph(BASE)} <= graphs
    for f in data_files():
        assert graph_iri(BASE, f.stem) in graphs


def test_invalid_file_is_refused_and_store_unchanged(store, settings, tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text(
        f"""@prefix pkg: <{PKG}> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<{BASE}change/bad> a pkg:ParameterChange ; rdfs:label "плохо"@ru, "bad"@en ;
  pkg:fromValue 5.0 ; pkg:toValue 5.0 ; pkg:currency "RUB" .
""",
        encoding="utf-8",
    )
    before = snapshot(store)
    with pytest.raises(ValidationFailed) as err:
        load_files(store, [bad], settings)
    assert "change/bad" in err.value.message
    assert any(r["focus"].endswith("change/bad") for p in err.value.detail for r in p["results"])
    assert snapshot(store) == before


def test_syntax_error_names_the_line_and_changes_nothing(store, settings, tmp_path):
    bad = tmp_path / "broken.ttl"
    bad.write_text("<http://e/a> <http://e/b> <http://e/c> .\n<http://e/a> <http://e/b> .\n", encoding="utf-8")
    before = snapshot(store)
    with pytest.raises(RDFSyntaxError) as err:
        load_files(store, [bad], settings)
    assert "line 2" in err.value.message
    assert snapshot(store) == before


def test_reload_replaces_the_files_graph(store, settings, tmp_path):
    f = tmp_path / "extra.ttl"
    f.write_text(
        f'@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . <{BASE}x> rdfs:label "один"@ru, "one"@en .',
        encoding="utf-8",
    )
    load_files(store, [f], settings)
    f.write_text(
        f'@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . <{BASE}y> rdfs:label "два"@ru, "two"@en .',
        encoding="utf-8",
    )
    load_files(store, [f], settings)
    g = graph_of(store, graph_iri(BASE, "extra"))
    assert set(g.subjects()) == {URIRef(BASE + "y")}


def test_base_iri_is_rewritten():
    settings = Settings.from_env({}, memory=True, base_iri="https://kg.example.org/id/")
    st = EmbeddedStore(None)
    load_files(st, default_files(), settings)
    graphs = {g.iri for g in st.graphs()}
    assert "https://kg.example.org/id/graph/article-2026-01-27" in graphs
    subjects = {
        q.subject.value
        for q in st.quads("https://kg.example.org/id/graph/article-2026-01-27")
        if hasattr(q.subject, "value")
    }
    assert "https://kg.example.org/id/person/kozlovsky-aleksandr" in subjects
    assert not any(s.startswith(BASE) for s in subjects)


def test_reasoning_materialises_inverses_and_types_without_touching_asserted(seeded_store):
    inferred = graph_of(seeded_store, inferred_graph(BASE))
    asserted = graph_of(seeded_store, ARTICLE_GRAPH)
    # types from the class hierarchy
    assert (KOZLOVSKY, RDF.type, URIRef("http://xmlns.com/foaf/0.1/Person")) in inferred
    assert (KOZLOVSKY, RDF.type, URIRef("http://www.w3.org/ns/prov#Agent")) in inferred
    # inverse of pkg:proposedBy
    pairs = list(asserted.subject_objects(URIRef(PKG + "proposedBy")))
    assert pairs
    for proposal, actor in pairs:
        assert (actor, URIRef(PKG + "proposed"), proposal) in inferred
    # nothing inferred is already asserted, and no noise
    assert not any(t in asserted for t in inferred)
    assert not any(is_noise(t) for t in inferred)
    assert (KOZLOVSKY, RDF.type, OWL.Thing) not in inferred


def test_reasoning_never_modifies_asserted_graphs(store, settings):
    # (reasoning dates the inferred graph in the history graph, which holds no asserted data)
    before = {g.iri: g.triples for g in store.graphs() if is_asserted(g.iri, BASE)}
    before_triples = snapshot(store)
    reason(store, settings, "owlrl")
    after = {g.iri: g.triples for g in store.graphs() if is_asserted(g.iri, BASE)}
    assert before == after
    assert {q for q in before_triples if is_asserted(q[3].value, BASE)} == {
        q for q in snapshot(store) if is_asserted(q[3].value, BASE)
    }


def test_both_engines_agree_on_useful_entailments(seeded_store, settings):
    from server.graph.reason import asserted_graph

    g = asserted_graph(seeded_store, settings)
    fast = entailments(g, "reasonable")
    ref = entailments(g, "owlrl")

    def useful(triples):
        # entailed types of data resources, inverses and super-properties between data resources
        return {t for t in triples if str(t[0]).startswith(BASE) and not isinstance(t[0], Literal)}

    assert useful(fast) == useful(ref)
    assert any(p == URIRef(PKG + "proposed") for _, p, _ in useful(fast))


def test_noise_filter():
    x = URIRef("http://e/x")
    assert is_noise((Literal("a"), RDF.type, RDFS.Resource))
    assert is_noise((x, OWL.sameAs, x))
    assert is_noise((x, RDFS.subClassOf, x))
    assert is_noise((x, RDF.type, OWL.Thing))
    assert is_noise((RDF.type, RDF.type, RDF.Property))
    assert not is_noise((x, RDF.type, URIRef(PKG + "Person")))


def test_ensure_seeded_only_on_empty_store(settings):
    st = EmbeddedStore(None)
    assert ensure_seeded(st, settings) is True
    n = st.triple_count()
    assert ensure_seeded(st, settings) is False
    assert st.triple_count() == n
