"""/reconcile: the Reconciliation Service API 0.2, over a real HTTP server on 127.0.0.1. Every
document it returns is validated against the Community Group's JSON Schemas (../shared/reconciliation);
a list of name variants written by hand measures the matching (top candidate, ``match`` never wrong)."""

from __future__ import annotations

import json
import os

import pyoxigraph as ox
import pytest
import requests
from conftest import ROOT

from server.browse import names

jsonschema = pytest.importorskip("jsonschema")
referencing = pytest.importorskip("referencing")

SPEC = ROOT.parent / "shared" / "reconciliation" / "0.2"
if not (SPEC / "schemas").is_dir():
    if os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no"):
        pytest.fail(f"{SPEC} is missing; CI is set: the schemas must be there.", pytrace=False)
    pytest.skip(f"{SPEC} is missing (the reconciliation schemas)", allow_module_level=True)


def _validators() -> dict[str, jsonschema.Draft7Validator]:
    docs = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in (SPEC / "schemas").glob("*.json")}
    spec = referencing.jsonschema.DRAFT7
    registry = referencing.Registry().with_resources(
        (doc["$id"].rstrip("#"), spec.create_resource(doc)) for doc in docs.values()
    )
    return {name: jsonschema.Draft7Validator(doc, registry=registry) for name, doc in docs.items()}


VALIDATORS = _validators()


def valid(doc: object, schema: str) -> object:
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in VALIDATORS[schema].iter_errors(doc)]
    assert not errors, f"{schema}: {errors[:5]}"
    return doc


@pytest.mark.parametrize(
    "folder, schema",
    [
        ("manifest", "manifest"),
        ("reconciliation-query-batch", "reconciliation-query-batch"),
        ("reconciliation-result-batch", "reconciliation-result-batch"),
        ("suggest-entities-response", "suggest-entities-response"),
        ("suggest-types-response", "suggest-types-response"),
        ("suggest-properties-response", "suggest-properties-response"),
        ("data-extension-property-proposal", "data-extension-property-proposal"),
        ("data-extension-query", "data-extension-query"),
        ("data-extension-response", "data-extension-response"),
    ],
)
def test_the_schemas_accept_the_valid_examples_and_refuse_the_invalid(folder, schema):
    """The validators are set up right: the spec's own examples come out as the spec says."""
    examples = SPEC / "examples" / folder
    for path in sorted((examples / "valid").glob("*.json")):
        valid(json.loads(path.read_text(encoding="utf-8")), schema)
    for path in sorted((examples / "invalid").glob("*.json")) if (examples / "invalid").is_dir() else []:
        doc = json.loads(path.read_text(encoding="utf-8"))
        assert list(VALIDATORS[schema].iter_errors(doc)), f"{path.name} should be invalid"


# -- helpers -----------------------------------------------------------------------------------


def reconcile(url: str, queries: dict, method: str = "post") -> dict:
    valid(queries, "reconciliation-query-batch")
    if method == "post":
        r = requests.post(url + "/reconcile", data={"queries": json.dumps(queries)}, timeout=30)
    else:
        r = requests.get(url + "/reconcile", params={"queries": json.dumps(queries)}, timeout=30)
    assert r.status_code == 200, r.text
    return valid(r.json(), "reconciliation-result-batch")


def bad(r: requests.Response, status: int = 400) -> str:
    """The one JSON error shape; returns the message."""
    assert r.status_code == status, r.text
    error = r.json()["error"]
    assert error["status"] == status and error["code"] and error["message"]
    return error["message"]


# -- manifest --------------------------------------------------------------------------------


def test_manifest(readonly_server):
    r = requests.get(readonly_server.url + "/reconcile", headers={"Origin": "https://refine.example"}, timeout=30)
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("application/json")
    assert r.headers["Access-Control-Allow-Origin"] == "*"
    m = valid(r.json(), "manifest")
    assert m["versions"] == ["0.2"]
    assert m["identifierSpace"] == "http://localhost:8000/id/"
    assert m["schemaSpace"] == "https://w3id.org/policykg/ontology/"
    assert m["batchSize"] == 50
    defaults = {t["id"] for t in m["defaultTypes"]}
    assert {"Person", "Organization", "PolicyInstrument", "Post"} <= defaults
    assert "Statement" not in defaults  # statements about things are not what one reconciles against
    assert m["view"]["url"] == readonly_server.url + "/page/{{id}}"
    page = requests.get(m["view"]["url"].replace("{{id}}", "person/kozlovsky-aleksandr"), timeout=30)
    assert page.status_code == 200 and "Козловский" in page.text
    for kind in ("entity", "type", "property"):
        s = m["suggest"][kind]
        assert requests.get(s["service_url"] + s["service_path"], params={"prefix": "a"}, timeout=30).ok
    ext = m["extend"]["propose_properties"]
    assert requests.get(ext["service_url"] + ext["service_path"], params={"type": "Person"}, timeout=30).ok


