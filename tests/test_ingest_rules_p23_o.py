"""Twenty-third rule pass, helper o: parameter changes given by their new value after a step («поднимется на 5% —
до Y», «рост на 20% — до Y»), after a colon and «теперь», with a planned old value after «вместо», with a rate
«годовых», a price per unit in a gapped second change, a coefficient range after a change, and a count with a year
at each value (sentences written for these tests)."""

from __future__ import annotations

from decimal import Decimal

from conftest import extract_text


def _changes(text: str) -> list[tuple[object, object, str | None]]:
    return [(c.from_value, c.to_value, c.currency) for c in extract_text(text).changes]


# --- a step in percent, then the new value after a dash ----------------------------------------------------------


def test_a_rise_by_a_percent_step_to_a_new_value_has_no_old_value():
    assert _changes("С июля пошлина поднимется на 12% — до 45 тысяч рублей.") == [(None, Decimal(45000), "RUB")]
    assert _changes("Тариф снизится на 8% - до 2 млн рублей за вагон.") == [(None, Decimal(2000000), "RUB")]


def test_a_noun_of_change_governs_the_new_value_only_through_its_step():
    assert _changes("Для тягачей предусмотрен рост на 40% — до 90 тысяч рублей.") == [(None, Decimal(90000), "RUB")]
    # without a step the noun does not reach a «до Y» of the sentence: an upper bound of a loan
    assert _changes("Рост выпуска позволит заводу брать займы до 500 млн рублей.") == []


# --- a verb, a colon and «теперь» ---------------------------------------------------------------------------------


def test_a_verb_then_a_colon_and_now_takes_the_new_value():
    got = _changes("Грант для стартапов власти увеличили: теперь одна команда может получить до 8 млн рублей.")
    assert got == [(None, Decimal(8000000), "RUB")]
    assert _changes("Условия фонда утвердили: теперь одна команда может получить до 8 млн рублей.") == []


# --- «вместо» with a planned old value, a rate «годовых» --------------------------------------------------------------


def test_instead_of_a_planned_bare_number_takes_the_unit_of_the_new_value():
    got = _changes("Расходы на программу составят 72 миллиарда рублей вместо предусмотренных ранее 58.")
    assert got == [(Decimal(58000000000), Decimal(72000000000), "RUB")]


def test_a_yearly_rate_instead_of_the_present_one():
    assert _changes("Банк будет выдавать кредиты под 6% годовых вместо нынешних 9%.") == [
        (Decimal(9), Decimal(6), None)
    ]


# --- a price per unit in a gapped second change ---------------------------------------------------------------------


def test_a_gapped_change_after_a_price_per_unit():
    got = _changes(
        "Для агропарков субсидия вырастет до 15 млн руб. на 1 га, для складских комплексов в крупных городах — "
        "до 40 тыс. руб. за 1 кв. м."
    )
    assert got == [(None, Decimal(15000000), "RUB"), (None, Decimal(40000), "RUB")]


# --- a coefficient range after a change -------------------------------------------------------------------------


def test_a_coefficient_range_after_a_change_is_a_change():
    got = _changes("Для тракторов сбор увеличится на 30% - до 70 тысяч рублей (коэффициент - от 1,5 до 2,6).")
    assert (Decimal("1.5"), Decimal("2.6"), None) in got
    assert _changes("Коэффициент от 0,8 до 1,2 применяют к старым машинам.") == []


# --- a count with the year of each value ------------------------------------------------------------------------


def test_a_count_with_the_year_of_each_value_is_a_change_without_currency():
    got = _changes("Каталог отечественных станков расширился с 1,2 тыс. моделей в 2019 году до 4 тыс. в 2024-м.")
    assert got == [(Decimal(1200), Decimal(4000), None)]
    assert _changes("Выставка пройдет с 1 марта до 5 марта.") == []
