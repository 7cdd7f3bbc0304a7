"""End-to-end: the browser in a real Chromium (Playwright, Debian's chromium package).

Never runs `playwright install`: it drives the system chromium. Skipped when chromium is
missing, unless POLICYKG_REQUIRE_BROWSER=1 (CI), where a missing browser is a failure.
Screenshots go to tests/artifacts/ (gitignored).
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from urllib.parse import urlencode

import pyoxigraph as ox
import pytest

from server.core.namespaces import PKG

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
BASE = "http://localhost:8000/id/"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
XSS_DATA = f"""
<{BASE}test/xss> a <{PKG}Person> ;
  <http://www.w3.org/2000/01/rdf-schema#label> "<script>window.__xss=1;alert(1)</script> Evil"@en ,
     "<img src=x onerror=\\"window.__xss=2;alert(2)\\"> Злой"@ru .
"""


def chromium_path() -> str | None:
    return shutil.which("chromium") or (("/usr/bin/chromium") if Path("/usr/bin/chromium").exists() else None)


@pytest.fixture
def browser():
    path = chromium_path()
    if path is None:
        if os.environ.get("POLICYKG_REQUIRE_BROWSER") == "1":
            pytest.fail("chromium is not installed but POLICYKG_REQUIRE_BROWSER=1")
        pytest.skip("chromium is not installed (apt-get install chromium); set POLICYKG_REQUIRE_BROWSER=1 to fail")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=ARGS)
        yield b
        b.close()


def shot(page, name: str, full_page: bool = True) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


def test_journalist_walkthrough(browser, live_server, store):
    store.load(XSS_DATA.encode(), ox.RdfFormat.TURTLE, BASE + "graph/test-xss")
    page = browser.new_page(viewport={"width": 1280, "height": 1000}, locale="ru-RU")
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    url = live_server.url

    # home -> search "Козловский"
    page.goto(url + "/")
    assert page.locator("html").get_attribute("lang") == "ru"
    assert page.locator("ul.entry-points a").count() == 6
    shot(page, "01-home")
    page.fill("form.big-search input[name=q]", "Козловский")
    page.press("form.big-search input[name=q]", "Enter")
    page.wait_for_url(re.compile(r"/search\?q="))
    first = page.locator("li.hit a.hit-label").first
    assert first.inner_text() == "Александр Козловский"
    shot(page, "02-search")

    # his page, with its neighbourhood picture
    first.click()
    page.wait_for_url(re.compile(r"/page/person/kozlovsky-aleksandr"))
    assert page.locator("h1").inner_text() == "Александр Козловский"
    assert page.locator("svg.graph-svg a").count() > 5
    shot(page, "03-kozlovsky-ru")

    # follow a link to a proposal and read the quote
    page.locator("table.props a[href^='/page/proposal/']").first.click()
    page.wait_for_url(re.compile(r"/page/proposal/"))
    quote_el = page.locator("blockquote.quote").first
    assert quote_el.is_visible() and len(quote_el.inner_text()) > 20
    assert page.locator(".evidence .badge").first.is_visible()
    shot(page, "04-proposal")

    # switch language (remembered by the cookie on the next page)
    page.locator("a.lang-link[hreflang=en]").click()
    page.wait_for_url(re.compile(r"lang=en"))
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("section.evidence-list h2").inner_text() == "Evidence"
    page.goto(url + "/page/person/kozlovsky-aleksandr")
    assert page.locator("h1").inner_text() == "Aleksandr Kozlovsky"
    page.set_viewport_size({"width": 1280, "height": 1100})
    readme = shot(page, "resource-page", full_page=False)

    # query page: run a query in the editor (YASGUI; the plain form is tested in test_query_editor.py), click a result
    page.locator("nav.main-nav a[href='/query']").click()
    assert page.locator("a.example").count() > 0
    page.wait_for_selector("#query-editor .CodeMirror")
    page.evaluate(
        "q => document.querySelector('#query-editor .CodeMirror').CodeMirror.setValue(q)",
        f"SELECT ?person WHERE {{ ?person a <{PKG}Person> }} ORDER BY ?person",
    )
    page.locator("#query-editor .yasqe_queryButton").click()
    page.wait_for_selector("#query-editor .yasr a.iri")
    assert page.locator("#query-editor .yasr tbody tr").count() >= 2
    shot(page, "05-query")
    page.locator("#query-editor .yasr a.iri").first.click()
    page.wait_for_url(re.compile(r"/page/"))
    assert page.locator("h1").inner_text()

    # hostile labels render as text and never run
    for path in (
        "/page/test/xss?lang=en",
        "/page/test/xss?lang=ru",
        "/search?" + urlencode({"q": "evil"}),
        "/class?" + urlencode({"iri": PKG + "Person"}),
    ):
        page.goto(url + path)
        assert page.evaluate("window.__xss === undefined"), path
    page.goto(url + "/page/test/xss?lang=en")
    assert page.locator("h1").inner_text().startswith("<script>")
    shot(page, "06-xss")
    assert dialogs == []
    assert readme.stat().st_size > 10_000
