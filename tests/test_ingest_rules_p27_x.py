"""Pass 27, helper x: changes whose old value stands in another clause or sentence: the clause after «а» + a later
time; «а на <год> … уже Y»; «хотя прежде … не могла быть ниже X»; «а в нынешнем году» after «годом ранее»; «Сейчас …
выросла до Y» after a sentence of last year's level; a count in words before its noun («с шести до четырёх раз»); a
rate named with its value and then removed («…, но её отменили»: X → 0)."""

from decimal import Decimal

from tests.conftest import extract_text


def _changes(text: str) -> set[tuple[Decimal | None, Decimal, str | None]]:
    return {(c.from_value, c.to_value, c.currency) for c in extract_text(text).changes}


def test_a_later_time_after_a_contrasts_with_the_earlier_amount():
    text = "Стоимость путевки в марте поднялась до 52 000 руб., а к августу снизилась на 10% до 46 800 руб."
    assert (Decimal(52000), Decimal(46800), "RUB") in _changes(text)


def test_a_later_time_with_two_earlier_amounts_pairs_nothing():
    text = "Весной путевка стоила 40 000 руб., а тур 60 000 руб., а к августу цена снизилась до 35 000 руб."
    assert (Decimal(40000), Decimal(35000), "RUB") not in _changes(text)
    assert (Decimal(60000), Decimal(35000), "RUB") not in _changes(text)


def test_next_year_already_is_the_new_level():
    text = "В этом году на программу направлено 300 млн рублей, а на 2027 год — уже 450 млн рублей."
    assert _changes(text) == {(Decimal(300000000), Decimal(450000000), "RUB")}


def test_next_year_in_another_currency_is_no_change():
    text = "В этом году на программу направлено 300 млн рублей, а на 2027 год — уже 5 млн долларов."
    assert _changes(text) == set()


def test_a_year_without_already_is_no_change():
    text = "На 2025 год заложено 300 млн рублей, а на 2026 год - 280 млн рублей на другие цели."
    assert _changes(text) == set()


def test_the_old_floor_after_though_before():
    text = "Теперь заявку можно подать на сумму от 20 млн рублей, хотя прежде ее размер не мог быть меньше 50 млн."
    assert _changes(text) == {(Decimal(50000000), Decimal(20000000), "RUB")}


def test_a_year_earlier_then_this_year():
    text = "Годом ранее на ремонт дорог потратили 3,4 млрд руб., а в текущем году расходы выросли до 4 млрд руб."
    assert _changes(text) == {(Decimal(3400000000), Decimal(4000000000), "RUB")}


def test_now_it_rose_after_last_years_level():
    text = (
        "В конце прошлого года, когда фонд только создавался, его капитал составлял 200 млн рублей. "
        "Сейчас он вырос до 800 млн рублей."
    )
    assert (Decimal(200000000), Decimal(800000000), "RUB") in _changes(text)


def test_a_count_in_words_before_its_noun():
    text = "Число обязательных проверок сократили с шести до четырёх визитов в год."
    changes = extract_text(text).changes
    assert [(c.from_value, c.to_value) for c in changes] == [(Decimal(6), Decimal(4))]


def test_a_rate_removed_goes_to_zero():
    text = "Ранее действовала экспортная пошлина на зерно в размере 8%, но с 1 марта ее отменили."
    changes = extract_text(text).changes
    assert [(c.from_value, c.to_value, c.unit) for c in changes] == [(Decimal(8), Decimal(0), "percent")]


def test_a_rate_removed_if_is_a_condition():
    text = "Пошлина в размере 8% будет действовать, если ее не отменят решением комиссии."
    assert all(c.to_value != 0 for c in extract_text(text).changes)
