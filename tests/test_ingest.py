"""Article ingestion: extraction results (names, values, offsets), the draft graph, the curator's
workflow (review, accept with SHACL, reject), the CLI and the HTTP endpoint, and the evaluation
against the hand-modelled seed article and the synthetic fixtures."""

from __future__ import annotations

import datetime
import json
from decimal import Decimal

import pytest
from click.testing import CliRunner
from conftest import ARTICLE, ROOT, TOKEN
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from server.core.errors import NotFound, ValidationFailed
from server.core.resources import ontology_files
from server.core.settings import Settings
from server.core.translit import slugify, translit
from server.graph.load import load_files
from server.ingest import acts, evaluate, money, workflow
from server.ingest.draft import OA, ORG, PKG, check_selectors
from server.store import EmbeddedStore

FIXTURES = ROOT / "tests" / "fixtures" / "articles"
SEED = ROOT / "data" / "article-2026-01-27.ttl"
BASE = "http://localhost:8000/id/"


def ontology_only_store(settings: Settings) -> EmbeddedStore:
    st = EmbeddedStore(None)
    load_files(st, ontology_files(), settings)
    return st


@pytest.fixture(scope="module")
def env():
    """One store holding only the ontology, with the seed article and both fixtures ingested."""
    settings = Settings.from_env({}, memory=True)
    st = ontology_only_store(settings)
    out = {"settings": settings, "store": st, "drafts": {}}
    for path, day in [
        (ARTICLE, "2026-01-27"),
        *[(p, p.stem[len("article-") :]) for p in sorted(FIXTURES.glob("*.txt"))],
    ]:
        text = path.read_text(encoding="utf-8")
        result = workflow.ingest(st, settings, text, datetime.date.fromisoformat(day), path=path)
        _, _, graph = workflow.load_draft(st, settings, result["name"])
        out["drafts"][path.stem] = {"result": result, "graph": graph, "text": text}
    return out


@pytest.fixture(scope="module")
def seed(env):
    return env["drafts"]["article-2026-01-27"]


def labels_of(g: Graph, cls: URIRef) -> dict[str, URIRef]:
    return {_ru(g, s): s for s in g.subjects(RDF.type, cls)}


def _ru(g: Graph, s: URIRef) -> str:
    return next(str(x) for x in g.objects(s, RDFS.label) if x.language == "ru")


def mentions(g: Graph, s: URIRef) -> list[tuple[int, int, str]]:
    out = []
    for st in g.objects(s, PKG.evidence):
        sels = list(g.objects(st, OA.hasSelector))
        exact = next(str(g.value(x, OA.exact)) for x in sels if g.value(x, OA.exact) is not None)
        pos = next(x for x in sels if g.value(x, OA.start) is not None)
        out.append((int(g.value(pos, OA.start)), int(g.value(pos, OA.end)), exact))
    return sorted(out)


# -- pure extractors ----------------------------------------------------------------------


def test_money_abbreviated_change():
    [ch] = money.changes("снижение порога с 2 млрд до 500 млн рублей, а также")
    assert (ch.from_value, ch.to_value, ch.currency) == (Decimal(2_000_000_000), Decimal(500_000_000), "RUB")
    assert ch.text == "с 2 млрд до 500 млн рублей"
    [ch] = money.changes("лимит с 1,5 до 3 трлн руб. в год")
    assert (ch.from_value, ch.to_value) == (Decimal(1_500_000_000_000), Decimal(3_000_000_000_000))
    [ch] = money.changes("ставка с 10 до 20 % годовых")  # not money: a change in percent
    assert (ch.from_value, ch.to_value, ch.currency, ch.unit) == (Decimal(10), Decimal(20), None, "percent")
    assert money.changes("в период с 2020 до 2025 года") == []  # years as dates, not a parameter
    assert [(a.value, a.currency) for a in money.amounts("выделено 250 тыс. рублей и 3 миллиарда долларов")] == [
        (Decimal(250_000), "RUB"),
        (Decimal(3_000_000_000), "USD"),
    ]


def test_legal_acts_by_number():
    text = "в рамках постановлений №719 и №1649, а также распоряжения № 12"
    found = acts.legal_acts(text)
    assert [(a.kind_ru, a.number) for a in found] == [
        ("Постановление", "719"),
        ("Постановление", "1649"),
        ("Распоряжение", "12"),
    ]
    assert [text[a.start : a.end] for a in found] == ["№719", "№1649", "№ 12"]


