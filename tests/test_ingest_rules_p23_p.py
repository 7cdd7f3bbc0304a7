"""Twenty-third rule pass, helper p: a contact line with the surname first and a patronymic whose name drops a
vowel, a signature whose given name is also a common noun, a business ombudsman and a leader of an association, a
member of the Federation Council as written, two posts of one person joined by a dash after «по словам», a unit
named by its adjective alone or closed by an abbreviation, a city's body, a group's post before one person's
(sentences written for these tests)."""

from __future__ import annotations

from conftest import extract_persons as _persons
from conftest import extract_post_roles as _posts
from conftest import extract_text

# --- a contact line with the surname first ------------------------------------------------------------------


def test_a_contact_line_with_the_surname_first_and_a_patronymic_of_a_dropped_vowel_is_one_person():
    text = "Справки по телефону:\nКозлова Ирина Павловна, тел. +7 (812) 555-10-20\nГрачев Олег Львович, тел. 555-10-21"
    assert _persons(text) == ["Ирина Павловна Козлова", "Олег Львович Грачев"]


# --- a signature whose given name is also a common noun -----------------------------------------------------


def test_a_signature_with_a_given_name_that_is_also_a_noun_is_the_author():
    text = "Завод открыл цех\nВ Твери открыли новый цех по выпуску насосов. Его построили за год.\nРоман Фомичев"
    assert _persons(text) == []


# --- a business ombudsman, a leader of an association ------------------------------------------------------


def test_a_business_ombudsman_and_the_leader_of_an_association():
    posts = _posts("На встрече выступили бизнес-омбудсмен Петр Осипов и лидер «Деловой России» Олег Жуков.")
    assert ("Петр Осипов", "бизнес-омбудсмен", None) in posts
    assert [p for p in posts if p[0] == "Олег Жуков"] == [("Олег Жуков", "лидер", "Деловая Россия")]


def test_leaders_of_a_group_make_no_post():
    assert _posts("Соглашение подписали лидеры отраслевых союзов Иван Орлов и Павел Зуев.") == []


# --- a member of the Federation Council -------------------------------------------------------------------


def test_a_member_of_the_federation_council_is_a_member_as_written():
    assert _posts("На совещании был член Совета Федерации от Тверской области Игорь Белов.") == [
        ("Игорь Белов", "член", "Совет Федерации")
    ]
    assert _posts("Сенатор Игорь Белов поддержал проект.") == [("Игорь Белов", "сенатор", None)]


# --- two posts joined by a dash after «по словам» ----------------------------------------------------------


def test_two_posts_joined_by_a_dash_after_po_slovam_are_both_the_persons():
    posts = _posts(
        "По словам заместителя руководителя исполкома Перми – начальника правового управления Анны Седовой, срок продлят."
    )
    # the town's executive committee is an organisation since helper q of the same pass: both posts are in it
    assert ("Анна Седова", "заместитель руководителя", "Исполком Перми") in posts
    assert ("Анна Седова", "начальник правового управления", "Исполком Перми") in posts


def test_a_reported_speech_and_a_comma_keep_the_posts_apart():
    posts = _posts("По словам губернатора, директор завода «Вектор» Иван Лосев прав.")
    assert [(p[0], p[1]) for p in posts] == [("Иван Лосев", "директор")]


# --- a unit named by its adjective alone, or closed by an abbreviation --------------------------------------


def test_a_unit_closed_by_an_abbreviation_and_a_unit_named_by_its_adjective():
    assert _posts("В делегацию вошла Мария Лебедева — директор департамента проектного финансирования и ГЧП.") == [
        ("Мария Лебедева", "директор департамента проектного финансирования и ГЧП", None)
    ]
    assert _posts("Начальник юридического отдела Ольга Титова пояснила порядок.") == [
        ("Ольга Титова", "начальник юридического отдела", None)
    ]
    assert _posts("Начальник управления Ольга Титова пояснила порядок.") == []


# --- a group's post before one person's -------------------------------------------------------------------


def test_a_groups_post_joined_by_and_is_not_the_persons():
    text = "На завод приехали члены областного правительства и директор департамента экспорта Минпромторга Юлия Котова."
    assert [p.role for p in extract_text(text).posts] == ["roleDirector"]


# --- a city hall is no mayor ------------------------------------------------------------------------------


def test_a_city_hall_is_no_mayor():
    # the city hall is a body of its own since the thirty-sixth pass (before, the post named it in words)
    assert _posts("Заместитель руководителя мэрии Вологды Анна Седова рассказала о планах.") == [
        ("Анна Седова", "заместитель руководителя", "Мэрия Вологды")
    ]
