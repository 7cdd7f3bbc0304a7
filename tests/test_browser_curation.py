"""A curator's walk in a real Chromium (Playwright, Debian's chromium, never `playwright
install`): sign in, upload a real news article, read the draft with its highlighted mentions,
drop a fact, link one to a reviewed resource, accept, find the facts on the resource pages,
sign out."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT, TOKEN
from test_browser_e2e import browser, shot  # noqa: F401 - the browser fixture, shared

pytestmark = pytest.mark.browser

ARTICLE = ROOT / "tests" / "fixtures" / "news" / "dev" / "01-tass-frp-2080-projects.txt"
BASE = "http://localhost:8000/id/"
FUND = BASE + "org/industrial-development-fund"
PERSON = BASE + "person/petrutsa-roman"
AMOUNT = BASE + "amount/frp-2"
KOZLOVSKY = BASE + "person/kozlovsky-aleksandr"


def fact(page, iri: str):
    return page.locator(f'article.fact[data-iri="{iri}"]')


def test_curator_walkthrough(browser, live_server, store):  # noqa: F811 - the fixture imported above
    text = ARTICLE.read_text(encoding="utf-8")
    page = browser.new_page(viewport={"width": 1400, "height": 1000}, locale="en-GB")
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    url = live_server.url

    # sign in from the link in the header
    page.goto(url + "/")
    page.locator("a.curate-link").click()
    page.wait_for_url(re.compile(r"/curate/sign-in"))
    page.fill("form.sign-in-form input[name=token]", TOKEN)
    page.locator("form.sign-in-form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/curate$"))
    assert page.locator("p.no-drafts").is_visible()
    cookie = next(c for c in page.context.cookies() if c["name"] == "policykg_session")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict"

    # upload the article
    page.locator(".curate-bar a[href='/curate/new']").click()
    page.set_input_files("form.new-form input[name=file]", str(ARTICLE))
    page.fill("form.new-form input[name=date]", "2026-01-09")
    page.fill("form.new-form input[name=title]", "ФРП: более 2080 проектов")
    page.fill("form.new-form input[name=url]", "https://tass.ru/ekonomika/0000000")
    page.fill("form.new-form input[name=name]", "frp")
    page.locator("form.new-form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/curate/drafts/frp$"), timeout=120_000)
    shot(page, "curate-01-draft")

    # every highlight is the text at its offsets; the mentions of the facts are among them
    marks = page.locator("div.article-text mark.hl")
    assert marks.count() > 10
    for i in range(marks.count()):
        m = marks.nth(i)
        start, end = int(m.get_attribute("data-start")), int(m.get_attribute("data-end"))
        assert m.text_content() == text[start:end]
    assert page.locator("div.article-text").text_content() == text  # nothing added or lost
    person_quotes = fact(page, PERSON).locator("a.quote")
    assert person_quotes.count() >= 1
    for i in range(person_quotes.count()):
        q = person_quotes.nth(i)
        start = q.get_attribute("data-start")
        covered = page.locator(f"mark#at-{start}")
        assert covered.count() == 1 and "Петруц" in q.text_content()
    assert page.locator("article.fact.fact-flagged").count() > 0
    assert page.locator("article.fact.fact-linked").count() > 0  # Minpromtorg is in the reviewed data
    assert fact(page, AMOUNT).locator("p.note").count() > 0

    # drop one fact
    fact(page, AMOUNT).locator("form.drop-form button").click()
    page.wait_for_load_state()
    assert page.locator("ul.flashes").inner_text().startswith("Dropped")
    assert fact(page, AMOUNT).count() == 0

    # link the person to a resource of the reviewed data, found with the search box
    fact(page, PERSON).locator("form.find-form input[name=q]").fill("Козловский")
    fact(page, PERSON).locator("form.find-form button").click()
    page.wait_for_url(re.compile(r"find="))
    candidates = fact(page, PERSON).locator("ol.link-candidates form.relink-form")
    assert candidates.count() >= 1
    fact(page, PERSON).locator(f'form.relink-form:has(input[name=target][value="{KOZLOVSKY}"]) button').click()
    page.wait_for_load_state()
    assert fact(page, PERSON).count() == 0
    assert fact(page, KOZLOVSKY).get_attribute("class") == "fact fact-linked"
    shot(page, "curate-02-edited")

    # accept: the facts are published, on their resource pages
    page.locator("form.accept-form button").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Accepted"
    assert page.locator("p.accepted-meta").inner_text().count(BASE + "graph/frp") == 1
    page.locator("ul.accepted-facts a.fact-page[href='/page/org/industrial-development-fund']").click()
    page.wait_for_url(re.compile(r"/page/org/industrial-development-fund"))
    assert page.locator("h1").inner_text() == "Industrial Development Fund"  # en: the browser asked for it
    page.goto(url + "/page/person/kozlovsky-aleksandr")
    quotes = page.locator("blockquote.quote").all_text_contents()
    assert any("Петруц" in q for q in quotes)
    page.goto(url + "/page/amount/frp-1")
    assert page.locator("h1").is_visible()
    assert page.goto(url + "/page/amount/frp-2").status == 404  # dropped

    # sign out: the curation pages are closed again
    page.goto(url + "/curate")
    page.locator("form.sign-out-form button").click()
    page.wait_for_url(re.compile(r"/$"))
    assert page.locator("a.curate-link").inner_text() == "Sign in"
    page.goto(url + "/curate")
    page.wait_for_url(re.compile(r"/curate/sign-in"))
    assert dialogs == []
