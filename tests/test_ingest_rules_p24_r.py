"""Twenty-fourth rule pass, helper r: money and parameter changes. A short unit of measure after a multiplier
(«млн т», «тыс. га», «млн кв. м») makes an amount no money; changes in tonnes; «с нынешних X до Y»; a step in basis
points before «— до Y»; a step, then «и составит Y»; two new values «соответственно» of two old ones named before;
a rate «обнуляется» (to 0) unless the clause makes it a condition (sentences written for these tests)."""

from __future__ import annotations

from decimal import Decimal

from conftest import extract_text


def _changes(text: str) -> list[tuple[object, object, str | None]]:
    return [(c.from_value, c.to_value, c.currency) for c in extract_text(text).changes]


def _money(text: str) -> list[tuple[Decimal, str | None]]:
    return [(a.value, a.currency) for a in extract_text(text).amounts]


# --- a unit of measure after the multiplier ----------------------------------------------------------------------


def test_tonnes_hectares_and_square_metres_after_a_multiplier_are_no_money():
    text = "Бюджет программы — 40 млрд рублей. Заводы выпустят 3,2 млн т стали и освоят 12 тыс. га земли."
    assert _money(text) == [(Decimal(40000000000), "RUB")]
    text = "На стройку дадут 5 млрд рублей, а построят 1,4 млн кв. м жилья и 2 млн шт. плитки."
    assert _money(text) == [(Decimal(5000000000), "RUB")]
    # without a unit after it the bare sum in a text about roubles stays roubles
    assert _money("Субсидия составит 2 млрд рублей, в 2027 году — еще 3 млрд.") == [
        (Decimal(2000000000), "RUB"),
        (Decimal(3000000000), "RUB"),
    ]


def test_a_change_in_tonnes_is_no_change_in_roubles():
    text = "Пошлина — 20 евро за тонну. Лимит вывоза зерна повысили с 2,5 млн т до 3 млн т."
    assert _changes(text) == [(Decimal(2500000), Decimal(3000000), None)]


# --- the old value named as the present one ---------------------------------------------------------------------


def test_from_the_present_value_to_a_new_one():
    assert _changes("Ведомство хочет повысить сбор с нынешних 2% до 6% уже в мае.") == [(Decimal(2), Decimal(6), None)]
    assert _changes("Тариф снизят с текущих 12 рублей до 9 рублей.") == [(Decimal(12), Decimal(9), "RUB")]


# --- a step in points, then the new value ------------------------------------------------------------------------


def test_a_step_in_basis_points_gives_the_new_rate_only():
    text = "Банк России решил повысить ставку на 50 базисных пунктов — до 9 процентов годовых."
    assert _changes(text) == [(None, Decimal(9), None)]
    # a step in percentage points is in the rate's own unit: the old value follows
    assert _changes("Ставку снизили на 2 процентных пункта — до 6%.") == [(Decimal(8), Decimal(6), None)]


def test_a_step_then_the_total_it_will_make():
    text = "Квота на вывоз меди увеличится на 300 тыс. т и составит 1,1 млн т."
    assert _changes(text) == [(None, Decimal(1100000), None)]
    text = "Капитал фонда увеличат на 2 млрд рублей, и составит он тогда 9 млрд рублей."
    assert _changes(text) == []  # «и составит» must follow the step: here a pronoun comes between


# --- two new values «соответственно» -------------------------------------------------------------------------------


def test_two_new_values_respectively_take_the_two_old_ones_in_order():
    text = "Сейчас ставки по займам — 4% для заводов и 2% для стартапов, их уменьшат до 3% и 1% соответственно."
    assert _changes(text) == [(Decimal(4), Decimal(3), None), (Decimal(2), Decimal(1), None)]
    # with no two old values in the sentence, both new values stand without one
    assert _changes("Ставки по займам уменьшат до 3% и 1% соответственно.") == [
        (None, Decimal(3), None),
        (None, Decimal(1), None),
    ]


# --- a rate zeroed --------------------------------------------------------------------------------------------------


def test_a_zeroed_rate_is_a_change_to_zero():
    assert _changes("Для новых заводов ставка налога на землю обнуляется на пять лет.") == [(None, Decimal(0), None)]
    assert _changes("Закон предусматривает обнуление пошлины на станки.") == [(None, Decimal(0), None)]


def test_a_zeroing_on_a_condition_or_without_a_rate_is_no_change():
    assert _changes("С марта ставка акциза обнуляется, если цена ниже 20 000 рублей за тонну.") == []
    assert _changes("Счетчик обнуляется каждый месяц.") == []
