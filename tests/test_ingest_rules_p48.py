"""The forty-eighth rule pass: shapes of the ninety-seventh and later held-out sets — a headline's name run on into
the next line's («… Рустам Мингазов\\nВиталий Хоценко, губернатор …»), a post fronted in a clause after «почему» or
«что», a new post fronted with «Новым», a plural role in the genitive before a name in the nominative («на сессии
депутатов Имя, …»), a post taken or held with its time before the verb («Имя, в ноябре этого года занял пост …», «Имя, в
2012 — 2017 году занимавший пост …»), an age between a post and the name («37-летнего Имени», «стал 27-летний Имя»), a vice-premier named with a region's adjective, a quoted medium told after the verb («сказал «Новому Региону»»); and (part 2, the ninety-eighth set's misses) a deputy
governor with a portfolio and no region («первый заместитель губернатора по промышленности … Имя»), «глава фракции»
named again, «ХМАО-Югры» —
each tested on sentences of our own."""

from __future__ import annotations

from conftest import extract_persons, extract_posts


def _posts(text: str) -> set[tuple[str, str | None, str | None]]:
    """(holder, role concept, organisation or else region) of every post the rules find."""
    return {(p, role, org) for p, role, org, _ in extract_posts(text)}


def test_a_name_opening_the_line_after_a_headline_ending_in_a_name():
    """natasha runs the headline's last name on into the next line's: the second name is read on its own, and its
    post after it found."""
    text = (
        "Губернатор Омской области объяснил, почему его первым заместителем стал Рустам Мингазов\n"
        "Виталий Хоценко, губернатор Омской области, рассказал о своем выборе."
    )
    assert "Виталий Хоценко" in extract_persons(text)
    assert ("Виталий Хоценко", "roleGovernor", "Омская область") in _posts(text)


def test_a_post_fronted_in_a_clause_after_pochemu_or_chto():
    """«пояснил, почему первым заместителем председателя правительства … стал Имя», «сообщили, что министром … стал
    Имя»: the clause opens after the conjunction."""
    text = (
        "Губернатор пояснил, почему первым заместителем председателя правительства Омской области стал Рустам Мингазов."
    )
    assert ("Рустам Мингазов", "roleFirstDeputyPrimeMinister", "Правительство Омской области") in _posts(text)
    text = "В пресс-службе сообщили, что министром промышленности Омской области стал Иван Петров."
    assert ("Иван Петров", "roleMinister", "Министерство промышленности Омской области") in _posts(text)


def test_a_new_post_fronted_with_its_adjective():
    """«Новым заместителем губернатора назначен Имя», «Новый пост министра получил Имя»."""
    text = "Новым заместителем губернатора Вологодской области назначен Дмитрий Андреевич Родионов."
    assert ("Дмитрий Андреевич Родионов", "roleDeputyGovernor", "Вологодская область") in _posts(text)


def test_a_plural_role_in_the_genitive_before_a_name_in_the_nominative():
    """«На встрече депутатов Имя рассказал …»: the group's word, not the name's post; «Заявление депутатов Имени и
    Имени2» and «Депутаты Имя и Имя2» still give both the post."""
    assert _posts("На встрече депутатов Иван Петров рассказал о законе.") == set()
    found = _posts("Заявление депутатов Ивана Петрова и Петра Сидорова поддержали.")
    assert {("Иван Петров", "roleDeputy", None), ("Петр Сидоров", "roleDeputy", None)} <= found


def test_a_post_taken_or_held_with_its_time_before_the_verb():
    """«Имя, в ноябре этого года занял пост …», «Имя, в 2012 — 2017 году занимавший пост …»."""
    text = "Его предшественник Юрий Пустовгаров, в ноябре этого года занял пост генерального директора «Вертолетов России»."
    assert ("Юрий Пустовгаров", "roleDirectorGeneral", "Вертолёты России") in _posts(text)
    text = "Иван Петров, в 2012 — 2017 году занимавший пост министра промышленности Омской области, вернулся."
    assert ("Иван Петров", "roleMinister", "Министерство промышленности Омской области") in _posts(text)


def test_an_age_between_the_post_and_the_name():
    """«и. о. руководителя предприятия 37-летнего Имени», «Заместителем губернатора стал 27-летний Имя»."""
    text = (
        'Совет директоров ОАО "Адмиралтейские верфи" принял отставку. Совет назначил и. о. руководителя предприятия '
        "37-летнего Михаила Александрова."
    )
    assert ("Михаил Александров", "roleHead", "ОАО «Адмиралтейские верфи»") in _posts(text)
    text = "Заместителем губернатора Оренбургской области стал 27-летний Игнат Петухов."
    assert ("Игнат Петухов", "roleDeputyGovernor", "Оренбургская область") in _posts(text)


def test_a_vice_premier_with_a_regions_adjective_is_the_regions():
    """«бывший воронежский вице-премьер Имя»: the region's vice-premier, not the country's; a bare «Вице-премьер Имя»
    stays unplaced."""
    found = _posts("Замом директора назначен бывший воронежский вице-премьер Сергей Куприн.")
    assert ("Сергей Куприн", "roleDeputyPrimeMinister", "Воронежская область") in found
    assert _posts("Вице-премьер Андрей Белоусов заявил о планах.") == {
        ("Андрей Белоусов", "roleDeputyPrimeMinister", None)
    }


def test_a_quoted_medium_told_after_the_verb_is_no_organisation():
    """«…, – сказал «Новому Региону» глава …»: the medium told, in the dative after the verb; «рассказал «Уралмашзавод»»
    (a nominative) is a body of the news."""
    from conftest import extract_orgs

    text = "«Министром будет свердловчанин», – сказал «Новому Региону» глава областного кабмина Анатолий Гредин."
    assert not any("Регион" in o and "Правительство" not in o for o in extract_orgs(text))
    assert "Уралмашзавод" in extract_orgs("Об этом рассказал «Уралмашзавод» на встрече с инвесторами.")


def test_a_deputy_governor_with_a_portfolio_and_no_region():
    """«первый заместитель губернатора по промышленности и экономической политике Имя»: the post, its portfolio in
    words, the region unnamed."""
    text = (
        "Заявление сделал первый заместитель губернатора по промышленности и экономической политике Алексей Марченко."
    )
    assert _posts(text) == {("Алексей Марченко", "roleFirstDeputyGovernor", None)}


def test_the_head_of_a_faction_named_before():
    """«законопроект фракции «…»», then «Имя, глава фракции, …»: the faction's head."""
    text = (
        "Госдума одобрила законопроект фракции «СПРАВЕДЛИВАЯ РОССИЯ». Как заметил Сергей Миронов, глава фракции, закон "
        "поддержит производителей."
    )
    assert ("Сергей Миронов", "roleHead", "Фракция «СПРАВЕДЛИВАЯ РОССИЯ»") in _posts(text)


def test_khmao_yugra_hyphenated_is_the_region():
    """«правительством ХМАО-Югры»: the okrug's government, not the country's."""
    from conftest import extract_orgs

    orgs = extract_orgs("Между правительством ХМАО-Югры и Фондом развития промышленности достигнута договоренность.")
    assert "Правительство Ханты-Мансийского автономного округа" in orgs
    assert "Правительство Российской Федерации" not in orgs
