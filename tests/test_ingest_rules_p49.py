"""The forty-ninth rule pass: shapes left over from the ninety-fifth to ninety-eighth held-out sets (now development
sets) — a post given by «получил назначение» or «получил пост», a post given to a pronoun or to «чиновник» after
«доверен пост», «занимал пост» (its bare «правительства» the region's), a post given by a plain dash after an adverb of
time («Пока же и. о. генерального директора компании - Имя»), a role joined to a party member's word by a hyphen
(«депутаты-коммунисты Имя»), a ministry's short name marked federal («согласовывали с федеральным Минпромом») beside the
region's ministry of the same short name; and (part 1, the ninety-ninth set's misses) a post between two names, a zone
named again by its kind, a deputy's portfolio after a quoted company, «возглавлявший предприятие», «станет исполнять
обязанности», a cluster's closing abbreviation, a quoted company in apposition, a former name in brackets, a zone's
managing company, two years no change; and (part 2, the hundredth set's misses) a credit glued to the paragraph, a
superlative's stem, «который» before a body, an oblast named by a lower-case adjective, an ordinal task, names in Latin
letters, a fund created in the region told after its name, a body fronted before an adverb and «возглавит» — each tested
on sentences of our own."""

from __future__ import annotations

from conftest import extract_orgs, extract_posts


def _posts(text: str) -> set[tuple[str, str | None, str | None]]:
    """(holder, role concept, organisation or else region) of every post the rules find."""
    return {(p, role, org) for p, role, org, _ in extract_posts(text)}


def test_a_post_received_as_an_appointment():
    """«Имя получил назначение (на должность) врио губернатора …», «Имя получил пост министра …»."""
    text = "Алексей Смирнов получил назначение врио губернатора Курской области."
    assert ("Алексей Смирнов", "roleActingGovernor", "Курская область") in _posts(text)
    text = "Иван Петров получил пост министра промышленности Омской области."
    assert ("Иван Петров", "roleMinister", "Министерство промышленности Омской области") in _posts(text)


def test_a_post_entrusted_to_a_pronoun_or_held_by_the_official():
    """«Ему доверен пост министра …», «Одновременно чиновник занимал пост заместителя министра …»: the person named
    last before it."""
    text = (
        "Виктор Ляхов вернулся в Екатеринбург. Ему доверен пост министра промышленности и науки Свердловской области."
    )
    assert (
        "Виктор Ляхов",
        "roleMinister",
        "Министерство промышленности и науки Свердловской области",
    ) in _posts(text)
    text = (
        "Василий Осьмаков работал в правительстве. Одновременно чиновник занимал пост заместителя министра "
        "промышленности и торговли."
    )
    assert (
        "Василий Осьмаков",
        "roleDeputyMinister",
        "Министерство промышленности и торговли Российской Федерации",
    ) in _posts(text)


def test_a_post_given_by_a_plain_dash_after_an_adverb_of_time():
    """«Пока же и. о. генерального директора «…» - Имя»: a copula dash after an adverb opening the sentence, a hyphen
    or an en dash as well as an em dash; an acting post keeps its acting."""
    for dash in ("-", "–", "—"):
        text = f"Пока же и. о. генерального директора «Уралвагонзавода» {dash} Андрей Зверев."
        assert ("Андрей Зверев", "roleDirectorGeneral", "АО «НПК «Уралвагонзавод»") in _posts(text)
    text = "Сейчас исполняющий обязанности генерального директора «Уралвагонзавода» – Андрей Зверев."
    assert ("Андрей Зверев", "roleDirectorGeneral", "АО «НПК «Уралвагонзавод»") in _posts(text)


def test_a_role_joined_to_a_party_members_word():
    """«депутаты-коммунисты Имя и Имя2», «депутат-единоросс Имя»: the role before the hyphen is each name's."""
    found = _posts("Законопроект внесли депутаты-коммунисты Николай Коломейцев и Алексей Куринный.")
    assert {("Николай Коломейцев", "roleDeputy", None), ("Алексей Куринный", "roleDeputy", None)} <= found
    assert ("Иван Петров", "roleDeputy", None) in _posts("Депутат-единоросс Иван Петров выступил.")