def test_preflight_and_errors_are_readable_cross_origin(readonly_server):
    r = requests.options(
        readonly_server.url + "/reconcile",
        headers={"Origin": "https://refine.example", "Access-Control-Request-Method": "POST"},
        timeout=30,
    )
    assert r.status_code == 204 and r.headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in r.headers["Access-Control-Allow-Methods"]
    r = requests.post(
        readonly_server.url + "/reconcile", data={"queries": "{"}, headers={"Origin": "https://x.example"}, timeout=30
    )
    assert r.headers["Access-Control-Allow-Origin"] == "*"
    assert "not JSON" in bad(r)


# -- the name variants ------------------------------------------------------------------------

P, L = "person/kozlovsky-aleksandr", "person/labudin-mikhail"
DUMA, MPT, AKIT = "org/state-duma", "org/minpromtorg", "org/akit"
UNION, ER, COM = "org/union-of-machine-builders", "org/united-russia", "org/committee-industry-trade"
COUNCIL = "org/expert-council-industrial-infrastructure"
I = "instrument/"
# (as someone might write it, the entity meant): inflected, initials, reversed, transliterated, typos
VARIANTS = [
    ("Козловского", P),
    ("Козловскому", P),
    ("Козловским", P),
    ("Александр Козловский", P),
    ("Александра Козловского", P),
    ("Александру Козловскому", P),
    ("Козловский Александр", P),
    ("Козловский, Александр", P),
    ("А. Козловский", P),
    ("Козловский А.", P),
    ("А.Козловский", P),
    ("Kozlovsky", P),
    ("Aleksandr Kozlovsky", P),
    ("Alexander Kozlovskiy", P),
    ("Kozlovskiy A.", P),
    ("Alexandr Kozlovski", P),
    ("Козловский Александр Николаевич", P),
    ("Козловскаго Александра", P),
    ("Казловский", P),
    ("Козловкий Александр", P),
    ("КОЗЛОВСКИЙ А.Н.", P),
    ("Лабудин", L),
    ("Лабудина", L),
    ("Михаила Лабудина", L),
    ("Лабудин М.", L),
    ("М. Лабудин", L),
    ("Mikhail Labudin", L),
    ("Mihail Labudin", L),
    ("Michael Labudin", L),
    ("Лабудину Михаилу", L),
    ("Лобудин", L),
    ("Labudine", L),
    ("Государственная Дума", DUMA),
    ("Государственной Думы", DUMA),
    ("Госдума", DUMA),
    ("в Госдуме", DUMA),
    ("В Госдуме", DUMA),
    ("State Duma", DUMA),
    ("Gosudarstvennaya Duma", DUMA),
    ("Госудаственная Дума", DUMA),
    ("Минпромторг", MPT),
    ("Минпромторга России", MPT),
    ("Министерство промышленности и торговли РФ", MPT),
    ("Министерства промышленности и торговли", MPT),
    ("Minpromtorg", MPT),
    ("Ministry of Industry and Trade", MPT),
    ("Минпромтог", MPT),
    ("АКИТ", AKIT),
    ("АКИТ РФ", AKIT),
    ("Ассоциации кластеров, технопарков и ОЭЗ", AKIT),
    ("AKIT", AKIT),
    ("Союз машиностроителей России", UNION),
    ("Союза машиностроителей", UNION),
    ("Union of Machine Builders", UNION),
    ("Союз машинострителей", UNION),
    ("Единая Россия", ER),
    ("партии «Единая Россия»", ER),
    ("Единой России", ER),
    ("United Russia", ER),
    ("Регионального отделения партии Единая Россия", "org/united-russia-regional-branch"),
    ("Комитет по промышленности и торговле", COM),
    ("Комитета по промышленности и торговле", COM),
    ("Экспертного совета по развитию промышленной инфраструктуры", COUNCIL),
    ("Экспертный совет по развитию промышленной инфраструктуры", COUNCIL),
    ("Expert Council on the Development of Industrial Infrastructure", COUNCIL),
    ("постановление 719", I + "resolution-719"),
    ("Постановления № 1649", I + "resolution-1649"),
    ("Resolution No. 719", I + "resolution-719"),
    ("СПИК 2.0", I + "spik-2-0"),
    ("SPIK 2.0", I + "spik-2-0"),
    ("специальных инвестиционных контрактов", I + "special-investment-contracts"),
    ("Пониженных страховых взносов", I + "reduced-insurance-contributions"),
    ("Механизма промышленных кластеров", I + "industrial-cluster-support"),
    ("Налоговых преференций", I + "tax-preferences"),
    ("Подтверждения российской продукции", I + "russian-product-confirmation"),
    ("Народной программы", "document/united-russia-peoples-programme"),
    ("Народная программа «Единой России»", "document/united-russia-peoples-programme"),
    ("Депутат Государственной Думы", "post/state-duma-deputy"),
    ("депутата Госдумы", "post/state-duma-deputy"),  # the post's names never say «Госдума»: a known miss
    ("Директор АКИТ РФ", "post/akit-director"),  # nor «АКИТ»: a known miss
    (
        "Первый заместитель председателя комитета по промышленности и торговле",
        "post/committee-industry-trade-first-deputy-chair",
    ),
    ("Секретарь регионального отделения «Единой России»", "post/united-russia-regional-branch-secretary"),
    ("Заседание Экспертного совета 27 января 2026 года", "event/2026-01-27-expert-council-meeting"),
]


