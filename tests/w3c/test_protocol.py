"""W3C SPARQL 1.1 Protocol tests (protocol/manifest.ttl, 34 tests), driven from the manifest:
each ht:Request is sent as written (method, path with its percent-encoding, headers, body)
to a real server on 127.0.0.1 holding the test's ut:graphData, and each ht:Response is checked
(status class, result format, ASK boolean). The manifest's "/sparql/" maps to our "/sparql";
requests carry the update token, since the update tests need a writable service.
"""

from __future__ import annotations

import pytest
import requests

from .support import SPARQL11, entry_id, load_graph_data, manifest_entries, require_suite, run_http_entry

require_suite()

ENTRIES = list(manifest_entries(SPARQL11 / "protocol" / "manifest.ttl"))
#: Known failures, test id -> reason (none at present).
XFAIL: dict[str, str] = {}


def test_manifest_lists_34_tests():
    assert len(ENTRIES) == 34


@pytest.mark.parametrize(
    "entry",
    [
        pytest.param(
            e,
            id=entry_id(e),
            marks=[pytest.mark.xfail(reason=XFAIL[entry_id(e)], strict=True)] if entry_id(e) in XFAIL else [],
        )
        for e in ENTRIES
    ],
)
def test_protocol(entry, w3c_server):
    # The 4xx tests only mean something if /sparql exists and answers a plain query.
    assert requests.get(w3c_server.url + "/sparql", params={"query": "ASK {}"}, timeout=10).status_code == 200
    load_graph_data(entry, w3c_server.reset())
    run_http_entry(entry, w3c_server.url, {"/sparql/": "/sparql"})
