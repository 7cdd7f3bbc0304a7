"""Authors and photographers are no persons; a surname written first is one name (issue 15, after the
eleventh held-out set), in texts of our own."""

from __future__ import annotations

from conftest import extract_persons as _persons

from server.ingest import quality, structure


def _kinds(text: str) -> dict[str, str]:
    return {p.text: p.kind for p in structure.layout(text).parts}


def test_a_byline_under_the_headline_is_a_byline_and_its_name_no_person():
    text = (
        "Заводам Поволжья дадут льготные займы\n"
        "Автор: Марина Соколова\n"
        "Губернатор Павел Лебедев объявил о новой программе. Лебедев обещал займы до конца года."
    )
    assert _kinds(text)["Автор: Марина Соколова"] == "byline"
    assert _persons(text) == ["Павел Лебедев"]


def test_a_bare_name_line_under_the_lead_is_the_author():
    text = (
        "Верфи получат субсидии\n"
        "Половину расходов вернут после закладки судна\n"
        "Инна Воронцова\n"
        "Министр Олег Рябов подписал приказ о субсидиях верфям.\n"
    )
    assert _kinds(text)["Инна Воронцова"] == "byline"
    assert _persons(text) == ["Олег Рябов"]


def test_a_name_before_an_agency_after_a_slash_is_the_photographer():
    text = (
        "Верфи получат субсидии\n"
        "Половину расходов вернут после закладки судна\n"
        "Министр Олег Рябов подписал приказ о субсидиях верфям.\n"
        "Андрей Снегирев / ТАСС\n"
        "Рябов сказал, что первые выплаты пройдут весной."
    )
    assert _persons(text) == ["Олег Рябов"]


def test_a_person_in_a_caption_and_the_body_stays():
    text = (
        "Верфи получат субсидии\n"
        "Половину расходов вернут после закладки судна\n"
        "Министр Олег Рябов подписал приказ о субсидиях верфям.\n"
        "Олег Рябов / ТАСС\n"
    )
    assert _persons(text) == ["Олег Рябов"]


def test_a_byline_label_spelt_with_a_latin_letter_is_a_byline():
    """«Tекст:» with a Latin T (dev39, item 781): the label read through look-alike letters, no person from it."""
    text = (
        "Заводам Поволжья дадут льготные займы\n"
        "Tекст: Ольга Иванова\n"
        "Губернатор Павел Лебедев объявил о новой программе. Лебедев обещал займы до конца года."
    )
    assert _kinds(text)["Tекст: Ольга Иванова"] == "byline"
    assert _persons(text) == ["Павел Лебедев"]


def test_a_last_line_byline_still_counts():
    text = "Фонд выдал заем\nДиректор фонда Сергей Пахомов рассказал о займе заводу.\nЕлена Гусева"
    assert _kinds(text)["Елена Гусева"] == "byline"
    assert _persons(text) == ["Сергей Пахомов"]


def test_a_surname_written_first_before_the_given_name_and_patronymic_is_one_person():
    persons = _persons(
        "Глава фонда Соловьева Анна Викторовна провела встречу с директором регионального фонда "
        "Карповым Ильей Семеновичем. Карпов рассказал о займах."
    )
    assert persons == ["Анна Викторовна Соловьева", "Илья Семенович Карпов"]


def test_the_scorer_reads_a_patronymic_as_optional():
    assert quality.person_forms("Анна Викторовна Соловьева") & quality.person_forms("Анна Соловьева")
    assert not quality.person_forms("Анна Викторовна Соловьева") & quality.person_forms("Анна Викторова")


def test_the_scorer_leaves_out_a_gold_person_named_only_in_the_byline():
    gold = {"structure": {"byline": "Текст: Марина Соколова", "credits": []}}
    text = "Заголовок\nТекст: Марина Соколова\nМарина Соколова не упомянута в тексте больше."
    assert quality._byline_only({"label": "Марина Соколова", "surfaces": ["Марина Соколова"]}, gold, text[:33])
    assert not quality._byline_only({"label": "Марина Соколова", "surfaces": ["Марина Соколова"]}, gold, text)


def test_the_scorer_matches_a_credit_as_a_whole_line():
    text = "Заголовок\nОлег Рябов\nМинистр Олег Рябов подписал приказ."
    assert quality.line_occurrences(text, "Олег Рябов") == [(10, 20)]
    gold = {"structure": {"byline": None, "credits": ["Олег Рябов"]}}
    assert not quality._byline_only({"label": "Олег Рябов", "surfaces": ["Олег Рябов"]}, gold, text)