def test_name_variants_find_the_right_entity_and_match_is_never_wrong(readonly_server):
    assert len(VARIANTS) >= 50
    results = {}
    for start in range(0, len(VARIANTS), 40):  # under the batch size
        batch = {f"q{i}": {"query": q} for i, (q, _) in enumerate(VARIANTS[start : start + 40], start)}
        results.update(reconcile(readonly_server.url, batch))
    misses, wrong_matches, matched = [], [], 0
    for i, (q, want) in enumerate(VARIANTS):
        found = results[f"q{i}"]["result"]
        scores = [c["score"] for c in found]
        assert scores == sorted(scores, reverse=True) and all(0 <= s <= 100 for s in scores)
        assert sum(c["match"] for c in found) <= 1
        if not found or found[0]["id"] != want:
            misses.append((q, [(c["id"], c["score"]) for c in found[:2]]))
        for c in found:
            if c["match"]:
                matched += 1
                if c["id"] != want:
                    wrong_matches.append((q, c["id"]))
    top1 = 1 - len(misses) / len(VARIANTS)
    assert top1 >= 0.95, f"top-1 {top1:.3f}; misses: {misses}"
    assert wrong_matches == []
    assert matched >= len(VARIANTS) / 3  # match is decided, not simply never given


def test_match_needs_an_exact_name_and_a_margin(readonly_server):
    found = reconcile(
        readonly_server.url,
        {
            "exact": {"query": "Александра Козловского"},
            "surname": {"query": "Козловского"},  # a surname alone: right, but not sure
            "initial": {"query": "А. Козловский"},  # an initial could be someone else's
            "typo": {"query": "Казловский Александр"},
            "nothing": {"query": "Иван Петров"},
        },
    )
    assert found["exact"]["result"][0]["match"] is True
    assert found["exact"]["result"][0]["score"] == 100
    for key in ("surname", "initial", "typo"):
        top = found[key]["result"][0]
        assert top["id"] == P and top["match"] is False and top["score"] < 100
    assert found["surname"]["result"][0]["score"] < found["initial"]["result"][0]["score"]
    assert all(not c["match"] for c in found["nothing"]["result"])
    assert all(c["score"] < 50 for c in found["nothing"]["result"])
    features = {f["id"]: f["value"] for f in found["exact"]["result"][0]["features"]}
    assert features == {"name_score": 100.0, "name_exact": True}


