"""Thirty-first rule pass: shapes the forty-third held-out set showed missed (dev44, items 867, 869, 876, 881, 882),
each written again here in other words: a resolution's bare number between its issuer and its date, a bill's title
whose inner quote one quote closes with it at the sentence's end, a list of sums before one currency, a duty removed
by «отменяются», a subsidiary's quoted name after a dash inside NER's span (and a quoted word before it that is no
opening quote), an association's acronym and quoted name (sentences written for these tests)."""

from __future__ import annotations

from decimal import Decimal

from conftest import act_details as _acts
from conftest import extract_orgs as _orgs

from server.ingest import acts, money


def test_a_bare_number_between_the_issuer_and_the_date():
    text = "Так записано в постановлении Правительства России 615 от 3 марта 2023 года, которое уже действует."
    assert _acts(text) == [("Постановление", "615", "2023-03-03", None)]
    assert _acts("Распоряжением Правительства РФ 2816-р от 12 октября 2022 года выделено 5 млрд рублей.") == [
        ("Распоряжение", "2816-р", "2022-10-12", None)
    ]
    # no date right after: the number is no act's ('постановлением правительства 20 регионов получили …')
    assert [n for _, n, _, _ in _acts("Постановлением правительства 20 регионов получили субсидии.")] == [None]


def test_a_title_whose_inner_quote_closes_with_the_outer_one():
    text = (
        "Депутатам представили проект закона Пермского края «О внесении изменений в статью 4 Закона Пермского края "
        "«О промышленной политике». Законопроект примут осенью."
    )
    found = acts.legal_acts(text, [], lambda a, b: False, 2024, [])
    titled = {r.title for r in found if r.kind_slug == "bill"}
    assert titled == {"О внесении изменений в статью 4 Закона Пермского края «О промышленной политике»"}
    assert len({r.key for r in found if r.kind_slug == "bill"}) == 1  # the bill and «Законопроект»: one act
    # balanced quotes read as before
    [law] = acts.legal_acts("Приняли закон «О технопарках в Пермском крае».", [], lambda a, b: False, 2024, [])
    assert law.title == "О технопарках в Пермском крае"


def test_a_list_of_sums_before_one_currency():
    text = "Для марганца ставка составит 5%, но не ниже 40, 95 или 120 долларов за тонну."
    assert [(a.value, a.currency, a.qualifier) for a in money.amounts(text)] == [
        (Decimal(40), "USD", "atLeast"),
        (Decimal(95), "USD", "atLeast"),
        (Decimal(120), "USD", "atLeast"),
    ]
    assert [a.value for a in money.amounts("Гранты в 2, 3 и 5 млн рублей раздадут весной.")] == [
        Decimal(2_000_000),
        Decimal(3_000_000),
        Decimal(5_000_000),
    ]
    # years before an amount are no list of sums
    assert [a.value for a in money.amounts("В 2023, 2024 и 2025 годах выделят по 7 млн рублей.")] == [
        Decimal(7_000_000)
    ]


def test_a_duty_removed_is_a_change_to_zero():
    found = money.changes("С 1 июня отменяются ввозные пошлины на станки, прессы и штампы.")
    assert [(c.from_value, c.to_value, c.parameter) for c in found] == [(None, Decimal(0), "ввозные пошлины")]
    assert money.changes("Кабмин отменил решение о пошлине на сою.") == []  # a decision, not the duty
    assert money.changes("Сбор отменят, если цены упадут.") == []


def test_a_subsidiary_in_quotes_after_a_dash():
    text = (
        'Взносы пойдут в капитал новой "дочки" Объединенной судостроительной корпорации – "ОСК лизинг" – '
        "по мере сдачи судов."
    )
    assert set(_orgs(text)) == {"Объединённая судостроительная корпорация", "ОСК лизинг"}


def test_an_associations_acronym_and_quoted_name():
    text = "Ранее в ассоциации производителей стали НСП «Сталь.про» отчитались о росте выпуска."
    assert list(_orgs(text)) == ["НСП «Сталь.про»"]


def test_the_scorer_reads_a_draft_law_written_out_as_a_bill():
    from server.ingest import quality

    kinds = ("проект закона", "проект федерального закона", "федеральный закон (проект)", "законопроект")
    assert {quality.canonical_act_kind(k) for k in kinds} == {"законопроект"}
    assert [quality.canonical_act_kind(k) for k in ("закон", "постановление (проект)", "проект постановления")] == [
        "закон",
        "постановление",
        "постановление",
    ]
