"""Curation pages over real HTTP (a plain client): the session cookie, CSRF on every form, the
sign-in limiter, a refused accept showing the SHACL report, and nothing of it on a read-only
service. Every refused request leaves the stored data as it was. (The walk through the pages in
a real browser is tests/test_browser_curation.py.)"""

from __future__ import annotations

import datetime
import re

import pytest
import requests
from conftest import ROOT, TOKEN

from server.ingest import workflow

ARTICLE = ROOT / "tests" / "fixtures" / "news" / "dev" / "01-tass-frp-2080-projects.txt"
BASE = "http://localhost:8000/id/"
FUND = BASE + "org/industrial-development-fund"
PERSON = BASE + "person/petrutsa-roman"
CSRF = re.compile(r'name="csrf" value="([^"]+)"')
HTML = {"Accept": "text/html"}


def csrf_of(resp: requests.Response) -> str:
    found = CSRF.search(resp.text)
    assert found, resp.text[:500]
    return found.group(1)


def sign_in(url: str, token: str = TOKEN) -> tuple[requests.Session, str]:
    s = requests.Session()
    csrf = csrf_of(s.get(url + "/curate/sign-in"))
    r = s.post(url + "/curate/sign-in", data={"csrf": csrf, "token": token}, allow_redirects=False)
    assert r.status_code == 303 and r.headers["Location"].endswith("/curate"), r.text
    page = s.get(url + "/curate")
    assert page.status_code == 200 and "sign-out-form" in page.text
    return s, csrf_of(page)


def snapshot(store) -> list[str]:
    return sorted(map(str, store.quads(None)))


@pytest.fixture
def drafted(store, settings):
    workflow.ingest(store, settings, ARTICLE.read_text(encoding="utf-8"), datetime.date(2026, 1, 9), name="frp")
    return store


def test_sign_in_sets_a_strict_httponly_cookie_and_sign_out_ends_it(live_server):
    s = requests.Session()
    assert "curate-link" in s.get(live_server.url + "/").text  # the way in, on a writable service
    ru = s.get(live_server.url + "/curate/sign-in", headers={"Accept-Language": "ru"}).text
    assert "<h1>Вход для редактора</h1>" in ru and ">Войти</button>" in ru
    r = s.get(live_server.url + "/curate", allow_redirects=False)
    assert r.status_code == 303 and "/curate/sign-in" in r.headers["Location"]
    csrf = csrf_of(s.get(live_server.url + "/curate/sign-in"))
    r = s.post(live_server.url + "/curate/sign-in", data={"csrf": csrf, "token": TOKEN}, allow_redirects=False)
    cookie = r.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and TOKEN not in cookie
    page = s.get(live_server.url + "/curate")
    assert page.status_code == 200 and page.headers["Cache-Control"] == "no-store"
    r = s.post(live_server.url + "/curate/sign-out", data={"csrf": csrf_of(page)}, allow_redirects=False)
    assert r.status_code == 303
    assert s.get(live_server.url + "/curate", allow_redirects=False).status_code == 303


def test_a_wrong_token_is_refused_and_limited(live_server):
    s = requests.Session()
    csrf = csrf_of(s.get(live_server.url + "/curate/sign-in"))
    statuses = [
        s.post(live_server.url + "/curate/sign-in", data={"csrf": csrf, "token": "nope"}).status_code for _ in range(11)
    ]
    assert statuses[:10] == [403] * 10 and statuses[10] == 429
    assert s.get(live_server.url + "/curate", allow_redirects=False).status_code == 303  # still signed out


FORMS = [
    ("/curate/sign-in", {"token": TOKEN}),
    ("/curate/sign-out", {}),
    ("/curate/new", {"text": ARTICLE.read_text(encoding="utf-8"), "date": "2026-01-09", "name": "other"}),
    ("/curate/drafts/frp/drop", {"fact": PERSON}),
    ("/curate/drafts/frp/relabel", {"fact": PERSON, "label": "X", "lang": "ru"}),
    ("/curate/drafts/frp/reclass", {"fact": FUND, "class": "Association"}),
    ("/curate/drafts/frp/relink", {"fact": PERSON, "target": BASE + "person/kozlovsky-aleksandr"}),
    ("/curate/drafts/frp/accept", {}),
    ("/curate/drafts/frp/reject", {}),
]


