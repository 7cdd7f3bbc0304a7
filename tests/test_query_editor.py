"""The query page's editor (YASGUI, vendored under server/static/yasgui/) in a real Chromium,
and its plain-form fallback without JavaScript. Same browser setup as test_browser_e2e.py
(Debian's chromium through Playwright, never `playwright install`)."""

from __future__ import annotations

import json
import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from test_browser_e2e import ARGS, chromium_path, shot

pytestmark = pytest.mark.browser

QUERY = (
    "PREFIX pkg: <https://w3id.org/policykg/ontology/>\n"
    "SELECT ?instrument WHERE { ?instrument a pkg:PreferentialLoanProgramme } ORDER BY ?instrument"
)
INSTRUMENT = "http://localhost:8000/id/instrument/capital-investment-preferential-lending"


@pytest.fixture(scope="module")
def chromium():
    path = chromium_path()
    if path is None:
        pytest.skip("chromium is not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=ARGS)
        yield b
        b.close()


class Watched:
    """A page whose every request, console error, page error and CSP violation is recorded."""

    def __init__(self, browser, **options):
        self.context = browser.new_context(**options)
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.add_init_script(
            "document.addEventListener('securitypolicyviolation', e => "
            "console.error('CSP violation', e.effectiveDirective, e.sourceFile))"
        )
        self.posts: list[str] = []  # the bodies sent to /sparql
        self.page.on("request", self._request)
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _request(self, request) -> None:
        self.requests.append(request.url)
        if request.method == "POST" and urlsplit(request.url).path == "/sparql":
            self.posts.append(request.post_data or "")

    def hosts(self) -> set[str]:
        return {urlsplit(u).hostname for u in self.requests if not u.startswith(("data:", "blob:"))}


EDITOR = "[...document.querySelectorAll('#query-editor .CodeMirror')].find(e => e.offsetParent).CodeMirror"


def editor_value(page, text: str | None = None) -> str:
    """The text of the active tab's editor (after setting it to ``text``)."""
    if text is not None:
        page.evaluate(f"t => {EDITOR}.setValue(t)", text)
    return page.evaluate(f"() => {EDITOR}.getValue()")


def test_editor_loads_offline_runs_a_query_and_links_to_resource_pages(chromium, readonly_server):
    w = Watched(chromium, viewport={"width": 1280, "height": 1000}, locale="en-GB")
    page = w.page
    page.goto(readonly_server.url + "/query?lang=en")
    page.wait_for_selector("#query-editor .CodeMirror")
    assert page.locator("form.query-form").is_hidden()  # YASGUI took the plain form's place
    # the ontology's prefixes are preset in a new query
    assert "PREFIX pkg: <https://w3id.org/policykg/ontology/>" in editor_value(page)
    # completion from the local ontology, no LOV
    editor_value(page, "PREFIX pkg: <https://w3id.org/policykg/ontology/>\nSELECT * WHERE { ?x a pkg:PolicyIn")
    page.evaluate(f"() => {{ const cm = {EDITOR}; cm.focus(); cm.setCursor({{line: 1, ch: 100}}); }}")
    page.keyboard.press("Control+Space")
    page.wait_for_selector(".CodeMirror-hints li")
    assert "pkg:PolicyInstrument" in page.locator(".CodeMirror-hints li").all_inner_texts()
    page.keyboard.press("Escape")

    editor_value(page, QUERY)
    page.click("#query-editor .yasqe_queryButton")
    page.wait_for_selector("#query-editor .yasr a.iri")
    cells = page.locator("#query-editor .yasr table.dataTable tbody a.iri")
    hrefs = [cells.nth(i).get_attribute("href") for i in range(cells.count())]
    assert INSTRUMENT in hrefs
    # downloads of that query in every result format, from /sparql
    links = page.locator(".editor-downloads a")
    assert links.all_inner_texts() == ["json", "csv", "tsv", "xml"]
    assert all(a.startswith("/sparql?query=") for a in [links.nth(i).get_attribute("href") for i in range(4)])
    shot(page, "20-query-editor")

    page.locator(f"#query-editor .yasr a.iri[href='{INSTRUMENT}']").click()
    page.wait_for_url(re.compile(r"/page/instrument/capital-investment-preferential-lending$"))
    assert page.locator("h1").inner_text().startswith("Preferential lending")
    assert page.locator("svg.timeline-svg a.change").count() == 1  # its timeline rendered

    assert w.hosts() == {"127.0.0.1"}, w.requests
    assert w.errors == []
    w.context.close()


def test_named_queries_open_in_tabs_and_url_queries_run(chromium, readonly_server):
    w = Watched(chromium, locale="en-GB")
    page = w.page
    page.goto(readonly_server.url + "/query?" + "lang=en&query=ASK%20%7B%20%3Fs%20%3Fp%20%3Fo%20%7D")
    page.wait_for_selector("#query-editor .yasr .booleanResult, #query-editor .yasr :text('true')")
    assert "ASK { ?s ?p ?o }" in editor_value(page)
    assert page.locator("section.results").is_hidden()  # the server-rendered copy gives way
    assert [parse_qs(body) for body in w.posts] == [{"query": ["ASK { ?s ?p ?o }"]}]  # no lang= for the endpoint
    assert page.locator(".tabsList .tab").count() == 1  # the starting tab took the query
    page.evaluate("document.querySelector('details.examples').open = true")
    example = page.locator("a.example").first
    title = example.inner_text()
    example.click()
    assert page.locator(".tabsList .tab.active").inner_text().strip().startswith(title)
    assert editor_value(page).startswith("# title@en")
    assert w.hosts() == {"127.0.0.1"}, w.requests
    assert w.errors == []
    w.context.close()


def test_without_javascript_the_plain_form_works(chromium, readonly_server):
    w = Watched(chromium, java_script_enabled=False, locale="en-GB")
    page = w.page
    page.goto(readonly_server.url + "/query?lang=en")
    assert page.locator("form.query-form textarea").is_visible()
    assert page.locator("#query-editor").is_hidden()
    page.fill("form.query-form textarea", QUERY)
    page.click("form.query-form button[type=submit]")
    page.wait_for_url(re.compile(r"/query\?query="))
    cells = page.locator("table.results-table tbody td a")
    assert "Preferential lending under the capital investment programme" in cells.all_inner_texts()
    assert page.locator("p.downloads a").all_inner_texts() == ["json", "csv", "tsv", "xml"]
    assert w.hosts() == {"127.0.0.1"}
    w.context.close()


def test_query_page_csp_lets_only_style_elements_inline(readonly_client):
    csp = readonly_client.get("/query").headers["Content-Security-Policy"]
    assert "script-src 'self';" in csp and "style-src 'self';" in csp
    assert "style-src-elem 'self' 'unsafe-inline'" in csp
    assert "unsafe-eval" not in csp
    other = readonly_client.get("/").headers["Content-Security-Policy"]
    assert "unsafe-inline" not in other


def test_query_page_ships_its_editor_configuration_as_json(readonly_client):
    html = readonly_client.get("/query").get_data(as_text=True)
    attr = re.search(r'<div id="query-editor" data-config="([^"]*)"', html).group(1)
    cfg = json.loads(unescape(attr))
    assert cfg["endpoint"] == "/sparql"
    assert cfg["prefixes"]["pkg"] == "https://w3id.org/policykg/ontology/"
    assert "https://w3id.org/policykg/ontology/PolicyInstrument" in cfg["classes"]
    assert "https://w3id.org/policykg/ontology/proposedBy" in cfg["properties"]
    assert "https://w3id.org/policykg/ontology/PolicyInstrument" not in cfg["properties"]
    for path in ("/static/yasgui/yasgui.min.js", "/static/yasgui/yasgui.min.css", "/static/query-editor.js"):
        assert f'"{path}"' in html
        assert readonly_client.get(path).status_code == 200
