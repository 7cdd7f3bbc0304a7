"""Twenty-first rule pass, helper o: a clipped compound noun opening a line is no person, a republic's head is
«глава республики», «Имя, возглавляющий <область>» is the region's governor, federal agencies by their short
names, a district administration named by its adjective (sentences written for these tests)."""

from __future__ import annotations

from conftest import extract_persons as _persons
from conftest import extract_post_roles as _posts
from conftest import extract_text


def _orgs(text: str) -> list[str]:
    return [o.label_ru for o in extract_text(text).orgs]


# --- a clipped compound noun opening a line or a sentence ---------------------------------------------------


def test_a_clipped_compound_opening_a_line_is_no_person():
    assert _persons("Утильсбор на тракторы вырастет с весны\nЭто решение правительства.") == []
    assert _persons("Об этом сообщили вчера. Промпарк «Север» получит новые займы.") == []
    assert _persons("Цех открыли в пятницу. Минаков выступил на форуме. Обломов ответил.") == ["Минаков", "Обломов"]


# --- a republic's head -------------------------------------------------------------------------------------


def test_the_head_of_a_republic_is_no_governor():
    assert _posts("Вчера глава Адыгеи Мурат Кумпилов открыл цех.") == [
        ("Мурат Кумпилов", "глава республики", "Республика Адыгея")
    ]
    assert _posts("Вчера глава Курской области Роман Старовойт открыл цех.") == [
        ("Роман Старовойт", "губернатор", "Курская область")
    ]


# --- a region's head told by a verb ------------------------------------------------------------------------


def test_a_person_heading_a_region_by_a_verb_is_its_governor():
    assert _posts("Открытие посетил Олег Мельниченко, возглавляющий Пензенскую область.") == [
        ("Олег Мельниченко", "губернатор", "Пензенская область")
    ]


# --- federal agencies by their short names -----------------------------------------------------------------


def test_federal_agencies_by_their_short_names():
    assert _orgs("На совещании выступили представители Рослесхоза и Ростехнадзора.") == [
        "Федеральное агентство лесного хозяйства",
        "Федеральная служба по экологическому, технологическому и атомному надзору",
    ]


# --- a district's administration named by its adjective («районная администрация») -------------------------


def test_a_district_administration_named_anaphorically_is_the_one_district_of_the_text():
    text = (
        "Новый цех построят в Грязовецком районе. По словам руководителя районной администрации Ивана Сомова, "
        "стройка начнется весной."
    )
    assert _orgs(text) == ["Администрация Грязовецкого муниципального района"]
    assert ("Иван Сомов", "руководитель", "Администрация Грязовецкого муниципального района") in _posts(text)
    assert _orgs("Цеха есть в Кирилловском районе и в Белозерском районе. Районная администрация довольна.") == []
