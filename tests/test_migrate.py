"""`policykg migrate`: a store's terms move from the old vocabulary namespace to the current one,
in every graph, and nothing else changes; loads rewrite files written in the old namespace."""

from __future__ import annotations

import logging

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from test_remote_store import OXIGRAPH, OxigraphServer, remote

from server.app.factory import ensure_seeded
from server.cli.main import main
from server.core.errors import BadRequest
from server.core.namespaces import LEGACY_PKG, PKG
from server.core.settings import Settings
from server.graph.load import load_files
from server.graph.migrate import migrate
from server.store import open_store

OLD = LEGACY_PKG
ID = "http://localhost:8000/id/"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
# every kind of place a term can be in, and the look-alikes that must stay
TRIG = f"""
@prefix old: <{OLD}> .
@prefix rdfs: <{RDFS}> .
<{ID}graph/a> {{
  <{ID}person/a> a old:Person ;
      old:proposed <{ID}proposal/x> ;
      rdfs:label "the class http://localhost:8000/ontology/Person"@en ;
      rdfs:comment "{OLD}" ;
      rdfs:seeAlso <http://localhost:8000/ontologyX/Person> , <{ID}ontology/Person> , <http://example.org/x> .
  old:Person rdfs:label "Person"@en .
  _:amount old:amountValue "5"^^old:money ; rdfs:label "five" .
  <{ID}person/a> old:amount _:amount .
}}
<{ID}graph/draft/d> {{ <{ID}proposal/x> old:proposedBy <{ID}person/a> . }}
<{ID}graph/untouched> {{ <{ID}person/b> rdfs:label "no terms here" . }}
<{ID}thing> old:inDefaultGraph <{ID}other> .
"""


def moved(term):
    """The expected rewrite, written independently of the SPARQL Update."""
    if isinstance(term, ox.NamedNode) and term.value.startswith(OLD):
        return ox.NamedNode(PKG + term.value[len(OLD) :])
    if isinstance(term, ox.Literal) and term.datatype.value.startswith(OLD):
        return ox.Literal(term.value, datatype=moved(term.datatype))
    return term


def expected(quads):
    return {ox.Quad(moved(q.subject), moved(q.predicate), moved(q.object), q.graph_name) for q in quads}


def changed(quads):
    return sum(1 for q in quads if ox.Quad(moved(q.subject), moved(q.predicate), moved(q.object), q.graph_name) != q)


def seeded(store):
    store.load(TRIG, ox.RdfFormat.TRIG, None)
    return set(store.quads())


@pytest.fixture
def embedded(tmp_path):
    settings = Settings.from_env({}, data_dir=str(tmp_path / "store"))
    with open_store(settings) as st:
        yield st


def test_rewrites_exactly_the_terms(embedded):
    before = seeded(embedded)
    assert changed(before) == 7
    dry = migrate(embedded, dry_run=True)
    assert (dry.triples, dry.graphs, dry.dry_run) == (7, 3, True)
    assert set(embedded.quads()) == before
    done = migrate(embedded)
    assert (done.old, done.new, done.triples) == (OLD, PKG, 7)
    after = set(embedded.quads())
    assert after == expected(before)  # blank nodes keep their identity, literals and other IRIs stay
    assert ox.Literal("the class http://localhost:8000/ontology/Person", language="en") in {q.object for q in after}
    again = migrate(embedded)
    assert again.triples == 0 and set(embedded.quads()) == after


@pytest.mark.parametrize(
    "old",
    ["not an iri", "relative/ns/", "http://example.org/no-separator", PKG, "https://w3id.org/", PKG + "sub/"],
)
def test_bad_namespace_is_refused_and_changes_nothing(embedded, old):
    before = seeded(embedded)
    with pytest.raises(BadRequest, match="namespace"):
        migrate(embedded, old)
    assert set(embedded.quads()) == before


def test_another_old_namespace(embedded):
    embedded.load(f"<{ID}a> <http://example.org/vocab#knows> <{ID}b> .", ox.RdfFormat.TURTLE, ID + "graph/g")
    assert migrate(embedded, "http://example.org/vocab#").triples == 1
    assert {q.predicate for q in embedded.quads()} == {ox.NamedNode(PKG + "knows")}


