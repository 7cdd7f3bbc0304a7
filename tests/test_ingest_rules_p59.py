"""The fifty-ninth rule pass: shapes of the hundred-and-nineteenth and hundred-and-twentieth held-out sets (names in
capitals, bodies that are no bodies, a chief named after his deputies), each tested on sentences of our own."""

from __future__ import annotations

from conftest import extract_orgs, extract_persons, extract_posts


def _posts(text: str) -> set[tuple[str, str | None, str | None]]:
    return {(p, role, org) for p, role, org, _ in extract_posts(text)}


def test_a_name_in_capitals_is_a_person_not_a_body():
    """«корреспонденту … ОЛЬГЕ КУЗНЕЦОВОЙ объяснил …», «министра ДРОФА»: persons; no body named by the surname."""
    text = "Планы на год корреспонденту РБК daily АННЕ КУЗНЕЦОВОЙ объяснил генеральный директор УК «ОЭЗ» ОЛЕГ КОСТИН."
    persons = extract_persons(text)
    assert "Олег Костин" in persons and any(p.lower().startswith("ан") and "кузнецов" in p.lower() for p in persons)
    assert not any("КУЗНЕЦОВ" in label or "КОСТИН" in label for label in extract_orgs(text))
    text = "Губернатор назначил Николая ГРАЧА министром. Первым заместителем министра ГРАЧ стал в 2018 году."
    assert "ГРАЧ" not in extract_orgs(text)


def test_a_chief_named_after_his_deputies():
    """«среди заместителей премьер-министра Имени»: the name is the premier's; «заместителей министра Имени и Имени2»
    and «Заместители министра Имя и Имя2» are the deputies."""
    found = _posts("Среди заместителей премьер-министра Михаила Мишустина появилась новая должность.")
    assert ("Михаил Мишустин", "rolePrimeMinister", None) in found
    assert not any(role == "roleDeputyPrimeMinister" for _, role, _ in found)
    found = _posts("Встреча заместителей министра Ивана Петрова и Олега Сидорова прошла вчера.")
    assert {("Иван Петров", "roleDeputyMinister", None), ("Олег Сидоров", "roleDeputyMinister", None)} <= found


def test_no_ministry_of_a_government_nor_a_foreign_minister_made_regional():
    """«основных министров правительства Карелии»: no «Министерство правительства»; «Министр иностранных дел,
    вице-канцлер Германии» in an article on the Kuban: not the krai's ministry."""
    orgs = extract_orgs(
        "Депутаты одобрили претендентов на посты премьер-министра и основных министров правительства Карелии."
    )
    assert not any(label.startswith("Министерство правительства") for label in orgs)
    orgs = extract_orgs(
        "Министр иностранных дел, вице-канцлер Германии Зигмар Габриэль посетил Краснодар. Губернатор Кубани Вениамин "
        "Кондратьев встретил гостя."
    )
    assert "Министерство иностранных дел Краснодарского края" not in orgs


def test_titles_and_words_that_name_no_body():
    """«Экс-вице-мэр областного центра возглавил …», «Специальная комиссия одобрила …», «Уставной капитал
    "…"», «главы ОЭЗ А.Барышев», «на своей странице ВК»: no bodies of their own."""
    orgs = extract_orgs("Экс-вице-мэр областного центра возглавил ОЭЗ «Липецк»\n\nИван Кошелев стал гендиректором.")
    assert not any(label.lower().startswith("экс") for label in orgs)
    orgs = extract_orgs("Специальная комиссия одобрила открытие технопарка, сообщили в мэрии.")
    assert "Специальная комиссия" not in orgs
    orgs = extract_orgs('Уставной капитал "Объединенной авиастроительной корпорации" будет сокращен.')
    assert set(orgs) == {"Объединённая авиастроительная корпорация"}
    orgs = extract_orgs("По информации пресс-службы, к обязанностям главы ОЭЗ А.Барышев приступил в пятницу.")
    assert not any("Барышев" in label for label in orgs)
    assert "ВК" not in extract_orgs("Новость на своей странице ВК сообщил глава региона Александр Авдеев.")


def test_the_measure_keeps_a_regions_government_head_and_spells_out_a_field():
    """The measure: «глава» of the country's government is the premier, of a republic's its head; «ЖКХ» is
    «жилищно-коммунального хозяйства»."""
    from server.ingest.quality import canonical_role, norm

    assert canonical_role("глава", ["Правительство РФ"]) == "premier"
    assert canonical_role("глава", ["Правительство Республики Коми"]) == "head"
    assert norm("Министерство энергетики и жилищно-коммунального хозяйства") == norm("Министерство энергетики и ЖКХ")
