"""Eighteenth rule pass, helper p: the premier as the chair of the cabinet, deputies of a convocation, a region's
ministry by its portfolio, titles given after an act, money «с половиной», changes with a year phrase or joined
by «и» (sentences written for these tests)."""

from __future__ import annotations

from decimal import Decimal

from conftest import extract_text

from server.ingest import acts, money


def _posts(text: str) -> list[tuple[str, str, str | None]]:
    return [(p.person.label_ru, p.role_ru, p.org.label_ru if p.org else None) for p in extract_text(text).posts]


def test_chair_of_the_cabinet_of_ministers_is_the_premier() -> None:
    [(_, role, org)] = _posts("Решение объявил глава кабинета министров Игорь Соколов.")
    assert role == "председатель правительства" and org == "Правительство Российской Федерации"


def test_deputies_of_a_convocation_named_in_words() -> None:
    found = _posts("Поправки подготовили депутаты Госдумы прошлого созыва А.Смирнов и В.Кузнецов.")
    assert [(n, r) for n, r, _ in found] == [("А. Смирнов", "депутат"), ("В. Кузнецов", "депутат")]
    assert {o for _, _, o in found} == {"Государственная Дума"}


def test_minister_of_a_portfolio_no_federal_ministry_has_is_regional() -> None:
    text = "Кабинет Тверской области одобрил план. Его поддержала министр туризма и инвестиций Анна Орлова."
    assert _posts(text) == [("Анна Орлова", "министр", "Министерство туризма и инвестиций Тверской области")]


def test_minister_of_a_federal_portfolio_stays_federal() -> None:
    text = "Кабинет Тверской области одобрил план. Против выступил министр финансов Олег Волков."
    assert _posts(text) == [("Олег Волков", "министр", "Министерство финансов Российской Федерации")]


def _acts(text: str) -> list[tuple[str, str | None, str]]:
    found = acts.legal_acts(text, [], lambda s, e: False, 2025, [])
    return [(a.kind_slug, a.title, text[a.start : a.end]) for a in found]


def test_title_given_after_the_act_by_a_naming_verb() -> None:
    text = "Депутаты приняли в первом чтении законопроект. Документ носит название «О туристических кластерах»."
    found = _acts(text)
    assert {t for _, t, _ in found} == {"О туристических кластерах"}
    assert ("bill", "О туристических кластерах", "«О туристических кластерах»") in found


def test_naming_after_another_act_does_not_title_the_first() -> None:
    text = "Губернатор подписал закон. Указ под названием «О мерах поддержки» вышел позже."
    assert ("law", None, "закон") in _acts(text)


def test_money_and_a_half() -> None:
    [a] = money.amounts("На ремонт дорог выделят 37 с половиной миллионов рублей.")
    assert (a.value, a.currency) == (Decimal(37_500_000), "RUB")


def test_change_with_a_year_phrase_before_its_values() -> None:
    text = "Ведомство решило увеличить лимит на 2027 год на 1,5 млрд рублей, до 6 млрд рублей."
    [c] = money.changes(text)
    assert (c.from_value, c.to_value, c.currency) == (Decimal(4_500_000_000), Decimal(6_000_000_000), "RUB")


def test_second_target_joined_by_and() -> None:
    text = "Власти хотят довести долю местных станков до 40% к 2028 году и до 60% к 2032 году."
    assert [(c.from_value, c.to_value, c.unit) for c in money.changes(text)] == [
        (None, Decimal(40), "percent"),
        (None, Decimal(60), "percent"),
    ]


def _events(text: str) -> list[str]:
    return [e.label_ru for e in extract_text(text).events]


def test_round_table_named_by_its_place() -> None:
    assert _events("Промышленники приглашены к круглому столу в Курске.") == ["Круглый стол в Курске"]


def test_round_tables_in_the_plural_are_no_event() -> None:
    assert _events("На круглых столах в Курске говорили о кадрах.") == []


def test_one_of_the_bodys_last_sittings() -> None:
    text = "Правительство Курганской области на одном из последних заседаний одобрило программу."
    assert _events(text) == ["Заседание Правительства Курганской области"]


def test_numbered_sitting_of_a_legislature() -> None:
    text = "Закон приняли депутаты Курганской областной Думы на своем 12-м заседании."
    assert _events(text) == ["12-е заседание Курганской областной Думы"]
