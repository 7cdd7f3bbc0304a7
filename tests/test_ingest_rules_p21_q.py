"""Organisation classes of the twenty-first rule pass, helper q (issue 15), in sentences of our own."""

from __future__ import annotations

from conftest import extract_text


def _orgs(text: str) -> dict[str, str]:
    """label -> ontology class of the organisations (and sites) found."""
    return {o.label_ru: o.cls for o in extract_text(text).orgs}


# --- a company by its quoted name alone ------------------------------------------------------------------


def test_a_quoted_name_that_starts_with_a_word_for_a_works_or_a_concern():
    assert _orgs("Первой площадкой визита стал «Завод гидравлики», где прошло совещание.") == {
        "«Завод гидравлики»": "Organization"
    }
    assert _orgs("Ещё 3 млрд рублей в новый цех вложит «Концерн «Гранат», сообщил губернатор.") == {
        "Концерн «Гранат»": "Organization"
    }
    assert _orgs("Деньги пойдут на программу «Фабрика проектного финансирования».") == {}


def test_a_quoted_compound_word_for_a_works_in_any_case():
    assert _orgs("Министр осмотрел цеха «Тамбовсельмаша».") == {"«Тамбовсельмаш»": "Organization"}
    assert _orgs("Новый корпус построят на площадке «Окскхимзавода».") == {"«Окскхимзавод»": "Organization"}
    orgs = _orgs("Контракт подписало ПАО «Ураллитмаш». Сам «Ураллитмаш» выпускает прессы.")
    assert list(orgs) == ["ПАО «Ураллитмаш»"]


# --- a region's representative office ------------------------------------------------------------------------


def test_a_regions_representative_office_at_the_federal_government():
    orgs = _orgs(
        "Встреча прошла в представительстве правительства Курской области при Правительстве Российской Федерации."
    )
    assert "Представительство Правительства Курской области при Правительстве Российской Федерации" in orgs
    assert "Правительство Курской области" in orgs


# --- a clipped coordinating council with its owner after the complement -------------------------------------


def test_a_clipped_coordinating_council_and_its_owner_after_the_complement():
    orgs = _orgs("В Самаре заседал Коорсовет по станкостроению Минпромторга России.")
    assert "Коорсовет по станкостроению Минпромторга России" in orgs


# --- a centre of the Academy with the Academy's abbreviation ---------------------------------------------------


def test_a_science_centre_keeps_its_owners_abbreviation_and_a_hyphenated_adjectives_capitals():
    orgs = _orgs("Доклад подготовили учёные Нижне-Волжского научного центра РАН.")
    assert "Нижне-Волжский научный центр РАН" in orgs
    assert "РАН" not in orgs
