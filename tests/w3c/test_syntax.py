"""W3C SPARQL 1.1 query and update syntax tests over HTTP against the running app (a real
server on 127.0.0.1, empty in-memory store, updates authenticated with the update token).

Positive tests are answered 2xx; negative ones 400 with the one JSON error shape. A few positive
tests are valid syntax that the service then refuses when it runs them, for a stated reason
(policy or SPARQL semantics): for those the answer must be a 4xx that is NOT a syntax error and
whose message says why (see REFUSED).
"""

from __future__ import annotations

import re

import pytest
import requests
from conftest import TOKEN

from .support import MF, SPARQL11, entry_id, manifest_entries, path_of, require_suite

require_suite()

QUERY, UPDATE = "application/sparql-query", "application/sparql-update"
TYPES = {
    MF.PositiveSyntaxTest11: (QUERY, True),
    MF.NegativeSyntaxTest11: (QUERY, False),
    MF.PositiveUpdateSyntaxTest11: (UPDATE, True),
    MF.NegativeUpdateSyntaxTest11: (UPDATE, False),
}
SYNTAX_CODES = {"query_syntax", "update_syntax"}

_SERVICE = (
    r"SERVICE.*(not allowed|refused|disabled|forbidden)",
    "SERVICE (federated query) is refused by policy: valid syntax, clear refusal",
)
_LOAD = (
    r"LOAD.*(not allowed|refused|disabled|forbidden)",
    "LOAD is refused by policy (no network or file access from an update): valid syntax, clear refusal",
)
_NO_GRAPH = (
    r"does not exist",
    "DROP/CLEAR GRAPH without SILENT on a graph that does not exist fails, as SPARQL Update says",
)
#: Positive syntax tests that are refused when run, test id -> (message regex, why).
REFUSED: dict[str, tuple[str, str]] = {
    "syntax-fed/test_1": _SERVICE,
    "syntax-fed/test_2": _SERVICE,
    "syntax-fed/test_3": _SERVICE,
    "syntax-update-1/test_1": _LOAD,
    "syntax-update-1/test_2": _LOAD,
    "syntax-update-1/test_3": _LOAD,
    "syntax-update-1/test_4": _LOAD,
    "syntax-update-1/test_37": _LOAD,
    "syntax-update-1/test_8": _NO_GRAPH,
    "syntax-update-1/test_18": _NO_GRAPH,
}
#: Known failures, test id -> reason (none at present).
XFAIL: dict[str, str] = {}


def _params():
    for entry in manifest_entries(SPARQL11 / "manifest-all.ttl"):
        for t in entry.types & set(TYPES):
            test_id = entry_id(entry)
            marks = [pytest.mark.xfail(reason=XFAIL[test_id], strict=True)] if test_id in XFAIL else []
            yield pytest.param(entry, *TYPES[t], id=test_id, marks=marks)


PARAMS = list(_params())


def test_all_syntax_tests_found():
    positive = sum(1 for p in PARAMS if p.values[2])
    negative = len(PARAMS) - positive
    assert (positive, negative) == (108, 61)


@pytest.mark.parametrize(("entry", "media_type", "positive"), PARAMS)
def test_syntax(entry, media_type, positive, w3c_server):
    if media_type == UPDATE:
        w3c_server.reset()  # each update runs on a fresh empty store
    text = path_of(entry.value(MF.action)).read_bytes()
    headers = {"Content-Type": f"{media_type}; charset=utf-8", "Accept": "application/sparql-results+json, */*"}
    if media_type == UPDATE:
        headers["Authorization"] = f"Bearer {TOKEN}"
    resp = requests.post(w3c_server.url + "/sparql", data=text, headers=headers, timeout=30)
    test_id = entry_id(entry)
    where = f"{resp.status_code} {resp.text[:300]}\n{text.decode('utf-8', 'replace')}"
    if positive and test_id not in REFUSED:
        assert 200 <= resp.status_code < 300, where
        return
    error = resp.json()["error"]
    if positive:
        pattern, why = REFUSED[test_id]
        assert 400 <= resp.status_code < 500, f"{why}: {where}"
        assert error["code"] not in SYNTAX_CODES, f"valid syntax reported as a syntax error: {where}"
        assert re.search(pattern, error["message"], re.IGNORECASE | re.DOTALL), f"{why}: {where}"
    else:
        assert resp.status_code == 400, where
        assert error["status"] == 400 and error["code"] in SYNTAX_CODES and error["message"], where
