"""Twentieth rule pass, helper p: a change told by its difference from the year before, events named by their
number, a capitalised noun or a known short name, a sitting told by its members' decision, an author's line with a
photo credit, a surname in «-ь» declined, an act opening its sentence and signed later in it (sentences written
for these tests)."""

from __future__ import annotations

from conftest import extract_persons, extract_text


def _events(text: str) -> list[str]:
    return [e.label_ru for e in extract_text(text).events]


def _changes(text: str) -> list[tuple[object, object, str | None]]:
    return [(c.from_value, c.to_value, c.currency) for c in extract_text(text).changes]


def test_a_new_sum_and_its_difference_from_the_year_before_give_the_old_one() -> None:
    got = _changes("На ремонт дорог направят 12 миллиардов рублей — на 3 миллиарда больше, чем годом ранее.")
    assert [(int(f), int(t), c) for f, t, c in got] == [(9_000_000_000, 12_000_000_000, "RUB")]
    got = _changes("Выручка составила 4 млрд рублей, что на 500 млн рублей меньше, чем в прошлом году.")
    assert [(int(f), int(t), c) for f, t, c in got] == [(4_500_000_000, 4_000_000_000, "RUB")]


def test_a_percent_difference_is_no_change() -> None:
    assert _changes("Поставки составили 7,5 млрд долларов, что на 12% больше, чем годом ранее.") == []


def test_a_numbered_conference_and_a_capitalised_summit() -> None:
    assert _events("Об этом рассказал директор завода на XII Международной IT-конференции в Самаре.") == [
        "XII Международная IT-конференция"
    ]
    assert _events("Решения обсудили участники, выступая на Форуме малых городов.") == ["Форум малых городов"]
    assert _events("Международная конференция прошла в Москве.") == []


def test_a_show_by_its_short_name_once() -> None:
    assert _events("Новый самолет показали на авиасалоне МАКС-2019.") == [
        "Международный авиационно-космический салон (МАКС-2019)"
    ]
    assert len(_events("Президент осмотрел экспозицию на международном авиакосмическом салоне МАКС.")) == 1


def test_members_of_a_council_deciding_are_its_sitting() -> None:
    assert _events("Члены совета поддержали создание технопарка.") == ["Заседание совета"]
    assert _events("Члены совета директоров одобрили сделку.") == ["Заседание совета директоров"]
    text = "Наблюдательный совет фонда собрался в Москве. Члены совета поддержали два проекта."
    assert _events(text) == ["Заседание Наблюдательного совета фонда"]


def test_an_author_line_before_a_photo_credit_is_no_person() -> None:
    text = "12 марта 2019 Автор: Ирина Белова Фото: пресс-служба мэрии\n\nЗавод в Орле запустил новую линию."
    assert "Ирина Белова" not in extract_persons(text)


def test_a_surname_in_a_soft_sign_is_one_person_in_every_case() -> None:
    text = "Губернатор Олег Гмызель открыл цех. По словам Гмызеля, завод наймет 300 человек."
    assert extract_persons(text) == ["Олег Гмызель"]


def test_an_act_opening_its_sentence_and_signed_later_in_it() -> None:
    acts = extract_text("Указ о создании агентства инвестиций подписал глава республики.").acts
    assert [(a.kind_ru, a.number) for a in acts] == [("Указ", None)]
    assert extract_text("Указ о создании агентства обсуждают давно.").acts == []
    acts = extract_text("Постановление о том, чтобы открыть в области технопарк, приняло правительство региона.").acts
    assert [(a.kind_ru, a.number) for a in acts] == [("Постановление", None)]


def test_an_area_from_and_to_is_a_change_in_hectares() -> None:
    got = extract_text("Границы технопарка раздвинут с 35 до 80 га.").changes
    assert [(int(c.from_value), int(c.to_value), c.unit) for c in got] == [(35, 80, "hectare")]