def test_a_ministrys_short_name_marked_federal():
    """«федеральный Минпром» is the federal ministry, also where the article calls the region's ministry «Минпром»
    («нижегородского Минпрома»), which keeps its own short name."""
    orgs = extract_orgs("Федеральный Минпром поддержал проект.")
    assert "Министерство промышленности и торговли Российской Федерации" in orgs
    orgs = extract_orgs(
        "Иван Петров снова назначен руководителем нижегородского Минпрома\n\n"
        "Пост остался за Иваном Петровым, исполнявшим обязанности министра промышленности, торговли и "
        "предпринимательства Нижегородской области. Его кандидатуру согласовывали с федеральным Минпромом."
    )
    assert "Министерство промышленности и торговли Российской Федерации" in orgs
    regional = "Министерство промышленности, торговли и предпринимательства Нижегородской области"
    assert regional in orgs and "Минпром" in orgs[regional]
    assert "Минпром" not in orgs


def test_a_bare_government_in_a_post_given_to_a_pronoun():
    """«в ДНР он занимал пост первого заместителя председателя правительства»: the government of the region its
    sentence names; «Одновременно чиновник занимал пост зампредседателя правительства» in an article naming one
    region's government: that government, not the federal one."""
    text = (
        "Рустам Мингазов приехал в Омск. Знакомы мы давно, а в ДНР он занимал пост первого заместителя "
        "председателя правительства."
    )
    assert ("Рустам Мингазов", "roleFirstDeputyPrimeMinister", "Донецкая Народная Республика") in _posts(text)
    text = (
        "Как сообщает пресс-служба правительства Кемеровской области, Леонид Старосвет больше не руководит "
        "Минпромторгом Кемеровской области. Одновременно чиновник занимал пост зампредседателя правительства."
    )
    found = _posts(text)
    assert ("Леонид Старосвет", "roleDeputyPrimeMinister", "Правительство Кемеровской области") in found
    assert not any(org == "Правительство Российской Федерации" for _, _, org in found)


def test_an_appointment_received_in_a_participles_clause():
    """«Имя, получивший назначение на пост председателя правительства …»."""
    text = "С нее ушел Андрей Панов, получивший назначение на пост председателя правительства Кемеровской области."
    assert ("Андрей Панов", "rolePrimeMinister", "Правительство Кемеровской области") in _posts(text)


# part 1: the ninety-ninth held-out set's misses


def test_a_post_between_a_name_and_the_next_name_is_the_next_ones():
    """«глава ММП им. Чернышева Имя, гендиректор "…" Имя2 и …»: the post before the second name is not the first
    name's apposition."""
    text = (
        "Из них в холдинге трудятся трое: глава ММП им. Чернышева Александр Новиков, гендиректор "
        '"Сатурн - газовые турбины" Игорь Юдин и заместитель гендиректора ОДК Михаил Зильберштейн.'
    )
    found = _posts(text)
    assert not any(p == "Александр Новиков" and role == "roleDirectorGeneral" for p, role, _ in found)
    assert ("Михаил Зильберштейн", "roleDeputyDirector", "Объединённая двигателестроительная корпорация") in found


def test_a_special_economic_zone_named_again_by_its_kind():
    """«генеральный директор особой экономической зоны Имя» after «ОЭЗ «Алабуга»»: that zone."""
    text = (
        "Руководство ОЭЗ «Алабуга» намерено привлечь резидентов, сообщил генеральный директор особой "
        "экономической зоны Тимур Шагивалеев."
    )
    assert ("Тимур Шагивалеев", "roleDirectorGeneral", "ОЭЗ «Алабуга»") in _posts(text)


def test_a_deputys_portfolio_after_the_quoted_company_then_a_second_post():
    """«Имя — заместитель генерального директора АО «ОДК» по … программам и генеральный директор ООО «…»»: both
    posts, the portfolio after the company's name no end of the chain."""
    text = (
        "Коллективу его представил Сергей Михайлов — заместитель генерального директора АО «ОДК» по "
        "энергетическим и промышленным программам и генеральный директор ООО «ОДК Инжиниринг»."
    )
    found = _posts(text)
    assert ("Сергей Михайлов", "roleDeputyDirector", "Объединённая двигателестроительная корпорация") in found
    assert ("Сергей Михайлов", "roleDirectorGeneral", "ООО «ОДК Инжиниринг»") in found


