"""The embedded store behind the Store interface: graphs, atomic replace, queries, dumps."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from server.core.errors import QuerySyntaxError, RDFSyntaxError
from server.store import EmbeddedStore

TTL = ox.RdfFormat.TURTLE
G1 = "http://example.org/g1"
G2 = "http://example.org/g2"
DATA1 = b'<http://e/a> <http://e/p> "one" . <http://e/a> <http://e/q> <http://e/b> .'
DATA2 = b'<http://e/c> <http://e/p> "two"@en .'


@pytest.fixture(params=["memory", "disk"])
def st(request, tmp_path):
    s = EmbeddedStore(None if request.param == "memory" else tmp_path / "db")
    yield s
    s.close()


def triples(store, graph):
    return {(q.subject, q.predicate, q.object) for q in store.quads(graph)}


def test_load_into_named_graphs_and_count(st):
    st.load(DATA1, TTL, G1)
    st.load(DATA2, TTL, G2)
    assert [(g.iri, g.triples) for g in st.graphs()] == [(G1, 2), (G2, 1)]
    assert st.triple_count(G1) == 2 and st.triple_count() == 3
    assert st.has_graph(G1) and not st.has_graph("http://example.org/none")


def test_default_graph_is_union_of_named_graphs(st):
    st.load(DATA1, TTL, G1)
    st.load(DATA2, TTL, G2)
    values = {sol["o"].value for sol in st.query("SELECT ?o { ?s <http://e/p> ?o }")}
    assert values == {"one", "two"}


def test_dataset_restricted_by_default_graphs(st):
    st.load(DATA1, TTL, G1)
    st.load(DATA2, TTL, G2)
    sols = st.query("SELECT ?o { ?s <http://e/p> ?o }", default_graphs=[G2], named_graphs=[])
    assert [s["o"].value for s in sols] == ["two"]
    names = st.query("SELECT DISTINCT ?g { GRAPH ?g { ?s ?p ?o } }", default_graphs=[], named_graphs=[G1])
    assert [s["g"].value for s in names] == [G1]


def test_replace_swaps_graph_content(st):
    st.load(DATA1, TTL, G1)
    st.load(DATA2, TTL, G1, replace=True)
    assert triples(st, G1) == {
        (ox.NamedNode("http://e/c"), ox.NamedNode("http://e/p"), ox.Literal("two", language="en"))
    }
    assert [g.iri for g in st.graphs()] == [G1]  # no staging graph left behind


def test_bad_data_leaves_graph_unchanged(st):
    st.load(DATA1, TTL, G1)
    before = triples(st, G1)
    with pytest.raises(RDFSyntaxError):
        st.load(b"<http://e/x> <http://e/p> .", TTL, G1, replace=True)
    assert triples(st, G1) == before
    assert [g.iri for g in st.graphs()] == [G1]


def test_substitutions_bind_terms_not_text(st):
    st.load(DATA1, TTL, G1)
    st.load(DATA2, TTL, G2)
    q = "SELECT ?s ?o { ?s <http://e/p> ?o }"  # substituted variables must be projected (SEP-0007)
    sols = st.query(q, substitutions={"o": ox.Literal("one")})
    assert [s["s"].value for s in sols] == ["http://e/a"]
    injected = st.query(q, substitutions={"o": ox.Literal('one" } UNION { ?s ?p ?o }  #')})
    assert list(injected) == []


def test_query_kinds_and_syntax_error(st):
    st.load(DATA1, TTL, G1)
    assert bool(st.query("ASK { ?s ?p ?o }")) is True
    g = Graph().parse(
        data=ox.serialize(st.query("CONSTRUCT WHERE { ?s ?p ?o }"), format=ox.RdfFormat.N_TRIPLES), format="nt"
    )
    assert isomorphic(g, Graph().parse(data=DATA1, format="turtle"))
    with pytest.raises(QuerySyntaxError):
        st.query("SELECT WHERE {")


def test_update_and_drop(st):
    st.update(f'INSERT DATA {{ GRAPH <{G1}> {{ <http://e/x> <http://e/p> "x" }} }}')
    assert st.triple_count(G1) == 1
    assert st.drop_graph(G1) is True
    assert st.drop_graph(G1) is False
    assert st.graphs() == []


def test_dump_round_trip(st):
    st.load(DATA1, TTL, G1)
    st.load(DATA2, TTL, G2)
    trig = st.dump(ox.RdfFormat.TRIG)
    other = EmbeddedStore(None)
    other.load(trig, ox.RdfFormat.TRIG, None)
    assert {(g.iri, g.triples) for g in other.graphs()} == {(G1, 2), (G2, 1)}
    turtle = st.dump(ox.RdfFormat.TURTLE, G1)
    assert isomorphic(Graph().parse(data=turtle, format="turtle"), Graph().parse(data=DATA1, format="turtle"))


def test_on_disk_store_persists_and_drops_staging(tmp_path):
    path = tmp_path / "db"
    s = EmbeddedStore(path)
    s.load(DATA1, TTL, G1)
    # simulate a load killed midway: a staging graph left behind, the write never published
    with s.writer() as rw:
        rw.load(DATA2, TTL, to_graph=ox.NamedNode(G1 + "#policykg-staging-dead"))
    (path / ".snapshots" / "PENDING").touch()
    s.close()
    s2 = EmbeddedStore(path)
    assert [(g.iri, g.triples) for g in s2.graphs()] == [(G1, 2)]
    assert not any("staging" in g.value for g in s2.raw.named_graphs())
    s2.close()


def test_typed_query_helpers(st):
    """select/ask/construct: the result of one query form, TypeError for another."""
    st.load(DATA1, TTL, G1)
    sols = st.select("SELECT ?s ?o { ?s <http://e/p> ?o }", substitutions={"s": ox.NamedNode("http://e/a")})
    assert [s["o"] for s in sols] == [ox.Literal("one")]
    assert st.ask("ASK { <http://e/a> ?p ?o }") is True and st.ask("ASK { <http://e/z> ?p ?o }") is False
    assert len(list(st.construct("CONSTRUCT WHERE { ?s ?p ?o }", default_graphs=[G1]))) == 2
    for helper, other in ((st.select, "ASK {}"), (st.ask, "SELECT * {}"), (st.construct, "SELECT * {}")):
        with pytest.raises(TypeError):
            helper(other)
