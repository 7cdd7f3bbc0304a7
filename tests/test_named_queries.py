"""Named queries: headers, typed binding, every query on the seed data, the HTTP API, OpenAPI, CLI."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Graph, URIRef

from server.publish.named_queries import Param, bind, convert, load_queries, parse_query, run

ID = "http://localhost:8000/id/"
PKG = "https://w3id.org/policykg/ontology/"
KOZLOVSKY = ID + "person/kozlovsky-aleksandr"
AKIT_INITIATIVES = {
    ID + "proposal/lower-capital-investment-lending-threshold",
    ID + "proposal/extend-reduced-insurance-contributions-to-spik-2-0",
    ID + "proposal/launch-equipment-tooling-subsidy",
}
ARTICLE_TEXT = (Path(__file__).resolve().parents[1] / "data" / "sources" / "article-2026-01-27.txt").read_text(
    encoding="utf-8"
)
QUERIES = load_queries()


def rows(store, name: str, **args) -> list[dict[str, str]]:
    result = run(store, QUERIES[name], args)
    assert isinstance(result, ox.QuerySolutions)
    variables = [v.value for v in result.variables]
    return [{v: sol[v].value for v in variables if sol[v] is not None} for sol in result]


def api(client, name: str, **args):
    return client.get(f"/api/queries/{name}", query_string=args)


def bindings(resp) -> list[dict[str, str]]:
    assert resp.status_code == 200, resp.data
    return [{k: v["value"] for k, v in b.items()} for b in resp.json["results"]["bindings"]]


# -- the files ----------------------------------------------------------------------------------


def test_at_least_twelve_queries_with_bilingual_headers():
    assert len(QUERIES) >= 12
    for q in QUERIES.values():
        assert set(q.title) >= {"en", "ru"} and set(q.description) >= {"en", "ru"}
        for p in q.params:
            assert set(p.label) >= {"en", "ru"}, (q.name, p.name)
            if p.type == "iri" and p.name != "fact":
                assert p.cls is None or p.cls.startswith("http"), (q.name, p.name)


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_every_query_runs_non_empty_with_defaults_and_examples(seeded_store, name):
    q = QUERIES[name]
    arg_sets = [q.example_args()]
    if not any(p.required for p in q.params):
        arg_sets.append({})
    for args in arg_sets:
        result = run(seeded_store, q, args)
        if isinstance(result, ox.QuerySolutions):
            assert [v.value for v in result.variables] == q.columns
            assert list(result), (name, args)
        else:
            assert len(set(result)) > 0, (name, args)


def test_parameters_are_projected_so_substitution_binds_them(seeded_store):
    # pyoxigraph refuses substitutions of unprojected variables; every file must project its params
    for q in QUERIES.values():
        if q.kind == "select":
            for p in q.params:
                assert p.name in q.columns, (q.name, p.name)


# -- expected content on the seed data -----------------------------------------------------------


def test_proposals_by_kozlovsky_include_the_akit_initiatives(seeded_store):
    found = rows(seeded_store, "proposals-by-actor", actor=KOZLOVSKY)
    by_role: dict[str, set] = {}
    for r in found:
        by_role.setdefault(r["role"], set()).add(r["proposal"])
    assert AKIT_INITIATIVES <= by_role["relayed"]
    assert ID + "proposal/fine-tune-cluster-model" in by_role["proposed"]
    assert len(by_role["proposed"]) >= 3
    labels = {r["proposalLabel"] for r in rows(seeded_store, "proposals-by-actor", actor=KOZLOVSKY, lang="ru")}
    assert any("Народную программу" in label for label in labels)
    akit = {r["proposal"] for r in rows(seeded_store, "proposals-by-actor", actor=ID + "org/akit")}
    assert AKIT_INITIATIVES <= akit


def test_parameter_change_values(seeded_store):
    (row,) = rows(seeded_store, "parameter-changes")
    assert (row["fromValue"], row["toValue"], row["currency"]) == ("2000000000", "500000000", "RUB")
    assert float(row["difference"]) == -1500000000
    assert row["proposal"] == ID + "proposal/lower-capital-investment-lending-threshold"
    assert rows(seeded_store, "parameter-changes", minFromValue="3000000000") == []
    assert rows(seeded_store, "parameter-changes", instrument=ID + "instrument/spik-2-0") == []


def test_posts_organisations_events(seeded_store):
    posts = rows(seeded_store, "posts-and-holders", organisation=ID + "org/akit")
    assert [(r["person"], r["post"]) for r in posts] == [(ID + "person/labudin-mikhail", ID + "post/akit-director")]
    assert len(rows(seeded_store, "posts-and-holders")) >= 4
    links = {(r["from"], r["relation"], r["to"]) for r in rows(seeded_store, "organisation-links")}
    assert (
        ID + "org/expert-council-industrial-infrastructure",
        PKG + "attachedTo",
        ID + "org/committee-industry-trade",
    ) in links
    assert (
        ID + "org/united-russia-regional-branch",
        "http://www.w3.org/ns/org#subOrganizationOf",
        ID + "org/united-russia",
    ) in links
    participants = {r["participant"] for r in rows(seeded_store, "events-with-participants")}
    assert {KOZLOVSKY, ID + "person/labudin-mikhail"} <= participants
    at_event = {
        r["proposal"]
        for r in rows(seeded_store, "proposals-at-event", event=ID + "event/2026-01-27-expert-council-meeting")
    }
    assert AKIT_INITIATIVES <= at_event


def test_facts_from_source_quotes_match_the_text(seeded_store):
    found = rows(seeded_store, "facts-from-source", source=ID + "source/article-2026-01-27")
    assert len({r["fact"] for r in found}) > 30
    for r in found:
        assert ARTICLE_TEXT[int(r["start"]) : int(r["end"])] == r["quote"]


def test_instruments_by_broad_type_include_narrower(seeded_store):
    found = {r["instrument"] for r in rows(seeded_store, "instruments-by-type", type=PKG + "typeFinancial")}
    assert {
        ID + "instrument/capital-investment-preferential-lending",
        ID + "instrument/equipment-tooling-subsidy",
    } <= found
    assert ID + "instrument/spik-2-0" not in found
    counts = {r["instrument"]: int(r["proposals"]) for r in rows(seeded_store, "instruments-by-type")}
    assert counts[ID + "instrument/industrial-cluster-support"] >= 4


def test_ranking_search_quotes_sources_kinds(seeded_store):
    ranked = {r["actor"]: r for r in rows(seeded_store, "actors-by-proposals")}
    roles: dict[str, set] = {}
    for r in rows(seeded_store, "proposals-by-actor", actor=KOZLOVSKY):
        roles.setdefault(r["role"], set()).add(r["proposal"])
    assert int(ranked[KOZLOVSKY]["proposedCount"]) == len(roles["proposed"])
    assert int(ranked[KOZLOVSKY]["relayedCount"]) == len(roles["relayed"]) >= 3
    counts = [int(r["proposedCount"]) for r in rows(seeded_store, "actors-by-proposals")]
    assert counts == sorted(counts, reverse=True)
    top = rows(seeded_store, "actors-by-proposals", minimum="4")
    assert top and all(int(r["proposedCount"]) >= 4 for r in top) and len(top) < len(ranked)
    hits = {r["resource"] for r in rows(seeded_store, "search-by-label", q="КЛАСТЕР")}
    assert ID + "instrument/industrial-cluster-support" in hits
    only = {r["resource"] for r in rows(seeded_store, "search-by-label", q="кластер", **{"class": PKG + "Proposal"})}
    assert only and only < hits and all("/proposal/" in r for r in only)
    assert {r["resource"] for r in rows(seeded_store, "resource-by-label", label="АКИТ РФ@ru")} == {ID + "org/akit"}
    assert rows(seeded_store, "resource-by-label", label="АКИТ РФ@en") == []
    direct = rows(seeded_store, "quotes-by-speaker", speaker=KOZLOVSKY, directOnly="true")
    every = rows(seeded_store, "quotes-by-speaker", speaker=KOZLOVSKY)
    assert direct and all(r["directQuote"] == "true" for r in direct) and len(every) > len(direct)
    kinds = {r["changeKind"]: int(r["proposals"]) for r in rows(seeded_store, "proposals-by-change-kind")}
    assert kinds[PKG + "prioritise"] >= 2 and kinds[PKG + "lowerThreshold"] >= 1
    assert {r["source"] for r in rows(seeded_store, "sources-by-date", since="2026-01-01")} == {
        ID + "source/article-2026-01-27"
    }
    assert rows(seeded_store, "sources-by-date", since="2027-01-01") == []
    undated = ID + "source/kozlovsky-telegram-post-expert-council-meeting"
    assert undated in {r["source"] for r in rows(seeded_store, "sources-by-date")}  # no range: undated ones too


def test_fact_provenance_graph(readonly_client):
    r = api(readonly_client, "fact-provenance", fact=ID + "proposal/lower-capital-investment-lending-threshold")
    assert r.mimetype == "text/turtle"
    g = Graph().parse(data=r.data, format="turtle")
    fact = URIRef(ID + "proposal/lower-capital-investment-lending-threshold")
    statements = set(g.objects(fact, URIRef(PKG + "evidence")))
    assert URIRef(ID + "statement/initiative-lending-threshold") in statements
    post = URIRef(ID + "source/kozlovsky-telegram-post-expert-council-meeting")
    assert (URIRef(ID + "source/article-2026-01-27"), URIRef(PKG + "reports"), post) in g
    exact = {str(o) for o in g.objects(None, URIRef("http://www.w3.org/ns/oa#exact"))}
    assert any("с 2 млрд до 500 млн рублей" in e for e in exact)
    js = api(readonly_client, "fact-provenance", fact=str(fact), format="jsonld")
    assert js.mimetype == "application/ld+json"
    from rdflib.compare import isomorphic

    assert isomorphic(Graph().parse(data=js.data, format="json-ld"), g)


# -- typed binding and errors ------------------------------------------------------------------


def test_convert_types():
    assert convert(Param("x", "integer"), " 42 ") == ox.Literal(
        "42", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
    )
    assert convert(Param("x", "decimal"), "2.5").datatype.value.endswith("#decimal")
    assert convert(Param("x", "date"), "2026-01-27").value == "2026-01-27"
    assert convert(Param("x", "boolean"), "TRUE").value == "true"
    assert convert(Param("x", "langstring"), "текст@ru") == ox.Literal("текст", language="ru")
    assert convert(Param("x", "iri"), "pkg:Person") == ox.NamedNode(PKG + "Person")
    assert convert(Param("x", "iri"), f"<{KOZLOVSKY}>") == ox.NamedNode(KOZLOVSKY)


@pytest.mark.parametrize(
    "name,args,param",
    [
        ("proposals-by-actor", {"actor": "not an iri"}, "actor"),
        ("proposals-by-actor", {"actor": "http://exa mple.org/x"}, "actor"),
        ("proposals-by-actor", {}, "actor"),
        ("proposals-by-actor", {"actor": KOZLOVSKY, "lang": "fr"}, "lang"),
        ("proposals-by-actor", {"actor": KOZLOVSKY, "colour": "red"}, "colour"),
        ("actors-by-proposals", {"minimum": "two"}, "minimum"),
        ("actors-by-proposals", {"minimum": "2.5"}, "minimum"),
        ("parameter-changes", {"minFromValue": "1e9"}, "minFromValue"),
        ("sources-by-date", {"since": "27.01.2026"}, "since"),
        ("quotes-by-speaker", {"speaker": KOZLOVSKY, "directOnly": "maybe"}, "directOnly"),
        ("resource-by-label", {"label": "АКИТ РФ"}, "label"),
        ("proposals-by-actor", {"actor": KOZLOVSKY, "limit": "ten"}, "limit"),
        ("proposals-by-actor", {"actor": KOZLOVSKY, "offset": "-1"}, "offset"),
    ],
)
def test_bad_values_are_400_naming_the_parameter(readonly_client, name, args, param):
    r = api(readonly_client, name, **args)
    assert r.status_code == 400
    err = r.json["error"]
    assert f"'{param}'" in err["message"]
    if param not in ("limit", "offset"):
        assert err["detail"]["parameter"] == param


def test_repeated_parameter_is_refused(readonly_client):
    r = readonly_client.get(f"/api/queries/proposals-by-actor?actor={KOZLOVSKY}&actor={KOZLOVSKY}")
    assert r.status_code == 400 and "'actor'" in r.json["error"]["message"]


def test_unknown_query_is_404(readonly_client):
    assert readonly_client.get("/api/queries/nope").status_code == 404


def test_injection_through_a_parameter_returns_no_extra_data(readonly_client, seeded_store):
    attack = '"} UNION { ?s ?p ?o } #'
    assert bindings(api(readonly_client, "search-by-label", q=attack)) == []
    r = api(readonly_client, "search-by-label", q='кластер"))} UNION { ?resource ?p ?label } #')
    assert bindings(r) == []
    # as an IRI it is not an IRI at all
    bad = api(readonly_client, "proposals-by-actor", actor=f"{KOZLOVSKY}> }} UNION {{ ?s ?p ?o }} #")
    assert bad.status_code == 400 and bad.json["error"]["detail"]["parameter"] == "actor"
    # the bound value is the literal text, echoed back unchanged
    assert bind(QUERIES["search-by-label"], {"q": attack})["q"] == ox.Literal(attack)


# -- HTTP: formats, pagination, list, OpenAPI, page ----------------------------------------------


def test_result_formats(readonly_client):
    args = {"actor": KOZLOVSKY}
    js = bindings(api(readonly_client, "proposals-by-actor", **args))
    c = api(readonly_client, "proposals-by-actor", format="csv", **args)
    assert c.mimetype == "text/csv"
    table = list(csv.DictReader(io.StringIO(c.data.decode("utf-8"))))
    assert [r["proposal"] for r in table] == [r["proposal"] for r in js]
    t = readonly_client.get(
        "/api/queries/proposals-by-actor", query_string=args, headers={"Accept": "text/tab-separated-values"}
    )
    assert t.mimetype == "text/tab-separated-values"
    assert len(t.data.decode().strip().splitlines()) == len(js) + 1
    x = readonly_client.get(
        "/api/queries/proposals-by-actor", query_string=args, headers={"Accept": "application/sparql-results+xml"}
    )
    ns = {"r": "http://www.w3.org/2005/sparql-results#"}
    assert len(ET.fromstring(x.data).findall(".//r:result", ns)) == len(js)
    assert (
        readonly_client.get(
            "/api/queries/proposals-by-actor", query_string=args, headers={"Accept": "image/png"}
        ).status_code
        == 406
    )


def test_pagination_and_link_headers(readonly_client):
    full = bindings(api(readonly_client, "proposals-by-actor", actor=KOZLOVSKY))
    assert len(full) >= 7
    seen, url, pages = [], f"/api/queries/proposals-by-actor?actor={KOZLOVSKY}&limit=3", 0
    while url:
        r = readonly_client.get(url)
        seen += bindings(r)
        pages += 1
        link = r.headers.get("Link", "")
        if pages > 1:
            assert 'rel="prev"' in link
        nxt = [part.split(";")[0].strip()[1:-1] for part in link.split(",") if 'rel="next"' in part]
        url = nxt[0].replace("http://localhost", "") if nxt else None
    assert pages == -(-len(full) // 3) and seen == full
    start = (pages - 1) * 3
    last = api(readonly_client, "proposals-by-actor", actor=KOZLOVSKY, limit="3", offset=str(start))
    assert 'rel="next"' not in last.headers.get("Link", "") and len(bindings(last)) == len(full) - start


def test_query_list_and_text(readonly_client):
    data = readonly_client.get("/api/queries").json["queries"]
    assert {q["name"] for q in data} == set(QUERIES)
    actor = next(q for q in data if q["name"] == "proposals-by-actor")
    (param,) = [p for p in actor["params"] if p["name"] == "actor"]
    assert param["type"] == "iri" and param["required"] and param["class"] == "http://www.w3.org/ns/prov#Agent"
    assert actor["title"]["ru"] == "Предложения актора"
    example = readonly_client.get(actor["example"])
    assert bindings(example)
    text = readonly_client.get(actor["sparql_url"])
    assert text.mimetype == "application/sparql-query" and "pkg:proposedBy" in text.data.decode()


def test_choices_for_iri_parameters(readonly_client):
    r = readonly_client.get("/api/queries/proposals-by-actor/choices/actor")
    iris = {c["iri"] for c in r.json["choices"]}
    assert KOZLOVSKY in iris and ID + "org/akit" in iris
    koz = next(c for c in r.json["choices"] if c["iri"] == KOZLOVSKY)
    assert koz["label"] == {"en": "Aleksandr Kozlovsky", "ru": "Александр Козловский"}
    assert readonly_client.get("/api/queries/proposals-by-actor/choices/lang").status_code == 400


def test_openapi_is_valid(readonly_client):
    from openapi_spec_validator import validate

    doc = readonly_client.get("/api/openapi.json").json
    validate(doc)
    assert doc["openapi"].startswith("3.1")
    for name in QUERIES:
        assert f"/api/queries/{name}" in doc["paths"]
    op = doc["paths"]["/api/queries/actors-by-proposals"]["get"]
    minimum = next(p for p in op["parameters"] if p.get("name") == "minimum")
    assert minimum["schema"] == {"type": "integer", "default": 1} and minimum["example"] == 2
    actor = next(
        p for p in doc["paths"]["/api/queries/proposals-by-actor"]["get"]["parameters"] if p.get("name") == "actor"
    )
    assert actor["required"] is True and actor["x-rdf-class"] == "http://www.w3.org/ns/prov#Agent"


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.sections, self.examples = [], []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "section" and "named-query" in (a.get("class") or ""):
            self.sections.append(a["id"])
        if tag == "a" and a.get("class") == "example-link":
            self.examples.append(a["href"])


def test_api_page_lists_every_query_with_working_examples(readonly_client):
    r = readonly_client.get("/api?lang=en")
    assert r.mimetype == "text/html"
    parser = _Links()
    parser.feed(r.data.decode("utf-8"))
    assert sorted(parser.sections) == sorted(QUERIES)
    assert "Proposals by actor" in r.data.decode()
    for href in parser.examples:
        resp = readonly_client.get(href)
        assert resp.status_code == 200


# -- header parsing and CLI ------------------------------------------------------------------


def test_bad_headers_are_refused(tmp_path):
    good = "# title@en: T\n# title@ru: Т\n# description@en: D\n# description@ru: Д\n"
    bad_type = tmp_path / "bad-type.rq"
    bad_type.write_text(good + "# param: x\n#   type: float\nSELECT ?x {}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown type"):
        parse_query(bad_type)
    reserved = tmp_path / "reserved.rq"
    reserved.write_text(good + "# param: limit\nSELECT ?limit {}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="reserved"):
        parse_query(reserved)
    no_ru = tmp_path / "no-ru.rq"
    no_ru.write_text("# title@en: T\n# description@en: D\nSELECT * {}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="title@ru"):
        parse_query(no_ru)


def test_form_and_columns_are_read_from_tokens(tmp_path, seeded_store):
    """Keywords and variables inside the header, strings, IRIs and prefixed names are not taken
    for the query's: the columns are the variables the query really returns."""
    path = tmp_path / "tricky.rq"
    path.write_text(
        "# title@en: Construct a (SELECT ?not) list\n# title@ru: Т\n# description@en: ASK ?me\n# description@ru: Д\n"
        "PREFIX select: <https://w3id.org/policykg/ontology/>\n"
        'SELECT DISTINCT ?s (GROUP_CONCAT(?l; separator=") AS ?no") AS ?labels) # ?comment\n'
        "WHERE { ?s a select:Person ; <http://www.w3.org/2000/01/rdf-schema#label> ?l } GROUP BY ?s\n",
        encoding="utf-8",
    )
    q = parse_query(path)
    assert (q.kind, q.columns) == ("select", ["s", "labels"])
    result = run(seeded_store, q, {})
    assert [v.value for v in result.variables] == q.columns and len(list(result)) == 2


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    from server.cli.main import main

    d = tmp_path_factory.mktemp("nq-store")
    result = CliRunner().invoke(main, ["load", "--data-dir", str(d)])
    assert result.exit_code == 0, result.output
    return str(d)