def test_get_identifier_type_and_limit(readonly_server):
    url = readonly_server.url
    found = reconcile(
        url,
        {
            "id": {"query": "person/labudin-mikhail"},
            "org": {"query": "Козловский", "type": "Organization"},
            "person": {"query": "Козловский", "type": ["Person"], "type_strict": "any"},
            "broader": {"query": "Госдума", "type": "pkg:Organization"},  # a LegislativeBody is an Organization
            "limit": {"query": "Козловский", "limit": 1},
        },
        method="get",
    )
    assert found["id"]["result"][0] == {**found["id"]["result"][0], "id": L, "score": 100, "match": True}
    assert P not in [c["id"] for c in found["org"]["result"]]
    assert [c["id"] for c in found["person"]["result"]] == [P]
    assert found["person"]["result"][0]["type"] == [{"id": "Person", "name": "Персона"}]
    assert found["broader"]["result"][0]["id"] == DUMA
    assert found["broader"]["result"][0]["type"] == [{"id": "LegislativeBody", "name": "Законодательный орган"}]
    assert len(found["limit"]["result"]) == 1


def test_property_constraints(readonly_server):
    found = reconcile(
        readonly_server.url,
        {
            "right": {"query": "Лабудин", "properties": [{"pid": "org:memberOf", "v": {"id": AKIT, "name": "АКИТ"}}]},
            "wrong": {"query": "Лабудин", "properties": [{"pid": "org:memberOf", "v": "Государственная Дума"}]},
            "by-name": {"query": "Лабудин", "properties": [{"pid": "org:memberOf", "v": ["Минпромторг", "АКИТ РФ"]}]},
            "other-id": {
                "query": "Лабудин",
                "properties": [{"pid": "org:memberOf", "v": {"id": DUMA, "name": "АКИТ"}}],
            },
            "foreign-id": {
                "query": "Лабудин",
                "properties": [{"pid": "org:memberOf", "v": {"id": "Q1", "name": "АКИТ РФ"}}],
            },
            "only": {"properties": [{"pid": "eli:id_local", "v": "1649"}], "type": "LegalAct"},
            "full-iri": {"properties": [{"pid": "http://data.europa.eu/eli/ontology#id_local", "v": 719}]},
        },
    )

    def top(key: str) -> dict:
        return found[key]["result"][0]

    def feature(c: dict, name: str) -> object:
        return {f["id"]: f["value"] for f in c["features"]}[name]

    assert top("right")["id"] == L and feature(top("right"), "property_score") == 1
    assert top("wrong")["id"] == L and feature(top("wrong"), "property_score") < 0.5
    assert top("wrong")["score"] < top("right")["score"]
    assert top("by-name")["id"] == L and feature(top("by-name"), "property_score") == 1
    assert feature(top("other-id"), "property_score") == 0  # our id names another entity: its name is not asked
    assert feature(top("foreign-id"), "property_score") == 1  # an id we do not know: the name decides
    assert top("only")["id"] == I + "resolution-1649" and top("only")["score"] == 100
    assert top("full-iri")["id"] == I + "resolution-719"


@pytest.mark.parametrize(
    "queries, needle",
    [
        ("{not json", "not JSON"),
        ("[1, 2]", "JSON object"),
        (json.dumps({"q": "Козловский"}), "must be an object"),
        (json.dumps({"q": {"query": "x", "type": "NoSuchType"}}), "Unknown type"),
        (json.dumps({"q": {"query": "x", "limit": 0}}), "positive integer"),
        (json.dumps({"q": {"query": "x", "limit": "ten"}}), "positive integer"),
        (json.dumps({"q": {"query": "x", "colour": "red"}}), "unknown fields"),
        (json.dumps({"q": {"query": ""}}), "give 'query'"),
        (json.dumps({"q": {"query": "x", "properties": [{"pid": "nope:x", "v": "1"}]}}), "Unknown property"),
        (json.dumps({"q": {"query": "x", "properties": [{"pid": "org:holds"}]}}), "no value"),
        (json.dumps({"q": {"query": "x", "properties": [{"pid": "http://a b", "v": "1"}]}}), "not a valid IRI"),
        (json.dumps({f"q{i}": {"query": "Козловский"} for i in range(51)}), "at most 50"),
    ],
)
def test_bad_queries_are_400(readonly_server, queries, needle):
    r = requests.post(readonly_server.url + "/reconcile", data={"queries": queries}, timeout=30)
    assert needle in bad(r)


