"""Queries of one triple pattern are evaluated in the request thread (no hand-off to an
evaluation thread): which queries qualify, that they run there, and that their timeout still
holds. Everything else keeps the evaluation thread, whose timeout is answered regardless."""

from __future__ import annotations

import threading

import pyoxigraph as ox
import pytest

from server.core.errors import QueryTimeout
from server.protocol import executor
from server.protocol.executor import InWorkerRunner, Job
from server.sparql.lexer import MAX_INLINE_OFFSET, single_pattern
from server.store.embedded import EmbeddedStore

L = "<http://www.w3.org/2000/01/rdf-schema#label>"

INLINE = [
    f"SELECT ?l WHERE {{ <http://localhost:8000/id/person/a-7> {L} ?l }}",
    f"CONSTRUCT {{ ?s {L} ?l }} WHERE {{ ?s {L} ?l }} LIMIT 100",
    "SELECT * WHERE { ?s ?p ?o } LIMIT 10",
    "select * { ?s ?p ?o . }",
    "SELECT ?p WHERE { ?s ?p ?o }",  # a bag: every step is a row, no de-duplication
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\nSELECT ?s WHERE { ?s rdfs:label 'Козловский'@ru } LIMIT 5 OFFSET 3",
    "SELECT ?s WHERE { ?s a <https://w3id.org/policykg/ontology/Person> } OFFSET 10 LIMIT 10",
    'SELECT ?s WHERE { ?s <http://x/n> "5"^^<http://www.w3.org/2001/XMLSchema#integer> }',
    "SELECT ?s WHERE { ?s <http://x/n> 5 }",
    "BASE <http://x/> SELECT ?o WHERE { <a> <b> ?o }",
    "ASK { ?s ?p ?o }",
    "CONSTRUCT WHERE { ?s ?p ?o } LIMIT 3",
    f"CONSTRUCT {{ ?s {L} ?l . ?s a <http://x/Labelled> }} WHERE {{ ?s {L} ?l }}",
    "SELECT ?s # a comment with { braces } and FILTER\nWHERE { ?s ?p ?o }",
    "DESCRIBE <http://x/a>",  # every step reads one triple about a described node, and yields it
    "PREFIX x: <http://x/>\nDESCRIBE x:a <http://x/b> # two of them",
]

NOT_INLINE = [
    "SELECT ?a ?b ?c WHERE { ?a ?p ?b . ?b ?q ?c } LIMIT 100",  # a join
    "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",  # an aggregate
    "SELECT DISTINCT ?p WHERE { ?s ?p ?o }",  # may skip the whole store between two rows
    "SELECT REDUCED ?p WHERE { ?s ?p ?o }",
    "SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s",
    f"SELECT ?s WHERE {{ ?s {L}* ?o }}",  # property paths
    f"SELECT ?s WHERE {{ ?s ^{L} ?o }}",
    f"SELECT ?s WHERE {{ ?s {L}/{L} ?o }}",
    "SELECT ?x WHERE { ?x ?p ?x }",  # a repeated variable filters rows out
    "SELECT ?s WHERE { ?s ?p ?o FILTER(?o = 1) }",
    "SELECT ?s WHERE { ?s ?p ?o OPTIONAL { ?o ?q ?r } }",
    "SELECT ?s WHERE { GRAPH ?g { ?s ?p ?o } }",
    "SELECT ?s FROM <http://x/g> WHERE { ?s ?p ?o }",
    "SELECT ?s WHERE { ?s ?p [] }",
    "SELECT ?s WHERE { _:b ?p ?s }",
    "SELECT ?s WHERE { ?s ?p ?o ; ?q ?r }",
    "SELECT ?s WHERE { { SELECT ?s WHERE { ?s ?p ?o } } }",
    "SELECT ?s WHERE { ?s ?p ?o } VALUES ?s { <http://x/a> }",
    f"SELECT ?s WHERE {{ ?s ?p ?o }} OFFSET {MAX_INLINE_OFFSET + 1}",
    "SELECT ?s WHERE { ?s ?p ?o } LIMIT 1 LIMIT 2",
    "CONSTRUCT { <http://x/a> <http://x/b> <http://x/c> } WHERE { ?s ?p ?o }",  # one triple, de-duplicated
    f"CONSTRUCT {{ ?s {L} 'x' }} WHERE {{ ?s {L} ?l }}",  # ?l missing: rows collapse
    "DESCRIBE ?s WHERE { ?s ?p ?o }",
    "DESCRIBE <http://x/a> WHERE { }",
    "DESCRIBE <http://x/a> FROM <http://x/g>",
    "DESCRIBE *",
    "DESCRIBE",
    "SELECT ?s WHERE { SERVICE <http://x/> { ?s ?p ?o } }",
    "SELECT ?s WHERE { ?s ?p -1 }",
    "SELECT ?s WHERE { ?s ?p ?o ",  # unbalanced: Oxigraph reports the error
    "",
]