def test_cli_query_by_name(data_dir):
    from server.cli.main import main

    res = CliRunner().invoke(
        main,
        [
            "query",
            "--name",
            "proposals-by-actor",
            "--param",
            f"actor={KOZLOVSKY}",
            "--format",
            "csv",
            "--data-dir",
            data_dir,
        ],
    )
    assert res.exit_code == 0, res.output
    table = list(csv.DictReader(io.StringIO(res.output)))
    assert AKIT_INITIATIVES <= {r["proposal"] for r in table if r["role"] == "relayed"}
    js = CliRunner().invoke(main, ["query", "--name", "parameter-changes", "--data-dir", data_dir])
    assert json.loads(js.output)["results"]["bindings"][0]["toValue"]["value"] == "500000000"
    ttl = CliRunner().invoke(
        main,
        [
            "query",
            "--name",
            "fact-provenance",
            "--param",
            f"fact={ID}proposal/lower-capital-investment-lending-threshold",
            "--data-dir",
            data_dir,
        ],
    )
    assert len(Graph().parse(data=ttl.output, format="turtle")) > 10
    bad = CliRunner().invoke(
        main, ["query", "--name", "proposals-by-actor", "--param", "actor=nope", "--data-dir", data_dir]
    )
    assert bad.exit_code == 1 and "'actor'" in bad.output and "Traceback" not in bad.output
    missing = CliRunner().invoke(main, ["query", "--name", "nope", "--data-dir", data_dir])
    assert missing.exit_code == 1


