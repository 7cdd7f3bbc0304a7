"""Pass 29, helper d: parameter changes in the broader shapes of real news (dev36-dev38 misses), on sentences written
for these tests: «Y против прежних/нынешних/ранее установленных X» with no time named; «вместо X <any words or a dash>
Y» (a verb, «теперь достаточно», or none); an earlier plan or level («изначально/ранее/прежде … X») and the present one
after «, (а) теперь/сейчас (же) …»; a schedule of new rates by year, each gap after the one before; two steps
«на a и b соответственно — до X и Y»; a count in thousands («до 5 тысяч штук»), not a sum; a step «на N» in money whose
old and new levels stand in nearby sentences (exactly N apart); a year «к 2030 г.» between the verb and «до Y»; «и
достигает порядка Y» after a rise."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from tests.conftest import extract_text


def _changes(text: str) -> list[tuple]:
    return [(c.from_value, c.to_value, c.currency) for c in extract_text(text).changes]


@pytest.mark.parametrize(
    "text, expected",
    [
        # the earlier level named «прежних/нынешних/ранее установленных», no time after it
        (
            "Взнос теперь должен быть не меньше 2 млрд рублей против прежних 500 млн рублей.",
            [(D("5e8"), D("2e9"), "RUB")],
        ),
        ("Порог инвестиций составит 300 млн рублей против нынешних 800 млн.", [(D("8e8"), D("3e8"), "RUB")]),
        (
            "Минимальная сумма вложений — 1,5 млрд руб. против ранее установленных 3 млрд руб.",
            [(D("3e9"), D("1.5e9"), "RUB")],
        ),
        ("Компании смогут получить 50 млн евро против прежних 20 млн евро.", [(D("2e7"), D("5e7"), "EUR")]),
        # a comparison with no earlier level named is no change
        ("Выручка составила 5 млрд рублей против 4 млрд рублей у конкурента.", []),
    ],
)
def test_against_the_former_level(text, expected):
    assert _changes(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Вместо 3 млрд рублей теперь достаточно 750 млн рублей.", [(D("3e9"), D("7.5e8"), "RUB")]),
        ("Вместо 10 млн рублей компании получат 25 млн рублей.", [(D("1e7"), D("2.5e7"), "RUB")]),
        (
            "Вместо прежних 500 тыс. долларов теперь потребуется лишь 200 тыс. долларов.",
            [(D("5e5"), D("2e5"), "USD")],
        ),
        ("Вместо 200 млн рублей — 350 млн рублей: так изменился лимит.", [(D("2e8"), D("3.5e8"), "RUB")]),
        ("Вместо 3 млрд рублей отныне нужно вложить не менее 1 млрд рублей.", [(D("3e9"), D("1e9"), "RUB")]),
    ],
)
def test_instead_of_with_any_words(text, expected):
    assert _changes(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            (
                "Изначально планировалось, что в 2023 году на программу выделят 2,5 млрд рублей, теперь же речь идет о 1,8 "
                "млрд рублей."
            ),
            [(D("2.5e9"), D("1.8e9"), "RUB")],
        ),
        (
            "Ранее на поддержку собирались направить 400 млн рублей, а сейчас — лишь 250 млн рублей.",
            [(D("4e8"), D("2.5e8"), "RUB")],
        ),
        (
            "Прежде фонд выдавал займы на 100 млн рублей, теперь же сумма займа составит 300 млн рублей.",
            [(D("1e8"), D("3e8"), "RUB")],
        ),
    ],
)
def test_earlier_then_now(text, expected):
    assert _changes(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            (
                "Акциз с 2024 г. поднимется до 12,5 тыс. руб./т, в 2025 г. – до 13,1 тыс. руб./т, в 2026 г. – до 13,8 тыс. "
                "руб./т."
            ),
            [(None, D(12500), "RUB"), (None, D(13100), "RUB"), (None, D(13800), "RUB")],
        ),
        (
            "Сборы вырастут на 1,2 и 3,4 тыс. руб. соответственно — до 10 тыс. руб./т и 20 тыс. руб.",
            [(D(8800), D(10000), "RUB"), (D(16600), D(20000), "RUB")],
        ),
        (
            "Тарифы снизят на 100 и 200 рублей соответственно — до 900 рублей и 1800 рублей.",
            [(D(1000), D(900), "RUB"), (D(2000), D(1800), "RUB")],
        ),
    ],
)
def test_schedules_and_respective_values(text, expected):
    assert _changes(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Выпуск колес сможет вырасти до 5 тысяч штук в год.",
        "Производство поднимется до 12 тыс. автомобилей.",
        "Выпуск вырастет до 40 тысяч вагонов в год.",
    ],
)
def test_count_in_thousands_is_no_sum(text):
    assert all(cur is None for _, _, cur in _changes(text))


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            (
                "Прежде на эти цели хотели выделить 5 млрд рублей. Сумма урезана на 2 млрд рублей. Теперь на программу "
                "направят 3 млрд рублей."
            ),
            [(D("5e9"), D("3e9"), "RUB")],
        ),
        (
            (
                "Лимит поднят на 250 млн рублей. В прошлом месяце он составлял 750 млн рублей. Теперь заемщики получат "
                "до 1 млрд рублей."
            ),
            [(D("7.5e8"), D("1e9"), "RUB")],
        ),
        # no pair of sums the step apart: no change
        ("Финансирование сократили на 300 млн рублей. На программу выделят 800 млн рублей.", []),
    ],
)
def test_step_with_levels_nearby(text, expected):
    assert _changes(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Выпуск планируется нарастить к 2030 г. до 100 млрд руб. с 29 млрд в 2024 г.",
            [(D("2.9e10"), D("1e11"), "RUB")],
        ),
        (
            "Экспорт должен увеличиться к 2028 г. до 5 млрд долл. с 2 млрд долл. в 2023 г.",
            [(D("2e9"), D("5e9"), "USD")],
        ),
        ("Стоимость судна выросла примерно на 13% и достигает порядка 2 млрд рублей.", [(None, D("2e9"), "RUB")]),
        ("Объем рынка увеличился на треть и достигает почти 40 млрд рублей.", [(None, D("4e10"), "RUB")]),
    ],
)
def test_year_before_value_and_reach(text, expected):
    assert _changes(text) == expected
