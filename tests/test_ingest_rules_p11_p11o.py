"""Organisation classes of the eleventh rule pass (issue 15), in sentences of our own."""

from __future__ import annotations

from conftest import extract_orgs as _orgs

from server.ingest import orgrules


def test_a_federal_citys_fund_and_committee():
    found = _orgs(
        "Фонд развития промышленности Москвы одобрил заем. Заявки рассматривает комитет по промышленной политике "
        "и торговле Петербурга."
    )
    assert "Фонд развития промышленности Москвы" in found
    assert "Комитет по промышленной политике и торговле Петербурга" in found
    assert "Фонд развития промышленности" not in found


def test_a_headline_name_with_a_word_left_out_is_the_same_fund():
    found = _orgs(
        "Фонд промышленности Петербурга снизил ставку\n\nФонд развития промышленности Петербурга снизил ставку по "
        "займам до 3%."
    )
    assert list(found) == ["Фонд развития промышленности Санкт-Петербурга"]
    assert "Фонд промышленности Петербурга" in found["Фонд развития промышленности Санкт-Петербурга"]


def test_a_unit_named_by_its_genitive_complement_and_its_owner():
    found = _orgs(
        "Заявки принимает комитет экономического развития и инвестиций Ленинградской области. Об этом сообщил "
        "директор департамента станкостроения Минпромторга Иван Петров."
    )
    assert "Комитет экономического развития и инвестиций Ленинградской области" in found
    assert "Департамент станкостроения Минпромторга" in found
    assert not orgrules.units_of("Комитет экономической политики одобрил план.", [])


def test_a_post_in_a_management_board_names_the_company():
    found = _orgs("В совещании участвовали губернатор и Председатель Правления Промсвязьбанка Петр Фрадков.")
    assert "Промсвязьбанк" in found
    assert not any(k.startswith("Правление") for k in found)


def test_a_collegium_after_na_is_its_sitting():
    assert not any(
        "оллегия" in k for k in _orgs("Выступая на расширенной коллегии Минэкономразвития, министр подвел итоги.")
    )
    assert "Коллегия Министерства экономического развития Российской Федерации" in _orgs(
        "Коллегия Минэкономразвития одобрила план."
    )


def test_quoted_names_after_a_word_for_programmes_are_none():
    for text in (
        "Около 20 проектов по программам «Станки» и «Комплектующие изделия» получили займы.",
        "Две новые программы ФРП - «Станки» и «Электроника» - появились в прошлом году.",
        "Заявки принимают по направлениям «Станки» и «Электроника».",
    ):
        assert not any("Станки" in k for k in _orgs(text)), text
    assert "«Станки»" in _orgs("Займы получили компании «Станки» и «Электроника».")


def test_an_editors_tag_and_a_cookie_notice_are_no_organisations():
    found = _orgs(
        "Фонд развития промышленности выдал заем. «Пауза затянулась (речь о запуске фонда - ИФ)», - сказал он.\n"
        "Сайт применяет cookie-файлы и обрабатывает данные через Яндекс Метрику."
    )
    assert "ИФ" not in found and not any("Яндекс" in k for k in found)


def test_a_faction_named_in_quotes_keeps_its_word():
    found = _orgs("Законопроект внесла фракция «НОВЫЕ ЛЮДИ – ЗА БУДУЩЕЕ» в Госдуме.")
    assert "Фракция «НОВЫЕ ЛЮДИ – ЗА БУДУЩЕЕ»" in found


def test_a_bodys_initials_before_its_owners_acronym():
    found = _orgs("Центральный комитет ЛДПР одобрил проект. Пресс-служба ЦК ЛДПР сообщила об этом.")
    assert "ЦК ЛДПР" in found["Центральный комитет ЛДПР"]
    assert "ЦК" not in found


def test_a_state_fund_in_lower_case_is_the_regions():
    found = _orgs("В Тверской области учрежден государственный некоммерческий фонд развития промышленности.")
    assert "Фонд развития промышленности Тверской области" in found
    assert (
        "государственный некоммерческий фонд развития промышленности Тверской области"
        in (found["Фонд развития промышленности Тверской области"])
    )
    assert "Фонд развития промышленности" not in found


def test_an_article_about_a_regions_fund_names_it_bare_after_the_headline():
    found = _orgs(
        "Фонд развития промышленности Чувашии выдал три займа\n\nВ этом году Фонд развития промышленности выдал "
        "три займа. Всего ФРП одобрил проекты на 300 млн рублей."
    )
    assert list(found) == ["Фонд развития промышленности Чувашской Республики"]
    kept = _orgs(
        "Фонд развития промышленности Чувашии выдал три займа\n\nЗаймы выданы вместе с Фондом развития "
        "промышленности (ФРП) России."
    )
    assert "Фонд развития промышленности" in kept


def test_two_regions_state_funds_each_by_its_sentence():
    found = _orgs(
        "В Тверской области будет создан фонд развития промышленности\n\nВ Тверской области учреждают "
        "государственный фонд развития промышленности. Государственный фонд развития промышленности появится и "
        "в Пермском крае."
    )
    assert set(found) == {
        "Фонд развития промышленности Тверской области",
        "Фонд развития промышленности Пермского края",
    }
