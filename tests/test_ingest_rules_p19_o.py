"""Organisation and junk classes of the nineteenth rule pass (issue 15), in sentences of our own."""

from __future__ import annotations

from conftest import extract_text


def _orgs(text: str) -> dict[str, str]:
    """label -> ontology class of the organisations found."""
    return {o.label_ru: o.cls for o in extract_text(text).orgs}


def _parks(text: str) -> list[str]:
    return sorted(label for label, cls in _orgs(text).items() if cls == "IndustrialSite")


# --- named industrial parks and technoparks (the lead engineer's decision) ---------------------------------


def test_a_park_with_a_quoted_name_is_one_organisation_with_its_short_forms():
    text = (
        "Индустриальному парку «Заречный» продлили статус. Резидентами парка «Заречный» стали пять компаний, "
        "а управляющая компания ИП «Заречный» ищет новых."
    )
    assert _parks(text) == ["Индустриальный парк «Заречный»"]


def test_the_fullest_descriptor_names_the_park():
    text = 'Технопарк "Сигнал" получит субсидию. Промышленный технопарк "Сигнал" откроется весной.'
    assert _parks(text) == ["Промышленный технопарк «Сигнал»"]
    assert _parks("Промпарк «Восток» расширят. Индустриально-промышленный парк «Восток» ждёт резидентов.") == [
        "Индустриально-промышленный парк «Восток»"
    ]


def test_parks_listed_after_a_plural_or_a_bare_word_take_the_kind_named_before():
    assert _parks("Субсидии получат индустриальные парки «Северо-Запад» и «Лесной».") == [
        "Индустриальный парк «Лесной»",
        "Индустриальный парк «Северо-Запад»",
    ]
    text = "В реестр вошёл индустриальный парк «Озёрный». Кроме него, туда внесены два парка: «Бор» и «Луч»."
    assert _parks(text) == ["Индустриальный парк «Бор»", "Индустриальный парк «Луч»", "Индустриальный парк «Озёрный»"]


def test_a_park_named_by_a_proper_adjective_or_a_latin_name():
    assert _parks("Делегация осмотрела площадку Демидовского индустриального парка.") == [
        "Демидовский индустриальный парк"
    ]
    assert _parks("Грант получил промышленный парк Technopolis в Твери.") == ["Промышленный парк Technopolis"]


def test_generic_parks_name_nothing():
    assert _parks("Новый индустриальный парк появится в области, где уже работают индустриальные парки региона.") == []
    assert _parks("Правительство расширит поддержку технопарков и создание промпарков.") == []
    assert _parks("Горожане гуляли в парке «Липки».") == []  # no industrial park named: a city's park


def test_a_managing_company_stays_its_own_organisation():
    found = _orgs('Управляющая компания "Парки Поволжья" построит индустриальный парк «Волга».')
    assert found.get("Индустриальный парк «Волга»") == "IndustrialSite"
    assert any("Парки Поволжья" in label and cls != "IndustrialSite" for label, cls in found.items())


# --- councils, working groups, legislatures, abbreviations, buildings ---------------------------------------


def test_a_council_of_an_organisations_branches_in_a_district():
    found = _orgs("Вчера прошло заседание Координационного совета отделений ТПП в Приволжском федеральном округе.")
    assert "Координационный совет отделений ТПП в Приволжском федеральном округе" in found


def test_a_working_group_under_a_body():
    found = _orgs("Руководитель рабочей группы по малым городам при правительстве РФ посетила Нижний Тагил.")
    assert "Рабочая группа по малым городам при правительстве РФ" in found
    assert not any(label.startswith("Группа") for label in _orgs("Группа компаний «Альфа» открыла склад."))


def test_an_okrug_duma_by_its_level_alone():
    found = _orgs("Правительство Ямало-Ненецкого автономного округа внесёт законопроект в окружную думу.")
    assert not any("Дума" in label for label in found)  # Yamal's legislature is no Duma
    found = _orgs("Правительство Чукотского автономного округа внесёт законопроект в окружную думу.")
    assert found.get("Дума Чукотского автономного округа") == "LegislativeBody"


def test_an_abbreviation_in_brackets_is_the_named_body():
    text = "ООО «Северный литейный завод» (СЛЗ) запустило цех. На СЛЗ работают 300 человек."
    assert list(_orgs(text)) == ["ООО «Северный литейный завод»"]


def test_a_state_corporation_in_lower_case_and_straight_quotes():
    assert "Госкорпорация «Ростехнадзор-Инвест»" in _orgs('Депутаты обсудили госкорпорацию "Ростехнадзор-Инвест".')


def test_a_building_named_after_the_government_is_a_place():
    assert _orgs("Совещание прошло в Доме Правительства, сообщил глава района.") == {}
