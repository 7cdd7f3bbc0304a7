"""Ingestion of real news (tests/fixtures/news/dev): specific facts of a few items, the quality of
the whole set against its gold (bench/ingest_quality.py's evaluation), every quote's selectors,
SHACL on every draft, links across articles, and the shapes of amounts, acts and names that the
set does not happen to contain."""

from __future__ import annotations

import datetime
import functools
import json
from decimal import Decimal

import pytest
from conftest import ARTICLE, ROOT, seeded_copy
from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS

from server.core.resources import ontology_files
from server.core.settings import Settings
from server.graph.load import load_files
from server.ingest import acts, evaluate, money, quality, readback, workflow
from server.ingest import orgs as org_extraction
from server.ingest.draft import ELI, ORG, PKG, check_selectors
from server.ingest.extract import extract
from server.ingest.linking import Linker
from server.store import EmbeddedStore

DEV = ROOT / "tests" / "fixtures" / "news" / "dev"
FIXTURES = ROOT / "tests" / "fixtures" / "articles"
TARGETS = {
    "persons": (0.95, 0.95),
    "organisations": (0.9, 0.9),
    "posts": (0.85, 0.85),
    "legal_acts": (0.0, 0.95),
    "money": (0.9, 0.9),
    "changes": (0.0, 0.9),
}


@functools.cache
def _background() -> Graph:
    """The seeded store as one rdflib graph, for reading drafts back (made once)."""
    from server.graph.convert import quads_to_graph

    store, background = seeded_copy(), Graph()
    for info in store.graphs():
        quads_to_graph(store.quads(info.iri), background)
    return background


def ingest_set(folder):
    """Every item of a news set ingested into one fresh store holding the ontology and the seed data."""
    settings = Settings.from_env({}, memory=True)
    store, background = seeded_copy(), _background()
    out = {}
    for item in quality.items(folder):
        res = workflow.ingest(
            store,
            settings,
            item.text,
            item.published or datetime.date(2025, 1, 1),
            name=item.stem,
            url=item.url,
            outlet=item.outlet,
        )
        _, iri, g = workflow.load_draft(store, settings, item.stem)
        out[item.stem] = {
            "item": item,
            "graph": g,
            "iri": iri,
            "result": res,
            "found": readback.read_draft(readback.view(g, background)),
        }
    return {"store": store, "settings": settings, "drafts": out}


@pytest.fixture(scope="module")
def dev():
    return ingest_set(DEV)


def _ru(g: Graph, s) -> str:
    return next(str(x) for x in g.objects(s, RDFS.label) if x.language == "ru")


def _by_label(g: Graph, cls, label: str):
    return next(s for s in g.subjects(RDF.type, cls) if _ru(g, s) == label)


def _quotes(g: Graph, s) -> list[str]:
    return sorted(e for _, _, e in readback.quote_spans(g, s))


# -- specific facts -----------------------------------------------------------------------------


def test_post_after_the_name(dev):
    """'Олег Коробченко, вице-премьер Татарстана - министр промышленности и торговли республики'."""
    g = dev["drafts"]["06-ria-korobchenko-clusters-board"]["graph"]
    person = _by_label(g, PKG.Person, "Олег Коробченко")
    held = {_ru(g, p): p for p in g.objects(person, ORG.holds)}
    minister = held["Министр промышленности и торговли Республики Татарстан"]
    assert g.value(minister, ORG.role) == PKG.roleMinister
    assert _ru(g, g.value(minister, ORG.postIn)) == "Министерство промышленности и торговли Республики Татарстан"
    vice = held["Заместитель председателя правительства Республики Татарстан"]
    assert g.value(vice, ORG.role) == PKG.roleDeputyPrimeMinister
    region = g.value(vice, ORG.postIn)
    assert (region, RDF.type, PKG.Region) in g and _ru(g, region) == "Республика Татарстан"
    assert any(q.startswith("Олег Коробченко, вице-премьер Татарстана") for q in _quotes(g, vice))


def test_post_before_the_name_with_a_genitive(dev):
    """'главы Минпромторга Дениса Мантурова': the minister of the same ministry IRI as elsewhere."""
    g = dev["drafts"]["07-pnp-regional-industry-subsidy"]["graph"]
    person = _by_label(g, PKG.Person, "Денис Мантуров")
    [post] = list(g.objects(person, ORG.holds))
    assert g.value(post, ORG.role) == PKG.roleMinister
    assert g.value(post, ORG.postIn) == URIRef("http://localhost:8000/id/org/minpromtorg")  # the seed's ministry
    assert _quotes(g, post) == ["главы Минпромторга Дениса Мантурова"]


def test_typed_amount_with_qualifier(dev):
    g = dev["drafts"]["01-tass-frp-2080-projects"]["graph"]
    amounts = {_quotes(g, s)[0]: s for s in g.subjects(RDF.type, PKG.MonetaryAmount)}
    a = amounts["более 700 млрд рублей"]
    assert Decimal(str(g.value(a, PKG.amountValue))) == 700_000_000_000
    assert str(g.value(a, PKG.currency)) == "RUB"
    assert g.value(a, PKG.qualifier) == PKG.moreThan
    assert g.value(a, PKG.measureKind) == PKG.measureLoan
    assert str(g.value(a, PKG.measures)) == "суммарный объём выданных фондом льготных займов"
    assert g.value(amounts["перевалила за 700 млрд рублей"], PKG.qualifier) == PKG.moreThan


def test_ordinal_act_and_one_iri_for_an_act_named_twice(dev):
    g = dev["drafts"]["02-tass-kulikov-clusters-inrussia"]["graph"]
    [act] = list(g.subjects(RDF.type, PKG.LegalAct))
    assert str(g.value(act, ELI.id_local)) == "41" and g.value(act, ELI.type_document) == PKG.actResolution
    assert _quotes(g, act) == ["41-е постановление правительства", "постановлению правительства РФ"]
    g = dev["drafts"]["23-tonnametr-postanovlenie-41-klastery"]["graph"]
    resolutions = [s for s in g.subjects(RDF.type, PKG.LegalAct) if g.value(s, ELI.type_document) == PKG.actResolution]
    assert len(resolutions) == 1
    [r] = resolutions
    assert str(g.value(r, ELI.date_document)) == "2016-01-28"
    assert "Подписанное постановление" in _quotes(g, r) and len(_quotes(g, r)) == 2
    law = next(s for s in g.subjects(RDF.type, PKG.LegalAct) if g.value(s, ELI.type_document) == PKG.actFederalLaw)
    assert str(g.value(law, ELI.id_local)) == "488-ФЗ"
    assert str(g.value(law, ELI.title)) == "О промышленной политике в Российской Федерации"


def test_dateline_is_structure_not_an_organisation(dev):
    d = dev["drafts"]["02-tass-kulikov-clusters-inrussia"]
    g = d["graph"]
    labels = {_ru(g, s) for s in readback.instances(g, PKG.Organization)}
    assert not {lab for lab in labels if "ВОДЫ" in lab.upper() or "ТАСС" in lab or "Минводыэкспо" in lab}
    source = URIRef(d["result"]["source"])
    parts = {str(g.value(p, PKG.partKind)).rsplit("/", 1)[-1]: p for p in g.objects(source, DCTERMS.hasPart)}
    dateline = parts["partDateline"]
    assert str(g.value(dateline, RDF.value)) == "МИНЕРАЛЬНЫЕ ВОДЫ /Ставропольский край/, 18 октября. / ТАСС/."
    assert str(g.value(dateline, PKG.datelinePlace)) == "Минеральные Воды"
    assert str(g.value(dateline, PKG.datelineAgency)) == "ТАСС"
    assert str(g.value(parts["partSourceLine"], RDF.value)) == "Источник: ТАСС"
    assert (
        str(g.value(source, DCTERMS.title)) == "Промышленные кластеры получат 430 млн рублей господдержки в 2024 году"
    )


def test_event_with_its_speaker(dev):
    g = dev["drafts"]["02-tass-kulikov-clusters-inrussia"]["graph"]
    session = _by_label(g, PKG.Event, "Пленарная сессия форума InRussia")
    assert {_ru(g, p) for p in g.objects(session, PKG.participant)} == {"Иван Куликов"}


# -- the whole set --------------------------------------------------------------------------------


def test_dev_set_meets_the_targets(dev):
    per_item = {stem: quality.compare_item(d["item"], d["found"]) for stem, d in dev["drafts"].items()}
    summary = quality.summarise(per_item)
    for kind, (p, r) in TARGETS.items():
        got = summary["kinds"][kind]
        assert got["precision"] >= p and got["recall"] >= r, (kind, got)
    assert summary["junk"] == [] and summary["acts_minted_twice"] == []


def test_every_quote_matches_the_text_and_every_draft_passes_shacl(dev):
    store, settings = dev["store"], dev["settings"]
    for stem, d in dev["drafts"].items():
        g = d["graph"]
        assert check_selectors(g, d["item"].text) == [], stem
        assert evaluate.selector_check(g, d["item"].text)["facts_without_evidence"] == [], stem
        report = workflow.validate_draft(store, settings, d["iri"], g)
        assert report.conforms, (stem, report.text())


def test_seed_and_old_fixtures_stay_at_one():
    settings = Settings.from_env({}, memory=True)
    store = EmbeddedStore(None)
    load_files(store, ontology_files(), settings)
    res = workflow.ingest(
        store, settings, ARTICLE.read_text(encoding="utf-8"), datetime.date(2026, 1, 27), path=ARTICLE
    )
    _, _, g = workflow.load_draft(store, settings, res["name"])
    reports = [
        evaluate.compare(
            evaluate.items_from_graph(g),
            evaluate.items_from_graph(Graph().parse(ROOT / "data" / "article-2026-01-27.ttl")),
            exact_mentions=False,
        )
    ]
    for path in sorted(FIXTURES.glob("*.txt")):
        res = workflow.ingest(
            store,
            settings,
            path.read_text(encoding="utf-8"),
            datetime.date.fromisoformat(path.stem[len("article-") :]),
            path=path,
        )
        _, _, g = workflow.load_draft(store, settings, res["name"])
        expected = evaluate.items_from_expected(evaluate.load_expected(path.with_name(path.stem + ".expected.json")))
        reports.append(evaluate.compare(evaluate.items_from_graph(g), expected, exact_mentions=True))
    for rep in reports:
        for kind in ("persons", "organisations", "legal_acts", "parameter_changes"):
            assert (rep[kind]["precision"], rep[kind]["recall"]) == (1.0, 1.0), (kind, rep[kind])


# -- across articles ----------------------------------------------------------------------------------


def test_a_post_and_an_act_named_again_link_to_the_reviewed_ones(store, settings):
    first = "Министр промышленности и торговли РФ Антон Алиханов подписал постановление от 28 января 2016 года № 41."
    later = "Как сообщил глава Минпромторга Антон Алиханов, 41-е постановление правительства продлено."
    res = workflow.ingest(store, settings, first, datetime.date(2025, 8, 1), name="first")
    workflow.accept(store, settings, "first", reason_after=False)
    post = next(p["iri"] for p in res["summary"]["posts"])
    act = next(a["iri"] for a in res["summary"]["legal_acts"])
    res = workflow.ingest(store, settings, later, datetime.date(2025, 8, 2), name="later")
    assert [(p["status"], p["iri"]) for p in res["summary"]["posts"]] == [("linked", post)]
    assert [(a["status"], a["iri"]) for a in res["summary"]["legal_acts"]] == [("linked", act)]


# -- shapes the dev set does not contain ----------------------------------------------------------


def test_amount_shapes():
    text = (
        "Поддержка составит ₽45 млрд. Фонд выдаст 10–12 млрд рублей. Порог снижен до 50 млн рублей вместо "
        "прежних 15 млн. Выделено около 1 миллиарда 400 миллионов рублей, а 4 тыс. проектов уже работают. "
        "Субсидия составит от 10 до 20 млн рублей на проект."
    )
    found = [(a.value, a.value_max, a.currency, a.qualifier) for a in money.amounts(text)]
    assert (Decimal(10_000_000), Decimal(20_000_000), "RUB", "range") in found
    assert (Decimal(45_000_000_000), None, "RUB", None) in found
    assert (Decimal(10_000_000_000), Decimal(12_000_000_000), "RUB", "range") in found
    assert (Decimal(1_400_000_000), None, "RUB", "approximately") in found
    assert all(v != 4000 for v, *_ in found)  # '4 тыс. проектов' is no money
    [change] = [c for c in money.changes(text) if c.from_value == 15_000_000]
    assert (change.to_value, change.currency) == (Decimal(50_000_000), "RUB")