def test_a_clusters_name_closing_with_an_abbreviation():
    """«Кластер комплексного сопровождения и реабилитации участников СВО»: the abbreviation is part of the name."""
    orgs = extract_orgs("В Ленобласти создан Кластер комплексного сопровождения и реабилитации участников СВО.")
    assert "Кластер комплексного сопровождения и реабилитации участников СВО" in orgs


def test_a_post_headed_named_by_its_kind_after_the_verb():
    """«Имя, возглавлявший предприятие прежде, …», «Имя руководил компанией с 2010 года»: the organisation of that
    kind named before."""
    text = (
        'В среду коллективу представили нового генерального директора ФГУП "ЦКБ "Рубин" Владимира Здорнова. '
        "Игорь Спасский, возглавлявший предприятие прежде, остается в компании."
    )
    assert ("Игорь Спасский", "roleHead", "ФГУП «ЦКБ «Рубин»»") in _posts(text)
    text = "Компания «Вектор» сменила директора. Иван Петров руководил компанией с 2010 года."
    assert ("Иван Петров", "roleHead", "«Вектор»") in _posts(text)


def test_a_post_whose_duties_someone_will_perform():
    """«Имя станет исполнять обязанности первого заместителя генерального директора …»: an acting post."""
    found = extract_posts(
        "Игорь Спасский станет исполнять обязанности первого заместителя генерального директора ЦКБ «Рубин»."
    )
    assert any(p == "Игорь Спасский" and role == "roleFirstDeputyDirector" for p, role, _, _ in found)


def test_a_quoted_name_with_a_company_in_apposition():
    """«оформила «Элимет» – подольская компания, которая …»: the quoted name is a company."""
    orgs = extract_orgs("Промышленную ипотеку оформила «Элимет» – подольская компания, которая выпускает фурнитуру.")
    assert "«Элимет»" in orgs


def test_years_are_no_change_for_the_learned_reader_either():
    """«электромобили – с 2022 года … концепции … до 2030 года»: a period, not a value that changed."""
    from conftest import extract_text

    text = (
        "Программы льготного лизинга Минпромторг с 2022 года откроет для электрокаров.\n"
        "Проект будут вести в русле концепции развития электротранспорта до 2030 года."
    )
    assert not any(c.unit == "year" for c in extract_text(text).changes)


def test_a_zones_managing_company_with_the_zones_abbreviation_in_brackets():
    """«управляющей компании особой экономической зоны (ОЭЗ) «Моглино»»: the managing company, not the zone."""
    orgs = extract_orgs("На рассмотрении у управляющей компании особой экономической зоны (ОЭЗ) «Моглино» семь заявок.")
    assert "Управляющая компания особой экономической зоны «Моглино»" in orgs


def test_a_former_name_in_brackets_is_the_same_company():
    """«обратилась «Эл 6» (прежде — группа ЭПМ), …» after «Эл 6» was named: one company, its former name another
    label."""
    orgs = extract_orgs(
        "«Эл 6» — единственная компания, которая выпускает электроды. С заявлением обратилась «Эл 6» (прежде — группа "
        "ЭПМ), производитель электродов."
    )
    assert "«Эл 6»" in orgs and "Группа ЭПМ" in orgs["«Эл 6»"]
    assert "Группа ЭПМ" not in orgs


# part 2: the hundredth held-out set's misses


def test_a_photo_credit_by_address_with_the_paragraph_run_on():
    """«Фото: t.me/OO200let Производство … заявил … губернатор Омской области Имя.»: the credit is the address only,
    the rest of the line is the article's."""
    from conftest import extract_text

    text = (
        "Омская область рассчитывает на миллиард\n\n"
        "Фото: t.me/OO200let Производство беспилотников в Омской области намерены развивать, заявил в ежегодном "
        "послании губернатор Омской области Виталий Хоценко.\n"
    )
    result = extract_text(text)
    assert "Виталий Хоценко" in [p.label_ru for p in result.persons]


