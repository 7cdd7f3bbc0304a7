"""Organisation classes of the thirteenth rule pass (issue 15), in sentences of our own."""

from __future__ import annotations

from conftest import extract_orgs as _orgs


def test_regional_assembly_and_duma_by_adjective_and_by_full_name():
    found = _orgs(
        "Губернатор Костромской области Сергей Ситников выступил перед депутатами областной Думы. "
        "Закон одобрило Псковское областное Собрание депутатов, а затем депутаты областного Собрания."
    )
    assert "Псковское областное Собрание депутатов" in found
    assert "областное Собрание" in found["Псковское областное Собрание депутатов"]
    assert any("областная Дума" in alts or "областная дума" in alts for alts in found.values())
    assert "Государственная Дума" not in found


def test_no_regional_body_for_a_shareholders_meeting_or_the_state_duma():
    found = _orgs("Общее собрание акционеров одобрило сделку. Законопроект внесён в Государственную Думу.")
    assert not any(k.startswith(("Собрание", "Дума ")) for k in found)


def test_region_anaphora_with_a_number_or_a_demonstrative():
    found = _orgs(
        "Губернатор Тверской области Игорь Руденя подписал соглашения, сообщили в пресс-службе "
        "правительства 69-го региона. Проект одобрили в администрации нашего региона."
    )
    assert "Правительство Тверской области" in found
    assert "Администрация Тверской области" in found
    assert "Правительство Российской Федерации" not in found


def test_a_longer_regional_name_stops_at_a_clause():
    found = _orgs(
        "Программа написана с учетом решений Правительства России и учитывает цели стратегии развития "
        "Курской области до 2035 года."
    )
    assert "Правительство Российской Федерации" in found
    assert not any(" и учитывает" in k for k in found)


def test_describing_adjectives_are_no_part_of_a_works_name():
    found = _orgs("В области построят новый трубный завод «Стальпром». Крупнейший химический комбинат «Азот» вырос.")
    assert any(k.lower() in ("трубный завод «стальпром»", "завод «стальпром»") for k in found)
    assert "Химический комбинат «Азот»" in found
    assert not any(k.startswith(("Новый", "Крупнейший")) for k in found)


def test_latin_name_ending_in_a_word_for_a_company():
    found = _orgs("Соглашение подписали область и Avia Parts Group. Поставщиком стала Nordic Steel AG.")
    assert {"Avia Parts Group", "Nordic Steel AG"} <= set(found)


def test_national_companies_by_their_short_names():
    found = _orgs("Трубы поставят для «Роснефти» и «Транснефти», вагоны купят Российские железные дороги.")
    assert {"ПАО «НК «Роснефть»", "ПАО «Транснефть»", "ОАО «Российские железные дороги»"} <= set(found)


def test_a_quoted_abbreviation_is_the_works_its_initials_spell():
    found = _orgs(
        'Холдинг вложит средства в предприятие "ЗМК". Выпуск расширят на базе Завода металлических конструкций.'
    )
    assert len([k for k in found if "ЗМК" in k or "металлических" in k]) == 1


def test_scorer_knows_the_alias_table_names_of_a_linked_organisation():
    from server.ingest.quality import _alias_names, forms

    names = _alias_names("http://localhost:8000/id/org/united-russia")
    assert "ЕР" in names
    assert forms(*names) & forms("ЕР")
    assert _alias_names("http://localhost:8000/id/org/no-such-body") == ()
