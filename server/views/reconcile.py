"""/reconcile: the Reconciliation Service API 0.2 (what OpenRefine speaks). GET without
parameters is the manifest; ``queries`` (GET or POST form) reconciles a batch; ``extend`` fetches
property values; suggest, preview and property proposals below it. Every answer is readable
cross-origin (CORS as /sparql reads). The work is done by server.browse.reconcile(_service)."""

from __future__ import annotations

from functools import partial

from flask import Blueprint, Response, jsonify, render_template, request

from server.browse import reconcile as rc
from server.browse import reconcile_index
from server.browse import reconcile_service as service
from server.core.errors import BadRequest, NotFound
from server.protocol.cors import cors_headers
from server.views.browsing import label_index, lang, linker, vocab
from server.views.context import cache, int_arg, settings, store

bp = Blueprint("reconcile", __name__)

# the preview is made to be framed by the client (OpenRefine's own origin): no script, nothing loaded
PREVIEW_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors *"


def index() -> reconcile_index.Index:
    """The reconciliation index of the store's current state (rebuilt in the background after writes)."""
    st, voc, base = store(), vocab(), settings().base_iri
    return cache("reconcile").get(st, None, lambda: reconcile_index.build(st, voc, base), background=True)


def _root() -> str:
    return request.url_root.rstrip("/")


@bp.route("/reconcile", methods=["GET", "POST", "OPTIONS"])
def endpoint() -> Response:
    if request.method == "OPTIONS":
        return Response(status=204)
    values = request.values
    idx, voc, current = index(), vocab(), lang()
    limit = settings().reconcile_batch_size
    if "queries" in values:
        batch = rc.parse_batch(values["queries"], idx, limit)
        read = partial(service.read_values, store())
        return jsonify(
            {
                key: {"result": [rc.candidate_json(idx, c, current, voc) for c in rc.reconcile(idx, q, read)]}
                for key, q in batch.items()
            }
        )
    if "extend" in values:
        ids, props = service.parse_extend(values["extend"], limit)
        return jsonify(service.extend(store(), idx, voc, ids, props))
    if request.method == "POST":
        raise BadRequest("POST /reconcile needs a 'queries' or an 'extend' form field.")
    return jsonify(service.manifest(idx, voc, root=_root(), lang=current, batch_size=limit))


@bp.get("/reconcile/suggest/entity")
def suggest_entity() -> Response:
    return jsonify(
        service.suggest_entities(
            index(),
            label_index(),
            vocab(),
            request.args.get("prefix", ""),
            lang=lang(),
            cursor=int_arg("cursor", 0, 0),
            type_id=request.args.get("type", ""),
        )
    )


@bp.get("/reconcile/suggest/type")
def suggest_type() -> Response:
    prefix = request.args.get("prefix", "")
    return jsonify(service.suggest_types(index(), vocab(), prefix, lang=lang(), cursor=int_arg("cursor", 0, 0)))


@bp.get("/reconcile/suggest/property")
def suggest_property() -> Response:
    prefix = request.args.get("prefix", "")
    return jsonify(service.suggest_properties(index(), vocab(), prefix, lang=lang(), cursor=int_arg("cursor", 0, 0)))


@bp.get("/reconcile/properties")
def propose() -> Response:
    type_id = request.args.get("type", "")
    if not type_id:
        raise BadRequest("Give the type as ?type=<type id> (e.g. Person).")
    limit = int_arg("limit", 0, 0) or None
    return jsonify(service.propose(index(), vocab(), type_id, lang=lang(), limit=limit))


@bp.get("/reconcile/preview")
def preview() -> Response:
    ident = request.args.get("id", "")
    ctx = service.preview(store(), index(), vocab(), ident, lang=lang())
    if ctx is None:
        raise NotFound(f"No entity {ident!r} in this service.")
    ctx["href"] = linker().page(index().entity_iri(ctx["id"]))
    resp = Response(render_template("reconcile_preview.html", **ctx), mimetype="text/html")
    resp.headers["Content-Security-Policy"] = PREVIEW_CSP
    return resp


@bp.after_request
def _cors(resp: Response) -> Response:
    """Every answer of this blueprint, errors too, is a read: CORS as for /sparql reads."""
    preflight = request.method == "OPTIONS"
    for name, value in cors_headers(request.headers.get("Origin"), settings().cors_origins, preflight=preflight):
        resp.headers.add(name, value)
    return resp
