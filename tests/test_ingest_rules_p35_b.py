"""The thirty-fifth rule pass, second part: shapes of the fifty-fourth held-out set (now dev55) — junk that a naive
reader takes for a body (an order's number, a bare board, refineries of a country), an abbreviation of a quoted
name with its legal form, a rise by a factor to a new sum, a fee's new sum said to rise — each tested on sentences
of our own."""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import extract_orgs, extract_text

from server.ingest import money
from server.ingest.orgs import is_noise


@pytest.mark.parametrize(
    "surface",
    [
        "N518",
        "№ 27",
        "Совет Директоров",
        "Совет директоров",
        "НПЗ Белоруссии",
        "ОПК Казахстана",
        "НПЗ",
        "СНГ",  # 'в страны СНГ': a region
        "УК",  # 'управляющие компании (УК)': a kind
        "Отдел продаж",
        "Ъ-Сибирь",  # a regional edition of the «Коммерсантъ»
    ],
)
def test_no_body_of_its_own(surface):
    assert is_noise(surface)


@pytest.mark.parametrize(
    "surface",
    [
        "Совет директоров Газпрома",
        "АЭС «Аккую»",
        "ГИСП-Сервис",
        "Исполком СНГ",
        "УК «Индустриальные парки Тюменской области»",
    ],
)
def test_bodies_stay_bodies(surface):
    assert not is_noise(surface)


def test_an_abbreviation_of_a_quoted_name_after_its_legal_form_is_that_body():
    orgs = extract_orgs(
        'Совет директоров ЗАО "Северные судостроительные верфи" сменил руководство. Новым главой ССВ стал инженер.'
    )
    assert orgs == {"ЗАО «Северные судостроительные верфи»": ["ССВ"]}


@pytest.mark.parametrize(
    ("text", "new", "quote"),
    [
        (
            "Пластиковую тару ждет рост в 4,5 раза, до 40,5 тысячи рублей за тонну.",
            "40500",
            "рост в 4,5 раза, до 40,5 тысячи рублей",
        ),
        (
            "Для картона предусмотрено снижение в 2 раза, до 5 тысяч рублей.",
            "5000",
            "снижение в 2 раза, до 5 тысяч рублей",
        ),
    ],
)
def test_a_rise_or_fall_by_a_factor_to_a_new_sum(text, new, quote):
    assert [(c.from_value, c.to_value, c.text) for c in money.changes(text)] == [(None, Decimal(new), quote)]


def test_a_fee_said_to_rise_then_its_new_sum():
    text = "Сильнее всего может подорожать сбор на стеклянную тару: в среднем он составит 12,5 тысячи рублей за тонну."
    assert [(c.from_value, c.to_value, c.currency) for c in money.changes(text)] == [(None, Decimal(12500), "RUB")]


@pytest.mark.parametrize(
    "text",
    [
        "Объем поддержки составит 430 млн рублей.",  # no rate, duty or fee, nothing said to rise
        "Ставка сбора выросла, а объем субсидий составит 5 млрд рублей.",  # the clause's subject is another sum
        "Сбор на тару составит 12 тысяч рублей за тонну.",  # nothing said to rise or fall
    ],
)
def test_a_sum_that_will_be_is_no_change_without_a_rate_said_to_rise(text):
    assert money.changes(text) == []


def test_a_messenger_a_page_points_to_is_no_body():
    orgs = extract_orgs(
        "Тарифы снизит Минэнерго. Новости читайте в группе WhatsApp и в канале «Вести» в мессенджере МАХ."
    )
    assert list(orgs) == ["Министерство энергетики Российской Федерации"]


def test_after_from_x_to_y_a_further_new_value_from_the_same_x():
    text = (
        "Плата за сброс фосфатов вырастет с нынешних 150,2 руб. за тонну до 160 руб. в 2026-м и до 1,2 тыс. руб. за "
        "тонну в 2030 году."
    )
    assert [(c.from_value, c.to_value, c.currency) for c in money.changes(text)] == [
        (Decimal("150.2"), Decimal(160), "RUB"),
        (Decimal("150.2"), Decimal(1200), "RUB"),
    ]


def test_a_further_value_of_a_bare_coefficient():
    text = "Коэффициент повысят с 0,4 до 0,55 для мазута и до 0,5 для керосина."
    assert [(c.from_value, c.to_value) for c in money.changes(text)] == [
        (Decimal("0.4"), Decimal("0.55")),
        (Decimal("0.4"), Decimal("0.5")),
    ]


def test_and_until_a_time_is_no_further_value():
    assert [
        (c.from_value, c.to_value) for c in money.changes("Ставку снизили с 5% до 3% и до конца года не изменят.")
    ] == [(Decimal(5), Decimal(3))]


def test_territories_listed_by_quoted_names_are_no_bodies():
    orgs = extract_orgs(
        'Деньги внесут в капитал корпорации развития Дальнего Востока, чтобы создать ТОРы "Ольга" и "Артем".'
    )
    assert list(orgs) == ["Корпорация развития Дальнего Востока и Арктики"]


def test_a_role_word_inside_a_body_s_name_is_not_the_person_s_post():
    text = "На совещании были замглавы администрации Президента Максим Орешкин и министр финансов Антон Силуанов."
    posts = [(p.person.label_ru, p.role_ru) for p in extract_text(text).posts]
    assert ("Максим Орешкин", "заместитель руководителя") in posts
    assert ("Максим Орешкин", "президент") not in posts


def test_a_coefficient_replaced_by_another():
    assert [
        (c.from_value, c.to_value) for c in money.changes("Документ меняет коэффициент 0,9 на коэффициент 0,6.")
    ] == [(Decimal("0.9"), Decimal("0.6"))]


def test_works_named_by_their_number():
    orgs = extract_orgs(
        "Корпорации перейдут акции 81-го бронетанкового ремонтного завода (Армавир), 99-го арсенала (Тула) и "
        "таганрогскому 71- авиаремонтному заводу."
    )
    assert list(orgs) == ["81-й бронетанковый ремонтный завод", "99-й арсенал", "71 авиаремонтный завод"]


def test_a_count_of_works_is_no_name():
    assert extract_orgs("В крае работают 3 завода и 2 комбината, еще 5 заводов строят.") == {}


def test_a_list_of_quoted_companies_after_their_plural_kind_and_among_them():
    orgs = extract_orgs('Самолеты получат 12 перевозчиков (среди них "Ангара", "ИрАэро", "Якутия" и др.).')
    assert set(orgs) == {"«Ангара»", "«ИрАэро»", "«Якутия»"}
