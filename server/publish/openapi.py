"""OpenAPI 3.1 document of the named-query API, generated from the queries' headers."""

from __future__ import annotations

from server.core.types import JSONObject
from server.core.version import __version__
from server.publish.named_queries import NamedQuery, Param

_SCHEMAS: dict[str, JSONObject] = {
    "iri": {"type": "string", "format": "iri"},
    "string": {"type": "string"},
    "langstring": {"type": "string", "pattern": "@[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$"},
    "integer": {"type": "integer"},
    "decimal": {"type": "string", "format": "decimal", "pattern": r"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$"},
    "date": {"type": "string", "format": "date"},
    "boolean": {"type": "boolean"},
}
RESULT_TYPES = (
    "application/sparql-results+json",
    "application/sparql-results+xml",
    "text/csv",
    "text/tab-separated-values",
)
GRAPH_TYPES = ("text/turtle", "application/ld+json", "application/n-triples", "application/rdf+xml")


def _typed(p: Param, value: str) -> int | bool | str:
    if p.type == "integer":
        return int(value)
    if p.type == "boolean":
        return value.lower() in ("true", "1", "yes")
    return value


def param_object(p: Param) -> JSONObject:
    schema = dict(_SCHEMAS[p.type])
    if p.values:
        schema["enum"] = list(p.values)
    if p.default is not None:
        schema["default"] = _typed(p, p.default)
    out: JSONObject = {
        "name": p.name,
        "in": "query",
        "required": p.required,
        "schema": schema,
        "description": " / ".join(x for x in (p.label.get("en"), p.label.get("ru")) if x) or p.name,
    }
    if p.cls:
        out["description"] += f" (an IRI of a <{p.cls}>)"
        out["x-rdf-class"] = p.cls
    if p.example is not None:
        out["example"] = _typed(p, p.example)
    return out


def _operation(q: NamedQuery) -> JSONObject:
    graph = q.kind in ("construct", "describe")
    if graph:
        content = {t: {"schema": {"type": "string"}} for t in GRAPH_TYPES}
    else:
        content = {
            t: {"schema": {"$ref": "#/components/schemas/SparqlResults"} if t.endswith("json") else {"type": "string"}}
            for t in RESULT_TYPES
        }
    columns = f"\n\nColumns: {', '.join(q.columns)}." if q.columns else ""
    return {
        "operationId": q.name.replace("-", "_"),
        "summary": q.title.get("en", q.name),
        "description": f"{q.description.get('en', '')}\n\n{q.title.get('ru', '')}: "
        f"{q.description.get('ru', '')}{columns}",
        "tags": ["named queries"],
        "parameters": [param_object(p) for p in q.params]
        + [
            {"$ref": "#/components/parameters/limit"},
            {"$ref": "#/components/parameters/offset"},
            {"$ref": "#/components/parameters/" + ("graphFormat" if graph else "resultFormat")},
        ],
        "responses": {
            "200": {
                "description": "Results (one page; see the Link header for the next and previous pages).",
                "headers": {"Link": {"description": "rel=next / rel=prev page links", "schema": {"type": "string"}}},
                "content": content,
            },
            "400": {
                "description": "Bad parameter value or unknown parameter (the message names it).",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
            },
            "406": {
                "description": "None of the accepted types can be produced.",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
            },
        },
    }


def openapi_document(queries: dict[str, NamedQuery], base_url: str, max_rows: int) -> JSONObject:
    paths: dict[str, JSONObject] = {
        "/api/queries": {
            "get": {
                "operationId": "list_queries",
                "summary": "List the named queries with their parameters",
                "tags": ["named queries"],
                "responses": {
                    "200": {
                        "description": "The queries",
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "properties": {"queries": {"type": "array", "items": {"type": "object"}}},
                                }
                            }
                        },
                    }
                },
            }
        },
    }
    for name in sorted(queries):
        paths[f"/api/queries/{name}"] = {"get": _operation(queries[name])}
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "policykg named-query API",
            "version": __version__,
            "description": "Questions about Russian industrial policy answered from the policykg knowledge graph, "
            "without writing SPARQL. Each operation runs one queries/NAME.rq file with its "
            "parameters bound as typed RDF terms. Data licence: CC BY 4.0.",
            "license": {"name": "MIT", "identifier": "MIT"},
        },
        "servers": [{"url": base_url.rstrip("/") or "/"}],
        "paths": paths,
        "components": {
            "parameters": {
                "limit": {
                    "name": "limit",
                    "in": "query",
                    "required": False,
                    "description": "Rows (or triples) per page.",
                    "schema": {"type": "integer", "minimum": 1, "maximum": max_rows},
                },
                "offset": {
                    "name": "offset",
                    "in": "query",
                    "required": False,
                    "description": "Rows (or triples) to skip.",
                    "schema": {"type": "integer", "minimum": 0, "default": 0},
                },
                "resultFormat": {
                    "name": "format",
                    "in": "query",
                    "required": False,
                    "description": "Overrides the Accept header.",
                    "schema": {"type": "string", "enum": ["json", "xml", "csv", "tsv"]},
                },
                "graphFormat": {
                    "name": "format",
                    "in": "query",
                    "required": False,
                    "description": "Overrides the Accept header.",
                    "schema": {"type": "string", "enum": ["ttl", "jsonld", "nt", "rdf"]},
                },
            },
            "schemas": {
                "SparqlResults": {
                    "type": "object",
                    "description": "SPARQL 1.1 Query Results JSON",
                    "properties": {
                        "head": {
                            "type": "object",
                            "properties": {"vars": {"type": "array", "items": {"type": "string"}}},
                        },
                        "results": {
                            "type": "object",
                            "properties": {
                                "bindings": {
                                    "type": "array",
                                    "items": {
                                        "type": "object",
                                        "additionalProperties": {
                                            "type": "object",
                                            "properties": {
                                                "type": {
                                                    "type": "string",
                                                    "enum": ["uri", "literal", "bnode", "triple"],
                                                },
                                                "value": {},
                                                "xml:lang": {"type": "string"},
                                                "datatype": {"type": "string"},
                                            },
                                        },
                                    },
                                }
                            },
                        },
                        "boolean": {"type": "boolean"},
                    },
                },
                "Error": {
                    "type": "object",
                    "properties": {
                        "error": {
                            "type": "object",
                            "properties": {
                                "status": {"type": "integer"},
                                "code": {"type": "string"},
                                "message": {"type": "string"},
                                "detail": {},
                            },
                        }
                    },
                },
            },
        },
    }
