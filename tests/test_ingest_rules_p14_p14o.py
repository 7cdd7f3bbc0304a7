"""Organisation and junk classes of the fourteenth rule pass (issue 15), in sentences of our own."""

from __future__ import annotations

from conftest import extract_orgs as _orgs


def test_a_regions_body_keeps_the_regions_name_as_written():
    found = _orgs(
        "Глава Удмуртии Александр Бречалов провёл совещание. Минпромторг Удмуртии предложил компенсировать "
        "затраты. Губернатор Кубани поручил. Министерство промышленности Кубани поддержало заявку."
    )
    assert any("Минпромторг Удмуртии" in alts for alts in found.values())
    assert any("Министерство промышленности Кубани" in alts for alts in found.values())
    found = _orgs("Губернатор Омской области Виталий Хоценко. Минэкономразвитие региона принимает заявки.")
    assert any("Минэкономразвитие региона" in alts for alts in found.values())


def test_a_works_named_after_a_descriptor_with_adjectives_or_a_genitive_complement():
    found = _orgs(
        "Министр посетил кондитерскую фабрику «Сладость» и завод грузовых вагонов «Вагонмаш», а затем "
        'швейную фабрику "Зима".'
    )
    assert "Кондитерская фабрика «Сладость»" in found
    assert "Завод грузовых вагонов «Вагонмаш»" in found
    assert "Швейная фабрика «Зима»" in found


def test_a_name_nested_in_plain_quotes_closed_twice():
    found = _orgs(
        'Субсидии получат "Омский станкостроительный завод", "Томский кабельный завод" и '
        '"Новосибирский литейный завод "СТАЛЬ"". Ещё ПАО "Компания "Рассвет"" подало заявку.'
    )
    assert "«Новосибирский литейный завод «СТАЛЬ»»" in found
    assert "ПАО «Компания «Рассвет»»" in found
    assert not any(k.endswith("«") for k in found)


def test_site_furniture_and_site_addresses_are_no_organisations():
    found = _orgs(
        '10:15 12.03.2015 | Все новости раздела "Справедливая Россия"\n'
        "Как сообщил в комментарии NEWS.RU председатель комитета Госдумы по промышленности, закон принят.\n\n"
        "Лента новостей\n"
    )
    assert not any("Справедливая" in k or "NEWS" in k or "Лента" in k for k in found)


def test_a_regions_government_named_only_in_a_photo_credit_is_no_entity():
    found = _orgs(
        "Губернатор Курской области провёл совещание о развитии промышленности региона.\n"
        "Фото: пресс-служба правительства Курской области\n"
        "Участники обсудили меры поддержки."
    )
    assert "Правительство Курской области" not in found


def test_an_exhibition_centre_by_its_abbreviation_is_a_venue():
    found = _orgs('Выставка пройдёт в МВЦ "Казань Экспо" при участии Минпромторга России.')
    assert not any(k.startswith("МВЦ") for k in found)


def test_national_state_company_by_its_short_name():
    found = _orgs("Из-за урезания субсидий «Автодор» сдвинет сроки, а «Северсталь» и НЛМК вложат средства.")
    assert "Государственная компания «Российские автомобильные дороги»" in found
    assert "ПАО «Северсталь»" in found
    assert "ПАО «НЛМК»" in found
    assert "ПАО «Северсталь»" not in _orgs("Заём получило АО «Северсталь-метиз».")


def test_a_regions_written_name_beside_a_label_with_brackets():
    found = _orgs("Глава Якутии поручил. Министерство промышленности и геологии Якутии подготовило план.")
    assert found["Министерство промышленности и геологии Республики Саха (Якутия)"] == [
        "Министерство промышленности и геологии Якутии"
    ]


def test_a_region_named_only_by_its_adjective_resolves_region():
    found = _orgs("Забайкальским заводам возместят расходы. Минэкономразвитие региона принимает заявки.")
    assert "Минэкономразвитие Забайкальского края" in found
    assert "Минэкономразвитие региона" in found["Минэкономразвитие Забайкальского края"]


def test_a_company_group_keeps_its_word_but_a_working_group_is_no_company():
    found = _orgs("Правительство поддержало группу ЧТПЗ. Рабочая группа РСПП собралась в Москве.")
    assert "Группа ЧТПЗ" in found
    assert not any(k.startswith("Группа РСПП") for k in found)
