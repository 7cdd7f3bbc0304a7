"""Organisation classes of the fifteenth rule pass (issue 15), in sentences of our own."""

from __future__ import annotations

from conftest import extract_orgs as _orgs

from server.ingest.orgrules import _place_named


def test_a_state_institution_with_its_regions_initials_and_a_nested_quote():
    found = _orgs('Об этом сказал директор ГБУ НО "Агентство развития малых городов и сёл" Олег Смирнов.')
    assert "ГБУ НО «Агентство развития малых городов и сёл»" in found
    found = _orgs('Заявку подало ООО "Фирма "Восток и Запад" из Казани.')
    assert "ООО «Фирма «Восток и Запад»»" in found
    assert not any(k.endswith("«") or k.count("«") != k.count("»") for k in found)


def test_a_councils_complement_keeps_the_name_of_the_countries_union():
    found = _orgs(
        "Вопрос обсудили на заседании Совета по таможенной политике государств Содружества Независимых Государств."
    )
    assert "Совет по таможенной политике государств Содружества Независимых Государств" in found
    found = _orgs(
        "Министр выступил на заседании Комиссии по транспорту стран Евразийского экономического союза в Бишкеке."
    )
    assert "Комиссия по транспорту стран Евразийского экономического союза" in found


def test_one_body_under_its_name_and_a_loose_acronym():
    found = _orgs("Министр посетил Волжский трубопрокатный завод. В этом году ВТПЗ выпустит 10 тысяч тонн.")
    assert found.get("Волжский трубопрокатный завод") == ["ВТПЗ"]
    # a letter from inside a word that begins no root: another body
    found = _orgs("Тверской государственный университет и ТГТУ подписали соглашение.")
    assert "ТГТУ" in found


def test_one_body_under_a_places_adjective_and_under_the_places_genitive():
    found = _orgs("Российский союз станкостроителей провёл съезд. Союз станкостроителей России объединяет заводы.")
    assert list(found) == ["Союз станкостроителей России"]
    assert _place_named("Курский текстильный кластер", "Текстильный кластер Курской области")
    assert not _place_named("Курский текстильный кластер", "Текстильный кластер Орловской области")
    assert not _place_named("Курский текстильный кластер", "Химический кластер Курской области")


def test_a_regions_ministry_under_its_long_and_short_names():
    found = _orgs(
        "Министерство экономического развития и торговли Тверской области подвело итоги. Врио министра "
        "экономразвития области Пётр Орлов отметил рост."
    )
    ministries = [k for k in found if k.startswith("Министерство")]
    assert ministries == ["Министерство экономического развития и торговли Тверской области"]
    found = _orgs("Губернатор Тверской области. Итоги подвело министерство экономического развития и торговли области.")
    assert "Министерство экономического развития и торговли Тверской области" in found
    assert not any("Российской Федерации" in k for k in found)


def test_a_federal_funds_abbreviation_marked_federal_or_joint_stays_federal():
    text = "Фонд развития промышленности Тверской области выдал заём. Фонд выдаёт и совместные с ФРП займы."
    found = _orgs(text)
    assert "Фонд развития промышленности" in found
    found = _orgs("Фонд развития промышленности Тверской области выдал заём вместе с ФРП РФ.")
    assert "Фонд развития промышленности" in found
    found = _orgs("Региональный фонд развития промышленности (ФРП) Тверской области выдал заём. ФРП выдаёт займы.")
    assert list(found) == ["Фонд развития промышленности Тверской области"]


def test_a_later_bare_name_of_a_fund_is_the_regions_fund_named_before():
    found = _orgs(
        "Область направит 40 млн рублей на капитализацию фонда развития промышленности Тверской области. "
        "Деньги пойдут на докапитализацию фонда развития промышленности и на субсидии."
    )
    assert list(found) == ["Фонд развития промышленности Тверской области"]


def test_names_in_a_plain_list_with_an_organisation():
    found = _orgs(
        "На стенде региона около 20 участников, в том числе ТВЗ, Ammotech, Волгамаш, Тверской государственный "
        "университет и ТГСХА."
    )
    for name in ("ТВЗ", "Ammotech", "Волгамаш", "ТГСХА"):
        assert name in found
    # places and people in a list are no organisations
    found = _orgs("В совещании участвовали Минпромторг, Тверь, Казань и Правительство.")
    assert "Тверь" not in found and "Казань" not in found


def test_a_shows_name_alone_is_the_show():
    found = _orgs("Открылась выставка ТЕХНОМАШ. На ТЕХНОМАШ приехали 300 компаний. Завод «Пульс» показал станок.")
    assert "ТЕХНОМАШ" not in found
