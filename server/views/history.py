"""The graph over time, over HTTP: GET /changes (the change feed: Atom, ActivityStreams 2.0 or
HTML), GET /changes/diff (between two releases or past views), GET /releases (the list) and
GET /releases/<name>/<file> (a release's files)."""

from __future__ import annotations

from urllib.parse import urlencode

import pyoxigraph as ox
from flask import Blueprint, Response, jsonify, request, send_from_directory
from werkzeug.wrappers import Response as BaseResponse

from server.core.errors import BadRequest, NotFound
from server.publish import feed
from server.publish.diff import diff
from server.publish.releases import NAME, find, releases, state_quads
from server.views.browsing import iri_arg, linker, show, wants_json
from server.views.context import int_arg, settings, store

bp = Blueprint("history", __name__)
FEED_FORMATS = {"atom": feed.ATOM_TYPE, "jsonld": feed.AS2_TYPE, "html": "text/html", "json": "application/json"}


def _feed_format() -> str:
    name = request.args.get("format")
    if name:
        if name not in FEED_FORMATS:
            raise BadRequest(
                f"Parameter 'format': use one of {', '.join(FEED_FORMATS)}", detail={"parameter": "format"}
            )
        return name
    accept = request.accept_mimetypes
    best = accept.best_match([feed.ATOM_TYPE, feed.AS2_TYPE, "application/ld+json", "text/html"], default="text/html")
    return {feed.ATOM_TYPE: "atom", feed.AS2_TYPE: "jsonld", "application/ld+json": "jsonld"}.get(best, "html")


@bp.get("/changes")
def changes() -> Response:
    fmt = _feed_format()
    resource = _iri(iri_arg()) if request.args.get("iri") else None
    page = int_arg("page", 1)
    items, total = feed.entries(store(), settings(), page=page, resource=resource)
    root = request.url_root.rstrip("/")
    link = linker()

    def url(n: int, name: str = fmt) -> str:
        args = {k: v for k, v in (("iri", resource), ("page", str(n)), ("format", name)) if v}
        return f"{root}/changes?{urlencode(args)}"

    def page_of(iri: str) -> str:
        return root + link.page(iri).removeprefix(request.script_root)

    where = feed.Page(url, page, total)
    if fmt == "atom":
        body = feed.atom(
            items,
            where,
            feed_id=f"{root}/changes",
            title="policykg: changes",
            link=page_of,
            alternate=url(page, "html"),
        )
        return Response(body, content_type=feed.ATOM_TYPE + "; charset=utf-8")
    if fmt == "jsonld":
        doc = feed.activity_streams(items, where, collection=f"{root}/changes", link=page_of)
        resp = jsonify(doc)
        resp.content_type = feed.AS2_TYPE
        return resp
    ctx = {
        "items": [
            {
                **e.__dict__,
                "href": page_of(e.iri),
                "title": e.title(),
                "links": {role: [{"iri": r, "href": page_of(r)} for r in rs] for role, rs in e.resources.items()},
            }
            for e in items
        ],
        "resource": resource,
        "resource_href": page_of(resource) if resource else None,
        "page": page,
        "last": where.last,
        "total": total,
        "links": {"atom": url(page, "atom"), "jsonld": url(page, "jsonld"), "json": url(page, "json")},
        "prev": url(page - 1, "html") if page > 1 else None,
        "next": url(page + 1, "html") if page < where.last else None,
    }
    return show("changes.html", ctx, fmt == "json" or wants_json())


def _iri(raw: str) -> str:
    try:
        return ox.NamedNode(raw).value
    except ValueError:
        raise BadRequest(f"Parameter 'iri': {raw!r} is not an IRI", detail={"parameter": "iri"}) from None


@bp.get("/changes/diff")
def changes_diff() -> Response:
    before, after = request.args.get("from"), request.args.get("to")
    if not before or not after:
        raise BadRequest("give from= and to=: release names, asOf:YYYY-MM-DD, recordedBefore:DATE[TIME] or current")
    st, s = store(), settings()
    result = diff(state_quads(st, s, before, files=False), state_quads(st, s, after, files=False))
    fmt = request.args.get("format") or ("json" if wants_json() else "text")
    if fmt == "rdf-patch":
        return Response(result.patch(), content_type="application/rdf-patch; charset=utf-8")
    if fmt == "json":
        return jsonify({"from": before, "to": after, **result.json()})
    if fmt == "text":
        return Response(result.text(), content_type="text/plain; charset=utf-8")
    raise BadRequest("Parameter 'format': use text, json or rdf-patch", detail={"parameter": "format"})


@bp.get("/releases")
@bp.get("/releases.json")
def release_list() -> Response:
    root = request.script_root
    items = [
        {"name": r.name, "files": [{"name": f, "href": f"{root}/releases/{r.name}/{f}"} for f in r.files]}
        for r in releases(settings())
    ]
    return show("releases.html", {"releases": items}, wants_json())


@bp.get("/releases/<name>/<filename>")
def release_file(name: str, filename: str) -> BaseResponse:
    if not NAME.match(name):
        raise NotFound(f"no release named {name!r}")
    r = find(settings(), name)
    if filename not in r.files:
        raise NotFound(f"release {name} has no file {filename!r}")
    mimetype = "text/plain" if filename in ("SHA256SUMS", "changes.rdfp") else None
    return send_from_directory(r.path, filename, mimetype=mimetype)
