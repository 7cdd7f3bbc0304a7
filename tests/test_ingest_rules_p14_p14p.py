"""Fourteenth rule pass (persons on layout, posts, money qualifiers, changes), in sentences of our own."""

from __future__ import annotations

from decimal import Decimal

from conftest import extract_persons, extract_posts, extract_text

from server.ingest import money


def _posts(text: str) -> set[tuple[str, str | None, str | None]]:
    return {post[:3] for post in extract_posts(text)}


def test_no_person_from_a_credit_or_a_label_inside_a_line():
    # a capitalised «Фото:» inside a caption, glued to the name before it or after a word
    text = (
        "Завод в Самаре откроют в июне.\n"
        "Министр промышленности области Петр ЛапинФото: Ольга Зотова / ИА «Волга»\n"
        "Петр Лапин рассказал о сроках стройки.\n"
        "Посетителям понравилось, так и осталось неясным Фото: Игорь Сомов © SITE.RU\n"
        "Стройку завершат к осени."
    )
    assert extract_persons(text) == ["Петр Лапин"]
    # the poster's label after the headline's date on the same line
    text = (
        "В Курской области появился новый фонд12-03-2019, 10:15. Разместил: Ирина Белова |\n"
        "Вчера правительство учредило фонд. Как пояснил вице-губернатор Олег Зотов, фонд поможет заводам."
    )
    assert extract_persons(text) == ["Олег Зотов"]
    # a dictionary word capitalised only because it starts a sentence
    text = "Министр Петр Лапин открыл выставку. Лидерское место заняла Самара. Гостя удивили цены."
    assert extract_persons(text) == ["Петр Лапин"]


def _amounts(text: str) -> dict[str, str | None]:
    return {a.text: a.qualifier for a in money.amounts(text)}


def test_upper_and_lower_bounds_of_amounts():
    assert _amounts("Компенсируют до 40% затрат, в пределах 200 млн руб. на проект.") == {
        "в пределах 200 млн руб.": "upTo"
    }
    assert _amounts("Выручка завода превысит 5 млрд рублей.") == {"превысит 5 млрд рублей": "moreThan"}
    # a change's new value after its step is no upper bound
    assert _amounts("Капитал фонда увеличили на 2 млрд рублей, до 6 млрд рублей.") == {
        "2 млрд рублей": None,
        "6 млрд рублей": None,
    }


def _changes(text: str) -> list[tuple]:
    return [(c.from_value, c.to_value, c.currency, c.unit) for c in money.merge_repeated(money.changes(text))]


def test_changes_of_shares_and_counts():
    assert _changes("К 2030 году общее число технопарков в стране вырастет до 80.") == [
        (None, Decimal(80), None, "count")
    ]
    assert _changes("Доля отечественных станков на рынке должна дойти до 40%.") == [
        (None, Decimal(40), None, "percent")
    ]
    # the share's present level a few sentences and a paragraph later
    text = (
        "Банк доведет свою долю в кредитовании малых производственных компаний региона до 60%.\n\n"
        "Об этом сообщила пресс-служба.\n\nСейчас банк кредитует такие компании на 35%."
    )
    assert _changes(text) == [(Decimal(35), Decimal(60), None, "percent")]
    # the headline's bare rise is the body's change with its old value
    text = "Доля импорта упала до 20%\nЗа пять лет доля импорта сократилась с 45% до 20%."
    assert _changes(text) == [(Decimal(45), Decimal(20), None, "percent")]
    assert _changes("Суд дошел до рассмотрения дела в 2024 году.") == []


def test_a_state_secretary_and_a_ministry_by_an_anaphor():
    posts = _posts(
        "Губернатор встретился со статс-секретарем – заместителем министра энергетики России Олегом Зотовым."
    )
    assert ("Олег Зотов", "roleSecretary", "Министерство энергетики Российской Федерации") in posts
    assert ("Олег Зотов", "roleDeputyMinister", "Министерство энергетики Российской Федерации") in posts
    posts = _posts(
        "Минпромторг России подготовил новую программу. Глава федерального ведомства Петр Лапин сообщил об этом."
    )
    assert ("Петр Лапин", "roleMinister", "Министерство промышленности и торговли Российской Федерации") in posts


def test_a_region_keeps_its_short_name():
    from datetime import date

    from rdflib import Literal
    from rdflib.namespace import SKOS

    from server.core.settings import Settings
    from server.ingest.draft import SourceInfo, build
    from server.ingest.linking import Linker

    text = "Губернатор Кубани Олег Зотов посетил завод."
    ex = extract_text(text)
    assert [p.region.label for p in ex.posts if p.region] == ["Краснодарский край"]
    linker = Linker(None, Settings.from_env({}, memory=True))
    g = build(ex, SourceInfo("t", date(2024, 1, 1)), linker, "http://example.org/").graph
    assert (None, SKOS.altLabel, Literal("Кубань", lang="ru")) in g
