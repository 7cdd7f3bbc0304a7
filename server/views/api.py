"""The named-query API: /api (page), /api/queries, /api/queries/NAME, /api/openapi.json."""

from __future__ import annotations

import json
from urllib.parse import urlencode

import pyoxigraph as ox
from flask import Blueprint, Response, jsonify, render_template, request, url_for

from server.core.errors import BadRequest
from server.core.types import JSONObject
from server.protocol.asof import dataset
from server.protocol.executor import Job
from server.publish import named_queries
from server.publish.named_queries import NamedQuery, get_query, load_queries
from server.publish.openapi import openapi_document
from server.views.context import as_of_view, int_arg, services, settings

bp = Blueprint("api", __name__)

DEFAULT_LIMIT = 1000
MAX_CHOICES = 1000
CHOICES = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?cls ?s (SAMPLE(?en) AS ?label_en) (SAMPLE(?ru) AS ?label_ru) {
  ?c rdfs:subClassOf* ?cls . ?s a ?c FILTER(isIRI(?s))
  OPTIONAL { ?s rdfs:label ?en FILTER(LANG(?en) = "en") }
  OPTIONAL { ?s rdfs:label ?ru FILTER(LANG(?ru) = "ru") }
} GROUP BY ?cls ?s ORDER BY ?s"""


def _base_url() -> str:
    return request.url_root.rstrip("/")


def _example_url(q: NamedQuery) -> str:
    args = q.example_args()
    return url_for("api.run_query", name=q.name) + ("?" + urlencode(args) if args else "")


def _describe(q: NamedQuery) -> JSONObject:
    return {
        **q.to_dict(),
        "url": url_for("api.run_query", name=q.name),
        "example": _example_url(q),
        "sparql_url": url_for("api.query_text", name=q.name),
    }


@bp.get("/api/queries")
def list_queries() -> Response:
    queries = load_queries(base_iri=settings().base_iri)
    return jsonify({"queries": [_describe(queries[n]) for n in sorted(queries)]})


@bp.get("/api/queries/<name>.rq")
def query_text(name: str) -> Response:
    q = get_query(name)
    return Response(q.sparql, mimetype="application/sparql-query")


@bp.get("/api/openapi.json")
def openapi() -> Response:
    doc = openapi_document(load_queries(base_iri=settings().base_iri), _base_url(), settings().max_rows)
    return Response(json.dumps(doc, ensure_ascii=False, indent=2), mimetype="application/json")


@bp.get("/api")
def page_html() -> Response:
    queries = load_queries(base_iri=settings().base_iri)
    items = [{**_describe(queries[n]), "query": queries[n]} for n in sorted(queries)]
    return Response(render_template("api.html", queries=items), mimetype="text/html")


@bp.get("/api/queries/<name>/choices/<param>")
def choices(name: str, param: str) -> Response:
    """Instances of the class a parameter expects (IRI and labels), to offer as choices."""
    q = get_query(name, base_iri=settings().base_iri)
    p = q.param(param)
    if p is None or p.type != "iri":
        raise BadRequest(f"Parameter '{param}': not an IRI parameter of {name}", detail={"parameter": param})
    rows = []
    if p.cls:
        job = Job(CHOICES, fmt="json", max_rows=MAX_CHOICES, substitutions={"cls": ox.NamedNode(p.cls)})
        for b in json.loads(services().query.run(job).body)["results"]["bindings"]:
            rows.append(
                {
                    "iri": b["s"]["value"],
                    "label": {k: b[f"label_{k}"]["value"] for k in ("en", "ru") if f"label_{k}" in b},
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


@bp.get("/api/queries/<name>")
def run_query(name: str) -> Response:
    """A named query's answer through the one query path (server.protocol.query): its timeout,
    caps and serialisation; pages of ``limit`` rows with Link headers."""
    q = get_query(name, base_iri=settings().base_iri)
    fmt = named_queries.result_format(q, request.headers.get("Accept"), request.args.get("format"))
    cap = q.cap(settings())
    limit = int_arg("limit", cap if q.returns_graph else min(DEFAULT_LIMIT, cap), 1, cap)
    offset = int_arg("offset", 0, 0, None)
    job = named_queries.job(q, request.args.to_dict(flat=False), fmt, limit=limit, offset=offset)
    view = as_of_view()
    if view:  # a past view: the query's dataset is the view's graphs
        job.default_graphs, job.named_graphs = dataset(services().store, settings(), view)
    rendered = services().query.run(job)
    resp = Response(rendered.body, content_type=rendered.content_type)
    links = _links(offset, limit, rendered.truncated) if q.kind != "ask" else ""
    if links:
        resp.headers["Link"] = links
    if rendered.truncated:
        resp.headers["X-Result-Truncated"] = "true"
    resp.vary.add("Accept")
    resp.headers["Access-Control-Allow-Origin"] = "*"
    resp.headers["Access-Control-Expose-Headers"] = "Link, X-Result-Truncated"
    return resp