@pytest.mark.parametrize("query", INLINE)
def test_single_pattern_queries(query):
    assert single_pattern(query)


@pytest.mark.parametrize("query", NOT_INLINE)
def test_other_queries(query):
    assert not single_pattern(query)


@pytest.fixture
def runner_and_threads(monkeypatch):
    """An InWorkerRunner over a small store, and the threads `evaluate` ran in."""
    store = EmbeddedStore()
    store.load("<http://x/a> <http://x/p> <http://x/b> .", ox.RdfFormat.N_TRIPLES, "http://x/g")
    seen: list[int] = []
    real = executor.evaluate

    def spy(*args, **kwargs):
        seen.append(threading.get_ident())
        return real(*args, **kwargs)

    monkeypatch.setattr(executor, "evaluate", spy)
    retired: list[dict] = []
    return InWorkerRunner(store, lambda **kw: retired.append(kw)), seen


def test_single_pattern_runs_in_the_request_thread(runner_and_threads):
    runner, seen = runner_and_threads
    rendered = runner.run(Job("SELECT ?s WHERE { ?s ?p ?o }", accept="application/sparql-results+json"), 5)
    assert rendered.content_type.startswith("application/sparql-results+json")
    assert seen == [threading.get_ident()]
    runner.run(Job("SELECT ?s WHERE { ?s ?p ?o . ?o ?q ?r }", accept="application/sparql-results+json"), 5)
    assert seen[1] != threading.get_ident()  # the evaluation thread
    assert runner.busy == 0


SELECT_DATA = "".join(f'<http://x/s{i}> <http://x/p> "label {i}" .\n' for i in range(200_000))
DESCRIBE_DATA = "<http://x/hub> <http://x/p> _:b .\n" + "".join(f'_:b <http://x/p> "v {i}" .\n' for i in range(200_000))


@pytest.mark.parametrize(
    ("data", "job", "count"),
    [
        # a single-pattern query with a huge cap: the serialiser's deadline check stops it
        (SELECT_DATA, Job("SELECT ?s ?o WHERE { ?s <http://x/p> ?o }", accept="text/csv", max_rows=10**9), 200_000),
        # DESCRIBE of a node with very many triples (through a blank node): the check between triples
        (DESCRIBE_DATA, Job("DESCRIBE <http://x/hub>", accept="application/n-triples", max_triples=10**9), 200_001),
    ],
    ids=["single pattern", "describe"],
)
def test_timeout_holds_in_the_request_thread(data, job, count):
    """Run past its timeout, the query is stopped in the request thread and the worker is not
    retired; with room, the same query answers everything."""
    store = EmbeddedStore()
    store.load(data, ox.RdfFormat.N_TRIPLES, "http://x/g")
    retired: list[dict] = []
    runner = InWorkerRunner(store, lambda **kw: retired.append(kw))
    with pytest.raises(QueryTimeout):
        runner.run(job, 0.001)
    assert retired == [] and runner.busy == 0
    rendered = runner.run(job, 60)
    assert rendered.count == count and not rendered.truncated