def test_cli_queries_markdown_lists_every_query():
    from server.cli.main import main

    res = CliRunner().invoke(main, ["queries", "--markdown"])
    assert res.exit_code == 0
    for name in QUERIES:
        assert f"### `{name}`" in res.output
    assert "| `actor` | iri (`http://www.w3.org/ns/prov#Agent`) | required |" in res.output


def test_group_concat_columns_are_lists_sorted_by_the_service(tmp_path, readonly_client):
    """A GROUP_CONCAT column is a list (its separator read from the query): the service sorts its
    parts, so that every store gives the same answer; the shipped ones carry ?lang's tag."""
    assert QUERIES["proposals-at-event"].lists == {"proposers": " | "}
    assert QUERIES["parameter-changes"].lists == {}
    path = tmp_path / "lists.rq"
    path.write_text(
        "# title@en: T\n# title@ru: Т\n# description@en: D\n# description@ru: Д\n"
        'SELECT (GROUP_CONCAT(?a) AS ?spaced) (GROUP_CONCAT(?b; SEPARATOR=";") AS ?semi) (COUNT(?c) AS ?n)\n'
        "WHERE { ?s ?p ?o }\n",
        encoding="utf-8",
    )
    assert parse_query(path).lists == {"spaced": " ", "semi": ";"}
    resp = api(readonly_client, "proposals-at-event", event=ID + "event/2026-01-27-expert-council-meeting")
    lists = [b["proposers"] for b in resp.json["results"]["bindings"]]
    assert any(" | " in x["value"] for x in lists)
    for x in lists:
        assert x["value"].split(" | ") == sorted(x["value"].split(" | ")) and x["xml:lang"] == "en"


def test_sort_lists_keeps_the_term_kind():
    from server.protocol.results import sort_lists

    store = ox.Store()
    sol = next(
        iter(store.query('SELECT ?l ?t ?n ?u WHERE { VALUES (?l ?t ?n) { ("b | a"@ru "z;y"^^<http://e/dt> 3) } }'))
    )
    row = sort_lists(sol, ["l", "t", "n", "u"], {"l": " | ", "t": ";", "n": " ", "u": " "})
    assert row["l"] == ox.Literal("a | b", language="ru")
    assert row["t"] == ox.Literal("y;z", datatype=ox.NamedNode("http://e/dt"))
    assert row["n"] == ox.Literal(3) and row["u"] is None
    assert sort_lists(sol, ["l"], {}) is sol
