"""policykg on Virtuoso (Debian package ``virtuoso-opensource``, installed by .ci/run): throw-away
``virtuoso-t`` processes (tests/virtuoso_server.py: their own folder, free ports on 127.0.0.1,
stopped at the end) run

* the store contract tests (tests/test_store.py, with a Virtuoso ``st``), and the project's graphs
  only: Virtuoso's own graphs never enter counts, lists, dumps or queries;
* the smoke (bench/virtuoso_smoke.py): the same requests to policykg on Virtuoso and on the
  embedded store; every answer must be the same except the ones listed in ``KNOWN`` (each with
  its reason; one that becomes the same fails too, so that the list stays true);
* two `policykg serve` replicas on one Virtuoso (tests/test_replicas.py's check).

Without Virtuoso the module is skipped with a notice, except in CI (CI set), where that fails.
"""

from __future__ import annotations

import os
import sys

import pyoxigraph as ox
import pytest
import virtuoso_server
from conftest import ROOT
from test_replicas import check_replicas, seed, start_replicas, stop_replicas

from server.core.settings import Settings
from server.store.remote import RemoteStore

if not virtuoso_server.available():
    if os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no"):
        pytest.fail(f"{virtuoso_server.MISSING}. CI is set: the Virtuoso tests must run there.", pytrace=False)
    pytest.skip(virtuoso_server.MISSING, allow_module_level=True)

#: smoke answers that still differ on Virtuoso 7.2.5, and why (docs/scaling.md#virtuoso): none now
KNOWN: dict[str, str] = {}


def _virtuoso(tmp_path_factory, name: str):
    return virtuoso_server.VirtuosoServer(tmp_path_factory.mktemp(name))


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory):
    srv = _virtuoso(tmp_path_factory, "virtuoso-contract")
    yield srv
    srv.stop()


@pytest.fixture
def st(virtuoso):
    """A Virtuoso store holding none of the project's graphs (its own graphs stay)."""
    s = RemoteStore.from_settings(Settings.from_env(virtuoso.env))
    for g in s.graph_names():
        s.drop_graph(g)
    s.drop_graph(s.registry)
    yield s
    s.close()


# -- the store contract --------------------------------------------------------------------
def _borrow(module_name: str, skip: tuple[str, ...]) -> list[str]:
    module = __import__(module_name)
    names = [n for n in dir(module) if n.startswith("test_") and n not in skip]
    for name in names:
        globals()[f"{name}__virtuoso"] = getattr(module, name)
    return names


BORROWED = _borrow("test_store", skip=("test_on_disk_store_persists_and_drops_staging",))


def test_contract_tests_were_borrowed():
    assert "test_replace_swaps_graph_content" in BORROWED


def test_only_the_projects_graphs(st):
    """Virtuoso's own graphs (virtrdf#, DAV/, its service description …) are in the store but
    in no list, count, dump or query of policykg."""
    every, ours = st._graph_lists()
    assert len(every) > 3 and ours == []
    assert st.graph_names() == [] and st.triple_count() == 0
    assert not st.ask("ASK { ?s ?p ?o }") and not st.ask("ASK { GRAPH ?g { ?s ?p ?o } }")
    st.load(b'<http://e/a> <http://e/p> "x" .', ox.RdfFormat.TURTLE, "http://example.org/mine")
    assert st.graph_names() == ["http://example.org/mine"] and st.triple_count() == 1
    assert [str(q.graph_name) for q in st.quads()] == ["<http://example.org/mine>"]
    assert int(next(st.select("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"))["n"].value) == 1


def test_literals_round_trip(st):
    st.update(
        "INSERT DATA { GRAPH <http://example.org/lit> { <http://e/s> <http://e/b> false, true ; <http://e/d> 2.50 ; "
        '<http://e/t> "2026-01-27"^^<http://www.w3.org/2001/XMLSchema#date> ; <http://e/l> "x"@ru ; '
        "<http://e/n> [ <http://e/v> 1 ] } }"
    )
    got = {(sol["p"].value, str(sol["o"])) for sol in st.select("SELECT ?p ?o { ?s ?p ?o FILTER(!isBlank(?o)) }")}
    xsd = "http://www.w3.org/2001/XMLSchema#"
    assert got == {
        ("http://e/b", f'"false"^^<{xsd}boolean>'),
        ("http://e/b", f'"true"^^<{xsd}boolean>'),
        ("http://e/d", f'"2.5"^^<{xsd}decimal>'),
        ("http://e/t", f'"2026-01-27"^^<{xsd}date>'),
        ("http://e/l", '"x"@ru'),
        ("http://e/v", f'"1"^^<{xsd}integer>'),
    }
    dumped = {str(q.object) for q in st.quads("http://example.org/lit")}
    assert f'"false"^^<{xsd}boolean>' in dumped
    # the blank node is one node: its value is reached through it
    assert st.ask("ASK { <http://e/s> <http://e/n> ?b . ?b <http://e/v> 1 }")


# -- the smoke -----------------------------------------------------------------------------
def test_smoke_answers_are_the_embedded_stores(tmp_path_factory):
    sys.path.insert(0, str(ROOT / "bench"))
    import virtuoso_smoke

    srv = _virtuoso(tmp_path_factory, "virtuoso-smoke")
    try:
        rows = virtuoso_smoke.compare(srv.env, tmp_path_factory.mktemp("smoke"))
    finally:
        srv.stop()
    assert len(rows) >= 40
    differ = {label for label, same, _, _ in rows if not same}
    assert differ - set(KNOWN) == set(), [row for row in rows if row[0] in differ - set(KNOWN)]
    assert set(KNOWN) - differ == set(), "now the same on Virtuoso: remove from KNOWN"


# -- replicas ------------------------------------------------------------------------------
def test_a_write_through_one_replica_is_seen_by_the_other(tmp_path_factory):
    srv = _virtuoso(tmp_path_factory, "virtuoso-replicas")
    try:
        seed(srv.env)
        started = start_replicas(srv.env)
        try:
            check_replicas([url for _, url in started], srv.env)
        finally:
            stop_replicas(started)
    finally:
        srv.stop()