def test_post_without_queries_or_extend_is_400(readonly_server):
    assert "queries" in bad(requests.post(readonly_server.url + "/reconcile", data={"x": "1"}, timeout=30))


# -- suggest -----------------------------------------------------------------------------------


def suggest(url: str, kind: str, **params: str) -> list[dict]:
    r = requests.get(f"{url}/reconcile/suggest/{kind}", params=params, timeout=30)
    assert r.status_code == 200, r.text
    schema = {"entity": "suggest-entities-response", "type": "suggest-types-response"}.get(kind)
    return valid(r.json(), schema or "suggest-properties-response")["result"]


def test_suggest(readonly_server):
    url = readonly_server.url
    for prefix in ("Козл", "kozl", "Kozlovsky", "person/kozlovsky-aleksandr"):
        found = suggest(url, "entity", prefix=prefix)
        assert found[0]["id"] == P, prefix
        assert found[0]["notable"] == [{"id": "Person", "name": "Персона"}]
    assert [e["id"] for e in suggest(url, "entity", prefix="Козл", type="Organization")] == []
    assert suggest(url, "entity", prefix="zzzzzz") == []
    first = suggest(url, "entity", prefix="а")
    assert suggest(url, "entity", prefix="а", cursor="1")[0] == first[1]
    types = suggest(url, "type", prefix="орг")
    assert types[0] == {"id": "Organization", "name": "Организация"}
    legal = {
        "id": "LegalAct",
        "name": "Legal act",
        "broader": [{"id": "PolicyInstrument", "name": "Policy instrument"}],
    }
    assert legal in suggest(url, "type", prefix="legal", lang="en")
    props = suggest(url, "property", prefix="hold")
    assert props[0]["id"] == "org:holds"
    assert {p["id"] for p in suggest(url, "property", prefix="rdfs:label")} >= {"rdfs:label@ru", "rdfs:label@en"}


# -- preview ----------------------------------------------------------------------------------


def test_preview(readonly_server):
    manifest = requests.get(readonly_server.url + "/reconcile", timeout=30).json()
    url = manifest["preview"]["url"].replace("{{id}}", requests.utils.quote(P, safe=""))
    r = requests.get(url, timeout=30)
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("text/html")
    assert "frame-ancestors *" in r.headers["Content-Security-Policy"]  # OpenRefine frames it
    assert "script-src" not in r.headers["Content-Security-Policy"] and "<script" not in r.text
    assert len(r.content) < 4000
    assert "Александр Козловский" in r.text and "Депутат Государственной Думы" in r.text
    assert 'href="/page/person/kozlovsky-aleksandr"' in r.text
    assert bad(requests.get(readonly_server.url + "/reconcile/preview?id=person/nobody", timeout=30), 404)


def test_preview_escapes_names_and_writes_are_seen(live_server, store):
    """A name with markup is shown as text; an entity added to the store is found at once."""
    name = ox.Literal('<img src=x onerror="alert(1)"> Иван Иванов', language="ru")
    store.update(  # terms written by pyoxigraph
        f"INSERT DATA {{ GRAPH <http://localhost:8000/id/graph/test-recon> {{ <http://localhost:8000/id/person/ivanov-test>"
        f" a <https://w3id.org/policykg/ontology/Person> ; <http://www.w3.org/2000/01/rdf-schema#label> {name} }} }}"
    )
    found = reconcile(live_server.url, {"q": {"query": "Ивана Иванова", "type": "Person"}})["q"]["result"]
    assert found[0]["id"] == "person/ivanov-test" and found[0]["match"] is False  # the markup's words are not his name
    r = requests.get(live_server.url + "/reconcile/preview", params={"id": "person/ivanov-test"}, timeout=30)
    assert "<img" not in r.text and "&lt;img src=x onerror=&#34;alert(1)&#34;&gt; Иван Иванов" in r.text


# -- data extension ---------------------------------------------------------------------------


