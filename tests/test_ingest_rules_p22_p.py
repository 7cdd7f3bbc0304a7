"""Twenty-second rule pass, helper p: a ministry's numbered letter is an act of kind «письмо», «в распоряжении» after
a verb of holding is no act, a rate «X% от … вместо Y%», the old value in the next paragraph's «Пока …» or in a
past clause contrasted with the new one, and changes read through look-alike Greek letters (sentences written for
these tests)."""

from __future__ import annotations

from decimal import Decimal

from conftest import extract_text


def _acts(text: str) -> list[tuple[str, str | None]]:
    return [(a.kind_slug, a.number) for a in extract_text(text).acts]


def _changes(text: str) -> list[tuple[Decimal | None, Decimal, str | None, str | None]]:
    return [(c.from_value, c.to_value, c.currency, c.unit) for c in extract_text(text).changes]


# --- a ministry's letter with its number ---------------------------------------------------------------------


def test_a_numbered_letter_of_a_ministry_is_an_act():
    text = "Порядок расчёта разъяснён в письме Минэкономразвития России от 3 марта 2022 г. № 12-05/4471."
    assert _acts(text) == [("letter", "12-05/4471")]
    assert _acts("Ведомство направило письмо в регионы, ответа пока нет.") == []


# --- «в распоряжении» after a verb of holding ---------------------------------------------------------------------


def test_at_the_papers_disposal_is_no_directive():
    assert _acts("Проект постановления (имеется в распоряжении редакции) подготовил Минфин.") == [("resolution", None)]


# --- a rate with its base, instead of the old one -----------------------------------------------------------------


def test_a_rate_of_the_income_instead_of_the_old_one():
    assert _changes("Для резидентов ставка налога составит 12% от прибыли вместо 20%.") == [
        (Decimal(20), Decimal(12), None, "percent")
    ]


# --- the old value in the next paragraph's «Пока …» ----------------------------------------------------------------


def test_the_old_value_in_the_next_paragraph_opening_with_the_present():
    text = (
        "Минпромторг предлагает увеличить предельную сумму займа до 1 млрд рублей.\n"
        "Пока максимальная сумма займа — 300 млн рублей. Решение ждут осенью."
    )
    assert _changes(text) == [(Decimal(300000000), Decimal(1000000000), "RUB", None)]


# --- a past level contrasted with the new one in one sentence ------------------------------------------------------


def test_a_past_level_contrasted_with_the_new_one():
    text = "Раньше лимит гранта составлял 40 млн рублей, а с июля компании смогут получить до 90 млн рублей."
    assert _changes(text) == [(Decimal(40000000), Decimal(90000000), "RUB", None)]


# --- look-alike Greek letters inside Russian words -----------------------------------------------------------------


def test_a_change_read_through_greek_letters_keeps_the_original_words():
    text = "Ставκу налοга снизят с 17% дο 5% на десять лет."
    result = extract_text(text)
    assert [(c.from_value, c.to_value, c.unit) for c in result.changes] == [(Decimal(17), Decimal(5), "percent")]
    change = result.changes[0]
    assert change.text == "с 17% дο 5%" and text[change.start : change.end] == change.text
