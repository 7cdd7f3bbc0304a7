"""Organisation and person classes of the tenth rule pass (issue 15), in sentences of our own."""

from __future__ import annotations

from conftest import extract_orgs as _orgs
from conftest import extract_persons as _persons
from conftest import extract_text as _extract


def test_a_double_surname_is_kept_whole():
    persons = _persons(
        "На форуме выступила вице-президент ассоциации Мария Петрова-Водкина. Позже с Марией Петровой-Водкиной "
        "встретился губернатор."
    )
    assert persons.count("Мария Петрова-Водкина") == 1
    assert "Мария Петрова" not in persons


def test_a_sole_trader_is_an_organisation_not_a_person():
    ex = _extract("Субсидию получили ИП Смирнов К.Л. и ИП Орлова Вера Павловна из Курска.")
    assert {"ИП Смирнов К.Л.", "ИП Орлова Вера Павловна"} <= {o.label_ru for o in ex.orgs}
    assert not ex.persons


def test_a_list_of_quoted_and_plain_names_after_a_word_for_companies():
    found = _orgs(
        "Займы выдадут предприятиям «Сталь-Профиль», «ТехноВек», ИП Зайцев П.Р., «Омега Плюс», а также "
        "Курганский литейный завод и «ВЕКТОР»."
    )
    assert {"«Сталь-Профиль»", "«ТехноВек»", "ИП Зайцев П.Р.", "«Омега Плюс»", "«ВЕКТОР»"} <= set(found)


def test_a_complement_with_s_and_a_long_dative_list():
    found = _orgs(
        "Премьер возглавил правительственный совет по борьбе с COVID-19. Доклад подготовил депутат, член "
        "комитета по охране здоровья, социальной политике, промышленному, цифровому развитию и туризму."
    )
    assert "Правительственный совет по борьбе с COVID-19" in found
    assert any(
        k.endswith("по охране здоровья, социальной политике, промышленному, цифровому развитию и туризму")
        for k in found
    )


def test_the_kremlin_speaks_but_is_a_place_after_a_preposition():
    assert "Кремль" in _orgs("Как сообщил представитель Кремля, встреча состоится во вторник.")
    assert "Кремль" not in _orgs("Президент принял губернатора в Кремле во вторник.")


def test_a_building_in_a_caption_and_a_headline_in_capitals_are_no_organisations():
    text = (
        "ПРОМЫШЛЕННИКИ ПОДДЕРЖАТ ПРОГРАММУ РАЗВИТИЯ СТАНКОСТРОЕНИЯ НА ГРЯДУЩИХ\n"
        "Дом Советов в Курске\n"
        "Программу развития станкостроения одобрили на заседании правительства Курской области."
    )
    assert set(_orgs(text)) == {"Правительство Курской области"}


def test_short_forms_join_their_full_names():
    found = _orgs(
        "В Комитете Государственной Думы РФ по энергетике обсудили закон. Председатель Комитета по энергетике "
        "ГД РФ выступил первым. Секретарь Центрального комитета КПРФ и секретарь ЦК КПРФ выступили. Заседание "
        "Союза строителей России открыл председатель СоюзСтроя России. Заводы Группы КАМАЗ и сам КАМАЗ "
        "получили заказы."
    )
    committee = next(k for k in found if k.startswith("Комитет Государственной Думы"))
    assert "Комитет по энергетике ГД РФ" in found[committee]
    assert "ЦК" not in found
    assert "Союзстрой России" not in found and "СоюзСтрой России" not in found
    assert "КАМАЗ" not in found or "Группа КАМАЗ" not in found


def test_a_lower_case_minprom_is_a_regions_ministry_not_the_federal_one():
    ex = _extract(
        "Глава минпрома Иван Соколов рассказал о грантах промышленникам Курганской области. Заявки "
        "поддержали в Минпромторге РФ."
    )
    minprom = next(o for o in ex.orgs if o.label_ru == "Минпром")
    federal = next(o for o in ex.orgs if o.label_ru.startswith("Министерство промышленности и торговли"))
    assert [m.text for m in minprom.mentions] == ["минпрома"]
    assert [m.text for m in federal.mentions] == ["Минпромторге РФ"]