def test_property_proposals(readonly_server):
    r = requests.get(readonly_server.url + "/reconcile/properties", params={"type": "Person"}, timeout=30)
    doc = valid(r.json(), "data-extension-property-proposal")
    ids = [p["id"] for p in doc["properties"]]
    assert ids[:2] == ["rdfs:label@ru", "rdfs:label@en"] and {"org:holds", "org:memberOf"} <= set(ids)
    assert doc["type"] == "Person" and "rdf:type" not in ids
    acts = requests.get(readonly_server.url + "/reconcile/properties?type=LegalAct&limit=3", timeout=30).json()
    assert valid(acts, "data-extension-property-proposal")["limit"] == 3 and len(acts["properties"]) == 3
    every = requests.get(readonly_server.url + "/reconcile/properties?type=LegalAct", timeout=30).json()
    assert "eli:id_local" in [p["id"] for p in every["properties"]]
    assert "type" in bad(requests.get(readonly_server.url + "/reconcile/properties", timeout=30))
    assert "Unknown type" in bad(requests.get(readonly_server.url + "/reconcile/properties?type=Nope", timeout=30))


def test_extend(readonly_server):
    query = {
        "ids": [P, I + "resolution-719", "event/2026-01-27-expert-council-meeting", "person/nobody"],
        "properties": [
            {"id": "rdfs:label@ru"},
            {"id": "rdfs:label@en"},
            {"id": "org:holds", "settings": {"limit": "2"}},
            {"id": "org:memberOf"},
            {"id": "eli:id_local"},
            {"id": "dcterms:date"},
        ],
    }
    valid(query, "data-extension-query")
    r = requests.post(readonly_server.url + "/reconcile", data={"extend": json.dumps(query)}, timeout=30)
    assert r.status_code == 200, r.text
    doc = valid(r.json(), "data-extension-response")
    assert [m["id"] for m in doc["meta"]] == [p["id"] for p in query["properties"]]
    person, act = doc["rows"][P], doc["rows"][I + "resolution-719"]
    assert person["rdfs:label@ru"] == [{"str": "Александр Козловский"}]
    assert person["rdfs:label@en"] == [{"str": "Aleksandr Kozlovsky"}]
    assert len(person["org:holds"]) == 2 and all(set(v) == {"id", "name"} for v in person["org:holds"])
    assert {"id": DUMA, "name": "Государственная Дума"} in person["org:memberOf"]
    assert act["eli:id_local"] == [{"str": "719"}] and act["rdfs:label@ru"] == [{"str": "Постановление № 719"}]
    assert doc["rows"]["event/2026-01-27-expert-council-meeting"]["dcterms:date"] == [{"date": "2026-01-27T00:00:00Z"}]
    assert all(v == [] for v in doc["rows"]["person/nobody"].values())
    # the same by GET
    got = requests.get(readonly_server.url + "/reconcile", params={"extend": json.dumps(query)}, timeout=30).json()
    assert got == doc


@pytest.mark.parametrize(
    "extend, needle",
    [
        ("nope", "not JSON"),
        (json.dumps({"ids": ["x"]}), "'ids' and 'properties'"),
        (json.dumps({"ids": [1], "properties": []}), "strings"),
        (json.dumps({"ids": ["x"], "properties": [{"id": "zz:y"}]}), "Unknown property"),
        (json.dumps({"ids": ["x"], "properties": [{"id": "org:a>b"}]}), "not a valid IRI"),
        (json.dumps({"ids": ["x"], "properties": [{"id": "org:holds", "settings": {"limit": "lots"}}]}), "limit"),
        (json.dumps({"ids": [str(i) for i in range(51)], "properties": []}), "at most 50"),
    ],
)
def test_bad_extend_is_400(readonly_server, extend, needle):
    assert needle in bad(requests.post(readonly_server.url + "/reconcile", data={"extend": extend}, timeout=30))


# -- the matching itself ----------------------------------------------------------------------


def test_words_share_keys_across_case_and_script():
    assert names.word("Козловского").keys & names.word("Kozlovskiy").keys == {"kozlovsky"}
    assert names.similarity(names.word("А"), names.word("Александр")) == names.INITIAL
    assert names.similarity(names.word("719"), names.word("1649")) == 0
    assert 0 < names.similarity(names.word("Кзловский"), names.word("Козловский")) < 1
    assert names.similarity(names.word("Козлов"), names.word("Козловский")) == 0  # another surname
    assert names.word("в").weight < names.word("Россия").weight < names.word("Козловский").weight
    assert [w.initial for w in names.words("В Госдуме В. Путин А Козловский")] == [
        False,
        False,
        True,
        False,
        True,
        False,
    ]
    assert names.edits("abcd", "abdc", 2) == 1 and names.edits("abc", "xyz", 1) == 2
