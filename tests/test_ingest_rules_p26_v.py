"""Pass 26, helper v: changes and money (and legal acts where they touch them): a new value, then the old one after
«тогда как раньше/до сих пор»; an old level named before a rise («ранее предусмотренных X … до Y»); amounts of a
duty on goods not charged before; the first of two amounts joined by «и» before one unit; a code by its noun-first
name; a law titled by a plural noun alone."""

from decimal import Decimal

from tests.conftest import extract_text


def _changes(text: str) -> set[tuple[Decimal | None, Decimal, str | None]]:
    return {(c.from_value, c.to_value, c.currency) for c in extract_text(text).changes}


def _money(text: str) -> set[tuple[Decimal, str | None, str | None]]:
    return {(a.value, a.currency, a.qualifier) for a in extract_text(text).amounts}


def _acts(text: str) -> set[tuple[str, str | None, str | None]]:
    return {(a.kind_slug, a.number, a.title) for a in extract_text(text).acts}


# --- changes --------------------------------------------------------------------------------------------------------


def test_new_value_then_the_old_after_whereas_before():
    text = (
        "Ввозная пошлина на станки теперь составит не менее 30 евро за штуку, тогда как раньше она равнялась 20 евро."
    )
    assert _changes(text) == {(Decimal(20), Decimal(30), "EUR")}


def test_two_old_values_respectively():
    text = (
        "Для листа и профиля сбор составит не менее 40 долларов за тонну, тогда как прежде он был 25 и 30 долларов "
        "за тонну соответственно."
    )
    assert _changes(text) == {(Decimal(25), Decimal(40), "USD"), (Decimal(30), Decimal(40), "USD")}


def test_two_old_values_without_respectively_are_no_change():
    """No rule reads a change here; the learned reader may propose one (30 -> 40, refitted 2026-12-06), flagged for
    review as the model's, which this test of the rules leaves aside."""
    text = "Сбор составит 40 долларов за тонну, тогда как прежде он был 25 и 30 долларов в разные годы."
    assert {(c.from_value, c.to_value, c.currency) for c in extract_text(text).changes if c.confidence is None} == set()


def test_whereas_without_a_past_word_is_no_change():
    text = "На долю фонда приходится 120 млн рублей, тогда как соседи получают по 300 млн рублей."
    assert _changes(text) == set()


def test_old_level_named_before_the_rise():
    text = "С учетом ранее выделенных 4 млрд руб. бюджет программы в этом году может вырасти до 6,5 млрд руб."
    assert _changes(text) == {(Decimal(4000000000), Decimal(6500000000), "RUB")}


def test_a_duty_on_goods_not_charged_before():
    text = (
        "На гранит и мрамор пошлина будет установлена в размере 5%, но не менее 7 и 9 евро за тонну соответственно. "
        "Ранее такой камень пошлиной не облагался."
    )
    assert _changes(text) == {(None, Decimal(7), "EUR"), (None, Decimal(9), "EUR")}


def test_a_duty_set_with_no_word_of_before_is_no_change():
    text = "На гранит пошлина будет установлена в размере 5%, но не менее 7 евро за тонну. Экспорт камня вырос."
    assert _changes(text) == set()


# --- money ----------------------------------------------------------------------------------------------------------


def test_first_of_two_amounts_joined_by_and():
    assert _money("Гранты составят не менее 2 и 3 млн рублей соответственно.") == {
        (Decimal(2000000), "RUB", "atLeast"),
        (Decimal(3000000), "RUB", "atLeast"),
    }


def test_years_joined_by_and_are_no_amount():
    assert _money("В 2024 и 2025 годах фонд выдаст 5 млрд рублей.") == {(Decimal(5000000000), "RUB", None)}


# --- legal acts -----------------------------------------------------------------------------------------------------


def test_code_named_noun_first():
    text = "Поправки внесут в Кодекс внутреннего водного транспорта Российской Федерации."
    assert ("code", None, "Кодекс внутреннего водного транспорта Российской Федерации") in _acts(text)


def test_code_of_conduct_is_no_act():
    assert _acts("Банк присоединился к Кодексу корпоративного управления.") == set()


def test_law_titled_by_a_plural_noun_alone():
    assert ("law", None, "О концессиях") in _acts("Закон о концессиях в крае так и не заработал.")


def test_counted_bills_are_no_one_act():
    assert _acts("Сегодня облдума одобрила два законопроекта о налоговых льготах.") == set()
