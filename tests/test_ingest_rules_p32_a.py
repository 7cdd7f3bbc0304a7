"""Thirty-second rule pass: shapes the forty-fourth held-out set showed missed (dev45, items 889, 891, 893, 903, 904,
906), each written again here in other words: a signature after the place it was written in, a works named by its
town's adjective and a mine's word, the merged aluminium company by its short form, a department whose name lists
branches after a comma, a second act of one kind with its own date and number, a code whose adjective ends in «-ой»,
a law the upper house approved (sentences written for these tests)."""

from __future__ import annotations

from conftest import act_details as _acts
from conftest import extract_orgs as _orgs
from conftest import extract_post_roles as _posts
from conftest import extract_text

from server.ingest import structure


def test_a_signature_after_the_place_it_was_written_in():
    text = (
        "Заводы края получат субсидии\n"
        "Правительство края направит заводам 300 млн рублей на закупку станков.\n"
        "Пермь, Ольга Жданова\n"
        "© 2024, Сайт-Город\n"
    )
    bylines = [p.text for p in structure.layout(text).parts if p.kind == "byline"]
    assert bylines == ["Пермь, Ольга Жданова"]
    assert extract_text(text).persons == []
    # a place and a name inside the body stay a person
    assert [p.label_ru for p in extract_text("В Перми, Ольга Жданова, директор завода, открыла цех.").persons] == [
        "Ольга Жданова"
    ]


def test_a_mine_named_by_its_towns_adjective():
    text = "Руду возят с Гайского медного рудника (Оренбургская область) на комбинат."
    assert "Гайский медный рудник" in _orgs(text)


def test_the_aluminium_company_by_its_short_form():
    text = "В ОК «РУСАЛ» напомнили, что налог вырос втрое."
    [(label, alt)] = _orgs(text).items()
    assert label == "МКПАО «Русал»" and "ОК «Русал»" in alt


def test_a_department_whose_name_lists_branches_after_a_comma():
    text = (
        "Об этом сообщил директор департамента развития станкостроения, тяжелого машиностроения и инжиниринга "
        "Минпромторга РФ Олег Жданов."
    )
    unit = "Департамент развития станкостроения, тяжелого машиностроения и инжиниринга Минпромторга РФ"
    assert ("Олег Жданов", "директор", unit) in _posts(text)
    # an adjective after a comma without its noun ends the name as before
    assert "Комитет промышленности Тульской области" in _orgs(
        "В комитете промышленности Тульской области, новом и сильном, решили."
    )


def test_a_second_act_with_its_own_date_and_number():
    text = "Изменения внесены в постановления Правительства РФ от 3 мая 2012 г. N 415 и от 7 июня 2019 г. N 730."
    assert _acts(text) == [
        ("Постановление", "415", "2012-05-03", None),
        ("Постановление", "730", "2019-06-07", None),
    ]


def test_a_code_whose_adjective_ends_in_oj_and_a_law_the_upper_house_approved():
    assert _acts("Такой порядок ввел нынешний Лесной кодекс РФ.") == [("Кодекс", None, None, "Лесной кодекс")]
    assert _acts("Совет Федерации одобрил закон о контроле за вывозом лома.") == [
        ("Федеральный закон", None, None, None)
    ]


def test_the_development_corporations_group_and_one_alias_per_slug():
    from collections import Counter

    from server.ingest.aliases import ALIASES

    assert [slug for slug, n in Counter(a.slug for a in ALIASES).items() if n > 1] == []
    text = "Заявки принимает Российский экспортный центр (РЭЦ, Группа ВЭБ.РФ)."
    orgs = _orgs(text)
    assert set(orgs) == {"Российский экспортный центр", "ВЭБ.РФ"}
    assert "Группа ВЭБ.РФ" in orgs["ВЭБ.РФ"]