def test_act_shapes():
    text = (
        "Распоряжение № 1234-р и указ президента № 309 ссылаются на приказ Минпромторга № 1995, "
        "федеральный закон № 488-ФЗ «О промышленной политике в Российской Федерации» и проект постановления. "
        "По закону это допустимо."
    )
    found = {(a.kind_concept, a.number, a.title, a.draft) for a in acts.legal_acts(text)}
    assert {(a.kind_concept, a.number) for a in acts.legal_acts("в рамках закона 44-ФЗ и 223-ФЗ")} == {
        ("actFederalLaw", "44-ФЗ"),
        ("actFederalLaw", "223-ФЗ"),
    }
    assert found == {
        ("actDirective", "1234-р", None, False),
        ("actDecree", "309", None, False),
        ("actOrder", "1995", None, False),
        ("actFederalLaw", "488-ФЗ", "О промышленной политике в Российской Федерации", False),
        ("actResolution", None, None, True),
    }  # 'по закону' is no act


def test_names_genitives_and_patronymics():
    text = (
        "Глава Минпромторга Антон Алиханов выступил на форуме. По словам Алиханова, спрос растет. "
        "Антон Андреевич также напомнил о планах. Сенатор Андрей Шевченко и мэр Екатеринбурга Алексей Орлов "
        "поддержали его."
    )
    ex = extract(text, Linker(None, Settings.from_env({}, memory=True)))
    persons = {c.label_ru: [m.text for m in c.mentions] for c in ex.persons}
    assert persons["Антон Алиханов"] == ["Антон Алиханов", "Алиханова", "Антон Андреевич"]
    assert set(persons) == {"Антон Алиханов", "Андрей Шевченко", "Алексей Орлов"}
    assert {(p.person.label_ru, p.label_ru) for p in ex.posts} >= {
        ("Алексей Орлов", "Мэр Екатеринбурга"),
        ("Андрей Шевченко", "Сенатор"),
    }


def test_inflected_names_of_well_known_bodies():
    """'Глава «Ростеха»': a name pymorphy3 does not know still matches the alias table in any case."""
    ex = extract(
        "«Ростех» вложит средства. Глава «Ростеха» Сергей Чемезов рассказал о планах.",
        Linker(None, Settings.from_env({}, memory=True)),
    )
    [org] = ex.orgs
    assert org.label_ru == "Государственная корпорация «Ростех»"
    assert [m.text for m in org.mentions] == ["«Ростех»", "«Ростеха»"]
    [post] = ex.posts
    assert (post.person.label_ru, post.role) == ("Сергей Чемезов", "roleHead")


def test_posts_by_anaphor_chain_and_implied_ministry():
    """Shapes of the second rule pass, in sentences of our own: «директор фонда» is the fund named
    before; «Пост … занял»; «заместитель директора»; a chain joined by «и»; a regional ministry
    named only through its minister is composed and flagged; «вице-мэр»; «уполномоченный при …»."""
    text = (
        "Фонд развития промышленности Иркутской области выдал первые займы. Пост директора фонда занял "
        "Анатолий Коляда. Об итогах рассказал заместитель директора Фонда развития промышленности Сергей "
        "Вологодский. Денис Мантуров, министр промышленности и торговли России и председатель "
        "наблюдательного совета Фонда развития промышленности, поддержал проект. Министр промышленности и "
        "энергетики Ростовской области Андрей Савельев назвал сумму. Вице-мэр Москвы Наталья Сергунина "
        "открыла площадку британской компании Rotork. Уполномоченный при президенте РФ по защите прав "
        "предпринимателей Борис Титов согласился. Г.А. Зюганов выступил против."
    )
    ex = extract(text, Linker(None, Settings.from_env({}, memory=True)))
    posts = {(p.person.label_ru, p.role, p.org.label_ru if p.org else None) for p in ex.posts}
    assert {
        ("Анатолий Коляда", "roleDirector", "Фонд развития промышленности Иркутской области"),
        ("Сергей Вологодский", "roleDeputyDirector", "Фонд развития промышленности"),
        ("Денис Мантуров", "roleMinister", "Министерство промышленности и торговли Российской Федерации"),
        ("Андрей Савельев", "roleMinister", "Министерство промышленности и энергетики Ростовской области"),
        ("Наталья Сергунина", "roleDeputyMayor", None),
        ("Борис Титов", "roleCommissioner", None),
    } <= posts
    assert any(
        p.person.label_ru == "Денис Мантуров"
        and p.role == "roleChair"
        and p.org
        and "Наблюдательный совет" in p.org.label_ru
        for p in ex.posts
    )
    orgs = {o.label_ru: o for o in ex.orgs}
    assert "Rotork" in orgs
    implied = orgs["Министерство промышленности и энергетики Ростовской области"]
    assert implied.cls == "Ministry" and any("через должность" in ru for ru, _ in implied.notes)
    persons = {p.label_ru: p for p in ex.persons}
    assert "Г. А. Зюганов" in persons and "Г.А. Зюганов" in persons["Г. А. Зюганов"].alt_ru


def test_changes_in_percent_counts_and_by_a_factor():
    found = {
        (c.from_value, c.to_value, c.currency, c.unit)
        for c in money.changes(
            "Фонд уменьшит ставку с 5% годовых до 3%. Ставка может опуститься даже до 1% годовых. "
            "Число резидентов выросло с 450 до 1767. Размер займа должен вырасти в четыре раза — до 2 млрд "
            "рублей. Программа действовала с 2020 до 2024 года."
        )
    }
    assert found == {
        (Decimal(5), Decimal(3), None, "percent"),
        (None, Decimal(1), None, "percent"),
        (Decimal(450), Decimal(1767), None, "count"),
        (None, Decimal(2000000000), "RUB", None),
    }
    assert [a.text for a in money.amounts("В августе число займов превысило две тысячи. Выдано 5 млрд рублей.")] == [
        "5 млрд рублей"
    ]


def test_fifth_pass_shapes():
    """Classes of the fifth pass, in sentences of our own: a deputy governor; a region's adjective
    before a federal body's name and that name alone in the headline; «федеральный фонд» beside a
    region's fund; a misprinted surname and ministry name; a named park; an abbreviation spelling
    a body's mention; a convocation between post and name; the head of a Duma committee."""
    text = (
        "Фонд развития промышленности поддержал заводы\n"
        "Тверской фонд развития промышленности выдал заем. "
        "Об этом сообщил заместитель губернатора Олег Лютиков. Министр экономического развития РФ Максим "
        "Решетников посетил индустриальный парк «Боровлёво». Ранее Решетинков и Минэкономразвитя его "
        "одобрили. Наблюдательный совет регионального фонда развития промышленности Тверской области и "
        "РФРП рассмотрели заявки. Глава Комитета Государственной Думы по промышленности и торговле, "
        "депутат Госдумы VIII созыва Владимир Гутенев выступил."
    )
    ex = extract(text, Linker(None, Settings.from_env({}, memory=True)))
    orgs = {o.label_ru: [m.text for m in o.mentions] for o in ex.orgs}
    fund = orgs["Фонд развития промышленности Тверской области"]
    assert {"Фонд развития промышленности", "Тверской фонд развития промышленности", "РФРП"} <= set(fund)
    assert "Фонд развития промышленности" not in orgs
    assert "Минэкономразвитя" in orgs["Министерство экономического развития Российской Федерации"]
    # a named park is drafted (since the nineteenth pass) as a site of its own kind (pkg:IndustrialSite)
    assert [(o.label_ru, o.cls) for o in ex.orgs if "парк" in o.label_ru.lower()] == [
        ("Индустриальный парк «Боровлёво»", "IndustrialSite")
    ]
    [reshetnikov] = [p for p in ex.persons if p.names.get("last") == "Решетников"]
    assert "Решетинков" in [m.text for m in reshetnikov.mentions]
    posts = {(p.person.label_ru, p.role, p.org.label_ru if p.org else None) for p in ex.posts}
    assert ("Олег Лютиков", "roleDeputyGovernor", None) in posts
    assert ("Владимир Гутенев", "roleChair", "Комитет Государственной Думы по промышленности и торговле") in posts
    assert ("Владимир Гутенев", "roleDeputy", "Государственная Дума") in posts
    ex = extract(
        "Кировский фонд развития промышленности выдал заем. Бюджет Кировской области дал 20 млн рублей, федеральный "
        "фонд - 90 млн рублей.",
        Linker(None, Settings.from_env({}, memory=True)),
    )
    assert {o.label_ru: [m.text for m in o.mentions] for o in ex.orgs} == {
        "Фонд развития промышленности Кировской области": ["Кировский фонд развития промышленности"],
        "Фонд развития промышленности": ["федеральный фонд"],
    }


def test_acts_plural_coordinated_and_the_one_bill():
    """«законы» is no act; «федеральные законы «О …» и «Об …»» are two; «принятие закона» after the one
    titled bill is that bill."""
    text = (
        "Министр назвал главные законы года. Документ вносит поправки в федеральные законы «О промышленной "
        "политике в Российской Федерации» и «Об инвестиционных фондах»."
    )
    assert {(r.kind_slug, r.title) for r in acts.legal_acts(text)} == {
        ("federal-law", "О промышленной политике в Российской Федерации"),
        ("federal-law", "Об инвестиционных фондах"),
    }
    text = (
        "Фракция внесла законопроект «О технологической политике». По словам депутата, принятие закона изменит отрасль."
    )
    assert {(r.kind_slug, r.title) for r in acts.legal_acts(text)} == {("bill", "О технологической политике")}


def test_a_new_value_by_a_factor():
    found = {(c.from_value, c.to_value, c.currency) for c in money.changes(
        "Компенсация затрат составила 185 млн рублей — втрое больше, чем годом ранее. Выручка выросла на 5%."
    )}  # fmt: skip
    assert found == {(None, Decimal(185000000), "RUB")}