def test_translit_and_slugs():
    assert translit("Александр Козловский") == "Aleksandr Kozlovsky"
    assert translit("Михаил Лабудин") == "Mikhail Labudin"
    assert slugify("Козловский Александр") == "kozlovsky-aleksandr"
    assert slugify("СПИК 2.0") == "spik-2-0"


# -- the seed article ---------------------------------------------------------------------


def test_seed_persons_normalised_to_nominative(seed):
    g = seed["graph"]
    persons = labels_of(g, PKG.Person)
    assert set(persons) == {"Александр Козловский", "Михаил Лабудин"}
    koz = persons["Александр Козловский"]
    assert str(koz) == BASE + "person/kozlovsky-aleksandr"
    assert (koz, RDFS.label, Literal("Aleksandr Kozlovsky", lang="en")) in g
    assert (3331, 3353, "Александра Козловского") in mentions(g, koz)  # genitive mention, same person
    assert [m[0] for m in mentions(g, persons["Михаил Лабудин"])] == [1866, 2369]


def test_seed_organisations_aliases_merged_and_noise_dropped(seed):
    g = seed["graph"]
    orgs = {_ru(g, s): s for c in evaluate.ORG_CLASSES for s in g.subjects(RDF.type, c)}
    assert set(orgs) == {
        "Государственная Дума",
        "Экспертный совет по развитию промышленной инфраструктуры",
        "Комитет по промышленности и торговле",
        "Региональное отделение партии «Единая Россия»",
        "Партия «Единая Россия»",
        "Ассоциация кластеров, технопарков и ОЭЗ России",
        "Союз машиностроителей России",
        "Министерство промышленности и торговли Российской Федерации",
    }
    duma = orgs["Государственная Дума"]
    assert [m[2] for m in mentions(g, duma)] == ["Государственной Думе", "ГД", "ГД РФ"]
    assert (duma, RDF.type, PKG.LegislativeBody) in g
    assert [m[2] for m in mentions(g, orgs["Ассоциация кластеров, технопарков и ОЭЗ России"])] == [
        "АКИТ РФ",
        "Ассоциации кластеров, технопарков и ОЭЗ России",
        "АКИТ РФ",
        "АКИТ РФ",
        "Ассоциации кластеров, технопарков и ОЭЗ России",
    ]
    assert [m[:2] for m in mentions(g, orgs["Министерство промышленности и торговли Российской Федерации"])] == [
        (694, 706)
    ]
    branch = orgs["Региональное отделение партии «Единая Россия»"]
    assert (branch, ORG.subOrganizationOf, orgs["Партия «Единая Россия»"]) in g
    council = orgs["Экспертный совет по развитию промышленной инфраструктуры"]
    assert (council, RDF.type, PKG.ExpertCouncil) in g
    assert len(mentions(g, council)) == 4  # the short form 'Экспертный совет' is merged in
    all_labels = {str(o) for o in g.objects(None, RDFS.label)}
    assert not all_labels & {"РФ", "России", "ОЭЗ", "Народная"}


def test_seed_posts(seed):
    g = seed["graph"]
    koz = URIRef(BASE + "person/kozlovsky-aleksandr")
    held = {_ru(g, p): g.value(p, ORG.role) for p in g.objects(koz, ORG.holds)}
    assert held == {
        "Депутат Государственной Думы": PKG.roleDeputy,
        "Первый заместитель председателя Комитета по промышленности и торговле": PKG.roleFirstDeputyChair,
        "Секретарь регионального отделения партии «Единая Россия»": PKG.roleSecretary,
    }
    lab = URIRef(BASE + "person/labudin-mikhail")
    [post] = list(g.objects(lab, ORG.holds))
    assert _ru(g, post) == "Директор Ассоциации кластеров, технопарков и ОЭЗ России"
    assert mentions(g, post)[0][2] == "директор Ассоциации кластеров, технопарков и ОЭЗ России Михаил Лабудин"


