"""Twenty-first rule pass, helper p: an act «об этом» and a bill «о поправках в», a regional act by its signer's
post, a bill by its sponsor, a federal law by «ФЗ» and its title; a coefficient's change with its verb left out, a
price per unit instead of the present one; a range's lower bound written out in full; a sitting by its time with its
body as the subject, a sitting said again (sentences written for these tests)."""

from __future__ import annotations

from decimal import Decimal

from conftest import extract_text


def _acts(text: str) -> list[tuple[str, str | None, str | None]]:
    """(kind, number, issuer as written) of each act reference."""
    out = []
    for a in extract_text(text).acts:
        out.append((a.kind_ru, a.number, text[a.issuer[0] : a.issuer[1]] if a.issuer else None))
    return out


def _changes(text: str) -> list[tuple[object, object, str | None]]:
    """The rules' changes (the learned model's, flagged for review, are tested in test_changemodel.py)."""
    return [(c.from_value, c.to_value, c.currency) for c in extract_text(text).changes if c.confidence is None]


def _events(text: str) -> list[str]:
    return [e.label_ru for e in extract_text(text).events]


# --- legal acts ---------------------------------------------------------------------------------------------------


def test_an_unnumbered_act_about_this_is_one_act() -> None:
    assert _acts("Заводы получат субсидии; распоряжение об этом опубликовано на портале правовой информации.") == [
        ("Распоряжение", None, None)
    ]
    assert _acts("Как пишет газета, постановление об этом министр Иван Сидоров подписал ещё в мае.") == [
        ("Постановление", None, None)
    ]
    assert _acts("Закон действует давно, и по закону всё верно.") == []


def test_a_regional_act_by_its_signers_post_keeps_its_number() -> None:
    text = "Программу утвердили постановлением главы администрации (губернатора) Тверской области от 3 мая 2019 года № 457."
    assert _acts(text) == [("Постановление", "457", "главы администрации (губернатора) Тверской области")]
    assert _acts("Порядок установлен приказом министра промышленности края от 5 июня 2020 года № 12.") == [
        ("Приказ", "12", "министра промышленности края")
    ]


def test_a_bill_by_its_sponsor_or_by_the_law_it_amends() -> None:
    assert _acts("Такую норму предлагает законопроект депутата Ивана Сидорова.") == [
        ("Законопроект", None, "депутата Ивана Сидорова")
    ]
    # the code it amends is an act of its own since pass 24 (helper s): the gold of every set naming a code lists it
    assert _acts("Комиссия рассмотрела законопроект о поправках в Бюджетный кодекс.") == [
        ("Законопроект", None, None),
        ("Кодекс", None, None),
    ]


def test_a_federal_law_by_fz_and_its_title_once() -> None:
    got = extract_text(
        "Эксперты считают, что ФЗ «О закупках для нужд обороны» устарел. Поправки в ФЗ «О закупках для нужд обороны» "
        "готовят давно."
    ).acts
    assert {(a.kind_ru, a.title) for a in got} == {("Федеральный закон", "О закупках для нужд обороны")}
    assert extract_text("Номер ФЗ указан в документе.").acts == []


# --- changes -------------------------------------------------------------------------------------------------------


def test_a_change_after_a_dash_with_its_verb_left_out_is_of_the_same_kind() -> None:
    got = _changes("Для новых тракторов коэффициент повысят с 2,1 до 3,4, а для старых - с 7,25 до 11.")
    assert got == [(Decimal("2.1"), Decimal("3.4"), None), (Decimal("7.25"), Decimal(11), None)]
    assert _changes("Мы видели рост в 2019 году - с 2 до 3 раз в неделю.") == []


def test_a_price_per_unit_instead_of_the_present_one() -> None:
    got = _changes("Пошлину предлагают установить не менее 40 долларов за тонну вместо нынешних 30 долларов.")
    assert got == [(Decimal(30), Decimal(40), "USD")]


# --- money ---------------------------------------------------------------------------------------------------------


def test_a_ranges_lower_bound_written_out_in_full_takes_no_multiplier() -> None:
    got = [(a.value, a.value_max) for a in extract_text("Сбор за погрузчик составит 700 000 – 2,5 млн руб.").amounts]
    assert got == [(Decimal(700000), Decimal(2500000))]
    got = [(a.value, a.value_max) for a in extract_text("Займы выдадут на 5–7 млн руб.").amounts]
    assert got == [(Decimal(5000000), Decimal(7000000))]


# --- events --------------------------------------------------------------------------------------------------------


def test_a_sitting_by_its_time_with_its_body_as_the_subject() -> None:
    assert _events("На заседании в среду, 4 апреля, Комитет Государственной Думы по энергетике одобрил поправки.") == [
        "Заседание Комитета Государственной Думы по энергетике"
    ]
    assert _events("На заседании во вторник обсудили бюджет.") == []


def test_a_sitting_said_again_is_the_legislatures() -> None:
    text = "Депутаты Госдумы одобрили закон в третьем чтении. Второе чтение прошло раньше, на том же заседании."
    assert _events(text) == ["Заседание Государственной Думы"]
    assert _events("Министр выступил на этом заседании.") == []
