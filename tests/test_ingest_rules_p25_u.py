"""Twenty-fifth rule pass, helper u: a regional law's number on its own («N 14-ОЗ», «; от … № 7-З»), a year's «г»
without its dot before an act's number, a numbered decision of the Eurasian Economic Commission; changes with a doubled
unit («с 3% процентов до 2%»), a word number and a half, a count in words or figures before its noun, a rate set for a
period, a rate «теперь составит» with further objects' rates after it (sentences written for these tests)."""

from __future__ import annotations

from decimal import Decimal

from conftest import extract_text


def _acts(text: str) -> set[tuple[str, str | None]]:
    return {(a.kind_slug, a.number) for a in extract_text(text).acts}


def _changes(text: str) -> set[tuple[Decimal | None, Decimal, str | None]]:
    return {(c.from_value, c.to_value, c.currency) for c in extract_text(text).changes}


# --- legal acts -----------------------------------------------------------------------------------------------------


def test_a_regional_law_number_on_its_own_line_is_a_law():
    text = (
        "Областная дума приняла поправки о кластерах.\n\n3 марта 2019 года\nN 14-ОЗ\nКУРГАНСКАЯ ОБЛАСТЬ\nЗАКОН\n"
        "О поддержке промышленных кластеров\nСтатья 1\nЗакон вступает в силу."
    )
    assert ("law", "14-ОЗ") in _acts(text)


def test_laws_listed_after_a_semicolon_are_each_a_law():
    text = "(В редакции Законов Курской области от 02.03.2018 № 11-ЗКО; от 14.05.2021 г. № 35-ОЗ)"
    assert ("law", "35-ОЗ") in _acts(text)


def test_a_year_without_its_dot_before_the_number():
    text = "Закон от 11.04.2019 г № 312-З\n\nО внесении изменений в Закон о промышленной политике области"
    acts = extract_text(text).acts
    assert [(a.kind_slug, a.number, a.date.isoformat() if a.date else None) for a in acts][:1] == [
        ("law", "312-З", "2019-04-11")
    ]


def test_a_regional_number_shape_in_another_sense_needs_its_sign():
    assert _acts("На участке 12-З ведутся работы по прокладке трубы.") == set()


def test_a_numbered_decision_of_the_eurasian_commission():
    text = "Пошлина введена решением Коллегии Евразийской экономической комиссии от 3 мая 2022 года № 77."
    assert _acts(text) == {("decision", "77")}


def test_an_unnumbered_decision_is_no_act():
    assert _acts("Решение Совета ЕЭК о пошлинах ожидается осенью.") == set()
    assert _acts("Решение о продлении пошлины правительство примет в мае.") == set()


# --- changes --------------------------------------------------------------------------------------------------------


def test_a_doubled_percent_unit():
    assert _changes("Ставка налога на имущество снижена с 2,2% процентов до 1,1%.") == {
        (Decimal("2.2"), Decimal("1.1"), None)
    }


def test_a_word_number_and_a_half():
    text = "Лимит субсидий увеличили с 400 миллионов до двух с половиной миллиардов рублей."
    assert _changes(text) == {(Decimal(400000000), Decimal(2500000000), "RUB")}


def test_a_count_in_words_before_its_noun():
    assert _changes("К 2026 году сеть технопарков вырастет до шести действующих площадок.") == {
        (None, Decimal(6), None)
    }


def test_a_bare_number_before_a_month_or_a_time_is_no_count():
    assert _changes("Срок подачи заявок продлили до 15 декабря.") == set()


def test_a_tax_rate_set_for_periods():
    text = "По новому закону ставка налога на прибыль составит 3% в первые четыре года и 8% — в следующие четыре года."
    assert _changes(text) == {(None, Decimal(3), None), (None, Decimal(8), None)}


def test_a_loan_rate_for_a_period_is_no_change():
    assert _changes("В первые два года ставка по займу составит 2%, затем — 4%.") == set()


def test_a_rate_now_set_and_the_rates_of_further_goods():
    text = "Для сыров пошлина теперь составит 25% от таможенной стоимости, для масла – 15%, для шоколада – 30%."
    assert _changes(text) == {(None, Decimal(25), None), (None, Decimal(15), None), (None, Decimal(30), None)}


def test_a_rate_that_will_be_is_no_change_without_now():
    assert _changes("Ставка по займу составит 1% годовых.") == set()


def test_a_pronoun_change_keeps_the_earlier_changes_parameter():
    """The twenty-fifth pass's rate block had taken in this fallback, so it held for its own rules only (review)."""
    text = "Объем субсидий вырос до 5 млрд рублей. Затем правительство увеличило его до 7 млрд рублей."
    params = {c.to_value: c.parameter for c in extract_text(text).changes}
    assert params[Decimal(7_000_000_000)] == params[Decimal(5_000_000_000)] == "объём субсидий"
