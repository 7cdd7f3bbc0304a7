"""W3C SPARQL 1.1 update evaluation tests (ut:) through the store interface: load ut:data /
ut:graphData, run the update, compare every graph of the store with the expected result
(isomorphic; an empty graph counts as absent).

LOAD tests are not run: LOAD is refused by policy and a test must never reach the network.
"""

from __future__ import annotations

import pytest
from rdflib import RDFS, Graph
from rdflib.compare import isomorphic

from server.store import EmbeddedStore

from .evaluation import file_graph, graphs_of, load_file
from .support import MF, SPARQL11, UT, entry_id, manifest_entries, path_of, require_suite

require_suite()

FOLDERS = (
    "add",
    "basic-update",
    "clear",
    "copy",
    "delete-data",
    "delete-insert",
    "delete-where",
    "delete",
    "drop",
    "move",
    "update-silent",
)

#: Known failures of the engine (pyoxigraph 0.5), test id -> reason.
XFAIL: dict[str, str] = {}


def _params():
    for folder in FOLDERS:
        for entry in manifest_entries(SPARQL11 / folder / "manifest.ttl"):
            if MF.UpdateEvaluationTest not in entry.types or not entry.approved():
                continue
            test_id = entry_id(entry)
            request = path_of(entry.value(UT.request, entry.value(MF.action)))
            if "LOAD" in request.read_text(encoding="utf-8").upper().split():
                marks = [pytest.mark.skip(reason="LOAD is refused by policy; the test would reach the network")]
            elif test_id in XFAIL:
                marks = [pytest.mark.xfail(reason=XFAIL[test_id], strict=True)]
            else:
                marks = []
            yield pytest.param(entry, id=test_id, marks=marks)


PARAMS = list(_params())


def _graphs(entry, node) -> dict[str | None, Graph]:
    """ut:data (default graph) and ut:graphData (named graphs) of an action or result node."""
    g = entry.graph
    out: dict[str | None, Graph] = {}
    for data in g.objects(node, UT.data):
        out[None] = file_graph(str(data))
    for gd in g.objects(node, UT.graphData):
        out[str(g.value(gd, RDFS.label))] = file_graph(str(g.value(gd, UT.graph)))
    return {name: graph for name, graph in out.items() if len(graph)}


@pytest.mark.parametrize("entry", PARAMS)
def test_update_evaluation(entry):
    g, action = entry.graph, entry.value(MF.action)
    store = EmbeddedStore(None)
    for data in g.objects(action, UT.data):
        load_file(store, str(data), None)
    for gd in g.objects(action, UT.graphData):
        load_file(store, str(g.value(gd, UT.graph)), str(g.value(gd, RDFS.label)))
    request = g.value(action, UT.request)
    store.update(path_of(request).read_text(encoding="utf-8"), base_iri=str(request))
    expected = _graphs(entry, entry.value(MF.result))
    actual = graphs_of(store)
    assert set(actual) == set(expected), f"graphs {sorted(map(str, actual))} != {sorted(map(str, expected))}"
    for name, graph in expected.items():
        assert isomorphic(graph, actual[name]), f"graph {name}:\n{actual[name].serialize(format='nt')}"
