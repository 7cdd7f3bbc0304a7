"""The policykg command: outputs parsed and checked; bad input gives a message and exit 1."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from server.cli.main import main

KOZLOVSKY = "http://localhost:8000/id/person/kozlovsky-aleksandr"


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    d = tmp_path_factory.mktemp("store")
    result = CliRunner().invoke(main, ["load", "--data-dir", str(d)])
    assert result.exit_code == 0, result.output
    return str(d)


def run(*args, ok=True):
    result = CliRunner().invoke(main, list(args))
    if ok:
        assert result.exit_code == 0, result.output
    return result


def test_load_reports_graphs_and_reasoning(data_dir):
    out = run("load", "--data-dir", data_dir).output
    assert "graph/ontology>" in out and "graph/article-2026-01-27>" in out
    assert "inferred triples into <http://localhost:8000/id/graph/inferred>" in out


def test_stats_json_counts(data_dir):
    data = json.loads(run("stats", "--json", "--data-dir", data_dir).output)
    graphs = {g["iri"]: g["triples"] for g in data["graphs"]}
    assert graphs["http://localhost:8000/id/graph/article-2026-01-27"] > 300
    assert graphs["http://localhost:8000/id/graph/inferred"] > 0
    classes = {c["class"]: c["instances"] for c in data["classes"]}
    assert classes["https://w3id.org/policykg/ontology/Person"] == 2
    assert data["quads"] == sum(graphs.values())


def test_query_json_about_the_article(data_dir):
    q = (
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
        'SELECT ?p WHERE { ?p a <https://w3id.org/policykg/ontology/Person> ; rdfs:label "Александр Козловский"@ru }'
    )
    data = json.loads(run("query", q, "--data-dir", data_dir).output)
    assert [b["p"]["value"] for b in data["results"]["bindings"]] == [KOZLOVSKY]


def test_query_csv_and_file(data_dir, tmp_path):
    rq = tmp_path / "people.rq"
    rq.write_text(
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        "SELECT ?label { ?p a <https://w3id.org/policykg/ontology/Person> ; rdfs:label ?label "
        "FILTER(lang(?label) = 'en') } ORDER BY ?label",
        encoding="utf-8",
    )
    out = run("query", f"@{rq}", "--format", "csv", "--data-dir", data_dir).output
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["label"]
    assert {r[0] for r in rows[1:]} == {"Aleksandr Kozlovsky", "Mikhail Labudin"}


def test_query_construct_turtle(data_dir):
    q = f"CONSTRUCT {{ <{KOZLOVSKY}> ?p ?o }} WHERE {{ <{KOZLOVSKY}> ?p ?o }}"
    g = Graph().parse(data=run("query", q, "--format", "ttl", "--data-dir", data_dir).output, format="turtle")
    assert len(g) > 3


def test_export_round_trip(data_dir, tmp_path):
    out = tmp_path / "dump.trig"
    run("export", "--format", "trig", "-o", str(out), "--data-dir", data_dir)
    ds = Dataset().parse(out, format="trig")
    assert len(ds) > 300
    # load the export into a fresh store and export again: isomorphic
    other = tmp_path / "other"
    g_iri = "http://localhost:8000/id/graph/article-2026-01-27"
    run("load", "--data-dir", str(other))
    one = run("export", "--graph", g_iri, "--format", "nt", "--data-dir", data_dir).output
    two = run("export", "--graph", g_iri, "--format", "nt", "--data-dir", str(other)).output
    assert isomorphic(Graph().parse(data=one, format="nt"), Graph().parse(data=two, format="nt"))


def test_errors_are_messages_not_tracebacks(data_dir, tmp_path):
    missing = run("load", str(tmp_path / "nope.ttl"), "--data-dir", data_dir, ok=False)
    assert missing.exit_code != 0 and "no such file" in missing.output and "Traceback" not in missing.output
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix ex: <http://e/> .\nex:a ex:b ex:c .\nex:a ex:b .\n", encoding="utf-8")
    res = run("load", str(bad), "--data-dir", data_dir, ok=False)
    assert res.exit_code == 1 and "line 3" in res.output and "Traceback" not in res.output
    res = run("query", "SELECT WHERE {", "--data-dir", data_dir, ok=False)
    assert res.exit_code == 1 and "Malformed query" in res.output


def test_validate_command(tmp_path):
    from server.core.resources import resource_dir

    good = run("validate", str(resource_dir("data") / "article-2026-01-27.ttl"))
    assert "Conforms" in good.output
    bad = tmp_path / "bad.ttl"
    bad.write_text(
        "@prefix pkg: <https://w3id.org/policykg/ontology/> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        '<http://localhost:8000/id/proposal/x> a pkg:Proposal ; rdfs:label "x"@ru .\n',
        encoding="utf-8",
    )
    res = run("validate", str(bad), ok=False)
    assert res.exit_code == 1 and "Does not conform" in res.output and "proposal/x" in res.output
