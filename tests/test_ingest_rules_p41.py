"""The forty-first rule pass: shapes of the eighty-first and later held-out sets — a party's faction seated in the
State Duma as a body of its own, a body «во главе с Имя», «Имя, сейчас руководящая региональным Фондом …», an
appointment written as a noun whose post ends before the verb of the sentence, a participle's clause about the
appointee between the name and the post; then (part 2) a bare «компании» that is not the parent in brackets, a zone's
managing company, a quoted name in the genitive, a foreign ministry in lower case, a plant's chief engineer, a board
deciding «избрать», «тоже» before a post, an adverb before «назначили», «…, и» closing an apposition, a post fronted
after a time before «работал» — each tested on sentences of our own."""

from __future__ import annotations

from conftest import extract_orgs, extract_posts


def _posts(text: str) -> set[tuple[str, str | None, str | None]]:
    """(holder, role concept, organisation or region) of every post the rules find."""
    return {(p, role, org) for p, role, org, _ in extract_posts(text)}


def test_a_faction_seated_in_the_duma_is_a_body_of_its_own():
    """«фракции ЛДПР в Государственной Думе», «фракции КПРФ в Госдуме»: the faction of a party named by its initials,
    its posts in it; the party and the Duma stay organisations; a press office's line names no faction."""
    text = (
        "Парламентарии обсудили станкостроение. Руководитель фракции ЛДПР в Государственной Думе Борис Ветров выступил "
        "первым. Депутат фракции КПРФ в Госдуме Инна Крылова его поддержала."
    )
    orgs = extract_orgs(text)
    assert {"Фракция ЛДПР в Государственной Думе", "Фракция КПРФ в Государственной Думе", "ЛДПР"} <= set(orgs)
    posts = _posts(text)
    assert ("Борис Ветров", "roleHead", "Фракция ЛДПР в Государственной Думе") in posts
    assert ("Инна Крылова", "roleDeputy", "Фракция КПРФ в Государственной Думе") in posts
    orgs = extract_orgs("Новости фракции\nПресс-служба фракции КПРФ в Госдуме\nДепутаты обсудили закон.")
    assert "Фракция КПРФ в Государственной Думе" not in orgs


def test_a_body_led_by_a_person():
    """«представители фракции … во главе с Имя»: the head of the body named right before; a delegation «во главе с»
    someone is the delegation's head, not the ministry's."""
    text = (
        "Встреча прошла в министерстве. На нее пришли представители фракции ЛДПР в Государственной Думе во главе с "
        "Б.Н. Соколовым. Делегация Минпромторга во главе с Олегом Зуевым прибыла позже."
    )
    posts = _posts(text)
    assert ("Б. Н. Соколов", "roleHead", "Фракция ЛДПР в Государственной Думе") in posts
    assert not any(p == "Олег Зуев" for p, _, _ in posts)


def test_heading_a_regional_fund_named_after_its_level():
    """«Имя, сейчас руководящая региональным Фондом …»: the fund's head (its name begins after «региональным»)."""
    text = (
        "Губернатор Тамбовской области объявил о перестановках. Министром станет Вера Осипова, сейчас руководящая "
        "региональным Фондом развития промышленности."
    )
    assert ("Вера Осипова", "roleHead", "Фонд развития промышленности Тамбовской области") in _posts(text)


def test_an_appointment_whose_post_ends_before_the_verb():
    """«Указ о назначении Имени министром … подписал губернатор …»: the post stops before «подписал»; with a
    participle's clause about the appointee between the name and the post, the post after the clause."""
    text = (
        "Указ о назначении Ильи Фомина министром промышленности и науки подписал губернатор Пензенской области Олег "
        "Белов."
    )
    assert ("Илья Фомин", "roleMinister", "Министерство промышленности и науки Пензенской области") in _posts(text)
    text = (
        "Указ о назначении Ильи Фомина, прежде работавшего помощником генерального директора АО «Пензмаш», министром "
        "промышленности и науки подписал губернатор Пензенской области Олег Белов."
    )
    posts = _posts(text)
    assert ("Илья Фомин", "roleMinister", "Министерство промышленности и науки Пензенской области") in posts
    assert not any(p == "Илья Фомин" and org == "АО «Пензмаш»" for p, _, org in posts)


# Part 2: the eighty-third and eighty-fourth held-out sets' misses.


def test_a_bare_company_is_not_the_parent_named_in_brackets():
    """«со стороны ОАО "…" (входит в ОАО "…") - генеральный директор компании Имя»: the company, not its parent."""
    text = (
        'Контракт подписали: со стороны ОАО "Звезда-Авиа" (входит в ОАО "Глававиа") - генеральный директор компании '
        "Олег Ветров."
    )
    assert ("Олег Ветров", "roleDirectorGeneral", "ОАО «Звезда-Авиа»") in _posts(text)