def test_cli(tmp_path):
    data_dir = str(tmp_path / "store")
    with open_store(Settings.from_env({}, data_dir=data_dir)) as st:
        before = seeded(st)
    runner = CliRunner()
    dry = runner.invoke(main, ["migrate", "--dry-run", "--data-dir", data_dir])
    assert dry.exit_code == 0, dry.output
    assert dry.output == f"would rewrite 7 triples in 3 graph(s) from <{OLD}> to <{PKG}> (dry run: nothing changed)\n"
    bad = runner.invoke(main, ["migrate", "--from", "nonsense", "--data-dir", data_dir])
    assert bad.exit_code == 1 and "Error: The old namespace 'nonsense' is not an IRI." in bad.output
    done = runner.invoke(main, ["migrate", "--data-dir", data_dir])
    assert done.output == f"rewrote 7 triples in 3 graph(s) from <{OLD}> to <{PKG}> in one transaction\n"
    again = runner.invoke(main, ["migrate", "--data-dir", data_dir])
    assert again.output == f"nothing to rewrite: no term in <{OLD}>\n"
    with open_store(Settings.from_env({}, data_dir=data_dir)) as st:
        assert set(st.quads()) == expected(before)


def test_load_rewrites_old_namespace(tmp_path, embedded):
    """A data file still written in the old namespace loads (validated) with the current terms."""
    f = tmp_path / "old.ttl"
    f.write_text(
        f"@prefix old: <{OLD}> .\n@prefix rdfs: <{RDFS}> .\n"
        f'<{ID}thing/z> old:note "{OLD}Person" ; rdfs:seeAlso old:Person , "1"^^old:money .\n',
        encoding="utf-8",
    )
    base = "https://policy.example.org/id/"
    load_files(embedded, [f], Settings.from_env({}, memory=True, base_iri=base), validate_data=True)
    triples = {(q.subject, q.predicate, q.object) for q in embedded.quads(base + "graph/old")}
    z = ox.NamedNode(base + "thing/z")
    assert triples == {
        (z, ox.NamedNode(PKG + "note"), ox.Literal(f"{OLD}Person")),
        (z, ox.NamedNode(RDFS + "seeAlso"), ox.NamedNode(PKG + "Person")),
        (z, ox.NamedNode(RDFS + "seeAlso"), ox.Literal("1", datatype=ox.NamedNode(PKG + "money"))),
    }


@pytest.mark.skipif(OXIGRAPH is None, reason="the `oxigraph` server (PyPI package oxigraph) is not installed")
def test_remote_store_one_update(tmp_path):
    srv = OxigraphServer(tmp_path / "oxigraph")
    try:
        with remote(srv.store_url) as st:
            before = seeded(st)
            assert migrate(st, dry_run=True).triples == 7
            assert migrate(st).triples == 7
            assert set(st.quads()) == expected(before)
            assert migrate(st).triples == 0
    finally:
        srv.stop()


def test_a_whole_old_store_comes_back_as_the_current_one(seeded_store, embedded, caplog):
    """The shipped data, ontology, inferences and history as an old store held them."""
    current = set(seeded_store.quads())

    def old(term):
        if isinstance(term, ox.NamedNode) and term.value.startswith(PKG):
            return ox.NamedNode(OLD + term.value[len(PKG) :])
        return term

    embedded.load(
        ox.serialize(
            (ox.Quad(old(q.subject), old(q.predicate), old(q.object), q.graph_name) for q in current),
            format=ox.RdfFormat.N_QUADS,
        ),
        ox.RdfFormat.N_QUADS,
        None,
    )
    before = set(embedded.quads())  # the load gives blank nodes new names
    assert warned_at_start(embedded, caplog)  # serving an old store says what to run
    done = migrate(embedded)
    assert not warned_at_start(embedded, caplog)
    assert done.triples > 1000
    after = set(embedded.quads())
    assert after == expected(before)

    def named_only(quads):
        return {q for q in quads if not isinstance(q.subject, ox.BlankNode) and not isinstance(q.object, ox.BlankNode)}

    assert named_only(after) == named_only(current)
    assert len(after) == len(current)


def warned_at_start(store, caplog) -> bool:
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="server.app.factory"):
        assert ensure_seeded(store, Settings.from_env({})) is False  # a store with data is left as it is
    return any("policykg migrate" in r.getMessage() for r in caplog.records)