def test_a_superlative_keeps_its_own_stem_in_the_nominative():
    """«расширенное заседание Высшего горного совета»: «Высший горный совет», not the dictionary's «Высочайший»."""
    from server.ingest.inflect import inflect_phrase

    assert inflect_phrase("Высшего горного совета", "nomn") == "Высший горный совет"
    assert inflect_phrase("Высшей школы экономики", "nomn") == "Высшая школа экономики"
    assert inflect_phrase("крупнейшего завода", "nomn") == "крупнейший завод"


def test_a_relative_pronoun_is_no_part_of_a_bodys_name():
    """«Законопроект, который Комиссия правительства РФ по законопроектной деятельности уже поддержала»."""
    orgs = extract_orgs(
        "Законопроект, который Комиссия правительства РФ по законопроектной деятельности уже поддержала, дорабатывают."
    )
    assert not any(label.lower().startswith("котор") for label in orgs)
    assert any(label.startswith("Комиссия Правительства") for label in orgs)


def test_a_bare_oblast_named_only_by_a_lower_case_adjective():
    """«Новые назначения в воронежском облправительстве … в правительстве области»: Voronezh oblast's government."""
    orgs = extract_orgs(
        "Новые назначения в воронежском облправительстве. Губернатор подписал указы о назначениях в правительстве "
        "области."
    )
    assert "Правительство Воронежской области" in orgs
    assert "Правительство региона" not in orgs
    assert "Правительство региона" in extract_orgs(
        "В российской экономике рост. Губернатор подписал указы о назначениях в правительстве области."
    )


def test_an_ordinal_task_is_no_body():
    """«Первой задачей комитета Елин назвал …»: the committee's task."""
    assert not any("задача" in label.lower() for label in extract_orgs("Первой задачей комитета Елин назвал экспорт."))


def test_names_in_latin_letters_beside_a_company_or_after_its_kind():
    """«поддержали GS Group и Fplus», «российский производитель информационных технологий Yadro», «Компания Yadro»."""
    assert {"GS Group", "Fplus"} <= set(extract_orgs("Предложение уже поддержали GS Group и Fplus."))
    assert "Yadro" in extract_orgs("Российский производитель информационных технологий Yadro видит стимул.")
    assert "Yadro" in extract_orgs("Компания Yadro видит стимул.")


def test_a_fund_created_in_the_region_told_after_its_name():
    """«Фонд развития промышленности в регионе мы создали в этом году, — сказал врио замгубернатора Новосибирской
    области»: the region's fund; «федеральный Фонд развития промышленности» stays the federal one."""
    orgs = extract_orgs(
        "— Фонд развития промышленности в регионе мы создали в этом году, — сказал врио замгубернатора Новосибирской "
        "области Сергей Семка. Условия займов почти не будут отличаться от тех, что дает федеральный Фонд развития "
        "промышленности."
    )
    assert "Фонд развития промышленности Новосибирской области" in orgs
    assert "Фонд развития промышленности" in orgs


def test_a_body_fronted_before_an_adverb_and_its_heads_verb():
    """«Министерство строительства и ЖКХ региона снова возглавит Имя»: its minister."""
    text = "В Калужской области перемены. Министерство строительства и ЖКХ региона снова возглавит Вячеслав Лежнин."
    assert ("Вячеслав Лежнин", "roleMinister", "Министерство строительства и ЖКХ Калужской области") in _posts(text)


def test_the_oblasts_cabinet_where_the_oblast_is_named_by_a_lower_case_adjective():
    """«свердловский губернатор … регионального правительства … областного кабмина»: one government, Sverdlovsk
    oblast's."""
    orgs = extract_orgs(
        "Указ подписал свердловский губернатор. Петров назначен заместителем председателя регионального "
        "правительства. Прежде главой областного кабмина был Анатолий Гредин."
    )
    assert "Правительство Свердловской области" in orgs
    assert "Правительство региона" not in orgs
