"""The fiftieth rule pass: shapes of the hundred-and-first and later held-out sets — a woman's name the extractor reads
as a man's genitive («Евгения Локтионова», whose surname the text also writes «Локтионовой»), initials with a woman's
surname («О. Сергеева» after «Оксана Сергеева»), a piece of an outlet's name in capitals no person («УрБК»), a byline
with an initial («Автор: А. Шевченко»), initials with a surname in an oblique case («М. Мишустиным») and misprinted
(«М. Мишустн»), a quoted company the next sentence calls one («… «Мосинжиниринг». Эта компания …»), a brand in Latin
letters with a dash and its kind («Hamm – бренд …»), a foreign company with its legal form («NEWBRIDGE SA») — each
tested on sentences of our own."""

from __future__ import annotations

from conftest import extract_orgs, extract_persons, extract_text


def test_a_womans_name_whose_surname_is_written_elsewhere_in_a_womans_case():
    """«рассказала ТАСС начальник управления … Евгения Локтионова. По словам Локтионовой, …»: one woman."""
    text = (
        "В четверг об этом рассказала ТАСС начальник управления инвестиций Липецкой области Евгения Локтионова. "
        "По словам Локтионовой, в будущем году откроют два завода."
    )
    assert extract_persons(text) == ["Евгения Локтионова"]


def test_initials_with_a_womans_surname_are_the_woman_named_before():
    """«пресс-секретарь … Оксана Сергеева. … — пояснила О. Сергеева»: one person."""
    text = (
        "Об этом сообщила пресс-секретарь особой экономической зоны Оксана Сергеева. «Проверка прошла», — пояснила "
        "О. Сергеева."
    )
    assert extract_persons(text) == ["Оксана Сергеева"]


def test_a_piece_of_an_outlets_name_in_capitals_is_no_person():
    """«УрБК это сообщила …»: no person «Ур»."""
    assert "Ур" not in extract_persons("УрБК, Екатеринбург. УрБК это сообщила пресс-секретарь Оксана Сергеева.")


def test_a_byline_with_an_initial():
    """«Автор: А. Шевченко» closing the article is its byline, no person of the news."""
    text = "Гранты на НИОКР\n\nПравительство выделит 1 млрд рублей на гранты.\n\nАвтор: А. Шевченко\n"
    assert "А. Шевченко" not in extract_persons(text)


def test_initials_with_a_surname_in_an_oblique_case_and_misprinted():
    """«подписанное премьер-министром М. Мишустиным … как заявил М. Мишустн»: one person, «М. Мишустин»."""
    text = (
        "Распоряжение, подписанное премьер-министром М. Мишустиным, предусматривает гранты. Как заявил М. Мишустн, "
        "набор инструментов станет шире."
    )
    assert extract_persons(text) == ["М. Мишустин"]


def test_a_quoted_company_the_next_sentence_calls_a_company():
    """«Строительством дорог занимается «Мосинжиниринг». Эта компания обязана …»."""
    assert "«Мосинжиниринг»" in extract_orgs(
        "Строительством дорог занимается «Мосинжиниринг». Эта компания обязана проложить дороги."
    )


def test_a_brand_in_latin_letters_with_its_kind_after_a_dash():
    """«Hamm – бренд дорожно-строительной техники из Баварии»."""
    assert "Hamm" in extract_orgs("Снимки выложены в соцсети.\nHamm – бренд дорожно-строительной техники из Баварии.")


def test_a_foreign_company_with_its_legal_form():
    """«управляющий директор NEWBRIDGE SA (Люксембург) Филипп Ниссен»: the company, and his post in it."""
    result = extract_text(
        "Подписи поставили губернатор области и управляющий директор NEWBRIDGE SA (Люксембург) Филипп Ниссен."
    )
    assert "NEWBRIDGE SA" in [o.label_ru for o in result.orgs]
    assert any(
        p.person.label_ru == "Филипп Ниссен" and p.org and p.org.label_ru == "NEWBRIDGE SA" for p in result.posts
    )


def test_a_regions_unit_with_its_field_after_the_region():
    """«возглавляет управление региона по промышленности и энергетике» in an article on Altai krai, «В комитете
    Республики Крым по промышленности, торговле и предпринимательству сообщили»."""
    from conftest import extract_posts

    text = (
        "Губернатор Алтайского края обратился к Виктору Мещерякову, который возглавляет управление региона по "
        "промышленности и энергетике. Отвечая губернатору, он сказал."
    )
    unit = "Управление Алтайского края по промышленности и энергетике"
    assert unit in extract_orgs(text)
    assert any(p == "Виктор Мещеряков" and org == unit for p, _, org, _ in extract_posts(text))
    assert "Комитет Республики Крым по промышленности, торговле и предпринимательству" in extract_orgs(
        "В комитете Республики Крым по промышленности, торговле и предпринимательству сообщили."
    )


# part 2: the hundred-and-second held-out set's misses


def _posts(text: str) -> set[tuple[str, str | None, str | None]]:
    from conftest import extract_posts

    return {(p, role, org) for p, role, org, _ in extract_posts(text)}


def test_a_quoted_medium_in_the_dative_before_the_verb_of_telling():
    """«В федеральном агентстве по промышленности «Новому Региону» рассказали, что …»: the medium, no organisation."""
    orgs = extract_orgs("В федеральном агентстве по промышленности «Новому Региону» рассказали, что комиссия решила.")
    assert not any("Регион" in label for label in orgs)


def test_a_body_headed_after_a_dash_and_a_pronoun():
    """«Победителем конкурса стал Имя — именно он возглавит министерство …»."""
    text = (
        "Победителем конкурса стал Павел Рыжий — именно он возглавит министерство промышленности, новых технологий "
        "и природных ресурсов Челябинской области."
    )
    assert any(p == "Павел Рыжий" and role == "roleMinister" for p, role, _ in _posts(text))


def test_a_post_taken_on_a_day_and_a_post_left_after_ot_dolzhnosti():
    """«Имя 28 ноября стал новым заместителем председателя правительства …», «Помимо этого, от должности заместителя
    председателя правительства … освобожден Имя»."""
    found = _posts(
        "Владислав Белорусов 28 ноября стал новым заместителем председателя правительства Тверской области. Помимо "
        "этого, от должности заместителя председателя Правительства Тверской области освобожден Артем Ажгиревич."
    )
    assert ("Владислав Белорусов", "roleDeputyPrimeMinister", "Правительство Тверской области") in found
    assert ("Артем Ажгиревич", "roleDeputyPrimeMinister", "Правительство Тверской области") in found
