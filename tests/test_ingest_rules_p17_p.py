"""Seventeenth rule pass, helper p: budget bills, sittings named by a common noun, split role compounds, gapped
changes (sentences written for these tests)."""

from __future__ import annotations

from decimal import Decimal

from conftest import extract_text

from server.ingest import acts, money


def _acts(text: str) -> list[tuple[str, str | None, str]]:
    found = acts.legal_acts(text, [], lambda s, e: False, 2025, [])
    return [(a.kind_slug, a.title, text[a.start : a.end]) for a in found]


def test_budget_bill_over_a_range_of_years() -> None:
    text = "На эти цели в проекте федерального бюджета на 2027–2029 годы заложено 10 млрд рублей."
    assert _acts(text) == [
        ("bill", "О федеральном бюджете на 2027–2029 годы", "проекте федерального бюджета на 2027–2029 годы")
    ]


def test_budget_bill_without_level_by_its_full_title() -> None:
    text = "Поправки к проекту бюджета на 2027 год и плановый период 2028-2029 гг. внесут осенью."
    [(kind, title, _)] = _acts(text)
    assert kind == "bill" and title == "О федеральном бюджете на 2027 год и плановый период 2028-2029 годов"


def test_budget_of_no_level_and_no_plan_period_is_no_act() -> None:
    assert _acts("Кабинет внёс проект бюджета на 2027-2029 годы.") == []


def test_budget_bill_named_as_zakonoproekt_is_a_bill() -> None:
    [(kind, title, _)] = _acts("Законопроект об областном бюджете на 2027 год внесён в думу.")
    assert kind == "bill" and title == "Об областном бюджете на 2027 год"


def test_own_sitting_of_the_body_named_before() -> None:
    ex = extract_text("Правительство Курганской области на своём заседании одобрило программу развития отрасли.")
    assert [e.label_ru for e in ex.events] == ["Заседание Правительства Курганской области"]


def test_sitting_in_a_relative_clause_belongs_to_the_noun_before() -> None:
    ex = extract_text("Решение принято правительством Курганской области, заседание которого провёл губернатор.")
    assert [e.label_ru for e in ex.events] == ["Заседание Правительства Курганской области"]


def test_role_compound_split_by_hyphen_and_space() -> None:
    ex = extract_text("Первый вице- губернатор Иван Петров рассказал о работе фонда.")
    assert [(p.person.label_ru, p.role) for p in ex.posts] == [("Иван Петров", "roleFirstDeputyGovernor")]


def test_gapped_second_change_after_a_dash() -> None:
    text = "Доля местных станков должна вырасти до 30%, отечественных роботов — до 20%."
    assert [(c.from_value, c.to_value, c.unit) for c in money.changes(text)] == [
        (None, Decimal(30), "percent"),
        (None, Decimal(20), "percent"),
    ]
