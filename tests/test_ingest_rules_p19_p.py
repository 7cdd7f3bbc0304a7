"""Nineteenth rule pass, helper p: several acts after one plural kind, extended sittings and boards, meetings
named by their venue or host, the President's address, trips told by a verb, a post given by a dash or held
before (sentences written for these tests)."""

from __future__ import annotations

from conftest import extract_persons, extract_text

from server.ingest import acts


def _acts(text: str) -> list[tuple[str, str | None]]:
    return [(a.kind_ru, a.number) for a in acts.legal_acts(text, [], lambda s, e: False, 2025, [])]


def _events(text: str) -> list[str]:
    return [e.label_ru for e in extract_text(text).events]


def _posts(text: str) -> list[tuple[str, str, str | None]]:
    return [(p.person.label_ru, p.role_ru, p.org.label_ru if p.org else None) for p in extract_text(text).posts]


def test_numbers_after_a_plural_kind_and_a_dash_are_acts_of_that_kind() -> None:
    found = _acts("Кабмин внес правки сразу в три распоряжения — №1205-р, №1206-р и №1207-р.")
    assert found == [("Распоряжение", "1205-р"), ("Распоряжение", "1206-р"), ("Распоряжение", "1207-р")]


def test_a_further_number_without_its_sign() -> None:
    found = _acts("Порядок задают постановления № 512 и 513, принятые весной.")
    assert found == [("Постановление", "512"), ("Постановление", "513")]


def test_a_year_after_a_number_is_no_further_act() -> None:
    assert _acts("Документ, постановление № 512 и 2024 год отчетности.") == [("Постановление", "512")]


def test_an_extended_board_named_without_a_preposition() -> None:
    found = _events("Вчера в Москве состоялась итоговая коллегия Минэкономразвития России.")
    assert found == ["Итоговая коллегия Министерства экономического развития Российской Федерации"]


def test_an_extended_sitting_of_a_regional_branch() -> None:
    found = _events("Планы обсудили на расширенном заседании регионального отделения Союза машиностроителей России.")
    # the branch is a body of its own now (the thirty-seventh pass), its label carried into the sitting's as elsewhere
    assert found == ["Расширенное заседание Регионального отделения Союза машиностроителей России"]


def test_a_body_holds_a_sitting() -> None:
    found = _events("Комитет Госдумы по энергетике провел выездное заседание, на котором выступили инженеры.")
    assert found == ["Выездное заседание Комитета Государственной Думы по энергетике"]


def test_a_meeting_named_by_its_venue_or_city() -> None:
    assert _events("Об этом говорили на совещании в Доме Советов.") == ["Совещание в Доме Советов"]
    assert _events("Итоговое совещание в Новосибирске собрало директоров.") == ["Итоговое совещание в Новосибирске"]
    assert _events("Заседание в пятницу отменили.") == []


def test_a_meeting_held_by_someone() -> None:
    found = _events("Вопрос подняли на совещании у вице-премьера Игоря Соколова в среду.")
    assert found == ["Совещание у вице-премьера Игоря Соколова в среду"]


def test_the_presidents_address_to_the_federal_assembly() -> None:
    found = _events("В Послании Федеральному собранию глава государства поручил продлить льготы.")
    assert found == ["Послание Президента Федеральному Собранию"]


def test_a_trip_told_by_its_purpose_and_a_verb() -> None:
    found = _events("Губернатор с рабочим визитом посетил Нижний Тагил и Серов, где осмотрел цеха.")
    assert found == ["Рабочий визит в Нижний Тагил и Серов"]
    assert _events("Министр побывал в Нижнем Тагиле.") == []


def test_a_post_given_by_a_dash_at_the_start_of_a_sentence() -> None:
    assert _posts("Генеральный директор АвтоВАЗа — Олег Смирнов.") == [
        ("Олег Смирнов", "генеральный директор", "АО «АвтоВАЗ»")
    ]
    assert _posts("Слово взял директор АвтоВАЗа — Олег Смирнов.") == []


def test_a_post_held_before_after_a_name() -> None:
    found = _posts("Олег Смирнов, в прошлом заместитель министра финансов, возглавил совет.")
    assert found == [("Олег Смирнов", "заместитель министра", "Министерство финансов Российской Федерации")]


def test_an_author_inside_a_bracketed_dateline_is_no_person() -> None:
    text = "Завод запустил новую линию\n(Самара, 5 марта, «Волга-пресс», Ирина Котова). Линию открыл директор Иван Петров.\n"
    assert extract_persons(text) == ["Иван Петров"]


def test_a_draft_normative_act_is_a_bill_when_no_other_is_named() -> None:
    found = acts.legal_acts(
        "Проект нормативного акта готов. Проект нормативного акта обсудят в думе.", [], lambda s, e: False, 2025, []
    )
    assert [(a.kind_ru, a.number) for a in found] == [("Законопроект", None), ("Законопроект", None)]
    assert len({a.key for a in found}) == 1
    text = "Законопроект «О кластерах» внесен. Проект нормативного акта одобрили."
    assert _acts(text) == [("Законопроект", None)]
    assert _acts("Готовятся проекты нормативных правовых актов.") == []