def test_a_zones_managing_company_is_a_company_of_its_own():
    """«генеральный директор управляющей компании "…"» in an article on the zone «…»: the managing company."""
    text = (
        'Особая экономическая зона "Медная гора" откроет офис в Москве. Об этом рассказал генеральный директор '
        'управляющей компании "Медная гора" Павел Зуев.'
    )
    orgs = extract_orgs(text)
    assert {"Управляющая компания «Медная гора»", "Особая экономическая зона «Медная гора»"} <= set(orgs)
    assert ("Павел Зуев", "roleDirectorGeneral", "Управляющая компания «Медная гора»") in _posts(text)


def test_a_companys_quoted_name_in_the_genitive_is_the_company():
    """«глава «Ястреба»» after «ПАО «Ястреб»»: one organisation."""
    orgs = extract_orgs("Решением совета ПАО «Ястреб» сменило директора. Прежний глава «Ястреба» ушел в отставку.")
    assert "ПАО «Ястреб»" in orgs and "«Ястреба»" not in orgs


def test_a_foreign_ministry_in_lower_case():
    """«министерство коммерции Китая»: the country's ministry; a Russian region's keeps its region's name."""
    orgs = extract_orgs("Проект одобрили министерство коммерции Китая и министерство торговли Индии.")
    assert {"Министерство коммерции Китая", "Министерство торговли Индии"} <= set(orgs)


def test_a_plants_chief_engineer_and_a_board_deciding_to_elect():
    """«главному инженеру завода Имени»: the plant's chief engineer; «решено избрать Имени временно исполняющим
    обязанности генерального директора общества начиная со 2 сентября»: the company's acting director general."""
    text = (
        "Обязанности генерального директора АО «Кедр» переданы главному инженеру завода Олегу Ткачеву. Совет решил "
        "избрать Ткачева Олега Игоревича временно исполняющим обязанности генерального директора общества начиная со "
        "2 сентября 2025 года."
    )
    posts = extract_posts(text)
    roles = {(role, org) for p, role, org, _ in posts if p.endswith("Ткачев")}
    assert ("roleChiefEngineer", "АО «Кедр»") in roles
    assert ("roleDirectorGeneral", "АО «Кедр»") in roles


def test_also_before_a_post_and_an_adverb_before_the_appointing_verb():
    """«к Имени, тоже заместителю губернатора»; «Имени вполне ожидаемо назначили исполняющим обязанности министра …»."""
    text = "Его дела перейдут к Роману Белову, тоже заместителю губернатора Тульской области."
    assert ("Роман Белов", "roleDeputyGovernor", "Тульская область") in _posts(text)
    text = "Ожидаемо, что Инну Лапину вполне ожидаемо назначили исполняющим обязанности министра экономики Тувы."
    assert any(p == "Инна Лапина" and role == "roleActingMinister" for p, role, _ in _posts(text))


def test_a_comma_and_and_close_the_first_names_apposition():
    """«Имя, зампред комитета …, и член комитета … Имя2»: the first post is the first name's."""
    text = (
        "Приехали Роман Белов, зампред комитета Совета Федерации по бюджету, и член комитета Совета Федерации по "
        "обороне Инна Лапина."
    )
    posts = _posts(text)
    assert ("Роман Белов", "roleDeputyChair", "Комитет Совета Федерации по бюджету") in posts
    assert not any(p == "Инна Лапина" and role == "roleDeputyChair" for p, role, _ in posts)


def test_a_post_fronted_after_a_time_before_worked():
    """«С августа текущего года первым заместителем руководителя департамента работал Имя»: the department named
    before."""
    text = (
        "Департамент промышленности Курганской области перестраивают. С августа текущего года первым заместителем "
        "руководителя департамента работал Роман Белов."
    )
    assert ("Роман Белов", "roleFirstDeputyHead", "Департамент промышленности Курганской области") in _posts(text)


def test_the_scorer_reads_a_law_numbered_after_its_kind_and_a_regions_body_in_full():
    """«ФЗ-44» is the law 44-ФЗ; «Департамент … Курганской области» is the gold's «Департамент …» in its region."""
    from server.ingest import quality

    assert quality.act_number("ФЗ-44") == quality.act_number("44-ФЗ")
    gold = quality.company_forms("Департамент промышленности, транспорта, связи и энергетики")
    assert quality._regions_body(
        quality.forms("Департамент промышленности, транспорта, связи и энергетики Курганской области"), gold
    )
