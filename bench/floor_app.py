"""The floor of a Python SPARQL endpoint on Granian: parse the query string, evaluate with
pyoxigraph over the union of all graphs, serialise natively (SELECT/ASK: JSON; CONSTRUCT/DESCRIBE:
Turtle), nothing else (no caps, no timeout, no ETag, no metrics, no apart history graph).
Used by bench/path_ab.py as what no policykg request can cost less than.

    FLOOR_STORE=/path/to/store granian --interface wsgi --workers 2 --blocking-threads 1 \\
        --port 8001 --working-dir bench floor_app:app
"""

from __future__ import annotations

import os
import urllib.parse
from collections.abc import Callable, Iterable
from typing import Any

import pyoxigraph as ox

_store: ox.Store | None = None


def app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
    global _store
    if _store is None:  # opened in the worker, after the fork
        _store = ox.Store.read_only(os.environ["FLOOR_STORE"])
    text = urllib.parse.parse_qs(environ["QUERY_STRING"])["query"][0]
    result = _store.query(text, use_default_graph_as_union=True)
    if isinstance(result, ox.QueryTriples):
        body, content_type = result.serialize(format=ox.RdfFormat.TURTLE) or b"", "text/turtle"
    else:
        body = result.serialize(format=ox.QueryResultsFormat.JSON) or b""
        content_type = "application/sparql-results+json"
    start_response("200 OK", [("Content-Type", content_type), ("Content-Length", str(len(body)))])
    return [body]
