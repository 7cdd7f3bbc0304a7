"""Pass 28, helper c: legal acts, from a paradigm sweep on sentences written for these tests: a body in the genitive
as the issuer before the date or number («постановление администрации города от … № 456-па»); numbers with their
series' capitals («№ БС-4-21/123@», «N Пр-1132», «№ УГ-45»); the letters first («ФЗ-488», «ПП-719»); a Duma bill's
number without «№»; a plural kind's further bare numbers («№ 100 и 101»); the nominative «Перечень поручений»; an
unnumbered act that a verb issues, publishes or amends, or that comes into force («выпустил постановление о …»,
«Распоряжение опубликовано»), never a court's ruling nor a plan; «Постановление об этом подписал …» after an older numbered
act; one act for a number whose date is misprinted in a later mention."""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import extract_text


def _acts(text: str, **kw) -> list[tuple[str, str | None]]:
    return [(a.kind_slug, a.number) for a in extract_text(text, **kw).acts]


def _keys(text: str, **kw) -> set[str]:
    return {a.key for a in extract_text(text, **kw).acts}


# --- numbers and issuers --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Постановление администрации города от 1 марта 2024 г. № 456-па утвердило порядок.", ("resolution", "456-па")),
        ("Постановление мэрии № 456 утвердило порядок.", ("resolution", "456")),
        ("Постановлением областного правительства № 12 утверждён бюджет.", ("resolution", "12")),
        ("В письме ФНС России от 10.01.2025 № БС-4-21/123@ даны разъяснения.", ("letter", "БС-4-21/123@")),
        ("Приказ ФНС № ЕД-7-3/123@ утвердил формы.", ("order", "ЕД-7-3/123@")),
        ("Письмом Минпромторга № ПГ-1234/12 от 5 марта 2024 года компании уведомлены.", ("letter", "ПГ-1234/12")),
        ("Указ главы республики № УГ-45 подписан.", ("decree", "УГ-45")),
        (
            "Перечень поручений президента № Пр-1234 от 10 апреля 2024 года включает десять пунктов.",
            ("instructions", "Пр-1234"),
        ),
        ("Поправки в ФЗ-488 одобрены.", ("federal-law", "488-ФЗ")),
        ("В ПП-719 внесены изменения.", ("resolution", "719")),
        ("Депутаты приняли законопроект 123456-8 в первом чтении.", ("bill", "123456-8")),
        # a non-breaking hyphen in the number
        ("Распоряжение правительства № 2816\u2011р опубликовано.", ("directive", "2816-р")),
    ],
)
def test_a_numbered_act_in_a_further_shape(text, expected):
    assert _acts(text) == [expected]


def test_a_law_of_a_region_named_by_its_region_alone():
    [act] = extract_text("С 2017 года действует закон Самарской области, которым резидентам введены льготы.").acts
    assert (act.kind_slug, act.number) == ("law", None)
    assert _acts("По законам Самарской области льготы положены.") == []


def test_a_day_written_as_an_ordinal():
    [act] = extract_text("Постановлением Кабмина РФ от 1-го марта 2024 г. № 250 утверждены правила.").acts
    assert (act.number, act.date) == ("250", datetime.date(2024, 3, 1))


def test_a_participle_and_a_nominative_are_no_issuer():
    assert _acts("Постановлением утверждена программа № 5.") == [("resolution", None)]


def test_the_letters_first_and_the_number_first_are_one_law_each():
    assert _acts("Закупки по ФЗ 223 и по 44-ФЗ идут.") == [("federal-law", "223-ФЗ"), ("federal-law", "44-ФЗ")]
    assert _keys("В ПП РФ-1119 внесены изменения. ПП-1119 теперь шире.") == {"resolution|1119|"}


def test_a_plural_kind_takes_its_further_bare_numbers():
    assert _acts("Постановлениями правительства № 100 и 101 утверждены правила.") == [
        ("resolution", "100"),
        ("resolution", "101"),
    ]
    assert [n for _, n in _acts("Постановлениями № 719, 1649 и 2013 утверждены правила.")] == ["719", "1649", "2013"]
    # an amount after «и» is no number
    assert _acts("Постановлениями № 719 и 20 млн рублей выделены.") == [("resolution", "719")]


# --- unnumbered acts ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Кабмин выпустил постановление о продлении льгот.", "resolution"),
        ("Правительство издало распоряжение о выделении средств.", "directive"),
        ("Распоряжение опубликовано на официальном портале правовой информации.", "directive"),
        ("Постановление вступает в силу со дня опубликования.", "resolution"),
        ("Правительство внесло изменения в постановление о промышленной ипотеке.", "resolution"),
        ("Правительство скорректировало постановление о субсидиях автопроизводителям.", "resolution"),
        ("Мэр подписал постановление об установлении тарифов.", "resolution"),
        ("Законопроект внесён в Госдуму.", "bill"),
        ("Приказом министерства утверждён новый перечень.", "order"),
        ("Правительство оформило постановление до конца месяца.", "resolution"),
    ],
)
def test_an_unnumbered_act_issued_or_in_force(text, kind):
    assert _acts(text) == [(kind, None)]


@pytest.mark.parametrize(
    "text",
    [
        "Суд вынес постановление о банкротстве.",
        "По постановлению суда компания выплатит штраф.",
        "Он отдал приказ о начале работ.",
        "По закону предприятия обязаны платить налог.",
        "В распоряжении фонда остаётся 10 млрд рублей.",
        "Это противоречит закону.",
        # a plan: the act is not issued yet
        "Выпустить постановление предполагается в первом квартале.",
        "Власти намерены выпустить постановление о субсидиях.",
        # its subject alone makes no act
        "Указ о создании агентства обсуждают давно.",
        "Постановление о субсидиях обсуждают в отрасли.",
    ],
)
def test_no_act(text):
    assert _acts(text) == []


def test_the_news_own_act_signed_after_an_older_numbered_one():
    text = (
        "Новая редакция постановления правительства от 30 октября 2014 г. № 1119 расширяет поддержку. "
        "Постановление об этом подписал премьер-министр."
    )
    assert _keys(text, published=datetime.date(2024, 5, 1)) == {"resolution|1119|2014", "resolution|unnumbered"}


def test_a_misprinted_date_of_one_number_is_one_act():
    text = (
        "Правила утверждены постановлением правительства от 20 марта 2023 года № 77. "
        "Постановление от 20 февраля 2023 года № 77 подготовил Минпромторг. Подписанное постановление вступило в силу."
    )
    assert _keys(text, published=datetime.date(2023, 4, 1)) == {"resolution|77|2023"}
    # a year apart: two acts of one number
    text = "Постановление от 1 марта 2020 года № 77 отменено постановлением от 1 марта 2023 года № 77."
    assert len(_keys(text)) == 2
