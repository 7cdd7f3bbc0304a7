"""The thirty-fifth rule pass: shapes that came back in the development sets and again in the fifty-third held-out set
(units of a body named by what they do, the Eurasian Economic Commission and its bodies, a host after a body, a
deputy abbreviated, a coefficient's new value), each tested on sentences of our own."""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import extract_orgs, extract_text

from server.ingest import money, quality
from server.ingest.readback import Found


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # a «по …» complement, the owner an abbreviation the alias table knows
        (
            "Выводы подготовил департамент по защите внутреннего рынка ЕЭК, они опубликованы на портале.",
            "Департамент по защите внутреннего рынка ЕЭК",
        ),
        # a federal city's department
        (
            "Как уточнили в департаменте экономической политики и развития Москвы, льгота сохранится.",
            "Департамент экономической политики и развития Москвы",
        ),
        # adjectives of the name before the head, the region by a bare «региона»
        (
            "В Кемеровской области снизят налог, заявил начальник главного финансового управления региона.",
            "Главное финансовое управление Кемеровской области",
        ),
        # a regional adjective before the head: the unit of the region the article named
        (
            "Тарифы в Амурской области снижены: так решило областное управление цен и тарифов.",
            "Управление цен и тарифов Амурской области",
        ),
        (
            "Цены в Забайкальском крае упадут, сообщила региональная служба по тарифам и ценообразованию.",
            "Служба по тарифам и ценообразованию Забайкальского края",
        ),
    ],
)
def test_a_unit_named_by_what_it_does_and_its_owner(text, label):
    assert label in extract_orgs(text)


def test_a_unit_of_the_ministry_named_before_is_labelled_with_its_short_name():
    text = (
        "Минэкономразвития готовит ответ, сказал Петр Орлов, заместитель директора департамента торговых "
        "переговоров министерства."
    )
    assert "Департамент торговых переговоров Минэкономразвития" in extract_orgs(text)


def test_a_regional_unit_is_also_named_as_the_text_calls_it():
    orgs = extract_orgs("Цены в Забайкальском крае упадут, сообщила региональная служба по тарифам и ценообразованию.")
    assert orgs["Служба по тарифам и ценообразованию Забайкальского края"] == [
        "Региональная служба по тарифам и ценообразованию Забайкальского края",
        "Региональная служба по тарифам и ценообразованию",  # as written, bare (since the fifty-second pass)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Резиденты должны стоять на учете в налоговой службе края.",  # a service by an adjective alone: no name
        "Об этом сообщил комитет экономической политики.",  # no owner after it
    ],
)
def test_a_unit_without_a_complement_and_an_owner_is_no_name(text):
    assert not any(k.startswith(("Налоговая", "Комитет")) for k in extract_orgs(text))


def test_a_regional_unit_found_by_two_rules_is_one_organisation():
    text = "Закон подготовило областное управление по развитию торговли и услуг. Его приняла Тамбовская областная дума."
    units = [k for k in extract_orgs(text) if "управление" in k.lower()]
    assert units == ["Управление по развитию торговли и услуг Тамбовской области"]


def test_the_eurasian_commission_and_its_bodies():
    orgs = extract_orgs(
        "Совет ЕЭК обнулил пошлину на турбины\n\nСовет Евразийской экономической комиссии снизил ставку с 5% до "
        "нуля, а Коллегией Евразийской экономической комиссии (ЕЭК) продлена другая мера."
    )
    assert orgs["Совет Евразийской экономической комиссии"] == ["Совет ЕЭК"]  # one council, not the commission
    assert "Коллегия Евразийской экономической комиссии" in orgs  # its owner claimed by the alias table inside
    assert "ЕЭК" in orgs["Евразийская экономическая комиссия"]


def test_a_short_adjective_name_of_a_three_word_one_is_the_same_body():
    orgs = extract_orgs("Евразийская комиссия продлила пошлины\nРешение приняла Евразийская экономическая комиссия.")
    assert list(orgs) == ["Евразийская экономическая комиссия"]
    assert "Евразийская комиссия" in orgs["Евразийская экономическая комиссия"]


def test_an_abbreviation_the_brackets_gave_is_that_body_when_written_alone():
    text = (
        "Об этом сообщила Ассоциация производителей бытовой и офисной мебели (АПМР). По словам гендиректора АПМР "
        "Ильи Соколова, спрос растет."
    )
    ex = extract_text(text)
    assert [o.label_ru for o in ex.orgs] == ["Ассоциация производителей бытовой и офисной мебели"]
    assert [(p.person.label_ru, p.org.label_ru) for p in ex.posts] == [
        ("Илья Соколов", "Ассоциация производителей бытовой и офисной мебели")
    ]


@pytest.mark.parametrize(
    ("label", "slug"),
    [
        ("Рособоронэкспорт", "rosoboronexport"),
        ("Минрегион", "minregion"),
        ("Ростехнологии", "rostec"),  # the corporation's earlier name
    ],
)
def test_well_known_bodies_of_earlier_years(label, slug):
    ex = extract_text(f"Об этом сообщили в компании «{label}»." if slug == "rosoboronexport" else f"{label} сообщил.")
    assert [o.key for o in ex.orgs] == [f"alias:{slug}"]


def test_a_name_after_a_hosted_body_is_its_holder_and_the_next_post_is_the_next_person_s():
    text = (
        "В совет вошли председатель Экспертного совета при Минпромторге Иван Петров и глава Минфина Антон "
        "Силуанов, а также первый зам. председателя Военно-промышленной комиссии при правительстве Олег Сидоров."
    )
    posts = sorted((p.person.label_ru, p.role_ru) for p in extract_text(text).posts)
    assert ("Антон Силуанов", "председатель") not in posts
    assert ("Антон Силуанов", "министр") in posts and ("Иван Петров", "председатель") in posts
    assert ("Олег Сидоров", "первый заместитель председателя") in posts


@pytest.mark.parametrize(
    ("text", "new", "quote"),
    [
        ("Базовую ставку сбора будут умножать на коэффициент 2.", "2", "умножать на коэффициент 2"),
        ("Субсидия по лизингу увеличивается на коэффициент 1,5.", "1.5", "увеличивается на коэффициент 1,5"),
        (
            "Для экспортеров новый специальный коэффициент будет равен 0,8, для остальных не изменится.",
            "0.8",
            "новый специальный коэффициент будет равен 0,8",
        ),
    ],
)
def test_a_coefficient_s_new_value(text, new, quote):
    assert [(c.from_value, c.to_value, c.text) for c in money.changes(text)] == [(None, Decimal(new), quote)]


def test_a_coefficient_that_simply_is_is_no_change():
    assert money.changes("Коэффициент равен 2 и не меняется с 2019 года.") == []


def test_a_draft_change_with_its_old_value_takes_the_gold_change_with_that_value():
    draft = [Found("d1", ["x"], data={"from": Decimal(19), "to": Decimal(0), "currency": None})]
    gold = [
        {"from": None, "to": "0", "surface": "пошлину отменят"},  # listed first: a greedy match took it
        {"from": "19", "to": "0", "surface": "с 19% до нуля"},
    ]
    score, _ = quality.compare_changes(draft, gold)
    assert (score.tp_draft, score.missed) == (1, [])  # the one without an old value: the same change (see quality)


def test_an_abbreviation_of_the_body_at_the_end_of_a_name_stays_that_body_s():
    orgs = extract_orgs(
        "На заседании Совета по промышленной политике стран Евразийского экономического союза (ЕАЭС) выступил "
        "министр. Страны ЕАЭС договорились о мерах."
    )
    assert "ЕАЭС" in orgs  # the union, not the council
