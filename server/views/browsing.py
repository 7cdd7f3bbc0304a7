"""The browser's request helpers: language, linker, the store-generation caches, rendering, IRI arguments."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from flask import Response, g, jsonify, render_template, request

from server.browse import terms
from server.browse.i18n import COOKIE, pick_language
from server.browse.labels import LabelIndex
from server.browse.labels import build as build_label_index
from server.browse.labels import update as update_label_index
from server.browse.terms import Linker, Vocab, load_vocab, update_vocab
from server.core.errors import BadRequest, NotFound
from server.core.types import JSONObject
from server.graph import stats
from server.protocol import formats
from server.store.base import Store
from server.store.delta import Delta
from server.views.context import cache, services, settings, store

T = TypeVar("T")
log = logging.getLogger(__name__)

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'"
)
# The query page's YASGUI: its table's column resizer (the column-resizer package) adds <style>
# elements whose text names each table's random id, so no hash can allow them. Only style
# elements are let through; style attributes, scripts and everything else stay 'self'.
QUERY_CSP = CSP + "; style-src-elem 'self' 'unsafe-inline'"
RDF_FORMATS = [formats.BY_NAME[n] for n in ("ttl", "nt", "rdf", "jsonld")]
PAGE_FORMATS = [formats.BY_NAME["html"], *RDF_FORMATS]
PER_PAGE_INCOMING = 20


# -- request helpers ------------------------------------------------------------------------


def lang() -> str:
    if "lang" not in g:
        g.lang = pick_language(
            request.args.get("lang"), request.cookies.get(COOKIE), request.headers.get("Accept-Language")
        )
    return g.lang


def linker() -> Linker:
    return Linker(settings().base_iri, request.script_root)


def _cached(
    name: str,
    build: Callable[[Store], T],
    *,
    background: bool = False,
    update: Callable[[Store, T, list[Delta]], T | None] | None = None,
) -> T:
    """One per-app copy of something built from the whole store (the vocabulary's labels, the
    label index), kept until the store changes (server.store.cache); the same copy for the whole
    request. With ``background`` a time-expired copy (a store without generation) keeps being
    served while a thread rebuilds it. With ``update``, a write whose change the store knows is
    applied to the copy (``update(store, copy, changes)``) instead of a rebuild."""
    if name in g:
        return getattr(g, name)
    st = store()

    def updated(old: T, deltas: list[Delta]) -> T | None:
        return None if update is None else update(st, old, deltas)

    def built() -> T:
        return build(st)

    value = cache(name).get(st, None, built, background=background, update=updated)
    setattr(g, name, value)
    return value


def _count_update(_st: Store, old: dict[str, int], deltas: list[Delta]) -> dict[str, int]:
    return stats.updated_counts(old, deltas)


def _size_update(_st: Store, old: int, deltas: list[Delta]) -> int:
    return old + sum(d.published_quads for d in deltas)


def vocab() -> Vocab:
    return _cached("vocab", load_vocab, update=update_vocab)


def class_counts() -> dict[str, int]:
    """Instances per class (a scan of every rdf:type), once per store generation / TTL."""
    return _cached("class_counts", stats.class_counts, background=True, update=_count_update)


def triple_count() -> int:
    """The published data's size, drafts left out (O(n) on the embedded store), once per store
    generation / TTL."""
    return _cached("triple_count", lambda st: st.published_triple_count(), background=True, update=_size_update)


#: the values a write brings up to date at once (``follow_write``), with their updates
FOLLOWED: dict[str, Callable[[Store, Any, list[Delta]], Any]] = {
    "vocab": update_vocab,
    "class_counts": _count_update,
    "triple_count": _size_update,
    "label_index": update_label_index,
}


def follow_write() -> None:
    """Called after a request that wrote: the values above that this app holds are brought up to
    date with the write's change now, when the store knows it (never rebuilt here: that waits for
    the next request that needs them), so that the next request finds them ready."""
    st = services().store
    for name, update in FOLLOWED.items():
        found = services().caches.get(name)
        try:
            if found is not None:
                found.follow(st, None, functools.partial(update, st))
        except Exception:  # the write succeeded: the next request that needs the value brings it up to date
            log.exception("following a write in the cached %s failed", name)


MEMO_SIZE = 8  # sorted instance lists kept (class x language x order); roughly 10 MB each for 70k instances (estimate)


def memo(
    name: str, args: Hashable, build: Callable[[], T], update: Callable[[T, list[Delta]], T | None] | None = None
) -> T:
    """``build()`` remembered for ``args`` until the store changes (or, with ``update``, made from
    the old value when the store knows the change), least recently used dropped beyond MEMO_SIZE
    entries. ``build`` must not need the request (it may run in a thread): when only the time
    expired (a store without generation), the old value is served while a thread rebuilds it, as
    the label index does."""
    return cache(f"memo.{name}", MEMO_SIZE).get(store(), args, build, background=True, update=update)


def label_index() -> LabelIndex:
    return _cached("label_index", build_label_index, background=True, update=update_label_index)


def wants_json() -> bool:
    """The JSON twin of a page: asked by a ``.json`` path, ``?format=json`` or Accept."""
    if request.path.endswith(".json") or request.args.get("format") == "json":
        return True
    accept = request.accept_mimetypes
    return accept["application/json"] > accept["text/html"]


def show(template: str, ctx: JSONObject, as_json: bool, status: int = 200) -> Response:
    if as_json:
        resp = jsonify({"lang": lang(), **ctx})
    else:
        resp = Response(render_template(template, **ctx), mimetype="text/html")
    resp.status_code = status
    resp.vary.update(("Accept", "Accept-Language", "Cookie"))
    return resp


def split_suffix(rest: str, candidates: tuple[str, ...]) -> tuple[str, str | None]:
    """``person/x.ttl`` -> (``person/x``, ``ttl``) when the suffix is one of ``candidates`` and
    the full string is not itself a known resource."""
    stem, dot, ext = rest.rpartition(".")
    if dot and ext.lower() in candidates and "/" not in ext:
        full = settings().base_iri + rest
        try:
            if terms.exists(store(), full):
                return rest, None
        except NotFound:
            pass
        return stem, ext.lower()
    return rest, None


def iri_arg() -> str:
    iri = request.args.get("iri", "").strip()
    if not iri:
        raise BadRequest("Give the resource as ?iri=<IRI>.")
    return iri


# -- hooks ------------------------------------------------------------------------------------