def test_seed_legal_acts_and_parameter_change(seed):
    g = seed["graph"]
    acts_found = {
        str(g.value(s, URIRef("http://data.europa.eu/eli/ontology#id_local"))): s
        for s in g.subjects(RDF.type, PKG.LegalAct)
    }
    assert set(acts_found) == {"719", "1649"}
    assert mentions(g, acts_found["719"])[0][2] == "постановлений №719 и №1649"
    [ch] = list(g.subjects(RDF.type, PKG.ParameterChange))
    assert Decimal(str(g.value(ch, PKG.fromValue))) == 2_000_000_000
    assert Decimal(str(g.value(ch, PKG.toValue))) == 500_000_000
    assert str(g.value(ch, PKG.currency)) == "RUB"
    assert str(g.value(ch, PKG.parameter)) == "минимальный порог льготного кредитования"
    assert mentions(g, ch) == [(2010, 2036, "с 2 млрд до 500 млн рублей")]
    [proposal] = list(g.subjects(PKG.hasParameterChange, ch))
    assert g.value(proposal, PKG.changeKind) == PKG.lowerThreshold
    assert set(g.objects(proposal, PKG.proposedBy)) == {
        URIRef(BASE + "person/labudin-mikhail"),
        URIRef(BASE + "org/akit"),
    }
    assert set(g.objects(proposal, PKG.relayedBy)) == {URIRef(BASE + "person/kozlovsky-aleksandr")}
    kinds = {g.value(p, PKG.changeKind) for p in g.subjects(RDF.type, PKG.Proposal)}
    assert {PKG.lowerThreshold, PKG.extendScope, PKG.launchMechanism} <= kinds


def test_every_fact_has_a_matching_selector(env):
    for stem, d in env["drafts"].items():
        g, text = d["graph"], d["text"]
        assert check_selectors(g, text) == [], stem
        check = evaluate.selector_check(g, text)
        assert check["facts_without_evidence"] == [], stem
        for st in g.subjects(RDF.type, PKG.Statement):
            assert g.value(st, PKG.speaker) is not None
        assert d["result"]["summary"]["selectors_ok"] is True


def test_seed_evaluation_meets_targets(seed):
    gold = evaluate.items_from_graph(Graph().parse(SEED))
    rep = evaluate.compare(evaluate.items_from_graph(seed["graph"]), gold, exact_mentions=False)
    assert (rep["persons"]["precision"], rep["persons"]["recall"]) == (1.0, 1.0)
    assert rep["organisations"]["precision"] >= 0.9 and rep["organisations"]["recall"] >= 0.9
    assert (rep["legal_acts"]["precision"], rep["legal_acts"]["recall"]) == (1.0, 1.0)
    assert (rep["parameter_changes"]["precision"], rep["parameter_changes"]["recall"]) == (1.0, 1.0)
    assert rep["persons"]["mentions"]["recall"] == 1.0


@pytest.mark.parametrize("stem", ["article-2026-02-10", "article-2026-03-05"])
def test_fixture_evaluation(env, stem):
    d = env["drafts"][stem]
    expected = evaluate.load_expected(FIXTURES / f"{stem}.expected.json")
    rep = evaluate.compare(
        evaluate.items_from_graph(d["graph"]), evaluate.items_from_expected(expected), exact_mentions=True
    )
    assert (rep["persons"]["precision"], rep["persons"]["recall"]) == (1.0, 1.0), rep["persons"]
    assert rep["organisations"]["precision"] >= 0.9 and rep["organisations"]["recall"] >= 0.9, rep["organisations"]
    assert rep["legal_acts"]["recall"] == 1.0 and rep["legal_acts"]["precision"] == 1.0
    assert rep["parameter_changes"]["recall"] == 1.0 and rep["parameter_changes"]["precision"] == 1.0
    assert rep["persons"]["mentions"]["recall"] == 1.0
    g = d["graph"]
    posts = {(_ru(g, person), _ru(g, post)) for person, post in g.subject_objects(ORG.holds)}
    assert {(p["person"], p["label"]) for p in expected["posts"]} <= posts
    props = [
        (
            str(g.value(p, PKG.changeKind)).rsplit("/", 1)[-1],
            {_ru(g, x) for x in g.objects(p, PKG.proposedBy)},
            _ru(g, p).lower(),
        )
        for p in g.subjects(RDF.type, PKG.Proposal)
    ]
    for want in expected["proposals"]:
        assert any(
            k == want["kind"] and want["proposer"] in who and label.startswith(want["starts_with"])
            for k, who, label in props
        ), (want, props)


# -- workflow -----------------------------------------------------------------------------


