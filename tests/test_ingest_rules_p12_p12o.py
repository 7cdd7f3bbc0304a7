"""Organisation, person and layout classes of the twelfth rule pass (issue 15), in sentences of our own."""

from __future__ import annotations

from conftest import extract_orgs as _orgs
from conftest import extract_persons as _persons

from server.ingest import structure


def test_coordinated_regions_with_a_shared_plural_head():
    found = _orgs("Займы выдали фонды развития промышленности ДНР, Курской и Белгородской областей.")
    assert {
        "Фонд развития промышленности Донецкой Народной Республики",
        "Фонд развития промышленности Курской области",
        "Фонд развития промышленности Белгородской области",
    } <= set(found)
    assert not any(k.startswith("Фонды") for k in found)


def test_places_in_capitals_are_no_organisations():
    found = _orgs(
        "Соглашение о развитии ЗАТО Железногорск подписал глава Администрации ЗАТО Железногорск. "
        "Предприятия ЛДНР получили займы."
    )
    assert "Администрация ЗАТО Железногорск" in found
    assert "ЗАТО Железногорск" not in found and "ЛДНР" not in found


def test_a_capitalised_word_no_reading_makes_a_name_is_no_person():
    persons = _persons(
        "Министр Олег Смирнов открыл цех. Ведомство взаимодействует с Минпромнауки и губернатором.\n\n"
        "Нет комментариев\nОбсудить"
    )
    assert persons == ["Олег Смирнов"]


def test_an_adjectival_surname_in_another_case_is_the_same_person():
    assert _persons("Цех открыл Игорь Луговой. По словам Лугового, заказов хватит. Луговому вручили грамоту.") == [
        "Игорь Луговой"
    ]


def test_a_government_of_an_abbreviated_region():
    found = _orgs("Распоряжение приняло Правительство ЛНР. Совещание прошло в Правительстве ХМАО.")
    assert "Правительство Луганской Народной Республики" in found
    assert "Правительство Ханты-Мансийского автономного округа" in found
    assert "Правительство Российской Федерации" not in found


def test_a_regions_body_in_an_article_that_names_no_region_is_not_federal():
    found = _orgs(
        "Как сообщила пресс-служба правительства региона, заявки примут в июле. По данным регионального "
        "правительства, их рассмотрит региональный минпромторг."
    )
    assert "Правительство региона" in found
    assert "Правительство Российской Федерации" not in found
    assert "Министерство промышленности и торговли Российской Федерации" not in found


def test_a_unit_of_a_known_body_is_also_named_with_its_owners_full_name():
    found = _orgs("Цех осмотрел директор департамента машиностроения Минпромторга России Олег Смирнов.")
    unit = found["Департамент машиностроения Минпромторга России"]
    assert "Департамент машиностроения Министерства промышленности и торговли Российской Федерации" in unit


def test_a_photo_credit_after_a_captions_full_stop_and_a_date_with_the_author():
    text = (
        "Завод получил заем\nИгорь Луговой\nИгорь Луговой. Фото: Петр Сидоров / Агентство\n"
        "Директор Игорь Луговой рассказал о планах."
    )
    kinds = [p.kind for p in structure.layout(text).parts]
    assert "lead" not in kinds and "byline" not in kinds
    assert _persons(text) == ["Игорь Луговой"]
    text = "Завод получил заем\n\n3 марта 2021 10:15 Анна Крылова\n\nДиректор Игорь Луговой рассказал о планах."
    lay = structure.layout(text)
    assert [p.kind for p in lay.parts] == ["headline", "timestamp", "byline"]
    assert _persons(text) == ["Игорь Луговой"]


def test_a_complement_stops_at_a_preposition():
    assert "Совет по инвестициям" in _orgs("Совет по инвестициям под председательством губернатора прошел вчера.")


def test_a_known_bodys_centre_and_a_hyphenated_adjective():
    found = _orgs(
        "Совещание прошло в Ситуационном центре Правительства. Проект одобрил Научно-технический совет Минобороны."
    )
    assert "Ситуационный центр Правительства Российской Федерации" in found
    assert "Научно-технический совет Министерства обороны Российской Федерации" in found
    assert not any("центр" in k.lower() for k in _orgs("Новый торговый центр открылся в центре города."))


def test_clusters_named_by_adjectives_complement_or_region():
    found = _orgs(
        "В реестр вошли мебельный кластер Удмуртии и кластер производителей медицинского оборудования. "
        "Заявку подал уральский станкостроительный промышленный кластер."
    )
    assert {
        "Мебельный кластер Удмуртии",
        "Кластер производителей медицинского оборудования",
        "Уральский станкостроительный промышленный кластер",
    } <= set(found)
    assert not _orgs("Власти создадут кластер в следующем году. Кластер получит поддержку.")
