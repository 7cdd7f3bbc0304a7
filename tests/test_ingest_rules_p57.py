"""The fifty-seventh rule pass, part 1: shapes of the hundred-and-fifteenth held-out set — a spokesman of a chief holds
no post of the chief's, a release from office with its agent between, a site's rubric and a product's code no bodies —
each tested on sentences of our own."""

from __future__ import annotations

from conftest import extract_orgs, extract_posts


def _posts(text: str) -> set[tuple[str, str | None, str | None]]:
    return {(p, role, org) for p, role, org, _ in extract_posts(text)}


def test_a_chiefs_spokesman_holds_no_post_of_the_chiefs():
    """«официальный представитель вице-премьера Имя»: not the vice-premier; «Представитель Минпромторга Имя» is the
    ministry's representative."""
    found = _posts("Как рассказал после совещания официальный представитель вице-премьера Иван Белов, всё решено.")
    assert not any(role == "roleDeputyPrimeMinister" for _, role, _ in found)
    found = _posts("Представитель Минпромторга Петр Орлов сказал, что решение принято.")
    assert ("Петр Орлов", "roleRepresentative", "Министерство промышленности и торговли Российской Федерации") in found


def test_a_release_from_office_with_its_agent_between():
    """«Имя освобожден Медведевым от должности президента ОАК»: Имя's post, not the agent's."""
    found = _posts("Помощник рассказал, что Иван Белов освобожден Медведевым от должности президента ОАК.")
    corporation = "Объединённая авиастроительная корпорация"
    assert ("Иван Белов", "rolePresident", corporation) in found
    assert not any(p == "Медведев" for p, _, _ in found)


def test_a_rubric_and_a_products_code_are_no_bodies():
    """«НОВОСТИ» on a line of its own; «Комплекс С-125»."""
    orgs = extract_orgs("НОВОСТИ\n\nКомплекс С-125 создан в НПО «Алмаз».")
    assert "НОВОСТИ" not in orgs and "С-125" not in orgs
    assert "НПО «Алмаз»" in orgs
