"""Organisation and junk classes of the eighteenth rule pass (issue 15), in sentences of our own."""

from __future__ import annotations

from conftest import extract_orgs as _orgs


def test_a_party_branch_named_with_its_region_is_one_body():
    found = _orgs('Губернатор выступил на отчётной конференции Тверского регионального отделения партии "Новые люди".')
    assert "Тверское региональное отделение партии «Новые люди»" in found
    assert not any(
        label.startswith(("Партия", "Тверское региональное отделение")) and "«" not in label for label in found
    )
    assert len(found) == 1


def test_a_union_branch_keeps_the_union_as_written():
    found = _orgs("Курское областное отделение «Опоры России» провело форум для поставщиков.")
    assert "Курское областное отделение «Опоры России»" in found


def test_a_collegium_that_takes_place_is_a_sitting_not_a_body():
    assert not any("оллегия" in label for label in _orgs("В Омской области прошла коллегия регионального минсельхоза."))
    assert not any(
        "оллегия" in label for label in _orgs("Вчера состоялась итоговая коллегия Минэнерго России в Москве.")
    )


def test_a_collegium_that_acts_is_still_a_body():
    found = _orgs("Коллегия Минтранса России одобрила план реформы отрасли.")
    assert any(label.startswith("Коллегия") for label in found)
