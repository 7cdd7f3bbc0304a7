"""Organisation and junk classes of the seventeenth rule pass (issue 15), in sentences of our own."""

from __future__ import annotations

from conftest import extract_orgs as _orgs


def test_a_committee_of_the_short_named_legislature_gets_the_full_label():
    found = _orgs("Комитет заксобрания Тверской области по бюджету и налогам поддержал поправки губернатора.")
    committee = "Комитет Законодательного Собрания Тверской области по бюджету и налогам"
    assert committee in found
    assert "Комитет заксобрания Тверской области по бюджету и налогам" in found[committee]
    assert "Законодательное Собрание Тверской области" in found


def test_a_committee_named_before_its_legislature_by_an_adjective():
    found = _orgs(
        "Губернатор Курганской области внёс законопроект. Комиссия по экологии областного законодательного "
        "собрания отложила его рассмотрение."
    )
    assert "Комиссия по экологии Законодательного Собрания Курганской области" in found
    assert "Законодательное Собрание Курганской области" in found


def test_the_bare_short_name_of_a_legislature_is_the_regions():
    found = _orgs(
        "Губернатор Пензенской области выступил перед депутатами. Депутат заксобрания Иван Сидоров согласился."
    )
    assert "Законодательное Собрание Пензенской области" in found


def test_a_dateline_in_capitals_is_no_organisation():
    assert _orgs("14.02.2019, 11:20\nЧЕЛЯБИНСК. Депутаты поддержали обновлённый текст проекта закона.") == {}


def test_a_rate_after_a_name_is_no_part_of_it():
    found = _orgs("Ставка будет ниже, чем обычно у Фонда 3% годовых, сообщили в Фонде развития промышленности.")
    assert not any(label.endswith("3") for label in found)