def test_sixth_pass_shapes():
    """Classes of the sixth pass, in sentences of our own: a region noun alone after a post is the
    article's region; «РТ» in a text naming Tatarstan; «премьер-министра» is no minister; «на
    должность» after a name; an inflected misprint with the country; a governor's post with no name
    beside it is the post of the article's one person without a post; a regional ministry's long
    name past a known one, in brackets after its short name; a bill named by its title and a «проект
    закона» are bills; a change told as a step and the new total, or with the old value earlier in
    the sentence."""
    text = (
        "В Тверской области открыли завод. Об этом сообщил губернатор области Игорь Руденя. "
        "По словам замглавы региона Олега Лютикова, завод получит заем. "
        "Законопроект о технологической промышленной политике внесли в Думу, проекте закона много норм."
    )
    ex = extract(text, Linker(None, Settings.from_env({}, memory=True)))
    posts = {(p.person.label_ru, p.role, p.region.label if p.region else None) for p in ex.posts}
    assert ("Игорь Руденя", "roleGovernor", "Тверская область") in posts
    assert ("Олег Лютиков", "roleDeputyGovernor", "Тверская область") in posts
    found = {(r.kind_slug, r.title) for r in acts.legal_acts(text)}
    # «проект закона» after the article's one titled bill is that bill (pass 24, helper s: dev30's gold, one act)
    assert found == {("bill", "О технологической промышленной политике")}
    ex = extract(
        "Игорь Руденя посетил завод в Тверской области. Губернатор области отметил рост. «Работаем», – сказал глава "
        "региона.",
        Linker(None, Settings.from_env({}, memory=True)),
    )
    assert {(p.person.label_ru, p.role, p.region.label if p.region else None) for p in ex.posts} == {
        ("Игорь Руденя", "roleGovernor", "Тверская область")
    }
    text = (
        "Правительство Республики Татарстан одобрило заем. Об этом сообщила заместитель премьер-министра "
        "правительства РТ – министр финансов Анна Петрова. Первый вице-спикер палаты Госдумы Иван Сидоров и "
        "комитет обсудили кандидатуру Олега Орлова на должность заместителя председателя правительства."
    )
    ex = extract(text, Linker(None, Settings.from_env({}, memory=True)))
    posts = {(p.person.label_ru, p.role, p.org.label_ru if p.org else None) for p in ex.posts}
    assert ("Анна Петрова", "roleDeputyPrimeMinister", "Правительство Республики Татарстан") in posts
    assert ("Анна Петрова", "roleMinister", "Министерство финансов Республики Татарстан") in posts
    assert ("Олег Орлов", "roleDeputyPrimeMinister", "Правительство Российской Федерации") in posts
    assert not any(o.label_ru.startswith("Министерство правительства") for o in ex.orgs)
    ex = extract(
        "Завод вошел в реестр Минпромторга. Реестр Мипромторга РФ открыт.",
        Linker(None, Settings.from_env({}, memory=True)),
    )
    assert [(o.label_ru, len(o.mentions)) for o in ex.orgs] == [
        ("Министерство промышленности и торговли Российской Федерации", 2)
    ]
    ex = extract(
        "Проект одобрили в краевом Минпроме [Министерстве энергетики, промышленности и связи Ставропольского края].",
        Linker(None, Settings.from_env({}, memory=True)),
    )
    assert [(o.label_ru, len(o.mentions)) for o in ex.orgs] == [
        ("Министерство энергетики, промышленности и связи Ставропольского края", 2)
    ]
    assert acts.legal_acts("Совет проводит экспертизу проектов федеральных законов о промышленной деятельности.") == []
    found = {(c.from_value, c.to_value) for c in money.changes(
        "Капитал фонда нарастили на 500 миллионов рублей, и теперь он превышает 3 миллиарда.\n"
        "Затраты оценивались в 2,5 млрд рублей, но их сократили до 2 млрд рублей.\n"
        "Бюджет пополнили на 100 млн рублей, доведя его до 1 млрд рублей."
    )}  # fmt: skip
    assert found == {(None, Decimal(3000000000)), (Decimal(2500000000), Decimal(2000000000)), (None, Decimal(10**9))}


def test_seventh_pass_shapes():
    """Classes of the seventh pass, in sentences of our own: an outlet cited as a report's source and an
    «РИА …» name are no organisations; a federal government post with «РФ» or alone composes the
    Government of Russia, in a chain with «министр промышленности» (the federal minister); an envoy to a
    federal district and his office (also «полпредство»); a first deputy governor; a place adjective is
    no part of a works' name, whose quoted name is its short form; a hyphenated descriptor; a body's
    region after its «по …» complement; an adjective and a kind at a sentence start; an acronym after
    «завод»; a feminine nominative name; a name pair NER missed; a post repeated without its
    complement; «глава региона» where no region is named; «из них N» in the unit of the amount before; an adjective before a post after a name; the head of an unnamed organisation's unit; a bare
    «глава региона» followed by a lower-case word."""
    settings = Settings.from_env({}, memory=True)
    text = (
        "Вице-премьер РФ, министр промышленности Петр Соколов приехал в Тверь. Вместе с ним на заводы ездили "
        "полпред президента в ЦФО Иван Белов и первый замгубернатора Олег Лебедев, рассказали в полпредстве. "
        "Об этом пишет Тверская правда. Репортаж ведет корр. РИА ТверьМедиа."
    )
    ex = extract(text, Linker(None, settings))
    orgs = {o.label_ru for o in ex.orgs}
    office = "Аппарат полномочного представителя Президента Российской Федерации в Центральном федеральном округе"
    assert orgs == {
        "Правительство Российской Федерации",
        "Министерство промышленности и торговли Российской Федерации",
        office,
    }
    assert len(next(o for o in ex.orgs if o.label_ru == office).mentions) == 2
    posts = {(p.person.label_ru, p.role, p.org.label_ru if p.org else None) for p in ex.posts}
    assert posts == {
        ("Петр Соколов", "roleDeputyPrimeMinister", "Правительство Российской Федерации"),
        ("Петр Соколов", "roleMinister", "Министерство промышленности и торговли Российской Федерации"),
        ("Иван Белов", "roleEnvoy", office),
        ("Олег Лебедев", "roleFirstDeputyGovernor", None),
    }
    # a bare post names no body (pass 21: the writers list the Government for it in 2 items of 8, dev7's departure)
    ex = extract("Премьер Петр Соколов осмотрел цех.", Linker(None, settings))
    assert [(p.role, p.org.label_ru if p.org else None) for p in ex.posts] == [("rolePrimeMinister", None)]
    ex = extract("Вице-премьер Татарстана Анна Петрова и вице-премьер Олег Орлов открыли цех.", Linker(None, settings))
    assert all(o.label_ru != "Правительство Российской Федерации" for o in ex.orgs)
    text = (
        "Производственный комплекс собираются построить в Тверской области. Делегация побывала на тверском заводе "
        "«Звезда-Техно» и у ЗАО «Звезда-Техно», а также на заводе ТвАЗМ. Соглашение подписало "
        "научно-исследовательское объединение «Квант». Дело обсудили на заседании комиссии по развитию "
        "экономики Тверской области. Вопрос задала начальник отдела Марта Орлова, а ответил директор "
        "Светлана Крылова."
    )
    ex = extract(text, Linker(None, settings))
    orgs = {o.label_ru: o for o in ex.orgs}
    assert set(orgs) == {
        "ЗАО «Звезда-Техно»",
        "ТвАЗМ",
        "Научно-исследовательское объединение «Квант»",
        "Комиссия по развитию экономики Тверской области",
    }
    assert len(orgs["ЗАО «Звезда-Техно»"].mentions) == 2
    assert "«Квант»" in orgs["Научно-исследовательское объединение «Квант»"].alt_ru
    assert {p.label_ru for p in ex.persons} == {"Марта Орлова", "Светлана Крылова"}
    ex = extract(
        "Соглашение подписали с фондом поддержки участников СВО «Щит». Позже фонд «Щит» открыл офис.",
        Linker(None, settings),
    )
    assert [(o.label_ru, len(o.mentions)) for o in ex.orgs] == [("Фонд «Щит»", 2)]
    text = (
        "Губернатор Тверской области Игорь Петров открыл цех. Позже с тверским губернатором Игорем Петровым "
        "встретились инвесторы."
    )
    ex = extract(text, Linker(None, settings))
    posts = [(p.person.label_ru, p.role, p.region.label if p.region else None, len(p.quotes)) for p in ex.posts]
    assert posts == [("Игорь Петров", "roleGovernor", "Тверская область", 2)]
    ex = extract("В Твери выступил глава региона Олег Лютиков.", Linker(None, settings))
    assert [(p.role, p.org, p.region) for p in ex.posts] == [("roleGovernor", None, None)]
    text = (
        "ЦАМТО, 5 марта. Минпром РФ перечислил деньги региону. Заем выдал Фонд развития промышленности и "
        "венчурных инвестиций Пермского края. Об этом сообщил глава регионального министерства экономики, "
        "промышленности и связи ПК Олег Орлов. Краевой минпром поддержал проект."
    )
    ex = extract(text, Linker(None, settings))
    assert {(o.label_ru, len(o.mentions)) for o in ex.orgs} == {
        ("Министерство промышленности и торговли Российской Федерации", 1),
        ("Фонд развития промышленности и венчурных инвестиций Пермского края", 1),
        ("Министерство экономики, промышленности и связи Пермского края", 2),
    }
    assert [(p.role, p.org.label_ru) for p in ex.posts] == [
        ("roleMinister", "Министерство экономики, промышленности и связи Пермского края")
    ]
    assert [(p.kind, p.agency) for p in ex.layout.parts if p.kind == "dateline"] == [("dateline", "ЦАМТО")]
    found = [
        (a.value, a.currency, a.text)
        for a in money.amounts("Проект стоит 50,5 млн рублей. Из них 20 дает банк. Из них 7 компаний получат заем.")
    ]
    assert found == [(Decimal(50500000), "RUB", "50,5 млн рублей"), (Decimal(20000000), "RUB", "20")]
    ex = extract(
        "Олег Орлов, столичный градоначальник, и Иван Петров, бывший министр, открыли цех. Анна Белова, первый "
        "зампред правительства РФ, выступила.",
        Linker(None, settings),
    )
    assert {(p.person.label_ru, p.role) for p in ex.posts} == {
        ("Олег Орлов", "roleMayor"),
        ("Анна Белова", "roleFirstDeputyPrimeMinister"),
    }
    ex = extract(
        "Олег Лютиков приехал в Тверскую область. Он и глава региона осмотрели завод. Вопрос задала начальник "
        "отдела кадров Анна Белова.",
        Linker(None, settings),
    )
    assert {(p.person.label_ru, p.role, p.region.label if p.region else None, p.role_ru) for p in ex.posts} == {
        ("Олег Лютиков", "roleGovernor", "Тверская область", "губернатор"),
        ("Анна Белова", "roleChief", None, "начальник отдела кадров"),
    }
    ex = extract("Областное Минэкономразвития Тверской области подготовит план.", Linker(None, settings))
    assert [(o.label_ru, "Минэкономразвития Тверской области" in o.alt_ru) for o in ex.orgs] == [
        ("Министерство экономического развития Тверской области", True)
    ]
    text = "В разговоре с Тверским агентством новостей министр рассказал о росте АПК Тверской области."
    start = text.index("Тверским")
    assert org_extraction.cited_medium(text, start, start + len("Тверским агентством новостей"))
    assert org_extraction.is_noise("АПК Тверской области") and not org_extraction.is_noise("Завод Тверской области")
    ex = extract(
        "В Херсонской области открыли цех. Военно-гражданская администрация выделила деньги.", Linker(None, settings)
    )
    assert [o.label_ru for o in ex.orgs] == ["Военно-гражданская администрация Херсонской области"]
    # the scorer: the head of a ministry is its minister, the head of state the president; the envoy's office
    # with or without the country
    assert quality.canonical_role("глава", ["Минпромторг России"]) == quality.canonical_role("министр")
    assert quality.canonical_role("глава российского государства") == quality.canonical_role("президент")
    assert quality.canonical_role("первый замгубернатора") == "first-deputy-governor"
    assert quality.forms("аппарат полномочного представителя президента РФ в ЦФО") & quality.forms(
        "Аппарат полномочного представителя Президента в ЦФО"
    )
    assert quality.forms("федеральный фонд развития промышленности") & quality.forms("Фонд развития промышленности")


