"""The browser's request helpers: language, linker, the store-generation caches, rendering, IRI arguments."""
from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from typing import Any

from flask import Response, current_app, g, jsonify, render_template, request

from server.protocol import formats
from server.browse import pages, terms
from server.browse.labels import build as build_label_index
from server.browse.terms import Linker, load_vocab
from server.core.errors import BadRequest, NotFound
from server.browse.i18n import COOKIE, pick_language
from server.views.context import settings, store

log = logging.getLogger(__name__)

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'"
)
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


CACHE_TTL = 60.0  # seconds; writes made by other processes are seen after at most this long


def _cached(name: str, build: Any, *, background: bool = False) -> Any:
    """One per-app copy of something built from the whole store (the vocabulary's labels, the
    label index), rebuilt when this process writes the store or after CACHE_TTL (writes by other
    processes). With ``background`` the TTL refresh runs in a thread while the old copy keeps
    being served, so only the first build and this process's own writes make a request wait."""
    if name in g:
        return getattr(g, name)
    st = store()
    key = (id(st), getattr(st, "generation", None), int(time.monotonic() // CACHE_TTL))
    slot = f"policykg.browse.{name}"
    ext = current_app.extensions
    cached = ext.get(slot)
    # this process's own writes are seen at once; only the TTL refresh happens in the background
    if cached is None or (cached[0] != key and (not background or cached[0][:2] != key[:2])):
        cached = ext[slot] = (key, build(st))
    elif cached[0] != key:
        lock = ext.setdefault(slot + ".lock", threading.Lock())
        if lock.acquire(blocking=False):

            def refresh() -> None:
                try:
                    ext[slot] = (key, build(st))
                except Exception:  # keep serving the old copy
                    log.exception("rebuilding %s failed", name)
                finally:
                    lock.release()

            threading.Thread(target=refresh, name=f"policykg-{name}", daemon=True).start()
    setattr(g, name, cached[1])
    return cached[1]


def vocab():
    return _cached("vocab", load_vocab)


def class_counts() -> dict[str, int]:
    """Instances per class (a scan of every rdf:type), once per store generation / TTL."""
    return _cached("class_counts", pages.class_counts, background=True)


def triple_count() -> int:
    """The published data's size, drafts left out (O(n) on the embedded store), once per store
    generation / TTL."""
    return _cached("triple_count", lambda st: st.published_triple_count(), background=True)


MEMO_SIZE = 8  # sorted instance lists kept (class x language x order); roughly 10 MB each for 70k instances (estimate)
_MEMO_LOCK = threading.Lock()


def memo(name: str, args: tuple, build: Any) -> Any:
    """``build()`` remembered for ``args`` until the store changes (the key of ``_cached``),
    least recently used dropped beyond MEMO_SIZE entries. ``build`` must not need the request
    (it may run in a thread): when only the TTL expired (writes by other processes), the old
    value is served while a thread rebuilds it, as the label index does."""
    st = store()
    key = (id(st), getattr(st, "generation", None), int(time.monotonic() // CACHE_TTL))
    ext = current_app.extensions
    slot = f"policykg.browse.memo.{name}"
    with _MEMO_LOCK:
        entries = ext.setdefault(slot, OrderedDict())
        found = entries.get(args)
        if found is not None and found[0][:2] == key[:2]:
            entries.move_to_end(args)
            if found[0] != key and not found[2].locked():
                lock = found[2]
                lock.acquire()

                def refresh() -> None:
                    try:
                        value = build()
                        with _MEMO_LOCK:
                            if args in entries:
                                entries[args] = (key, value, lock)
                    except Exception:  # keep serving the old copy
                        log.exception("rebuilding %s failed", name)
                    finally:
                        lock.release()

                threading.Thread(target=refresh, name=f"policykg-{name}", daemon=True).start()
            return found[1]
    value = build()
    with _MEMO_LOCK:
        entries[args] = (key, value, threading.Lock())
        for old in [a for a, v in entries.items() if v[0][:2] != key[:2]]:
            del entries[old]  # built before a write: never served again
        while len(entries) > MEMO_SIZE:
            entries.popitem(last=False)
    return value


def label_index():
    return _cached("label_index", build_label_index, background=True)


def wants_json() -> bool:
    """The JSON twin of a page: asked by a ``.json`` path, ``?format=json`` or Accept."""
    if request.path.endswith(".json") or request.args.get("format") == "json":
        return True
    accept = request.accept_mimetypes
    return accept["application/json"] > accept["text/html"]


def show(template: str, ctx: dict[str, Any], as_json: bool, status: int = 200) -> Response:
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
