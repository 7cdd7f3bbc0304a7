"""Curation in the browser (/curate): sign in with the update token, list drafts, ingest an
article, review a draft with its facts highlighted in the text, edit, accept or reject it.
Registered only when an update token is configured: a read-only service has none of it (404).

Every action calls the same service as the CLI (server.ingest.workflow, server.ingest.edit), imported
by the first action that needs it (with rdflib and pySHACL: a worker that only answers queries never
holds them).
The session is Flask's signed cookie (``secret_key``), HttpOnly, SameSite=Strict, Secure over
HTTPS; it holds a fingerprint of the update token (a changed token ends every session) and a
per-session CSRF token that every POST must carry in its ``csrf`` field."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import date as Date
from datetime import timedelta

from flask import (
    Blueprint,
    Flask,
    Request,
    Response,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask.sessions import SecureCookieSessionInterface
from werkzeug.wrappers import Response as BaseResponse

from server.browse import curation
from server.browse import search as search_mod
from server.browse.i18n import translator
from server.core.errors import BadRequest, Forbidden, PolicyKGError, ValidationFailed
from server.core.settings import Settings
from server.core.types import JSONObject
from server.protocol.auth import authorize
from server.views.browsing import label_index, lang, linker, vocab
from server.views.context import services, settings, store
from server.views.errors import error_response

bp = Blueprint("curate", __name__, url_prefix="/curate")
LIFETIME = timedelta(hours=12)  # a sign-in lasts this long at most
OPEN = {"curate.sign_in"}  # the only page one sees signed out


class Session(SecureCookieSessionInterface):
    def get_cookie_secure(self, app: Flask) -> bool:
        return request.is_secure  # Secure over HTTPS (behind a TLS proxy that says so), not on plain HTTP


def register(app: Flask, settings: Settings) -> None:
    """The curation pages, on a service with an update token (none on a read-only one)."""
    if not settings.update_token:
        return
    app.secret_key = settings.secret_key or secrets.token_hex(32)
    app.session_interface = Session()
    app.config.update(
        SESSION_COOKIE_NAME="policykg_session",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Strict",
        PERMANENT_SESSION_LIFETIME=LIFETIME,
        SESSION_REFRESH_EACH_REQUEST=False,  # a sign-in lasts LIFETIME from signing in, however used
    )
    app.register_blueprint(bp)


def _fingerprint() -> str:
    """Which update token the session was opened with: keyed with the secret key, so that the
    (readable, signed) cookie gives nothing to guess the token from."""
    key = str(current_app.secret_key).encode() + b"\0" + settings().update_token.encode()
    return hmac.new(key, b"policykg curator", hashlib.sha256).hexdigest()


def signed_in() -> bool:
    return hmac.compare_digest(str(session.get("curator", "")), _fingerprint())


def csrf_token() -> str:
    if "csrf" not in session:
        session["csrf"] = secrets.token_urlsafe(32)
    return str(session["csrf"])


@bp.app_context_processor
def _globals() -> JSONObject:
    return {
        "curation": True,
        "curator": signed_in(),
        "csrf_token": csrf_token,
        "c": translator(lang(), curation.STRINGS),
    }


@bp.before_request
def _guard() -> BaseResponse | None:
    if request.method == "POST":
        given, expected = request.form.get("csrf", ""), session.get("csrf")
        if not given or not expected or not hmac.compare_digest(given.encode(), str(expected).encode()):
            raise Forbidden("The form's CSRF token is missing or wrong; reload the page and send it again.")
    if request.endpoint not in OPEN and not signed_in():
        if request.method == "GET":
            return redirect(url_for("curate.sign_in", next=request.full_path.rstrip("?")), code=303)
        raise Forbidden("Sign in first (/curate/sign-in).")
    return None


@bp.errorhandler(PolicyKGError)
def _error(err: PolicyKGError) -> Response:
    return error_response(err, html_on_post=True)


@bp.after_request
def _private(resp: Response) -> Response:
    resp.headers["Cache-Control"] = "no-store"
    return resp


def page(template: str, status: int = 200, **ctx: object) -> Response:
    return Response(render_template(template, **ctx), status=status, mimetype="text/html")


def _next(req: Request) -> str:
    target = req.values.get("next", "")
    return target if target.startswith("/curate") and not target.startswith("//") else url_for("curate.drafts")


# -- signing in and out -----------------------------------------------------------------------


@bp.route("/sign-in", methods=["GET", "POST"])
def sign_in() -> BaseResponse:
    if request.method == "GET":
        return page("curate_sign_in.html", next=_next(request))
    environ = {"REMOTE_ADDR": request.remote_addr, "HTTP_AUTHORIZATION": "Bearer " + request.form.get("token", "")}
    try:  # the same constant-time check and failure limiter as the bearer token of writes
        authorize(environ, settings().update_token, services().auth_limiter)
    except PolicyKGError as err:
        return page("curate_sign_in.html", status=err.status, error=err.message, next=_next(request))
    session.clear()  # a new session: a new CSRF token
    session.permanent = True
    session["curator"] = _fingerprint()
    return redirect(_next(request), code=303)


@bp.post("/sign-out")
def sign_out() -> BaseResponse:
    session.clear()
    return redirect(request.script_root + "/", code=303)


# -- drafts -----------------------------------------------------------------------------------


@bp.get("")
def drafts() -> Response:
    from server.ingest import workflow

    return page("curate_drafts.html", drafts=workflow.drafts(store(), settings()))


@bp.route("/new", methods=["GET", "POST"])
def new() -> BaseResponse:
    from server.ingest import workflow

    form = request.form.to_dict()
    if request.method == "GET":
        return page("curate_new.html", form=form)
    try:
        text = form.get("text", "")
        upload = request.files.get("file")
        if upload is not None and upload.filename:
            text = workflow.decode_article(upload.read())
        try:
            day = Date.fromisoformat(form.get("date", ""))
        except ValueError:
            raise BadRequest("the date must be YYYY-MM-DD") from None
        result = workflow.ingest(
            store(),
            settings(),
            text,
            day,
            name=form.get("name") or None,
            title=form.get("title") or None,
            url=form.get("url") or None,
        )
    except BadRequest as err:
        return page("curate_new.html", status=err.status, form=form, error=err.message)
    flash(f"Draft {result['name']} made from the article.")
    return redirect(url_for("curate.review", name=result["name"]), code=303)


def _review(name: str, status: int = 200, **extra: object) -> Response:
    from server.ingest import workflow

    _name, iri, g = workflow.load_draft(store(), settings(), name)
    text = workflow.article_text(g) or ""
    summary = workflow.summarise(store(), settings(), g, text)
    facts = curation.facts(summary)
    found: JSONObject | None = None
    find = request.args.get("find", "")
    if request.method == "GET" and find and request.args.get("q", "").strip():
        found = search_mod.search(
            store(), request.args["q"], index=label_index(), linker=linker(), vocab=vocab(), lang=lang(), limit=10
        )
    return page(
        "curate_review.html",
        status,
        name=_name,
        draft=iri,
        summary=summary,
        facts=facts,
        groups={g_: [f for f in facts if f["group"] == g_] for g_ in curation.GROUPS},
        segments=curation.segments(text, facts),
        find=find,
        q=request.args.get("q", ""),
        found=found,
        **extra,
    )


@bp.get("/drafts/<name>")
def review(name: str) -> Response:
    return _review(name)


def _done(name: str, message: str, anchor: str = "") -> BaseResponse:
    flash(message)
    return redirect(url_for("curate.review", name=name) + (f"#{anchor}" if anchor else ""), code=303)


@bp.post("/drafts/<name>/drop")
def drop(name: str) -> BaseResponse:
    from server.ingest import edit

    result = edit.drop(store(), settings(), name, request.form.get("fact", ""))
    return _done(name, f"Dropped <{result['dropped']}>.")


@bp.post("/drafts/<name>/relabel")
def relabel(name: str) -> BaseResponse:
    from server.ingest import edit

    f = request.form
    result = edit.relabel(store(), settings(), name, f.get("fact", ""), f.get("label", ""), f.get("lang", "ru"))
    return _done(name, f"Relabelled <{result['relabelled']}>: {result['label']}", f.get("anchor", ""))


@bp.post("/drafts/<name>/reclass")
def reclass(name: str) -> BaseResponse:
    from server.ingest import edit

    f = request.form
    result = edit.reclass(store(), settings(), name, f.get("fact", ""), f.get("class", ""))
    return _done(name, f"<{result['reclassed']}> is now a <{result['class']}>.", f.get("anchor", ""))


@bp.post("/drafts/<name>/relink")
def relink(name: str) -> BaseResponse:
    from server.ingest import edit

    f = request.form
    result = edit.relink(store(), settings(), name, f.get("fact", ""), f.get("target", ""))
    return _done(name, f"<{result['relinked']}> is now <{result['target']}>.")


@bp.post("/drafts/<name>/accept")
def accept(name: str) -> BaseResponse:
    from server.ingest import workflow

    review = workflow.review(store(), settings(), name)
    try:
        result = workflow.accept(store(), settings(), name, replace=request.form.get("replace") == "1")
    except ValidationFailed as err:
        return _review(name, err.status, refused=err)
    except BadRequest as err:  # the reviewed graph exists: offer to replace it
        return _review(name, err.status, refused=err, offer_replace=True)
    facts = curation.facts(review["summary"])
    for f in facts:
        f["href"] = linker().page(f["iri"])
    return page("curate_accepted.html", result=result, facts=facts, name=review["name"])


@bp.post("/drafts/<name>/reject")
def reject(name: str) -> BaseResponse:
    from server.ingest import workflow

    result = workflow.reject(store(), settings(), name)
    flash(f"Rejected <{result['rejected']}>.")
    return redirect(url_for("curate.drafts"), code=303)