# Since the nineteenth pass a named industrial park (since the twentieth, also a special economic zone) is a site
# of its own kind (pkg:IndustrialSite), not an organisation, and a writer's gold organisation for a site the draft
# found is set apart in scoring (the writers list them as organisations and as not-entities about equally often).
# A park's head is a post in it, which dev18's writer did not list (its posts' precision 1.00 -> 0.96).
# dev96's writer listed «вице-губернатор – вице-премьер …» of 1916 once, with the government; the headline's «Заместителем
# … губернатора стал 27-летний Имя», read since the forty-eighth pass, is a second post to the measure (posts' precision
# 1.00 -> 0.98). The learned readers' refit on 1986 items lost three older items the refit on 1946 had: a duty's
# minimum «не менее 250 евро … не менее 450 евро» (841, dev42's changes' recall 0.90 -> 0.84), an unnumbered
# «постановление» drafted (934, dev47's acts' precision 0.79 -> 0.73), investments «134 млрд … будет 136 млрд» (1551,
# dev78's changes' recall 1.00 -> 0.83). Since the forty-ninth pass «согласовывали с федеральным Минпромом» (1846) is the
# federal ministry, no longer folded into the region's «Минпром»; the measure's greedy one-to-one matching gives it the
# region's ministry's gold (its alias «Минпром России» is «Минпром» to the measure) and counts the region's ministry a
# duplicate (dev92's organisations' precision 0.88 -> 0.87). The refit on 2026 items won back the duty's minimum of 841
# (dev42's changes' recall 0.84 -> 0.89) and lost a fund's «достигла 250 млн рублей» (1466, dev73's changes' recall
# 1.00 -> 0.66). The refit on 2066 items won back the unnumbered «постановление» of 934 (dev47's acts' precision 0.73 ->
# 0.79). Since the fifty-first pass the old sum of a change written bare before the new one's unit («с 10 до 20 млн
# рублей») is an amount of its own, as the writers list it in 210 of 215 such changes; dev19's and dev20's writers did
# not (391, 392: money's precision 0.97 -> 0.95, 0.89 -> 0.86). The administration owning a department named in it
# («Комитет … администрации Петербурга») is named too, as the writers list it in 12 of 13 such units; dev31's writer
# did not (614: organisations' precision 0.90 -> 0.87). An acting minister named by «Обязанности министра … будет
# исполнять Имя» is of the ministry named before («… Тверской области»), which dev94's writer left without its region
# (1877: posts 0.88/0.72 -> 0.86/0.71). The refit on 2106 items lost again the duty's minimum of 841 (dev42's changes'
# recall 0.89 -> 0.84). The refit on 2146 items won it back (0.84 -> 0.89) and dev14's «от 3 лет (прежде — от 5 лет)» (291),
# and lost again the unnumbered «постановление» of 934 (dev47's acts' precision 0.79 -> 0.73) and a sum «удвоено — это
# более шести триллионов рублей» (1764, dev88's changes' recall 0.83 -> 0.66). Since the fifty-third pass «в налоговой
# службе края» (618) is the federal tax service's office in the region, which dev31's writer did not list (organisations'
# precision 0.87 -> 0.85); «Проект регионального (областного) закона» is a bill, as dev65's writer has it (1287: acts
# 0.80/0.80 -> 1.00/1.00), where dev93's writer wrote «областной закон» (1865: acts 0.50/0.75 -> 0.33/0.50); «межведомственная
# комиссия при Минпромторге РФ» and «Межведомственная комиссия по специальным инвестиционным контрактам» of 1711 are one
# body, labelled by its field, a name dev86's writer listed as a not-entity (junk 0 -> 1). Its second part reads «завод им.
# Коминтерна» as a works by its eponym, where 1572 names «НИИ измерительных приборов завод им. Коминтерна» (dev79's
# organisations 0.92/0.95 -> 0.91/0.94), and «генконструктор» as a post, which dev91's writer did not list for 1816 (posts'
# precision 0.95 -> 0.93). The refit on 2185 items lost again the duty's minimum of 841 (dev42's changes' recall 0.89 ->
# 0.84) and a fall «опустились до 93,2% и 90,2%» (1335, dev67's changes 0.88/0.88 -> 0.81/0.81), and won back the
# investments of 1551 (dev78's changes' recall 0.83 -> 1.00). The refit on 2225 items lost again the investments of 1551 (dev78's changes' recall 1.00 -> 0.83) and won a
# duty's floor «не меньше 10 рублей за тонну» of 990 (dev50's changes' recall 0.75 -> 0.78). The refit on 2305 items
# lost that floor of 990 again (dev50's changes' recall 0.78 -> 0.75). The fifty-eighth pass reads «главой Союза\n
# промышленников … Владимиром\nЛучниковым», broken over lines, as the union's head, which dev104's writer gave as its chair
# (2082: posts' precision 1.00 -> 0.96), and the headline's «покинет пост главы ярославского департамента …» as a post
# dev110's writer left to the body's acting head (2198: posts' precision 0.95 -> 0.93). The refit on 2385 items won back
# the unnumbered «постановление» of 934 (dev47's acts 0.73/0.79 -> 0.80/0.86) and the investments of 1551 (dev78's
# changes' recall 0.83 -> 1.00), and lost a zone's «сейчас занимает 72 га, вырастет до 724 га» (1889, dev95's changes
# 1.00/1.00 -> 0.50/0.50: the new value without the old). The fifty-ninth pass reads «глава» of a region's
# government as its head again (the measure's reading before the fifty-eighth pass, which an older test asserts), so
# dev32's «руководитель временного правительства» of 637 no longer matches the drafted premier (posts 1.00/1.00 ->
# 0.91/0.91). The sixtieth pass names a public institution by its kind and quoted name, so 59's «автономного учреждения
# "Фонд развития промышленности … Вологодской области"» is drafted beside the regional fund the writer listed (dev3's
# organisations' precision 0.98 -> 0.96), and «Во главе делегации — председатель …» as a delegation's head, which
# dev119's writer placed in the Federation Council (2367: posts' precision 0.96 -> 0.94).
#: the later development sets' figures after the sixty-first rule pass and the learned readers of changes and acts
#: (bench/results/ingest-quality-devN.md): floors
FLOORS = {
    "dev2": {
        "persons": (1.0, 1.0),
        "organisations": (0.98, 0.93),
        "posts": (1.0, 0.97),
        "legal_acts": (1.0, 0.9),
        "money": (1.0, 1.0),
        "changes": (1.0, 1.0),
    },
    "dev3": {
        "persons": (1.0, 1.0),
        "organisations": (0.96, 0.94),
        "posts": (1.0, 1.0),
        "legal_acts": (0.87, 0.87),
        "money": (1.0, 1.0),
        "changes": (1.0, 0.88),
    },
    "dev4": {
        "persons": (1.0, 1.0),
        "organisations": (1.0, 0.91),
        "posts": (0.95, 0.92),
        "legal_acts": (1.0, 0.7),
        "money": (1.0, 1.0),
        "changes": (1.0, 1.0),
    },
    "dev5": {
        "persons": (1.0, 1.0),
        "organisations": (1.0, 0.94),
        "posts": (1.0, 0.93),
        "legal_acts": (1.0, 1.0),
        "money": (1.0, 1.0),
        "changes": (1.0, 1.0),
    },
    "dev6": {
        "persons": (1.0, 1.0),
        "organisations": (0.86, 0.87),
        "posts": (0.95, 0.88),
        "legal_acts": (1.0, 0.88),
        "money": (0.9, 1.0),
        "changes": (1.0, 1.0),
    },
    "dev7": {  # orgs recall 0.91 -> 0.88 in pass 15: an envoy's office is an organisation only where the text names it; 0.89 -> 0.86 in pass 21: no government from a bare «премьер» (this writer's departure, README)
        "persons": (1.0, 1.0),
        "organisations": (1.0, 0.86),
        "posts": (1.0, 1.0),
        "legal_acts": (1.0, 0.12),
        "money": (1.0, 1.0),
        "changes": (1.0, 1.0),
    },
    "dev8": {  # the seventh held-out set (first measured: 0.80/0.79 orgs, 0.89/0.76 posts)
        "persons": (1.0, 1.0),
        "organisations": (0.97, 1.0),
        "posts": (1.0, 0.94),
        "legal_acts": (0.88, 1.0),
        "money": (1.0, 1.0),
        "changes": (1.0, 1.0),
    },
    "dev9": {  # the eighth held-out set
        "persons": (1.0, 1.0),
        "organisations": (0.96, 0.94),
        "posts": (0.97, 0.94),
        "legal_acts": (1.0, 1.0),
        "money": (1.0, 1.0),
        "changes": (1.0, 0.75),
    },
    "dev10": {  # the ninth held-out set
        "persons": (1.0, 1.0),
        "organisations": (0.95, 0.95),
        "posts": (1.0, 0.97),
        "legal_acts": (1.0, 1.0),
        "money": (1.0, 1.0),
        "changes": (1.0, 1.0),
    },
    "dev11": {  # the tenth held-out set (first measured: orgs 0.82/0.80, posts 0.94/0.67)
        "persons": (1.0, 1.0),
        "organisations": (0.98, 0.96),
        "posts": (1.0, 0.93),
        "legal_acts": (1.0, 1.0),
        "money": (1.0, 1.0),
        "changes": (1.0, 1.0),
    },
    "dev12": {  # the eleventh held-out set (first measured: orgs 0.70/0.84, posts 0.79/0.61)
        "persons": (1.0, 1.0),
        "organisations": (0.91, 0.97),
        "posts": (1.0, 0.96),
        "legal_acts": (0.8, 1.0),
        "money": (1.0, 1.0),
        "changes": (1.0, 1.0),
    },
    "dev13": {  # the twelfth held-out set (first measured: orgs 0.84/0.84, posts 0.87/0.69)
        "persons": (1.0, 1.0),
        "organisations": (0.92, 0.92),
        "posts": (0.97, 0.8),
        "legal_acts": (1.0, 1.0),
        "money": (1.0, 1.0),
        "changes": (1.0, 1.0),
    },
    "dev14": {  # the thirteenth held-out set (first measured: orgs 0.80/0.83, posts 0.91/0.86)
        "persons": (1.0, 1.0),
        "organisations": (0.94, 0.98),
        "posts": (1.0, 0.97),
        "legal_acts": (1.0, 1.0),
        "money": (1.0, 1.0),
        "changes": (1.0, 1.0),
    },
    "dev15": {  # the fourteenth held-out set (first measured: orgs 0.84/0.84, posts 0.94/0.81)
        "persons": (1.0, 1.0),
        "organisations": (0.96, 1.0),
        "posts": (1.0, 1.0),
        "legal_acts": (1.0, 0.83),
        "money": (1.0, 1.0),
        "changes": (1.0, 1.0),
    },
    "dev16": {  # the fifteenth held-out set (first measured: orgs 0.79/0.82, posts 0.89/0.89)
        "persons": (1.0, 1.0),
        "organisations": (0.97, 0.93),
        "posts": (1.0, 1.0),
        "legal_acts": (1.0, 1.0),
        "money": (1.0, 1.0),
        "changes": (0.66, 1.0),
    },
    "dev17": {  # the sixteenth held-out set (first measured: orgs 0.87/0.86, posts 0.94/0.89)
        "persons": (1.0, 1.0),
        "organisations": (0.98, 0.98),
        "posts": (1.0, 1.0),
        "legal_acts": (1.0, 1.0),
        "money": (1.0, 1.0),
        "changes": (1.0, 1.0),
    },
    "dev18": {  # the seventeenth held-out set (first measured: orgs 0.79/0.80, posts 0.92/0.76)
        "persons": (1.0, 1.0),
        "organisations": (0.93, 0.98),
        "posts": (0.96, 1.0),
        "legal_acts": (1.0, 1.0),
        "money": (1.0, 0.96),
        "changes": (1.0, 1.0),
    },
    "dev19": {  # the eighteenth held-out set (first measured: orgs 0.83/0.83, posts 0.91/0.91)
        "persons": (0.95, 1.0),
        "organisations": (0.95, 0.95),
        "posts": (0.95, 0.95),
        "legal_acts": (1.0, 1.0),
        "money": (0.95, 1.0),
        "changes": (0.85, 0.85),
    },
    "dev20": {  # the nineteenth held-out set (first measured: orgs 0.79/0.87, posts 0.93/0.82)
        "persons": (1.0, 1.0),
        "organisations": (0.92, 0.97),
        "posts": (1.0, 0.94),
        "legal_acts": (1.0, 1.0),
        "money": (0.86, 1.0),
        "changes": (1.0, 0.88),
    },
    "dev21": {  # the twentieth held-out set (first measured: orgs 0.86/0.90, posts 0.95/0.78)
        "persons": (1.0, 1.0),
        "organisations": (0.97, 1.0),
        "posts": (1.0, 1.0),
        "legal_acts": (0.92, 1.0),
        "money": (1.0, 1.0),
        "changes": (1.0, 1.0),
    },
    "dev22": {  # the twenty-first held-out set (first measured: orgs 0.93/0.82, posts 1.00/0.85)
        "persons": (1.0, 1.0),
        "organisations": (0.96, 0.91),
        "posts": (1.0, 1.0),
        "legal_acts": (1.0, 1.0),
        "money": (1.0, 1.0),
        "changes": (1.0, 1.0),
    },
    "dev23": {  # the twenty-second held-out set (first measured: orgs 0.74/0.81 with parks counted as organisations, posts 0.90/0.65)
        "persons": (1.0, 1.0),
        "organisations": (0.95, 0.97),
        "posts": (0.95, 0.88),
        "legal_acts": (1.0, 1.0),
        "money": (1.0, 1.0),
        "changes": (1.0, 1.0),
    },
    "dev24": {  # the twenty-third held-out set (first measured: orgs 0.87/0.91, posts 1.00/0.96)
        "persons": (1.0, 1.0),
        "organisations": (0.97, 0.97),
        "posts": (1.0, 1.0),
        "legal_acts": (1.0, 1.0),
        "money": (1.0, 1.0),
        "changes": (1.0, 0.83),
    },
    "dev25": {  # the twenty-fourth held-out set (first measured: orgs 0.94/0.92, posts 0.90/0.78)
        "persons": (1.0, 1.0),
        "organisations": (0.93, 0.93),
        "posts": (1.0, 0.91),
        "legal_acts": (1.0, 1.0),
        "money": (1.0, 1.0),
        "changes": (0.88, 1.0),
    },
    "dev26": {  # the twenty-fifth held-out set (first measured: orgs 0.79/0.75, posts 0.85/0.76)
        "persons": (1.0, 1.0),
        "organisations": (0.93, 0.91),
        "posts": (0.97, 0.91),
        "legal_acts": (1.0, 1.0),
        "money": (1.0, 0.95),
        "changes": (1.0, 1.0),
    },
    "dev27": {  # the twenty-sixth held-out set (first measured: orgs 0.91/0.97, posts 1.00/0.82)
        "persons": (1.0, 1.0),
        "organisations": (0.93, 0.96),
        "posts": (1.0, 0.9),
        "legal_acts": (1.0, 1.0),
        "money": (1.0, 1.0),
        "changes": (1.0, 0.77),
    },
    "dev28": {  # the twenty-seventh held-out set (first measured on 17 of its 20 items: orgs 0.87/0.92, posts 1.00/0.65)
        "persons": (1.0, 1.0),
        "organisations": (0.95, 1.0),
        "posts": (1.0, 0.9),
        "legal_acts": (1.0, 1.0),
        "money": (1.0, 0.92),
        "changes": (1.0, 1.0),
    },
    "dev29": {  # the twenty-eighth held-out set (first measured on 17 of its 20 items: orgs 0.80/0.86, posts 1.00/0.89)
        "persons": (1.0, 1.0),
        "organisations": (0.86, 0.92),
        "posts": (1.0, 0.85),
        "legal_acts": (1.0, 1.0),
        "money": (1.0, 1.0),
        "changes": (1.0, 1.0),
    },
    "dev30": {  # the twenty-ninth held-out set (first measured: orgs 0.90/0.97, posts 0.93/0.88)
        "persons": (1.0, 1.0),
        "organisations": (0.95, 0.98),
        "posts": (0.93, 0.93),
        "legal_acts": (1.0, 1.0),
        "money": (1.0, 1.0),
        "changes": (1.0, 1.0),
    },
    "dev31": {  # the thirtieth held-out set (first measured: orgs 0.66/0.76, posts 0.82/0.82)
        "persons": (1.0, 1.0),
        "organisations": (0.85, 0.89),
        "posts": (1.0, 1.0),
        "legal_acts": (0.9, 1.0),
        "money": (1.0, 1.0),
        "changes": (1.0, 0.75),
    },
    "dev32": {  # the thirty-first held-out set (first measured: orgs 0.81/0.90, acts 0.77/0.77, persons 0.71/1.00)
        "persons": (1.0, 1.0),
        "organisations": (0.92, 0.92),
        "posts": (0.9, 0.9),
        "legal_acts": (0.92, 1.0),
        "money": (1.0, 1.0),
        "changes": (1.0, 0.85),
    },
    "dev33": {  # the thirty-second held-out set (first measured: orgs 0.95/0.97, posts 1.00/1.00, changes 0.00/0.00)
        "persons": (1.0, 0.92),
        "organisations": (0.97, 1.0),
        "posts": (1.0, 1.0),
        "legal_acts": (1.0, 1.0),
        "money": (1.0, 1.0),
        "changes": (0.85, 1.0),
    },
    "dev34": {  # the thirty-third held-out set (first measured: orgs 0.89/0.91, acts 0.80/0.92, changes 0.20/0.14)
        "persons": (1.0, 1.0),
        "organisations": (0.93, 0.95),
        "posts": (0.92, 1.0),
        "legal_acts": (0.92, 1.0),
        "money": (1.0, 1.0),
        "changes": (1.0, 0.87),
    },
    "dev35": {  # the thirty-fourth held-out set (first measured: orgs 0.92/0.94, posts 0.89/0.67, acts 0.93/1.00)
        "persons": (1.0, 1.0),
        "organisations": (0.95, 0.96),
        "posts": (1.0, 1.0),
        "legal_acts": (0.93, 1.0),
        "money": (1.0, 1.0),
        "changes": (1.0, 1.0),
    },
    "dev36": {  # the thirty-fifth held-out set (first measured: money 1.00/1.00, posts 0.89/0.89, changes 0.71/0.26)
        "persons": (1.0, 1.0),
        "organisations": (0.91, 0.91),
        "posts": (1.0, 1.0),
        "legal_acts": (0.88, 1.0),
        "money": (1.0, 1.0),
        "changes": (1.0, 0.78),
    },
    "dev37": {  # the thirty-sixth held-out set (first measured: orgs 0.98/0.91, money 1.00/1.00, changes 0.67/0.18)
        "persons": (1.0, 1.0),
        "organisations": (0.97, 0.95),
        "posts": (1.0, 1.0),
        "legal_acts": (0.88, 0.95),
        "money": (1.0, 1.0),
        "changes": (0.85, 0.54),
    },
    "dev38": {  # the thirty-seventh held-out set (first measured: orgs 0.88/0.90, posts 0.86/0.71, changes 1.00/0.62)
        "persons": (0.87, 1.0),
        "organisations": (0.91, 0.91),
        "posts": (0.93, 0.82),
        "legal_acts": (1.0, 1.0),
        "money": (0.95, 1.0),
        "changes": (1.0, 1.0),
    },
    "dev39": {  # the thirty-eighth held-out set (first measured: posts 1.00/0.89, money 1.00/0.96, changes 0.85/0.73)
        "persons": (1.0, 1.0),
        "organisations": (0.9, 0.87),
        "posts": (1.0, 1.0),
        "legal_acts": (0.75, 0.93),
        "money": (1.0, 0.96),
        "changes": (0.93, 0.87),
    },
    "dev40": {  # the thirty-ninth held-out set (first measured: persons 1.00/1.00, orgs 0.94/0.92, money 1.00/1.00, changes 0.75/0.60 with the learned model)
        "persons": (1.0, 1.0),
        "organisations": (0.96, 0.94),
        "posts": (1.0, 1.0),
        "legal_acts": (0.92, 0.92),
        "money": (1.0, 1.0),
        "changes": (1.0, 1.0),
    },
    "dev41": {  # the fortieth held-out set (first measured: persons 1.00/1.00, orgs 0.98/0.91, acts 0.86/0.92, money 0.94/1.00, changes 0.57/0.57)
        "persons": (1.0, 1.0),
        "organisations": (1.0, 0.97),
        "posts": (1.0, 0.94),
        "legal_acts": (0.92, 0.92),
        "money": (0.93, 1.0),
        "changes": (0.87, 0.87),
    },
    "dev42": {  # the forty-first held-out set (first measured: persons 1.00/1.00, posts 1.00/0.77, acts 0.94/0.94, money 0.97/0.97, changes 0.80/0.42)
        "persons": (1.0, 1.0),
        "organisations": (0.87, 0.97),
        "posts": (1.0, 1.0),
        "legal_acts": (0.94, 0.94),
        "money": (1.0, 1.0),
        "changes": (1.0, 0.84),
    },
    "dev43": {  # the forty-second held-out set (first measured: persons 1.00/1.00, posts 1.00/0.91, acts 1.00/0.78, money 0.77/1.00, changes 0.47/0.50)
        "persons": (1.0, 1.0),
        "organisations": (0.86, 0.93),
        "posts": (1.0, 0.91),
        "legal_acts": (0.94, 0.84),
        "money": (0.77, 1.0),
        "changes": (0.76, 0.77),
    },
    "dev44": {  # the forty-third held-out set (first measured: persons 1.00/1.00, organisations 0.93/0.90, posts 1.00/1.00, acts 0.85/0.80, money 0.97/0.94, changes 0.83/0.29)
        "persons": (1.0, 1.0),
        "organisations": (0.97, 1.0),
        "posts": (1.0, 1.0),
        "legal_acts": (1.0, 1.0),
        "money": (0.94, 0.97),
        "changes": (1.0, 0.76),
    },
    "dev45": {  # the forty-fourth held-out set (first measured: persons 0.88/1.00, organisations 0.86/0.88, posts 0.87/0.87, acts 0.88/0.78, money 1.00/1.00, changes 0.92/0.85)
        "persons": (1.0, 1.0),
        "organisations": (0.92, 1.0),
        "posts": (1.0, 1.0),
        "legal_acts": (0.9, 0.94),
        "money": (1.0, 1.0),
        "changes": (1.0, 0.92),
    },
    "dev46": {  # the forty-fifth held-out set (first measured: persons 0.91/0.91, organisations 0.97/0.89, posts 1.00/0.83, acts 0.75/0.90, money 1.00/0.96, changes 0.75/0.50)
        "persons": (1.0, 1.0),
        "organisations": (1.0, 0.92),
        "posts": (1.0, 1.0),
        "legal_acts": (0.8, 1.0),
        "money": (1.0, 1.0),
        "changes": (1.0, 0.91),
    },
    "dev47": {  # the forty-sixth held-out set (first measured: persons 1.00/1.00, organisations 1.00/0.92, posts 0.85/0.80, acts 0.76/0.71, money 0.94/0.91, changes 0.78/0.68)
        "persons": (1.0, 1.0),
        "organisations": (1.0, 0.94),
        "posts": (0.92, 0.86),
        "legal_acts": (0.8, 0.85),
        "money": (0.94, 0.91),
        "changes": (0.93, 0.87),
    },
    "dev48": {  # the forty-seventh held-out set (first measured: persons 1.00/1.00, organisations 0.82/0.87, posts 0.92/0.80, acts 0.80/0.66, money 1.00/1.00, changes 0.87/0.73)
        "persons": (1.0, 1.0),
        "organisations": (0.85, 0.89),
        "posts": (0.92, 0.86),
        "legal_acts": (0.93, 0.83),
        "money": (1.0, 1.0),
        "changes": (0.94, 0.89),
    },
    "dev49": {  # the forty-eighth held-out set (first measured: persons 0.90/1.00, organisations 0.87/0.97, posts 1.00/0.72, acts 1.00/1.00, money 0.74/1.00, changes 0.70/0.61)
        "persons": (0.9, 1.0),
        "organisations": (0.92, 0.97),
        "posts": (1.0, 0.72),
        "legal_acts": (1.0, 1.0),
        "money": (0.74, 1.0),
        "changes": (0.9, 0.96),
    },
    "dev50": {  # the forty-ninth held-out set (first measured: persons 1.00/1.00, organisations 0.91/0.94, posts 1.00/1.00, acts 0.88/0.94, money 0.89/0.87, changes 0.82/0.38)
        "persons": (1.0, 1.0),
        "organisations": (0.91, 0.94),
        "posts": (1.0, 1.0),
        "legal_acts": (0.88, 0.94),
        "money": (1.0, 0.97),
        "changes": (0.96, 0.77),
    },
    "dev51": {  # the fiftieth held-out set (first measured: persons 1.00/1.00, organisations 0.91/0.91, posts 1.00/1.00, acts 0.89/0.85, money 0.97/0.97, changes 0.60/0.33)
        "persons": (1.0, 1.0),
        "organisations": (0.97, 0.95),
        "posts": (1.0, 1.0),
        "legal_acts": (0.89, 0.85),
        "money": (1.0, 1.0),
        "changes": (0.94, 0.88),
    },
    "dev52": {  # the fifty-first held-out set (first measured: persons 1.00/1.00, organisations 0.95/0.92, posts 1.00/0.85, acts 0.91/0.95, money 0.87/0.93, changes 0.50/0.44)
        "persons": (1.0, 1.0),
        "organisations": (0.97, 0.97),
        "posts": (1.0, 0.85),
        "legal_acts": (0.91, 0.95),
        "money": (0.87, 0.93),
        "changes": (1.0, 0.88),
    },
    "dev53": {  # the fifty-second held-out set (first measured: persons 1.00/1.00, organisations 0.86/0.98, posts 1.00/1.00, acts 0.86/0.72, money 1.00/1.00, changes 0.62/0.35)
        "persons": (1.0, 1.0),
        "organisations": (0.94, 1.0),
        "posts": (1.0, 1.0),
        "legal_acts": (0.88, 0.88),
        "money": (1.0, 1.0),
        "changes": (0.83, 0.71),
    },
    "dev54": {  # the fifty-third held-out set (first measured: persons 1.00/0.97, organisations 0.90/0.80, posts 0.93/0.68, acts 1.00/0.86, money 1.00/1.00, changes 1.00/0.23)
        "persons": (1.0, 0.96),
        "organisations": (0.93, 0.87),
        "posts": (1.0, 0.73),
        "legal_acts": (1.0, 0.85),
        "money": (1.0, 1.0),
        "changes": (1.0, 0.61),
    },
    "dev55": {  # the fifty-fourth held-out set (first measured: persons 1.00/1.00, organisations 0.90/0.92, posts 0.96/0.93, acts 0.75/0.90, money 0.97/0.97, changes —/0.00)
        "persons": (1.0, 1.0),
        "organisations": (0.96, 0.91),
        "posts": (0.96, 0.96),
        "legal_acts": (0.75, 0.9),
        "money": (0.97, 0.97),
        "changes": (1.0, 0.83),
    },
    "dev56": {  # the fifty-fifth held-out set (first measured: persons 1.00/1.00, organisations 0.93/0.88, posts 0.93/0.80, acts 1.00/0.67, money 1.00/1.00, changes 0.71/0.67)
        "persons": (1.0, 1.0),
        "organisations": (0.96, 0.89),
        "posts": (1.0, 0.97),
        "legal_acts": (1.0, 0.66),
        "money": (1.0, 1.0),
        "changes": (0.85, 0.86),
    },
    "dev57": {  # the fifty-sixth held-out set (first measured: persons 0.94/1.00, organisations 0.83/0.71, posts 0.80/0.73, acts 0.90/0.82, money 0.98/0.96, changes 0.75/0.43)
        "persons": (0.97, 1.0),
        "organisations": (0.85, 0.82),
        "posts": (0.87, 0.84),
        "legal_acts": (0.9, 0.9),
        "money": (1.0, 0.97),
        "changes": (0.85, 0.85),
    },
    "dev58": {  # the fifty-seventh held-out set (first measured: persons 0.97/0.91, organisations 0.89/0.85, posts 0.85/0.68, acts 0.78/0.88, money 1.00/1.00, changes 0.50/0.50)
        "persons": (1.0, 0.93),
        "organisations": (0.88, 0.85),
        "posts": (1.0, 0.82),
        "legal_acts": (0.87, 0.87),
        "money": (1.0, 1.0),
        "changes": (0.66, 0.66),
    },
    "dev59": {  # the fifty-eighth held-out set (first measured: persons 1.00/0.96, organisations 0.91/0.77, posts 0.93/0.75)
        "persons": (1.0, 1.0),
        "organisations": (0.96, 0.85),
        "posts": (1.0, 0.83),
        "legal_acts": (0.92, 0.81),
        "money": (1.0, 1.0),
        "changes": (1.0, 0.8),
    },
    "dev60": {  # the fifty-ninth held-out set (first measured: persons 0.92/1.00, organisations 0.81/0.90, posts 0.91/0.79)
        "persons": (1.0, 1.0),
        "organisations": (0.89, 0.98),
        "posts": (0.97, 0.89),
        "legal_acts": (1.0, 1.0),
        "money": (1.0, 0.96),
        "changes": (1.0, 0.75),
    },
    "dev61": {  # the sixtieth held-out set (first measured: persons 1.00/1.00, organisations 0.99/0.84, posts 0.95/0.73)
        "persons": (1.0, 1.0),
        "organisations": (1.0, 0.87),
        "posts": (0.97, 0.79),
        "legal_acts": (1.0, 0.8),
        "money": (0.95, 1.0),
        "changes": (1.0, 0.7),
    },
    "dev62": {  # the sixty-first held-out set (first measured: persons 1.00/1.00, organisations 0.88/0.91, posts 1.00/1.00)
        "persons": (1.0, 1.0),
        "organisations": (0.87, 0.9),
        "posts": (1.0, 1.0),
        "legal_acts": (0.75, 1.0),
        "money": (1.0, 1.0),
        "changes": (1.0, 1.0),
    },
    "dev63": {  # the sixty-second held-out set (first measured: persons 0.96/1.00, organisations 0.77/0.83, posts 0.82/0.66)
        "persons": (0.96, 1.0),
        "organisations": (0.81, 0.83),
        "posts": (0.87, 0.77),
        "legal_acts": (0.66, 0.4),
        "money": (1.0, 1.0),
        "changes": (0.92, 0.92),
    },
    "dev64": {  # the sixty-third held-out set (first measured: persons 0.93/0.97, organisations 0.74/0.77, posts 0.96/0.84)
        "persons": (0.93, 0.96),
        "organisations": (0.81, 0.82),
        "posts": (0.96, 0.9),
        "legal_acts": (1.0, 0.66),
        "money": (1.0, 0.89),
        "changes": (0.66, 0.57),
    },
    "dev65": {  # the sixty-fourth held-out set (first measured: persons 1.00/1.00, organisations 0.81/0.82, posts 0.88/0.84)
        "persons": (1.0, 1.0),
        "organisations": (0.93, 0.88),
        "posts": (0.95, 0.92),
        "legal_acts": (1.0, 1.0),
        "money": (1.0, 0.96),
        "changes": (0.91, 0.91),
    },
    "dev66": {  # the sixty-fifth held-out set (first measured: persons 1.00/0.97, organisations 0.85/0.86, posts 0.89/0.74)
        "persons": (1.0, 0.96),
        "organisations": (0.94, 0.96),
        "posts": (0.92, 0.8),
        "legal_acts": (0.85, 0.6),
        "money": (1.0, 1.0),
        "changes": (1.0, 1.0),
    },
    "dev67": {  # the sixty-sixth held-out set (first measured: persons 0.93/1.00, organisations 0.93/0.87, posts 0.89/0.79)
        "persons": (1.0, 1.0),
        "organisations": (0.96, 0.9),
        "posts": (1.0, 1.0),
        "legal_acts": (1.0, 0.8),
        "money": (1.0, 0.98),
        "changes": (0.87, 0.87),
    },
    "dev68": {  # the sixty-seventh held-out set (first measured: persons 0.94/0.97, organisations 0.86/0.83, posts 0.89/0.81)
        "persons": (0.96, 0.96),
        "organisations": (0.92, 0.87),
        "posts": (0.96, 0.9),
        "legal_acts": (1.0, 1.0),
        "money": (0.97, 0.97),
        "changes": (1.0, 1.0),
    },
    "dev69": {  # the sixty-eighth held-out set (first measured: persons 0.96/1.00, organisations 0.81/0.72, posts 0.88/0.44)
        "persons": (0.96, 1.0),
        "organisations": (0.89, 0.78),
        "posts": (0.96, 0.75),
        "legal_acts": (0.66, 0.66),
        "money": (0.97, 0.97),
        "changes": (1.0, 0.71),
    },
    "dev70": {  # the sixty-ninth held-out set (first measured: persons 0.96/1.00, organisations 0.86/0.79, posts 0.91/0.80)
        "persons": (0.96, 1.0),
        "organisations": (0.91, 0.84),
        "posts": (0.95, 0.88),
        "legal_acts": (1.0, 0.66),
        "money": (1.0, 1.0),
        "changes": (1.0, 1.0),
    },
    "dev71": {  # the seventieth held-out set (first measured: persons 0.90/0.95, organisations 0.83/0.80, posts 0.89/0.70)
        "persons": (0.97, 0.97),
        "organisations": (0.94, 0.87),
        "posts": (0.97, 0.84),
        "legal_acts": (0.8, 1.0),
        "money": (1.0, 1.0),
        "changes": (1.0, 1.0),
    },
    "dev72": {  # the seventy-first held-out set (first measured: persons 1.00/1.00, organisations 0.89/0.84, posts 0.92/0.79)
        "persons": (1.0, 1.0),
        "organisations": (1.0, 0.89),
        "posts": (0.96, 0.89),
        "legal_acts": (1.0, 1.0),
        "money": (1.0, 1.0),
        "changes": (1.0, 1.0),
    },
    "dev73": {  # the seventy-second held-out set (first measured: persons 1.00/1.00, organisations 0.96/0.82, posts 1.00/0.83)
        "persons": (1.0, 1.0),
        "organisations": (0.98, 0.85),
        "posts": (1.0, 0.91),
        "legal_acts": (1.0, 0.71),
        "money": (1.0, 1.0),
        "changes": (1.0, 0.66),
    },
    "dev74": {  # the seventy-third held-out set (first measured: persons 0.96/0.96, organisations 0.87/0.89, posts 1.00/0.65)
        "persons": (1.0, 1.0),
        "organisations": (0.88, 0.91),
        "posts": (0.96, 0.75),
        "legal_acts": (1.0, 1.0),
        "money": (0.97, 0.97),
        "changes": (0.5, 0.5),
    },
    "dev75": {  # the seventy-fourth held-out set (first measured: persons 1.00/1.00, organisations 0.92/0.81, posts 1.00/0.87)
        "persons": (1.0, 1.0),
        "organisations": (0.95, 0.82),
        "posts": (0.96, 0.9),
        "legal_acts": (1.0, 0.0),
        "money": (1.0, 1.0),
        "changes": (1.0, 0.75),
    },
    "dev76": {  # the seventy-fifth held-out set (first measured: persons 0.91/0.97, organisations 0.80/0.83, posts 0.97/0.83)
        "persons": (0.96, 0.96),
        "organisations": (0.92, 0.88),
        "posts": (0.96, 0.85),
        "legal_acts": (0.6, 0.6),
        "money": (1.0, 1.0),
        "changes": (1.0, 0.66),
    },
    "dev77": {  # the seventy-sixth held-out set (first measured: persons 1.00/0.96, organisations 0.89/0.81, posts 1.00/0.79)
        "persons": (1.0, 1.0),
        "organisations": (0.95, 0.83),
        "posts": (1.0, 0.84),
        "legal_acts": (1.0, 0.66),
        "money": (1.0, 1.0),
        "changes": (1.0, 1.0),
    },
    "dev78": {  # the seventy-seventh held-out set (first measured: persons 1.00/0.95, organisations 0.78/0.79, posts 0.83/0.58)
        "persons": (1.0, 0.94),
        "organisations": (0.79, 0.8),
        "posts": (0.81, 0.62),
        "legal_acts": (1.0, 0.66),
        "money": (1.0, 1.0),
        "changes": (1.0, 1.0),
    },
    "dev79": {  # the seventy-eighth held-out set (first measured: persons 0.96/1.00, organisations 0.84/0.92, posts 0.87/0.71)
        "persons": (1.0, 1.0),
        "organisations": (0.9, 0.93),
        "posts": (0.95, 0.82),
        "legal_acts": (1.0, 0.0),
        "money": (1.0, 1.0),
        "changes": (1.0, 0.87),
    },
    "dev80": {  # the seventy-ninth held-out set (first measured: persons 1.00/1.00, organisations 0.79/0.79, posts 0.83/0.65)
        "persons": (1.0, 1.0),
        "organisations": (0.89, 0.87),
        "posts": (0.94, 0.86),
        "legal_acts": (0.88, 0.66),
        "money": (1.0, 1.0),
        "changes": (1.0, 1.0),
    },
    "dev81": {  # the eightieth held-out set (first measured: persons 1.00/1.00, organisations 0.79/0.82, posts 1.00/0.73)
        "persons": (1.0, 1.0),
        "organisations": (0.84, 0.85),
        "posts": (1.0, 0.84),
        "legal_acts": (1.0, 0.85),
        "money": (1.0, 1.0),
        "changes": (1.0, 1.0),
    },
    "dev82": {  # the eighty-first held-out set (first measured: persons 0.97/1.00, organisations 0.86/0.88, posts 1.00/0.53)
        "persons": (0.98, 1.0),
        "organisations": (0.91, 0.94),
        "posts": (0.98, 0.63),
        "legal_acts": (1.0, 1.0),
        "money": (1.0, 1.0),
        "changes": (1.0, 1.0),
    },
    "dev83": {  # the eighty-second held-out set (first measured: persons 1.00/1.00, organisations 0.78/0.81, posts 0.91/0.91)
        "persons": (1.0, 1.0),
        "organisations": (0.81, 0.84),
        "posts": (1.0, 1.0),
        "legal_acts": (0.9, 0.83),
        "money": (1.0, 1.0),
        "changes": (1.0, 0.66),
    },
    "dev84": {  # the eighty-third held-out set (first measured: persons 0.97/1.00, organisations 0.76/0.84, posts 0.94/0.76)
        "persons": (0.97, 1.0),
        "organisations": (0.87, 0.89),
        "posts": (0.91, 0.81),
        "legal_acts": (0.5, 1.0),
        "money": (1.0, 1.0),
        "changes": (1.0, 1.0),
    },
    "dev85": {  # the eighty-fourth held-out set (first measured: persons 0.94/0.97, organisations 0.85/0.90, posts 0.89/0.68)
        "persons": (0.93, 1.0),
        "organisations": (0.91, 0.93),
        "posts": (1.0, 0.81),
        "legal_acts": (0.9, 1.0),
        "money": (1.0, 1.0),
        "changes": (1.0, 1.0),
    },
    "dev86": {  # the eighty-fifth held-out set (first measured: persons 1.00/1.00, organisations 0.97/0.91, posts 1.00/1.00)
        "persons": (1.0, 1.0),
        "organisations": (1.0, 0.98),
        "posts": (1.0, 1.0),
        "legal_acts": (1.0, 0.71),
        "money": (1.0, 1.0),
        "changes": (1.0, 0.75),
    },
    "dev87": {  # the eighty-sixth held-out set (first measured: persons 1.00/1.00, organisations 0.84/0.82, posts 0.79/0.57)
        "persons": (1.0, 1.0),
        "organisations": (0.94, 0.87),
        "posts": (0.95, 0.81),
        "legal_acts": (1.0, 1.0),
        "money": (1.0, 1.0),
        "changes": (1.0, 1.0),
    },
    "dev88": {  # the eighty-seventh held-out set (first measured: persons 0.94/0.97, organisations 0.93/0.87, posts 0.97/0.80)
        "persons": (1.0, 0.97),
        "organisations": (0.95, 0.9),
        "posts": (1.0, 0.82),
        "legal_acts": (1.0, 0.63),
        "money": (1.0, 1.0),
        "changes": (1.0, 0.66),
    },
    "dev89": {  # the eighty-eighth held-out set (first measured: persons 0.91/1.00, organisations 0.87/0.82, posts 0.79/0.57)
        "persons": (0.96, 1.0),
        "organisations": (0.92, 0.81),
        "posts": (0.83, 0.65),
        "legal_acts": (1.0, 1.0),
        "money": (1.0, 1.0),
        "changes": (1.0, 1.0),
    },
    "dev90": {  # the 89th held-out set (first measured: persons 0.95/0.97, organisations 0.89/0.82, posts 0.91/0.68)
        "persons": (1.0, 0.97),
        "organisations": (0.95, 0.95),
        "posts": (0.97, 0.91),
        "legal_acts": (1.0, 0.92),
        "money": (1.0, 1.0),
        "changes": (1.0, 1.0),
    },
    "dev91": {  # the 90th held-out set (first measured: persons 0.97/1.00, organisations 0.78/0.78, posts 0.91/0.67)
        "persons": (1.0, 1.0),
        "organisations": (0.85, 0.81),
        "posts": (0.92, 0.86),
        "legal_acts": (1.0, 1.0),
        "money": (1.0, 1.0),
        "changes": (1.0, 1.0),
    },
    "dev92": {  # the ninety-first held-out set (first measured: persons 0.97/1.00, organisations 0.82/0.82, posts 0.88/0.67)
        "persons": (0.97, 1.0),
        "organisations": (0.87, 0.87),
        "posts": (0.95, 0.84),
        "legal_acts": (1.0, 0.6),
        "money": (1.0, 1.0),
        "changes": (1.0, 1.0),
    },
    "dev93": {  # the ninety-second held-out set (first measured: persons 1.00/1.00, organisations 0.95/0.91, posts 0.96/0.70)
        "persons": (1.0, 1.0),
        "organisations": (0.96, 0.92),
        "posts": (0.96, 0.93),
        "legal_acts": (0.33, 0.5),
        "money": (1.0, 1.0),
        "changes": (1.0, 1.0),
    },
    "dev94": {  # the ninety-third held-out set (first measured: persons 0.98/1.00, organisations 0.75/0.76, posts 0.81/0.48)
        "persons": (0.98, 1.0),
        "organisations": (0.81, 0.85),
        "posts": (0.86, 0.71),
        "legal_acts": (1.0, 0.83),
        "money": (1.0, 1.0),
        "changes": (1.0, 0.5),
    },
    "dev95": {  # the ninety-fourth held-out set (first measured: persons 1.00/1.00, organisations 0.83/0.87, posts 1.00/0.91)
        "persons": (1.0, 1.0),
        "organisations": (0.82, 0.86),
        "posts": (1.0, 0.95),
        "legal_acts": (1.0, 0.85),
        "money": (1.0, 1.0),
        "changes": (0.5, 0.5),
    },
    "dev96": {  # the ninety-fifth held-out set (first measured: persons 0.96/0.96, organisations 0.76/0.84, posts 0.81/0.51)
        "persons": (1.0, 1.0),
        "organisations": (0.79, 0.85),
        "posts": (0.97, 0.7),
        "legal_acts": (1.0, 1.0),
        "money": (1.0, 1.0),
        "changes": (1.0, 1.0),
    },
    "dev97": {  # the ninety-sixth held-out set (first measured: persons 1.00/1.00, organisations 0.84/0.83, posts 0.88/0.59)
        "persons": (1.0, 1.0),
        "organisations": (0.85, 0.84),
        "posts": (0.94, 0.71),
        "legal_acts": (1.0, 1.0),
        "money": (1.0, 1.0),
        "changes": (1.0, 0.0),
    },
    "dev98": {  # the ninety-seventh held-out set (first measured: persons 0.97/1.00, organisations 0.81/0.81, posts 0.82/0.42)
        "persons": (0.97, 1.0),
        "organisations": (0.82, 0.82),
        "posts": (0.89, 0.61),
        "legal_acts": (1.0, 0.75),
        "money": (1.0, 1.0),
        "changes": (1.0, 0.25),
    },
    "dev99": {  # the ninety-eighth held-out set (first measured: persons 1.00/1.00, organisations 0.88/0.88, posts 0.91/0.75)
        "persons": (1.0, 1.0),
        "organisations": (0.89, 0.89),
        "posts": (0.92, 0.82),
        "legal_acts": (0.85, 1.0),
        "money": (1.0, 1.0),
        "changes": (1.0, 0.66),
    },
    "dev100": {  # the ninety-ninth held-out set (first measured: persons 1.00/1.00, organisations 0.96/0.83, posts 0.89/0.53)
        "persons": (1.0, 1.0),
        "organisations": (0.98, 0.87),
        "posts": (0.9, 0.59),
        "legal_acts": (1.0, 1.0),
        "money": (1.0, 1.0),
        "changes": (0.66, 1.0),
    },
    "dev101": {  # the hundredth held-out set (first measured: persons 1.00/0.94, organisations 0.86/0.71, posts 0.93/0.72)
        "persons": (1.0, 0.97),
        "organisations": (0.93, 0.82),
        "posts": (0.94, 0.81),
        "legal_acts": (0.8, 1.0),
        "money": (1.0, 1.0),
        "changes": (1.0, 1.0),
    },
    "dev102": {  # the hundred-and-first held-out set (first measured: persons 0.86/1.00, organisations 0.95/0.83, posts 0.96/0.90)
        "persons": (1.0, 1.0),
        "organisations": (0.95, 0.91),
        "posts": (0.97, 0.97),
        "legal_acts": (1.0, 1.0),
        "money": (1.0, 1.0),
        "changes": (1.0, 1.0),
    },
    "dev103": {  # the hundred-and-second held-out set (first measured: persons 0.95/1.00, organisations 0.80/0.78, posts 0.76/0.44)
        "persons": (1.0, 1.0),
        "organisations": (0.85, 0.83),
        "posts": (0.95, 0.75),
        "legal_acts": (1.0, 0.87),
        "money": (1.0, 1.0),
        "changes": (1.0, 1.0),
    },
    "dev104": {  # the hundred-and-third held-out set (first measured: persons 0.93/0.93, organisations 0.88/0.88, posts 1.00/0.69)
        "persons": (1.0, 0.96),
        "organisations": (0.94, 0.9),
        "posts": (0.96, 0.84),
        "legal_acts": (1.0, 0.75),
        "money": (1.0, 1.0),
        "changes": (1.0, 0.5),
    },
    "dev105": {  # the hundred-and-fourth held-out set (first measured: persons 0.96/1.00, organisations 0.76/0.82, posts 0.89/0.62)
        "persons": (1.0, 1.0),
        "organisations": (0.87, 0.9),
        "posts": (0.98, 0.79),
        "legal_acts": (1.0, 1.0),
        "money": (1.0, 1.0),
        "changes": (1.0, 1.0),
    },
    "dev106": {  # the hundred-and-fifth held-out set (first measured: persons 0.92/0.92, organisations 0.79/0.84, posts 0.91/0.63)
        "persons": (1.0, 0.92),
        "organisations": (0.85, 0.87),
        "posts": (0.96, 0.75),
        "legal_acts": (0.87, 0.87),
        "money": (1.0, 1.0),
        "changes": (1.0, 0.0),
    },
    "dev107": {  # the hundred-and-sixth held-out set (first measured: persons 0.97/1.00, organisations 0.82/0.80, posts 0.87/0.58)
        "persons": (0.97, 1.0),
        "organisations": (0.85, 0.82),
        "posts": (0.93, 0.62),
        "legal_acts": (1.0, 0.75),
        "money": (1.0, 1.0),
        "changes": (1.0, 0.5),
    },
    "dev108": {  # the hundred-and-seventh held-out set (first measured: persons 0.97/1.00, organisations 0.87/0.82, posts 0.94/0.58)
        "persons": (1.0, 1.0),
        "organisations": (0.98, 0.97),
        "posts": (0.98, 0.88),
        "legal_acts": (0.85, 0.75),
        "money": (1.0, 1.0),
        "changes": (1.0, 0.83),
    },
    "dev109": {  # the hundred-and-eighth held-out set (first measured: persons 0.97/1.00, organisations 0.83/0.89, posts 0.86/0.59)
        "persons": (1.0, 1.0),
        "organisations": (0.88, 0.94),
        "posts": (0.94, 0.88),
        "legal_acts": (1.0, 1.0),
        "money": (1.0, 1.0),
        "changes": (0.5, 1.0),
    },
    "dev110": {  # the hundred-and-ninth held-out set (first measured: persons 0.93/1.00, organisations 0.84/0.86, posts 0.90/0.67)
        "persons": (0.95, 1.0),
        "organisations": (0.91, 0.95),
        "posts": (0.93, 0.8),
        "legal_acts": (1.0, 0.8),
        "money": (1.0, 1.0),
        "changes": (0.66, 1.0),
    },
    "dev111": {  # the hundred-and-tenth held-out set (first measured: persons 1.00/1.00, organisations 0.80/0.77, posts 0.86/0.73)
        "persons": (1.0, 1.0),
        "organisations": (0.85, 0.8),
        "posts": (0.91, 0.84),
        "legal_acts": (0.83, 0.83),
        "money": (1.0, 1.0),
        "changes": (1.0, 0.5),
    },
    "dev112": {  # the hundred-and-eleventh held-out set (first measured: persons 0.93/1.00, organisations 0.90/0.78, posts 0.86/0.50)
        "persons": (0.98, 1.0),
        "organisations": (0.92, 0.84),
        "posts": (0.93, 0.75),
        "legal_acts": (1.0, 1.0),
        "money": (1.0, 1.0),
        "changes": (1.0, 0.0),
    },
    "dev113": {  # the hundred-and-twelfth held-out set (first measured: persons 1.00/1.00, organisations 0.87/0.89, posts 0.96/0.79)
        "persons": (1.0, 1.0),
        "organisations": (0.9, 0.92),
        "posts": (0.96, 0.89),
        "legal_acts": (0.8, 0.57),
        "money": (1.0, 0.85),
        "changes": (1.0, 1.0),
    },
    "dev114": {  # the hundred-and-thirteenth held-out set (first measured: persons 0.95/1.00, organisations 0.78/0.78, posts 0.84/0.55)
        "persons": (0.95, 1.0),
        "organisations": (0.82, 0.81),
        "posts": (0.87, 0.77),
        "legal_acts": (1.0, 1.0),
        "money": (1.0, 1.0),
        "changes": (1.0, 1.0),
    },
    "dev115": {  # the hundred-and-fourteenth held-out set (first measured: persons 0.96/1.00, organisations 0.86/0.90, posts 1.00/0.81)
        "persons": (1.0, 1.0),
        "organisations": (0.87, 0.91),
        "posts": (1.0, 0.85),
        "legal_acts": (0.75, 0.66),
        "money": (1.0, 1.0),
        "changes": (1.0, 1.0),
    },
    "dev116": {  # the hundred-and-fifteenth held-out set (first measured: persons 1.00/1.00, organisations 0.87/0.84, posts 0.94/0.85)
        "persons": (1.0, 1.0),
        "organisations": (0.92, 0.83),
        "posts": (0.97, 0.9),
        "legal_acts": (1.0, 0.33),
        "money": (1.0, 1.0),
        "changes": (1.0, 0.5),
    },
    "dev117": {  # the hundred-and-sixteenth held-out set (first measured: persons 1.00/0.95, organisations 0.93/0.82, posts 0.97/0.62)
        "persons": (1.0, 0.97),
        "organisations": (0.97, 0.92),
        "posts": (1.0, 0.97),
        "legal_acts": (1.0, 1.0),
        "money": (1.0, 1.0),
        "changes": (1.0, 0.5),
    },
    "dev118": {  # the hundred-and-seventeenth held-out set (first measured: persons 1.00/1.00, organisations 0.94/0.90, posts 1.00/0.90)
        "persons": (1.0, 1.0),
        "organisations": (0.93, 0.92),
        "posts": (1.0, 0.96),
        "legal_acts": (1.0, 0.87),
        "money": (1.0, 1.0),
        "changes": (1.0, 1.0),
    },
    "dev119": {  # the hundred-and-eighteenth held-out set (first measured: persons 0.94/0.98, organisations 0.89/0.83, posts 0.88/0.51)
        "persons": (0.96, 1.0),
        "organisations": (0.92, 0.88),
        "posts": (0.94, 0.8),
        "legal_acts": (0.8, 0.57),
        "money": (0.85, 0.85),
        "changes": (1.0, 1.0),
    },
    "dev120": {  # the hundred-and-nineteenth held-out set (first measured: persons 0.96/0.96, organisations 0.78/0.81, posts 0.91/0.72)
        "persons": (0.96, 0.96),
        "organisations": (0.81, 0.81),
        "posts": (0.95, 0.79),
        "legal_acts": (0.83, 0.71),
        "money": (1.0, 1.0),
        "changes": (1.0, 1.0),
    },
    "dev121": {  # the hundred-and-twentieth held-out set (first measured: persons 1.00/0.98, organisations 0.77/0.84, posts 0.92/0.61)
        "persons": (1.0, 1.0),
        "organisations": (0.88, 0.84),
        "posts": (0.94, 0.64),
        "legal_acts": (1.0, 1.0),
        "money": (1.0, 1.0),
        "changes": (0.0, 0.0),
    },
    "dev122": {  # the hundred-and-twenty-first held-out set (first measured: persons 1.00/0.97, organisations 0.75/0.79, posts 0.88/0.71)
        "persons": (1.0, 0.97),
        "organisations": (0.88, 0.93),
        "posts": (0.94, 0.85),
        "legal_acts": (1.0, 0.91),
        "money": (1.0, 1.0),
        "changes": (1.0, 0.5),
    },
    "dev123": {  # the hundred-and-twenty-second held-out set (first measured: persons 0.90/0.98, organisations 0.84/0.92, posts 0.83/0.59)
        "persons": (0.97, 1.0),
        "organisations": (0.87, 0.93),
        "posts": (0.89, 0.74),
        "legal_acts": (0.88, 1.0),
        "money": (1.0, 1.0),
        "changes": (1.0, 0.75),
    },
    "dev124": {  # the hundred-and-twenty-third held-out set (first measured: persons 0.98/0.98, organisations 0.86/0.83, posts 0.93/0.60)
        "persons": (0.97, 0.97),
        "organisations": (0.89, 0.84),
        "posts": (0.95, 0.6),
        "legal_acts": (0.9, 0.9),
        "money": (1.0, 1.0),
        "changes": (1.0, 0.5),
    },
    "dev125": {  # the hundred-and-twenty-fourth held-out set (first measured: persons 1.00/1.00, organisations 0.80/0.86, posts 0.95/0.86)
        "persons": (1.0, 1.0),
        "organisations": (0.79, 0.86),
        "posts": (0.94, 0.86),
        "legal_acts": (1.0, 1.0),
        "money": (1.0, 1.0),
        "changes": (1.0, 1.0),
    },
}
JUNK = {
    "dev2": 0,
    "dev3": 0,
    "dev4": 0,
    "dev5": 0,
    "dev6": 0,
    "dev7": 0,
    "dev8": 0,
    "dev9": 2,
    "dev10": 0,
    "dev11": 0,
    "dev12": 0,
    "dev13": 1,
    "dev14": 1,
    "dev15": 0,
    "dev16": 0,
    "dev17": 0,
    "dev18": 0,
    "dev19": 1,
    "dev20": 0,
    "dev21": 1,
    "dev22": 0,
    "dev23": 0,
    "dev24": 2,
    "dev25": 0,
    "dev26": 0,
    "dev27": 0,
    "dev28": 0,
    "dev29": 0,
    "dev30": 0,
    "dev31": 2,
    "dev32": 1,
    "dev33": 0,
    "dev34": 1,
    "dev35": 0,
    "dev36": 1,
    "dev37": 0,
    "dev38": 3,
    "dev39": 0,
    "dev40": 1,
    "dev41": 0,
    "dev42": 1,
    "dev43": 1,
    "dev44": 0,
    "dev45": 0,
    "dev46": 0,
    "dev47": 0,
    "dev48": 1,
    "dev49": 2,
    "dev50": 2,
    "dev51": 0,
    "dev52": 0,
    "dev53": 1,
    "dev54": 0,
    "dev55": 0,
    "dev56": 0,
    "dev57": 1,
    "dev58": 3,
    "dev59": 0,
    "dev60": 1,
    "dev61": 0,
    "dev62": 2,
    "dev63": 4,
    "dev64": 2,
    "dev65": 1,
    "dev66": 0,
    "dev67": 0,
    "dev68": 1,
    "dev69": 1,
    "dev70": 2,
    "dev71": 0,
    "dev72": 0,
    "dev73": 0,
    "dev74": 1,
    "dev75": 1,
    "dev76": 1,
    "dev77": 0,
    "dev78": 4,
    "dev79": 0,
    "dev80": 1,
    "dev81": 0,
    "dev82": 2,
    "dev83": 2,
    "dev84": 1,
    "dev85": 4,
    "dev86": 1,
    "dev87": 0,
    "dev88": 0,
    "dev89": 3,
    "dev90": 0,
    "dev91": 0,
    "dev92": 2,
    "dev93": 0,
    "dev94": 1,
    "dev95": 7,
    "dev96": 2,
    "dev97": 2,
    "dev98": 2,
    "dev99": 1,
    "dev100": 0,
    "dev101": 0,
    "dev102": 0,
    "dev103": 1,
    "dev104": 1,
    "dev105": 0,
    "dev106": 1,
    "dev107": 4,
    "dev108": 0,
    "dev109": 4,
    "dev110": 1,
    "dev111": 0,
    "dev112": 2,
    "dev113": 1,
    "dev114": 1,
    "dev115": 1,
    "dev116": 0,
    "dev117": 0,
    "dev118": 1,
    "dev119": 2,
    "dev120": 2,
    "dev121": 1,
    "dev122": 6,
    "dev123": 2,
    "dev124": 0,
    "dev125": 0,
}