def test_accept_validates_and_moves_atomically(env):
    settings = env["settings"]
    st = ontology_only_store(settings)
    text = ARTICLE.read_text(encoding="utf-8")
    res = workflow.ingest(st, settings, text, datetime.date(2026, 1, 27), path=ARTICLE)
    draft_triples = st.triple_count(res["draft"])
    assert [d["name"] for d in workflow.drafts(st, settings)] == ["article-2026-01-27"]
    out = workflow.accept(st, settings, "article-2026-01-27")
    assert out["graph"] == BASE + "graph/article-2026-01-27"
    assert not st.has_graph(res["draft"]) and st.triple_count(out["graph"]) == draft_triples
    assert workflow.drafts(st, settings) == []
    # reasoning ran: inverses of the asserted direction are in the inferred graph
    assert bool(
        st.query(
            "ASK { GRAPH <http://localhost:8000/id/graph/inferred> { "
            "<http://localhost:8000/id/person/labudin-mikhail> <https://w3id.org/policykg/ontology/proposed> ?p } }"
        )
    )
    with pytest.raises(NotFound):
        workflow.review(st, settings, "article-2026-01-27")


def test_accept_refuses_an_invalid_draft_with_the_report(env):
    settings = env["settings"]
    st = ontology_only_store(settings)
    text = (FIXTURES / "article-2026-03-05.txt").read_text(encoding="utf-8")
    res = workflow.ingest(st, settings, text, datetime.date(2026, 3, 5), name="broken")
    # a curator's edit that breaks the shapes: the person loses its English label
    st.update(
        "DELETE { GRAPH ?g { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l } } WHERE { GRAPH ?g { "
        "?s <http://www.w3.org/2000/01/rdf-schema#label> ?l FILTER(?s = <http://localhost:8000/id/person/smirnova-irina>"
        ' && LANG(?l) = "en") } }'
    )
    with pytest.raises(ValidationFailed) as err:
        workflow.accept(st, settings, "broken")
    assert "smirnova-irina" in err.value.message and "rdf-schema#label" in err.value.message
    assert st.has_graph(res["draft"]) and not st.has_graph(BASE + "graph/broken")


def test_reject_drops_the_draft(env):
    settings = env["settings"]
    st = ontology_only_store(settings)
    res = workflow.ingest(st, settings, "Михаил Лабудин предложил новое.", datetime.date(2026, 1, 1), name="tiny")
    assert st.has_graph(res["draft"])
    assert workflow.reject(st, settings, res["draft"]) == {"rejected": res["draft"]}
    assert not st.has_graph(res["draft"])
    with pytest.raises(NotFound):
        workflow.reject(st, settings, "tiny")


def test_links_to_existing_resources_in_seeded_store(store, settings):
    res = workflow.ingest(
        store, settings, ARTICLE.read_text(encoding="utf-8"), datetime.date(2026, 1, 27), name="again", path=ARTICLE
    )
    s = res["summary"]
    assert {(p["status"], p["iri"]) for p in s["persons"]} == {
        ("linked", BASE + "person/kozlovsky-aleksandr"),
        ("linked", BASE + "person/labudin-mikhail"),
    }
    assert {o["status"] for o in s["organisations"]} == {"linked"}
    assert {a["iri"] for a in s["legal_acts"]} == {
        BASE + "instrument/resolution-719",
        BASE + "instrument/resolution-1649",
    }
    assert res["source"] != BASE + "source/article-2026-01-27"  # never reuses the existing source's IRI
    out = workflow.accept(store, settings, "again", reason_after=False)
    assert out["graph"] == BASE + "graph/again"


# -- CLI and HTTP -------------------------------------------------------------------------


def test_cli_ingest_review_accept(tmp_path):
    from server.cli.main import main

    runner = CliRunner()
    opts = ["--data-dir", str(tmp_path / "store")]
    assert runner.invoke(main, ["load", str(ROOT / "ontology" / "policy.ttl"), "--no-reason", *opts]).exit_code == 0
    art = FIXTURES / "article-2026-02-10.txt"
    r = runner.invoke(main, ["ingest", str(art), "--date", "2026-02-10", "--json", *opts])
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert data["draft"] == BASE + "graph/draft/article-2026-02-10"
    assert {p["label"] for p in data["summary"]["persons"]} == {"Максим Топилин", "Роман Петруца"}
    r = runner.invoke(main, ["drafts", *opts])
    assert "article-2026-02-10" in r.output
    r = runner.invoke(main, ["review", "article-2026-02-10", *opts])
    assert "[new] Роман Петруца" in r.output and "[540:554] «Романа Петруцы»" in r.output
    r = runner.invoke(main, ["accept", "article-2026-02-10", "--no-reason", *opts])
    assert r.exit_code == 0 and "graph/article-2026-02-10" in r.output
    r = runner.invoke(main, ["reject", "article-2026-02-10", *opts])
    assert r.exit_code == 1 and "no draft named" in r.output
    r = runner.invoke(main, ["ingest", str(art), "--date", "10.02.2026", *opts])
    assert r.exit_code == 2


