"""The thirty-fourth rule pass: shapes of changes and amounts that came back in the forty-eighth to fiftieth held-out
sets (wire copy on duties and set prices), each tested on sentences of our own."""

from __future__ import annotations

from decimal import Decimal

import pytest

from server.ingest import money


def _changes(text: str) -> list[tuple[Decimal | None, Decimal, str | None, str]]:
    return [(c.from_value, c.to_value, c.currency, c.text) for c in money.changes(text)]


def test_a_number_split_at_its_thousands_is_one_amount_quoted_whole():
    text = "Ставку подняли до 6 тыс. 015,8 рубля за тонну, а индикативную цену оценили в $2 тыс. 080,4 за тонну."
    assert [(a.value, a.currency, a.text) for a in money.amounts(text)] == [
        (Decimal("6015.8"), "RUB", "6 тыс. 015,8 рубля"),
        (Decimal("2080.4"), "USD", "$2 тыс. 080,4"),
    ]
    assert money.readable(text).index("6015,8") == text.index("6 тыс.")  # the same length: offsets kept


@pytest.mark.parametrize(
    "text",
    [
        "На заводе работают 5 тыс. 300 человек.",  # three digits and a count: thousands and hundreds, no sum
        "Выделено 5 тыс. рублей, 300 из них уже потрачено.",
    ],
)
def test_thousands_and_a_count_are_left_as_they_were(text):
    assert all(a.text != text[a.start : a.end] or "тыс. 300" not in a.text for a in money.amounts(text))
    assert money.joined_thousands(text) == text


def test_the_new_level_first_then_from_the_old_one():
    text = "Экспортная пошлина на ячмень вырастет до 3 тыс. 102,5 рубля за тонну с 2 тыс. 870 рублей."
    assert _changes(text) == [
        (Decimal(2870), Decimal("3102.5"), "RUB", "до 3 тыс. 102,5 рубля за тонну с 2 тыс. 870 рублей")
    ]


def test_a_date_after_from_is_no_old_value():
    assert [(c.from_value, c.to_value) for c in money.changes("Ставка снизится до 5% с 1 июля 2025 года.")] == [
        (None, Decimal(5))
    ]


@pytest.mark.parametrize(
    ("text", "old", "new", "cur"),
    [
        # a period before the earlier level
        (
            "Пошлина на рапсовое масло составит $98,6 за тонну рапсового масла (неделей ранее — $101,3).",
            "101.3",
            "98.6",
            "USD",
        ),
        ("Базовая цена для расчёта пошлины — $512,7 за тонну (в прошлом месяце — $498).", "498", "512.7", "USD"),
        # «вместо» in the brackets, the parameter named again before a dash
        ("Минимальная цена бутылки игристого вина составит 280 рублей (вместо 265 рублей).", "265", "280", "RUB"),
        (
            "Минимальная цена водки будет не ниже 410 рублей (сейчас цена бутылки «беленькой» — 350 рублей).",
            "350",
            "410",
            "RUB",
        ),
        # the earlier level alone, a sum with its currency, in a sentence of a duty
        ("Пошлина на кукурузу составит $14,2 за тонну кукурузы ($12,9).", "12.9", "14.2", "USD"),
    ],
)
def test_an_earlier_level_in_brackets_after_the_new_one(text, old, new, cur):
    assert [(c.from_value, c.to_value, c.currency) for c in money.changes(text)] == [(Decimal(old), Decimal(new), cur)]


@pytest.mark.parametrize(
    "text",
    [
        "Выручка компании составила 5 млрд рублей (годом ранее — 4 млрд рублей).",  # a result, not a parameter
        "Бюджет программы составит 500 млн рублей (300 млн рублей из федерального бюджета).",  # a part of it
        "Пошлина на ввоз составит 100 евро ($110).",  # the same sum in another currency
        "Ставка составит 12% (8%).",  # a bare bracket without a currency says nothing of its meaning
    ],
)
def test_brackets_that_hold_no_earlier_level(text):
    assert money.changes(text) == []
