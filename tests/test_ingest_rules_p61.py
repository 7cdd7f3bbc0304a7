"""The sixty-first rule pass: shapes of the hundred-and-twenty-third and hundred-and-twenty-fourth held-out sets (a
federal service's office of a place, the outlet's masthead and its call to read it, a list of posts in the
instrumental), each tested on sentences of our own."""

from __future__ import annotations

from conftest import extract_orgs, extract_posts, extract_text


def test_a_federal_services_office_of_a_place():
    """«Печорское управление Ростехнадзора», «Северо-Западное управление Ростехнадзора»: one body each, as written."""
    orgs = extract_orgs("Проверку провело Печорское управление Ростехнадзора.")
    assert "Печорское управление Ростехнадзора" in orgs
    orgs = extract_orgs("Проверку провело Северо-Западное управление Ростехнадзора.")
    assert "Северо-Западное управление Ростехнадзора" in orgs


def test_the_outlets_masthead_and_its_call_to_read_it_are_no_bodies():
    text = "Официальный портал городских\nновостей «Наша Пенза»\nНа промышленность выделят 40 млн рублей."
    ex = extract_text(text, outlet="Наша Пенза (наша-пенза.рф)")
    assert not any("Наша Пенза" in o.label_ru for o in ex.orgs)
    text = "Глава Коми отправил правительство в отставку.\n\nЧитайте НСН: Новости | Дзен | VK | Telegram"
    ex = extract_text(text, outlet="НСН (nsn.fm)")
    assert not any(o.label_ru == "НСН" for o in ex.orgs)


def test_a_post_in_the_instrumental_after_a_comma_opens_the_next_clause():
    """«Председателем комитета … стала Имя, председателем регионального комитета … — Имя2»: the second post is not
    the first name's; «с Олегом Сомовым, директором завода …» is his."""
    posts = extract_posts(
        "Председателем комитета промышленной политики стала Наталья Стрельцова, председателем регионального "
        "комитета сельского хозяйства Волгоградской области — Марина Морозова."
    )
    assert not any(p == "Наталья Стрельцова" and "сельского" in (org or "") for p, _, org, _ in posts)
    posts = extract_posts("Соглашение подписали с Олегом Сомовым, директором завода «Красный Октябрь».")
    assert any(p == "Олег Сомов" and role == "roleDirector" for p, role, _, _ in posts)
