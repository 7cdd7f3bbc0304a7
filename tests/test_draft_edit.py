"""Per-fact edits of a draft (server.ingest.edit, `policykg edit`): drop, relabel, reclass,
relink; refused edits change nothing; hostile input stays one term."""

from __future__ import annotations

import datetime

import pytest
from click.testing import CliRunner
from conftest import ROOT
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS

from server.cli.main import main
from server.core.errors import BadRequest, NotFound
from server.graph.convert import quads_to_graph
from server.ingest import edit, workflow

ARTICLE = ROOT / "tests" / "fixtures" / "news" / "dev" / "01-tass-frp-2080-projects.txt"
BASE = "http://localhost:8000/id/"
PKG = "https://w3id.org/policykg/ontology/"
DRAFT = BASE + "graph/draft/frp"
PERSON = BASE + "person/petrutsa-roman"
FUND = BASE + "org/industrial-development-fund"
AMOUNT = BASE + "amount/frp-2"
KOZLOVSKY = BASE + "person/kozlovsky-aleksandr"


@pytest.fixture
def drafted(store, settings):
    text = ARTICLE.read_text(encoding="utf-8")
    workflow.ingest(store, settings, text, datetime.date(2026, 1, 9), name="frp")
    return store


def draft(store):
    return quads_to_graph(store.quads(DRAFT))


def items(store, settings, section):
    return {i["iri"]: i for i in workflow.review(store, settings, "frp")["summary"][section]}


def test_drop_removes_the_fact_its_links_and_its_own_statements(drafted, settings):
    before = draft(drafted)
    own = set(before.objects(URIRef(AMOUNT), URIRef(PKG + "evidence")))
    assert own
    edit.drop(drafted, settings, "frp", AMOUNT)
    after = draft(drafted)
    assert (URIRef(AMOUNT), None, None) not in after and (None, None, URIRef(AMOUNT)) not in after
    assert all((st, None, None) not in after for st in own)
    assert AMOUNT not in items(drafted, settings, "amounts")
    assert workflow.review(drafted, settings, "frp")["summary"]["selectors_ok"] is True


def test_relabel_and_reclass_a_new_fact(drafted, settings):
    edit.relabel(drafted, settings, "frp", PERSON, "Роман  Петруца-Новый")
    g = draft(drafted)
    assert {str(x) for x in g.objects(URIRef(PERSON), RDFS.label) if x.language == "ru"} == {"Роман Петруца-Новый"}
    assert items(drafted, settings, "persons")[PERSON]["label"] == "Роман Петруца-Новый"
    edit.reclass(drafted, settings, "frp", FUND, "Association")
    assert set(draft(drafted).objects(URIRef(FUND), RDF.type)) == {URIRef(PKG + "Association")}


def test_relink_moves_every_statement_to_the_reviewed_resource(drafted, settings):
    quotes = items(drafted, settings, "persons")[PERSON]["quotes"]
    edit.relink(drafted, settings, "frp", PERSON, KOZLOVSKY)
    g = draft(drafted)
    assert (URIRef(PERSON), None, None) not in g and (None, None, URIRef(PERSON)) not in g
    assert (URIRef(KOZLOVSKY), RDFS.label, None) not in g  # described by the reviewed data
    linked = items(drafted, settings, "persons")[KOZLOVSKY]
    assert linked["status"] == "linked" and linked["quotes"] == quotes
    result = workflow.accept(drafted, settings, "frp", reason_after=False)
    reviewed = quads_to_graph(drafted.quads(result["graph"]))
    assert len(set(reviewed.objects(URIRef(KOZLOVSKY), URIRef(PKG + "evidence")))) >= len(quotes)


@pytest.mark.parametrize(
    "call, error",
    [
        (lambda st, s: edit.relabel(st, s, "frp", BASE + "org/minpromtorg", "x"), BadRequest),  # linked
        (lambda st, s: edit.relabel(st, s, "frp", PERSON, "   "), BadRequest),
        (lambda st, s: edit.relabel(st, s, "frp", PERSON, "a\x00b"), BadRequest),
        (lambda st, s: edit.reclass(st, s, "frp", FUND, "NoSuchClass"), BadRequest),
        (lambda st, s: edit.relink(st, s, "frp", PERSON, BASE + "nothing"), NotFound),
        (lambda st, s: edit.relink(st, s, "frp", PERSON, "> } ; DROP ALL ; #"), BadRequest),
        (lambda st, s: edit.drop(st, s, "frp", BASE + "source/frp"), BadRequest),
        (lambda st, s: edit.drop(st, s, "frp", BASE + "person/nobody"), NotFound),
        (lambda st, s: edit.drop(st, s, "nodraft", PERSON), NotFound),
    ],
)
def test_refused_edits_change_nothing(drafted, settings, call, error):
    before = sorted(map(str, drafted.quads(None)))
    with pytest.raises(error):
        call(drafted, settings)
    assert sorted(map(str, drafted.quads(None))) == before


def test_a_hostile_label_stays_one_literal(drafted, settings):
    hostile = '"@ru } ; DROP ALL ; INSERT DATA { <x:a> <x:b> "c'
    edit.relabel(drafted, settings, "frp", PERSON, hostile)
    assert Literal(hostile, lang="ru") in set(draft(drafted).objects(URIRef(PERSON), RDFS.label))
    assert drafted.has_graph(BASE + "graph/ontology")


def test_cli_edit(tmp_path):
    d = str(tmp_path / "store")

    def run(*args, code=0):
        result = CliRunner().invoke(main, [*args, "--data-dir", d])
        assert result.exit_code == code, result.output
        return result.output

    run("load")
    run("ingest", str(ARTICLE), "--name", "frp", "--date", "2026-01-09")
    assert "dropped" in run("edit", "frp", AMOUNT, "--drop")
    assert "as <https://w3id.org/policykg/ontology/Association>" in run("edit", "frp", FUND, "--class", "Association")
    assert "exactly one" in run("edit", "frp", FUND, "--drop", "--link", KOZLOVSKY, code=2)
    assert "linked to the reviewed data" in run("edit", "frp", BASE + "org/minpromtorg", "--label", "x", code=1)
    review = run("review", "frp")
    assert AMOUNT not in review and FUND in review
