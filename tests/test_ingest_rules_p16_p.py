"""Sixteenth rule pass (helper p): signatures and photo credits in the layout, candidates and informal region
names in posts, a bill's number after a colon and budget bills, ranges, changes «со X до Y» and by a factor,
in sentences of our own."""

from __future__ import annotations

from decimal import Decimal

from conftest import extract_posts, extract_text

from server.ingest import money, structure


def _authors(text: str) -> list[str]:
    lay = structure.layout(text)
    return [text[s:e] for s, e in lay.authors]


def test_a_signature_before_the_sites_leftovers_and_a_name_agency_credit_under_the_headline():
    text = (
        "Заводы области получат субсидии\n\n"
        "Правительство области направит заводам 300 млн рублей на закупку станков.\n\n"
        "Ольга Жданова\n\nЗагрузка новости...\nНовости на Сайт-Город\n0\n"
    )
    assert "Ольга Жданова" in _authors(text)
    assert "Ольга Жданова" not in [p.label_ru for p in extract_text(text).persons]
    text = "Заводы области получат субсидии\n\n12 марта 2024\nОльга Жданова/ТАСС\n\nОбласть направит заводам деньги.\n"
    assert "Ольга Жданова/ТАСС" in _authors(text)
    assert not extract_text(text).persons
    # a name alone on a line followed by a paragraph of the body stays readable
    text = "Заводы области получат субсидии\n\nОльга Жданова\n\nОльга Жданова рассказала, что заводы получат деньги.\n"
    assert [p.label_ru for p in extract_text(text).persons] == ["Ольга Жданова"]


def test_a_candidate_holds_no_post():
    assert extract_posts("Выдвинутый партией кандидат в президенты России Олег Жданов посетил завод.") == set()
    assert extract_posts("Об этом заявил кандидат в губернаторы Олег Жданов.") == set()
    assert extract_posts("Кандидат на пост мэра Олег Жданов осмотрел цех.") == set()
    assert extract_posts("Губернатор области Олег Жданов осмотрел цех.") != set()


def test_a_governor_by_the_regions_informal_name():
    assert extract_posts("Решением губернатора Южного Урала Олега Жданова заводам выделят деньги.") == {
        ("Олег Жданов", "roleGovernor", "Челябинская область", "губернатор")
    }
    assert extract_posts("Губернатор Оренбуржья Олег Жданов открыл цех.") == {
        ("Олег Жданов", "roleGovernor", "Оренбургская область", "губернатор")
    }


def _acts(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(a.kind_ru, a.number, a.title) for a in extract_text(text).acts]


def test_a_bills_number_after_a_colon_and_budget_bills():
    assert _acts("Законопроект: № 123456-8\nДокумент принят в первом чтении.") == [("Законопроект", "123456-8", None)]
    assert _acts("Деньги заложат в проект федерального бюджета на 2030 год и плановый период 2031 и 2032 годов.") == [
        ("Законопроект", None, "О федеральном бюджете на 2030 год и плановый период 2031 и 2032 годов")
    ]
    assert _acts("Депутаты приняли закон об областном бюджете на 2030 год.") == [
        ("Закон", None, "Об областном бюджете на 2030 год")
    ]
    assert _acts("Министр рассказал о бюджете на 2030 год.") == []


def _amounts(text: str) -> list[tuple[Decimal, Decimal | None, str | None]]:
    return [(a.value, a.value_max, a.qualifier) for a in money.amounts(text)]


def test_a_range_whose_upper_end_is_a_range():
    assert _amounts("На счетах фонда окажется от 2 млрд до 4-5 млрд рублей.") == [
        (Decimal(2000000000), Decimal(5000000000), "range")
    ]


def _changes(text: str) -> list[tuple[Decimal | None, Decimal, str | None]]:
    return [(c.from_value, c.to_value, c.unit) for c in money.changes(text)]


def test_changes_from_so_and_by_a_factor():
    assert _changes("Лимит займа увеличен со 150 млн до 250 млн рублей.") == [
        (Decimal(150000000), Decimal(250000000), None)
    ]
    assert _changes("Ставка снижена со 2% до 1%.") == [(Decimal(2), Decimal(1), "percent")]
    assert _changes("Лимит займа увеличили в 1,5 раза, до 450 млн рублей.") == [(None, Decimal(450000000), None)]
    assert _changes("Бюджет программы увеличен в два раза — до 6 млрд рублей.") == [(None, Decimal(6000000000), None)]
