"""The named-query API: /api (page), /api/queries, /api/queries/NAME, /api/openapi.json."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlencode

import pyoxigraph as ox
from flask import Blueprint, Response, jsonify, render_template, request, url_for

from server.protocol import formats
from server.core.errors import BadRequest, NotAcceptable
from server.publish.export import export_prefixes, serialize
from server.publish.named_queries import NamedQuery, get_query, load_queries, page, run
from server.protocol.results import solutions_json
from server.publish.openapi import openapi_document
from server.views.context import int_arg, settings, store

bp = Blueprint("api", __name__)

DEFAULT_LIMIT = 1000
GRAPH_FORMATS = ("ttl", "jsonld", "nt", "rdf")


def _base_url() -> str:
    return request.url_root.rstrip("/")


def _example_url(q: NamedQuery) -> str:
    args = q.example_args()
    return url_for("api.run_query", name=q.name) + ("?" + urlencode(args) if args else "")


def _describe(q: NamedQuery) -> dict[str, Any]:
    return {
        **q.to_dict(),
        "url": url_for("api.run_query", name=q.name),
        "example": _example_url(q),
        "sparql_url": url_for("api.query_text", name=q.name),
    }


@bp.get("/api/queries")
def list_queries() -> Response:
    queries = load_queries()
    return jsonify({"queries": [_describe(queries[n]) for n in sorted(queries)]})


@bp.get("/api/queries/<name>.rq")
def query_text(name: str) -> Response:
    q = get_query(name)
    return Response(q.sparql, mimetype="application/sparql-query")


@bp.get("/api/openapi.json")
def openapi() -> Response:
    doc = openapi_document(load_queries(), _base_url(), settings().max_rows)
    return Response(json.dumps(doc, ensure_ascii=False, indent=2), mimetype="application/json")


@bp.get("/api")
def page_html() -> Response:
    queries = load_queries()
    items = [{**_describe(queries[n]), "query": queries[n]} for n in sorted(queries)]
    return Response(render_template("api.html", queries=items), mimetype="text/html")


@bp.get("/api/queries/<name>/choices/<param>")
def choices(name: str, param: str) -> Response:
    """Instances of the class a parameter expects (IRI and labels), to offer as choices."""
    q = get_query(name)
    p = q.param(param)
    if p is None or p.type != "iri":
        raise BadRequest(f"Parameter '{param}': not an IRI parameter of {name}", detail={"parameter": param})
    rows = []
    if p.cls:
        sparql = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?cls ?s (SAMPLE(?en) AS ?label_en) (SAMPLE(?ru) AS ?label_ru) {
  ?c rdfs:subClassOf* ?cls . ?s a ?c FILTER(isIRI(?s))
  OPTIONAL { ?s rdfs:label ?en FILTER(LANG(?en) = "en") }
  OPTIONAL { ?s rdfs:label ?ru FILTER(LANG(?ru) = "ru") }
} GROUP BY ?cls ?s ORDER BY ?s LIMIT 1000"""
        for sol in store().query(sparql, substitutions={"cls": ox.NamedNode(p.cls)}):
            rows.append(
                {
                    "iri": sol["s"].value,
                    "label": {k: sol[f"label_{k}"].value for k in ("en", "ru") if sol[f"label_{k}"] is not None},
                }
            )
    return jsonify({"parameter": param, "class": p.cls, "choices": rows})


def _links(offset: int, limit: int, more: bool) -> str:
    def url(off: int) -> str:
        args = request.args.to_dict(flat=False)
        args["offset"], args["limit"] = [str(off)], [str(limit)]
        return request.base_url + "?" + urlencode(args, doseq=True)

    links = []
    if more:
        links.append(f'<{url(offset + limit)}>; rel="next"')
    if offset > 0:
        links.append(f'<{url(max(0, offset - limit))}>; rel="prev"')
        links.append(f'<{url(0)}>; rel="first"')
    return ", ".join(links)


def _choose(kind: str) -> formats.Format:
    fmt = request.args.get("format")
    if kind == formats.GRAPH:
        candidates = [formats.BY_NAME[n] for n in GRAPH_FORMATS]
        if fmt:
            f = formats.by_name(fmt, formats.GRAPH)
            if f not in candidates:
                raise BadRequest(
                    f"Parameter 'format': use one of {', '.join(GRAPH_FORMATS)}", detail={"parameter": "format"}
                )
            return f
        return formats.negotiate(request.headers.get("Accept"), formats.GRAPH, candidates)
    if fmt:
        return formats.by_name(fmt, formats.RESULTS)
    return formats.negotiate(request.headers.get("Accept"), formats.RESULTS)


@bp.get("/api/queries/<name>")
def run_query(name: str) -> Response:
    q = get_query(name)
    graph = q.kind in ("construct", "describe")
    fmt = _choose(formats.GRAPH if graph else formats.RESULTS)
    cap = settings().max_construct_triples if graph else settings().max_rows
    limit = int_arg("limit", min(DEFAULT_LIMIT, cap) if not graph else cap, 1, cap)
    offset = int_arg("offset", 0, 0, None)
    args = request.args.to_dict(flat=False)
    result = run(store(), q, args, timeout=settings().query_timeout)
    links = ""
    if isinstance(result, ox.QueryBoolean):
        if fmt.name not in ("json", "xml"):
            raise NotAcceptable(
                "An ASK result is available as JSON or XML only.",
                detail={"offered": ["application/sparql-results+json", "application/sparql-results+xml"]},
            )
        body = result.serialize(format=fmt.ox_results)
    elif isinstance(result, ox.QuerySolutions):
        variables = [v.value for v in result.variables]
        rows, more = page(iter(result), offset, limit)
        data = solutions_json(variables, rows)
        body = json.dumps(data, ensure_ascii=False).encode("utf-8")
        if fmt.name != "json":
            body = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON).serialize(format=fmt.ox_results)
        links = _links(offset, limit, more)
    else:
        triples = sorted({t for t in result}, key=str)  # CONSTRUCT may repeat triples
        chunk, more = page(iter(triples), offset, limit)
        statements = [(t.subject, t.predicate, t.object, None) for t in chunk]
        body = serialize(statements, fmt, export_prefixes(statements, settings()))
        links = _links(offset, limit, more)
    resp = Response(body, content_type=fmt.content_type)
    if links:
        resp.headers["Link"] = links
    resp.vary.add("Accept")
    resp.headers["Access-Control-Allow-Origin"] = "*"
    return resp
