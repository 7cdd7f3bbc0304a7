"""W3C SPARQL 1.1 Graph Store HTTP Protocol tests (graph-store-protocol/, 13 listed entries),
driven from the manifests against a real HTTP server on 127.0.0.1 with an empty store.

The manifests' "/gsp" prefix maps to our "/store": indirect identification is /store?graph=,
direct identification is /store/<path> (the graph IRI is then the request URL).
"""

from __future__ import annotations

import pytest

from .support import SPARQL11, entry_id, manifest_entries, require_suite, run_http_entry

require_suite()

ENTRIES = list(manifest_entries(SPARQL11 / "graph-store-protocol" / "manifest.ttl"))


def test_manifest_lists_13_tests():
    assert len(ENTRIES) == 13


@pytest.mark.parametrize("entry", ENTRIES, ids=entry_id)
def test_graph_store_protocol(entry, w3c_server):
    w3c_server.reset()
    run_http_entry(entry, w3c_server.url, {"/gsp": "/store"})