def test_http_ingest_needs_token_and_returns_summary(client):
    body = {
        "text": (FIXTURES / "article-2026-03-05.txt").read_text(encoding="utf-8"),
        "date": "2026-03-05",
        "name": "udm",
        "title": "Встреча в Удмуртии",
    }
    r = client.post("/ingest", json=body)
    assert r.status_code == 401 and r.get_json()["error"]["code"] == "unauthorized"
    r = client.post("/ingest", json=body, headers={"Authorization": "Bearer wrong"})
    assert r.status_code == 403
    r = client.post("/ingest", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 201, r.get_data(as_text=True)
    data = r.get_json()
    assert data["draft"] == BASE + "graph/draft/udm"
    assert {p["label"] for p in data["summary"]["persons"]} == {"Ирина Смирнова", "Алексей Волков"}
    [change] = data["summary"]["parameter_changes"]
    assert (change["fromValue"], change["toValue"], change["currency"]) == ("100000000", "50000000", "RUB")
    assert change["quotes"][0]["exact"] == "с 100 млн до 50 млн рублей"
    r = client.get("/ingest/drafts")
    assert [d["name"] for d in r.get_json()["drafts"]] == ["udm"]
    import io

    r = client.post(
        "/ingest",
        data={
            "file": (io.BytesIO("Михаил Лабудин предложил новое.".encode()), "a.txt"),
            "date": "2026-03-06",
            "name": "upload",
        },
        headers={"Authorization": f"Bearer {TOKEN}"},
        content_type="multipart/form-data",
    )
    assert r.status_code == 201 and r.get_json()["draft"] == BASE + "graph/draft/upload"
    assert [p["status"] for p in r.get_json()["summary"]["persons"]] == ["linked"]  # the seeded Михаил Лабудин
    r = client.post("/ingest", data={"text": "x", "date": "yesterday"}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 400 and "date" in r.get_json()["error"]["message"]


def test_text_file_outside_data_is_never_read(tmp_path):
    """A draft naming an absolute path or ../ as its text file does not make the server read it."""
    from rdflib import Graph, Literal, URIRef
    from rdflib.namespace import RDF

    from server.core.namespaces import PKG
    from server.ingest.workflow import article_text

    secret = tmp_path / "secret.txt"
    secret.write_text("secret", encoding="utf-8")
    for path in (str(secret), "../../../../../../" + str(secret).lstrip("/"), "sources/../../pyproject.toml"):
        g = Graph()
        art = URIRef("http://localhost:8000/id/source/x")
        g.add((art, RDF.type, URIRef(PKG + "NewsArticle")))
        g.add((art, URIRef(PKG + "textFile"), Literal(path)))
        assert article_text(g) is None, path
    g = Graph()
    g.add((art, RDF.type, URIRef(PKG + "NewsArticle")))
    g.add((art, URIRef(PKG + "textFile"), Literal("sources/article-2026-01-27.txt")))
    assert "date 2026-01-27" in article_text(g)[:20]


def test_review_of_a_draft_whose_post_is_a_blank_node_or_literal():
    """A draft written by hand (any update can) may give a person a blank-node or literal post:
    the review lists it with its draft label instead of failing on a store lookup."""
    import pyoxigraph as ox

    settings = Settings.from_env({}, memory=True)
    st = EmbeddedStore(None)
    person = f"<{BASE}person/x>"
    holds, member = f"<{ORG}holds>", f"<{ORG}memberOf>"
    nt = (
        f'{person} <{RDF.type}> <{PKG}Person> .\n{person} <{RDFS.label}> "Иван"@ru .\n'
        f'{person} {holds} _:post .\n_:post <{RDFS.label}> "министр"@ru .\n'
        f'{person} {holds} "советник" .\n{person} {member} _:org .\n'
    )
    st.load(nt, ox.RdfFormat.N_TRIPLES, BASE + "graph/draft/hand")
    (item,) = workflow.review(st, settings, "hand")["summary"]["persons"]
    assert sorted(p["label"] for p in item["posts"]) == ["министр", "советник"]
    assert [p["organisation"] for p in item["posts"]] == [None, None]
    assert len(item["organisations"]) == 1