@pytest.mark.parametrize("path, data", FORMS, ids=[p for p, _ in FORMS])
def test_every_form_is_refused_without_its_csrf_token(live_server, drafted, path, data):
    s, csrf = sign_in(live_server.url)
    before = snapshot(drafted)
    for token in (None, "", "wrong-" + csrf, sign_in(live_server.url)[1]):  # missing, empty, wrong, another session's
        form = data if token is None else {**data, "csrf": token}
        r = s.post(live_server.url + path, data=form, allow_redirects=False)
        assert r.status_code == 403, (path, token, r.text[:300])
        assert r.json()["error"]["code"] == "forbidden" and "CSRF" in r.json()["error"]["message"]
    page = s.post(live_server.url + path, data=data, headers=HTML)
    assert page.status_code == 403 and "error-box" in page.text  # a browser gets the error page
    assert snapshot(drafted) == before
    assert s.get(live_server.url + "/curate", allow_redirects=False).status_code == 200  # still signed in


def test_signed_out_posts_are_refused(live_server, drafted):
    s = requests.Session()
    csrf = csrf_of(s.get(live_server.url + "/curate/sign-in"))  # a session with a CSRF token, not signed in
    before = snapshot(drafted)
    for path, data in FORMS[2:]:
        r = s.post(live_server.url + path, data={**data, "csrf": csrf}, allow_redirects=False)
        assert r.status_code == 403 and "Sign in" in r.json()["error"]["message"], path
    assert snapshot(drafted) == before


def test_a_refused_accept_shows_the_shacl_report(live_server, drafted):
    s, csrf = sign_in(live_server.url)
    # an organisation made an instrument: it has no pkg:instrumentType, a SHACL violation
    r = s.post(
        live_server.url + "/curate/drafts/frp/reclass", data={"csrf": csrf, "fact": FUND, "class": "PolicyInstrument"}
    )
    assert r.status_code == 200 and r.url.endswith("/curate/drafts/frp")
    before = snapshot(drafted)
    r = s.post(live_server.url + "/curate/drafts/frp/accept", data={"csrf": csrf}, headers=HTML)
    assert r.status_code == 400
    rows = re.findall(r'<tr class="shacl-result">(.*?)</tr>', r.text, re.DOTALL)
    assert any(FUND in row and "instrumentType" in row for row in rows), r.text[:2000]
    assert snapshot(drafted) == before


def test_edits_with_bad_input_answer_4xx_and_change_nothing(live_server, drafted):
    s, csrf = sign_in(live_server.url)
    before = snapshot(drafted)
    for path, data, status in (
        ("/curate/drafts/frp/relink", {"fact": PERSON, "target": "not an iri"}, 400),
        ("/curate/drafts/frp/relink", {"fact": PERSON, "target": BASE + "nothing"}, 404),
        ("/curate/drafts/frp/relabel", {"fact": BASE + "org/minpromtorg", "label": "x"}, 400),
        ("/curate/drafts/nodraft/drop", {"fact": PERSON}, 404),
        ("/curate/new", {"text": "no cyrillic here", "date": "2026-01-09"}, 400),
        ("/curate/new", {"text": "Текст", "date": "yesterday"}, 400),
    ):
        r = s.post(live_server.url + path, data={**data, "csrf": csrf}, headers=HTML, allow_redirects=False)
        assert r.status_code == status, (path, r.text[:300])
    assert snapshot(drafted) == before


def test_a_read_only_service_has_no_curation(readonly_server):
    url = readonly_server.url
    assert "curate-link" not in requests.get(url + "/").text
    for path in ("/curate", "/curate/sign-in", "/curate/new", "/curate/drafts/x"):
        assert requests.get(url + path, allow_redirects=False).status_code == 404, path
    for path, data in FORMS:
        assert requests.post(url + path, data=data, allow_redirects=False).status_code == 404, path
    assert "Set-Cookie" not in requests.get(url + "/").headers
