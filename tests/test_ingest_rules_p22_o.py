"""Twenty-second rule pass, helper o: a three-part East Asian name, a company's name that looks like a surname,
a word with a Greek letter inside, a minister whose ministry is named only in the post (sentences written for
these tests)."""

from __future__ import annotations

from conftest import extract_persons as _persons
from conftest import extract_post_roles as _posts
from conftest import extract_text

# --- a three-part East Asian name --------------------------------------------------------------------------


def test_a_three_part_east_asian_name_is_drafted_whole():
    assert _persons("О реформах порта вспоминал и Ли Куан Ю.") == ["Ли Куан Ю"]
    assert _persons("Визит Ли Куан Ю\nГости осмотрели порт, где когда-то бывал Ли Куан Ю.") == ["Ли Куан Ю"]


# --- a company's name that looks like a surname ------------------------------------------------------------


def test_a_company_name_after_s_or_with_a_combining_form_is_no_person():
    assert _persons("Совместно с Озонбиз мы построим склад. С Агро-Полем подписали соглашение.") == []
    assert _persons("Соглашение подписали с Маском. Встреча с Бессараб прошла.") == ["Маск", "Бессараб"]


# --- a word with a Greek letter inside -------------------------------------------------------------------


def test_a_word_with_a_greek_letter_is_no_person():
    assert _persons("Главная\nМенюκ\nИван Петров открыл цех.") == ["Иван Петров"]


# --- a minister whose ministry is named only in the post ---------------------------------------------------


def test_a_minister_of_branches_named_only_in_the_post():
    assert _posts("По словам министра строительства, транспорта и ЖКХ Петра Орлова, дорогу откроют в мае.") == [
        ("Петр Орлов", "министр строительства, транспорта и ЖКХ", None)
    ]
    assert _posts("По словам министра строительства и энергетики РФ Петра Орлова, дорогу откроют в мае.") == []


# --- a state information system by its abbreviation --------------------------------------------------------


def test_a_state_information_system_is_no_organisation():
    orgs = [o.label_ru for o in extract_text("Отчёт нужно подать через ГИСП, а сведения о продаже — в ЕГАИС.").orgs]
    assert orgs == []
