"""Timelines on resource pages (server.browse.timeline): an instrument's parameter values as an
SVG chart and the proposals targeting it by date; an agent's statements and proposals by date.
Read from the server-rendered HTML (the SVG parsed as XML), no browser needed."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pyoxigraph as ox

from server.browse import timeline
from server.core.namespaces import PKG

BASE = "http://localhost:8000/id/"
INSTRUMENT = "instrument/capital-investment-preferential-lending"
SVG = "{http://www.w3.org/2000/svg}"


class Entries(HTMLParser):
    """The <li class="timeline-entry"> items of each <ol class="timeline ...">: date, kind, label."""

    def __init__(self) -> None:
        super().__init__()
        self.lists: dict[str, list[dict[str, str]]] = {}
        self._list: str | None = None
        self._label = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if tag == "ol" and "timeline" in classes:
            self._list = classes[1]
            self.lists[self._list] = []
        elif tag == "li" and "timeline-entry" in classes and self._list:
            kind = next(c[5:] for c in classes if c.startswith("kind-"))
            self.lists[self._list].append({"date": a["data-date"], "kind": kind, "label": ""})
        elif tag == "a" and "entry-label" in classes:
            self._label = True

    def handle_endtag(self, tag):
        if tag == "ol":
            self._list = None
        elif tag == "a":
            self._label = False

    def handle_data(self, data):
        if self._label and self._list:
            self.lists[self._list][-1]["label"] += data


def entries(html: str) -> dict[str, list[dict[str, str]]]:
    p = Entries()
    p.feed(html)
    return p.lists


def svg(html: str) -> ET.Element:
    start = html.index('<svg class="timeline-svg"')
    return ET.fromstring(html[start : html.index("</svg>", start) + len("</svg>")])


def test_instrument_chart_shows_the_seed_change(readonly_client):
    html = readonly_client.get(f"/page/{INSTRUMENT}?lang=en").get_data(as_text=True)
    root = svg(html)  # well-formed XML: every label escaped
    changes = root.findall(f"{SVG}a[@class='change']")
    assert len(changes) == 1
    change = changes[0]
    assert (change.get("data-date"), change.get("data-from"), change.get("data-to"), change.get("data-currency")) == (
        "2026-01-27",
        "2000000000",
        "500000000",
        "RUB",
    )
    values = {t.get("class"): t.text for t in change.findall(f"{SVG}text")}
    assert values == {"value value-from": "2 bn RUB", "value value-to": "500 m RUB"}
    assert [t.text for t in root.findall(f"{SVG}text[@class='date']")] == ["2026-01-27"]
    # the old value is drawn above the new one (SVG y grows downwards)
    step = change.find(f"{SVG}line")
    assert float(step.get("y1")) < float(step.get("y2"))
    assert change.get("href") == "/page/change/capital-investment-lending-minimum-threshold"


def test_instrument_lists_the_proposals_targeting_it_in_date_order(readonly_client):
    html = readonly_client.get(f"/page/{INSTRUMENT}?lang=en").get_data(as_text=True)
    proposals = entries(html)["proposals"]
    labels = [p["label"] for p in proposals]
    assert (
        "Lower the minimum preferential lending threshold under the capital investment programme from 2 bn to 500 m roubles"
        in labels
    )
    assert all(p["kind"] == "targeting" for p in proposals)
    assert [p["date"] for p in proposals] == sorted(p["date"] for p in proposals)
    assert all(p["date"] == "2026-01-27" for p in proposals)  # the event where they were discussed
    section = html[html.index('class="timeline-targeted"') :]
    assert "Mikhail Labudin" in section.split("</section>")[0]  # proposer
    assert "/page/source/article-2026-01-27" in section.split("</section>")[0]  # source


def test_person_and_organisation_list_statements_and_proposals_by_date(readonly_client):
    person = entries(readonly_client.get("/page/person/kozlovsky-aleksandr?lang=en").get_data(as_text=True))["activity"]
    kinds = {e["kind"] for e in person}
    assert kinds == {"statement", "proposed"}
    assert [e["date"] for e in person] == sorted(e["date"] for e in person)
    assert "Kozlovsky reported in his Telegram channel" not in [e["label"] for e in person]  # the authors said it
    org = entries(readonly_client.get("/page/org/akit?lang=en").get_data(as_text=True))["activity"]
    assert {e["kind"] for e in org} == {"proposed"}
    assert "Extend reduced insurance contributions to SPIC 2.0 projects" in [e["label"] for e in org]


def test_later_changes_join_in_date_order_and_labels_are_escaped(client, store):
    evil = "<script>alert(1)</script> threshold"
    store.load(
        f"""@prefix pkg: <{PKG}> . @prefix dcterms: <http://purl.org/dc/terms/> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        <{BASE}proposal/later> a pkg:Proposal ; rdfs:label "{evil}"@en ; pkg:targets <{BASE}{INSTRUMENT}> ;
            pkg:hasParameterChange <{BASE}change/later> ; pkg:discussedAt <{BASE}event/later> .
        <{BASE}event/later> dcterms:date "2026-03-01"^^<http://www.w3.org/2001/XMLSchema#date> .
        <{BASE}change/later> a pkg:ParameterChange ; pkg:parameter "{evil}"@en ;
            pkg:fromValue 500000000 ; pkg:toValue 300000000 ; pkg:currency "RUB" ;
            pkg:appliesTo <{BASE}{INSTRUMENT}> .""".encode(),
        ox.RdfFormat.TURTLE,
        BASE + "graph/test-later",
    )
    html = client.get(f"/page/{INSTRUMENT}?lang=en").get_data(as_text=True)
    assert "<script>alert" not in html
    root = svg(html)
    dates = [a.get("data-date") for a in root.findall(f"{SVG}a[@class='change']")]
    assert dates == ["2026-01-27", "2026-03-01"]
    assert [t.text for t in root.findall(f"{SVG}text[@class='date']")] == dates
    proposals = entries(html)["proposals"]
    assert proposals[-1]["date"] == "2026-03-01" and proposals[-1]["label"] == evil


def test_amount_and_chart_without_dates():
    assert timeline.amount(2_000_000_000, "RUB") == "2 bn RUB"
    assert timeline.amount(1_500_000, None) == "1.5 m"
    assert timeline.amount(500_000_000, "RUB", "ru") == "500 млн RUB"
    assert timeline.chart([{"date": None, "to": 1.0, "from": None}]) is None
