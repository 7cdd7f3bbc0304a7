"""Organisation and junk classes of the twentieth rule pass (issue 15), in sentences of our own."""

from __future__ import annotations

from conftest import extract_text


def _orgs(text: str) -> dict[str, str]:
    """label -> ontology class of the organisations (and sites) found."""
    return {o.label_ru: o.cls for o in extract_text(text).orgs}


# --- a medium by its kind of name ---------------------------------------------------------------------------


def test_a_newspaper_or_news_service_cited_is_no_organisation():
    assert _orgs("Как пишет «Северная газета», завод запустят весной.") == {}
    assert _orgs("Подробности читайте в материале Областной службы новостей.") == {}
    assert _orgs("По данным журнала «Металлург», выпуск вырос.") == {}
    assert "Союз журналистов России" in _orgs("Союз журналистов России поддержал закон.")


# --- the offices of the federal government and the president ----------------------------------------------


def test_the_governments_office_and_the_presidents_property_department():
    assert _orgs("Проект сейчас согласуют в аппарате правительства.") == {
        "Аппарат Правительства Российской Федерации": "Organization"
    }
    assert "Управление делами Президента Российской Федерации" in _orgs("Закупку провело Управделами президента.")
    assert "Аппарат Правительства Российской Федерации" not in _orgs(
        "Об этом сообщили в аппарате правительства Курской области."
    )


# --- a town's or district's administration -------------------------------------------------------------------


def test_a_towns_or_districts_administration():
    assert "Администрация Сызрани" in _orgs("Раньше он работал в администрации Сызрани.")
    assert "Администрация Белозерского муниципального района" in _orgs(
        "Землю выделила администрация Белозерского муниципального района."
    )
    assert "Администрация города Вологды" in _orgs("Об этом сообщили в администрации города Вологды.")
    assert _orgs("Об этом сообщили в администрации Нижнего Новгорода.") == {}


# --- named special economic zones are sites, like parks ------------------------------------------------------


def test_a_named_special_economic_zone_is_a_site_with_its_short_form_joined():
    orgs = _orgs("Резидентом особой экономической зоны «Заречье» стал завод. В ОЭЗ «Заречье» создадут 500 мест.")
    assert list(orgs.values()) == ["IndustrialSite"]
    assert _orgs("Резидентом стала зона промышленно-производственного типа «Заречье».") == {
        "Зона промышленно-производственного типа «Заречье»": "IndustrialSite"
    }


# --- park forms --------------------------------------------------------------------------------------------


def test_park_forms_regional_of_innovations_and_bare_lists_in_a_text_on_parks():
    assert _orgs("Премию получил Региональный индустриальный парк «Озёрный».") == {
        "Региональный индустриальный парк «Озёрный»": "IndustrialSite"
    }
    assert _orgs("Резидентом стал Парк высоких технологий «Сигма».") == {
        "Парк высоких технологий «Сигма»": "IndustrialSite"
    }
    orgs = _orgs("В области работают индустриальные парки. Деньги пойдут на развитие парков «Липецк» и «Елец».")
    assert orgs == {"Индустриальный парк «Липецк»": "IndustrialSite", "Индустриальный парк «Елец»": "IndustrialSite"}
    assert _orgs("Горожане гуляют в парке «Дубки».") == {}


# --- collegial bodies and departments ------------------------------------------------------------------------


def test_a_committee_with_a_genitive_list_and_an_abbreviation_in_brackets():
    label = "Комитет Законодательного Собрания Ростовской области по вопросам энергетики, транспорта и ЖКХ"
    assert label in _orgs(
        "Закон внёс председатель комитета Законодательного Собрания Ростовской области (ЗСРО) "
        "по вопросам энергетики, транспорта и ЖКХ Иван Сидоров."
    )


def test_an_agency_with_its_abbreviation_before_the_region():
    assert "Агентство инвестиционного развития Курганской области" in _orgs(
        "Заявку рассмотрит агентство инвестиционного развития (АИР) Курганской области."
    )


def test_an_information_policy_department_named_alone_as_the_source():
    assert "Департамент информационной политики" in _orgs(
        "Указ подписал губернатор, сообщает департамент информационной политики."
    )


def test_a_regional_union_in_an_oblique_case_keeps_its_land():
    assert "Омский областной Союз промышленников и предпринимателей" in _orgs(
        "Губернатор выступил перед членами Омского областного Союза промышленников и предпринимателей."
    )


def test_a_latin_name_after_a_developer_or_retailer():
    orgs = _orgs("Квартал построит девелопер Brightstone, магазин откроет ритейлер Fresco.")
    assert {"Brightstone", "Fresco"} <= set(orgs)
