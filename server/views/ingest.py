"""POST /ingest: an article (text + date) -> a draft graph; needs the update token. The NLP models
are loaded by the worker's first ingest and reused by every later one (server.ingest.nlp); so is the
ingest service itself (server.ingest.workflow, with rdflib and pySHACL: ~15 MB that a worker answering
only queries never holds), imported by the first request that needs it.
Also GET /ingest/drafts and GET /ingest/drafts/<name> (review summary) for curators' tools."""

from __future__ import annotations

from datetime import date as Date

from flask import Blueprint, Response, jsonify, request

from server.core.errors import BadRequest, UnsupportedMediaType
from server.core.types import JSONObject
from server.views.auth import require_write
from server.views.context import settings, store

bp = Blueprint("ingest", __name__)


@bp.post("/ingest")
def ingest() -> tuple[Response, int]:
    require_write(request)
    from server.ingest import workflow

    data: JSONObject
    if request.is_json:
        body = request.get_json(silent=True)
        if not isinstance(body, dict):
            raise BadRequest("the JSON body must be an object with 'text' and 'date'")
        data = body
    elif request.mimetype in ("application/x-www-form-urlencoded", "multipart/form-data"):
        data = request.form.to_dict()
        if "file" in request.files:
            data["text"] = workflow.decode_article(request.files["file"].read())
    else:
        raise UnsupportedMediaType("send JSON or a form with 'text' and 'date'")
    text, day = data.get("text"), data.get("date")
    if not isinstance(text, str) or not text.strip():
        raise BadRequest("'text' (the article) is required")
    try:
        date = Date.fromisoformat(str(day))
    except ValueError:
        raise BadRequest("'date' must be YYYY-MM-DD") from None
    result = workflow.ingest(
        store(),
        settings(),
        text,
        date,
        name=_optional(data, "name"),
        title=_optional(data, "title"),
        url=_optional(data, "url"),
    )
    return jsonify(result), 201


def _optional(data: JSONObject, key: str) -> str | None:
    value = data.get(key) or None
    if value is not None and not isinstance(value, str):
        raise BadRequest(f"'{key}' must be a string")
    return value


@bp.get("/ingest/drafts")
def drafts() -> Response:
    from server.ingest import workflow

    return jsonify({"drafts": workflow.drafts(store(), settings())})


@bp.get("/ingest/drafts/<name>")
def review(name: str) -> Response:
    from server.ingest import workflow

    return jsonify(workflow.review(store(), settings(), name))