#: acts minted twice that a set's text itself makes two (none since the twenty-eighth pass read dev34 673's
#: «№ 36 от 25 декабря 2018» and «№ 36 от 25 января 2019» as one act with a misprinted date)
MINTED_TWICE: dict[str, int] = {}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_later_dev_sets_hold_their_figures(name):
    drafts = ingest_set(ROOT / "tests" / "fixtures" / "news" / name)["drafts"]
    summary = quality.summarise({stem: quality.compare_item(d["item"], d["found"]) for stem, d in drafts.items()})
    for kind, (p, r) in FLOORS[name].items():
        got = summary["kinds"][kind]
        assert got["precision"] >= p and got["recall"] >= r, (kind, got)
    assert len(summary["junk"]) <= JUNK[name] and len(summary["acts_minted_twice"]) <= MINTED_TWICE.get(name, 0)


def test_a_named_park_is_a_site_of_its_own_kind_and_set_apart_in_scoring(tmp_path):
    """«индустриальный парк «…»» is drafted as pkg:IndustrialSite, listed under the review's parks and not
    its organisations; a writer's gold organisation for it is set apart, neither matched nor missed."""
    (tmp_path / "01-park.txt").write_text(
        "URL: https://example.org/1\nOutlet: Пример\nPublished: 2025-03-01\n\n"
        "Индустриальный парк «Синий камень» получит 200 млн рублей\n\n"
        "Правительство Свердловской области выделит индустриальному парку «Синий камень» 200 млн рублей "
        "на дороги, сообщило министерство инвестиций и развития Свердловской области.",
        encoding="utf-8",
    )
    gold = {
        "persons": [],
        "organisations": [
            {
                "label": "Индустриальный парк «Синий камень»",
                "short": [],
                "surfaces": ["индустриальному парку «Синий камень»"],
            },
            {
                "label": "Правительство Свердловской области",
                "short": [],
                "surfaces": ["Правительство Свердловской области"],
            },
        ],
    }
    (tmp_path / "01-park.gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    res = ingest_set(tmp_path)
    d = res["drafts"]["01-park"]
    s = workflow.review(res["store"], res["settings"], "01-park")["summary"]
    assert [p["label"] for p in s["sites"]] == ["Индустриальный парк «Синий камень»"]
    assert "Индустриальный парк «Синий камень»" not in {o["label"] for o in s["organisations"]}
    r = quality.compare_item(d["item"], d["found"])
    assert r["sites_set_apart"] == ["Индустриальный парк «Синий камень»"]
    assert "Индустриальный парк «Синий камень»" not in r["organisations"].missed


def test_the_title_is_the_headline_under_the_pages_own_lines(tmp_path):
    """A page copied with its controls, rubric and date stamp above the headline: the article's title in the
    graph is the headline, not «Перейти к основному контенту» (as it was before the structure pass)."""
    (tmp_path / "01-chrome.txt").write_text(
        "URL: https://example.org/2\nOutlet: Пример\nPublished: 2025-03-02\n\n"
        "Перейти к основному контенту\nРубрика: Экономика\n02.03.2025 10:15 12\n"
        "Фонд развития промышленности области получит 150 млн рублей\n"
        "Правительство области увеличит капитал регионального фонда развития промышленности на 150 млн рублей.",
        encoding="utf-8",
    )
    (tmp_path / "01-chrome.gold.json").write_text(json.dumps({"persons": []}), encoding="utf-8")
    d = ingest_set(tmp_path)["drafts"]["01-chrome"]
    title = d["graph"].value(URIRef(d["result"]["source"]), DCTERMS.title)
    assert str(title) == "Фонд развития промышленности области получит 150 млн рублей"
