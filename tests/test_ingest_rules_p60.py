"""The sixtieth rule pass: shapes of the development sets' remaining misses (an appointment still to come, a
relative clause giving a post, a time closing a post's complement, a chamber's unit, a place read as a body), each
tested on sentences of our own."""

from __future__ import annotations

from conftest import extract_orgs, extract_posts


def _posts(text: str) -> set[tuple[str, str | None, str | None]]:
    return {(p, role, org) for p, role, org, _ in extract_posts(text)}


def test_an_appointment_to_come_gives_the_post_after_the_name():
    """«предстоит назначить главу Минпромторга Имя вице-премьером»: the post held and the post to come."""
    found = _posts("Парламенту предстоит назначить главу Минпромторга Дениса Мантурова одиннадцатым вице-премьером.")
    assert any(p == "Денис Мантуров" and role == "roleDeputyPrimeMinister" for p, role, _ in found)
    assert any(p == "Денис Мантуров" and role == "roleMinister" for p, role, _ in found)
    found = _posts("Губернатор намерен назначить Ольгу Смирнову министром финансов Тульской области.")
    assert ("Ольга Смирнова", "roleMinister", "Министерство финансов Тульской области") in found


def test_a_relative_clause_gives_the_post():
    """«Имя, которую (которого) назначили …»: the post given to the one named."""
    found = _posts(
        "Ольга Иванова, которую в марте назначили министром промышленности Тульской области, провела совещание."
    )
    assert ("Ольга Иванова", "roleMinister", "Министерство промышленности Тульской области") in found


def test_a_time_closes_the_complement_and_a_comma_is_no_longer_name():
    """«… директором департамента экономического развития лишь в начале августа»: the unit without the time; the
    comma after the unit opens the next clause, not a longer name of it."""
    text = (
        "В администрации Владимирской области сменилась команда. Александр Ярошевский, которого назначили "
        "директором департамента экономического развития{}, рассказал о планах."
    )
    unit = "Департамент экономического развития Администрации Владимирской области"
    for tail in ("", " лишь в начале августа"):
        assert ("Александр Ярошевский", "roleDirector", unit) in _posts(text.format(tail))


def test_a_chambers_unit_by_its_adjectives():
    """«Правовое Управление Госдумы», «Аналитическое управление аппарата Совета Федерации»: the chamber's units,
    labelled with the chamber's full name; the chamber stays named."""
    orgs = extract_orgs("На оба законопроекта Правовое Управление Госдумы дало отрицательные заключения.")
    assert "Правовое управление Государственной Думы" in orgs and "Государственная Дума" in orgs
    orgs = extract_orgs("Заключение дало Аналитическое управление аппарата Совета Федерации.")
    assert "Аналитическое управление аппарата Совета Федерации" in orgs
    assert not any(label.startswith("Областное") for label in extract_orgs("Областное управление Госдумы."))


def test_a_region_then_what_is_built_there_is_no_body():
    """«Строительство в Бурятии горно-обогатительного комбината»: the place, then a works nobody named."""
    orgs = extract_orgs(
        "Строительство в Бурятии горно-обогатительного комбината, который будет работать на рудах месторождения "
        "«Озерное», получит поддержку Фонда развития Дальнего Востока."
    )
    assert not any(label.startswith("Бурят") for label in orgs)
