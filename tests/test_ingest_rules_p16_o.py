"""Organisation classes of the sixteenth rule pass (issue 15), in sentences of our own."""

from __future__ import annotations

from conftest import extract_orgs as _orgs


def test_well_known_companies_and_banks_in_any_case_form():
    found = _orgs("Кредиты выдали Россельхозбанком и Промсвязьбанком, оборудование поставил Трансмашхолдинг.")
    assert {"Россельхозбанк", "Промсвязьбанк", "Трансмашхолдинг"} <= set(found)
    found = _orgs("Соглашение подписали с банком «Россия», а Банк России сохранил ставку.")
    assert "Банк «Россия»" in found and "«Россия»" not in found
    assert "Центральный банк Российской Федерации" in found


def test_a_plural_company_name_is_no_common_noun():
    found = _orgs("Заказ получили «Силовые машины», а двигатели поставит ОДК.")
    assert {"Силовые машины", "Объединённая двигателестроительная корпорация"} <= set(found)
    assert _orgs("Региональные фонды развития промышленности выдали займы.") == {}


def test_common_words_are_no_company():
    assert _orgs("Сухой остаток вырос на пять процентов, полюс холода сместился.") == {}


def test_an_agencys_regional_service_is_the_medium():
    found = _orgs(
        "Екатеринбург. 3 марта. ИНТЕРФАКС-УРАЛ - Министерство промышленности Свердловской области одобрило "
        "заявку, передает ТАСС Сибирь."
    )
    assert list(found) == ["Министерство промышленности Свердловской области"]


def test_a_seat_of_government_that_acts_is_the_body():
    assert "Смольный" in _orgs("В Смольном пояснили, что заявки примут до конца месяца.")
    assert "Кремль" in _orgs("Как сообщил пресс-секретарь Кремля, встреча состоится в среду.")
    # the federal government's seat is the government itself, as the writers label it (the forty-second pass)
    assert "Правительство Российской Федерации" in _orgs("В Белом доме считают, что меры помогут заводам.")
    # a seat as a place names nothing
    assert _orgs("Губернатор провёл совещание в Смольном. Президент вручил награды в Кремле.") == {}


def test_a_things_quoted_name_is_no_organisation_anywhere_in_the_text():
    found = _orgs(
        "Вице-премьер: «Восход» и «Заря» получат деньги. Выпуск ракет «Восход» и «Заря» продлят, "
        "заявили в ООО «Звезда»."
    )
    assert list(found) == ["ООО «Звезда»"]


def test_a_body_created_in_the_region_or_called_local_is_the_regions():
    found = _orgs(
        "Губернатор Курской области подписал указ о создании в регионе Фонда развития промышленности. "
        "Об этом сообщил местный Минпромторг."
    )
    assert "Фонд развития промышленности Курской области" in found
    assert "Фонд развития промышленности" not in found
    assert "Министерство промышленности и торговли Российской Федерации" not in found


def test_a_companys_name_inside_a_longer_legal_name_or_misspelt():
    found = _orgs('Премьер посетил цех Таймырского филиала ПАО "ГМК "Норникель" в Норильске.')
    assert "Норильский никель" not in found
    assert any("Норникель" in k and k.startswith("Таймырский филиал") for k in found)
    found = _orgs("Министр побывал на «Уралкалии», а затем на заводе «Уралкалйи».")
    assert list(found) == ["Уралкалий"]


def test_a_company_with_its_legal_form_is_one_body():
    found = _orgs("Контракт заключило ПАО «Уралкалий». Позже «Уралкалий» увеличил выпуск.")
    assert list(found) == ["Уралкалий"]


def test_a_regions_by_name_names_its_bodies():
    found = _orgs("Губернатор Южного Урала выделил деньги на докапитализацию областного Фонда развития промышленности.")
    assert "Фонд развития промышленности Челябинской области" in found
