"""The thirty-seventh rule pass: shapes of the sixty-fourth and sixty-fifth held-out sets — a committee of a regional
duma named with its owner, the lower and upper chambers by the press's names, a quoted sentence opening with a body,
the medium a report cites mid-sentence, kopecks and cents in changes — each tested on sentences of our own."""

from __future__ import annotations

from decimal import Decimal

from conftest import extract_orgs, extract_persons, extract_post_roles, extract_posts, extract_text

from server.ingest import money, quality


def _posts(text: str) -> set[tuple[str, str | None, str | None]]:
    """(holder, role concept, organisation or region) of every post the rules find."""
    return {(p, role, org) for p, role, org, _ in extract_posts(text)}


def test_a_committee_of_a_regional_duma_named_after_it_is_its_owner():
    """«комитета по … Тверской областной думы»: the region's adjective reads as a locative first; the duma is the
    committee's owner all the same."""
    text = "Члены комитета по бюджету, налогам и собственности Тверской областной думы одобрили поправки к закону."
    assert "Комитет по бюджету, налогам и собственности Тверской областной думы" in extract_orgs(text)


def test_a_committee_complement_stopping_inside_the_duma_takes_the_duma_whole():
    """«… предпринимательству областной Думы»: the complement took «областной», the duma's first word; the committee
    is the region's duma's, labelled with its full name and also as written."""
    text = (
        "В Курской области обсудили поправки. Заседание комитета по промышленности и предпринимательству областной "
        "Думы прошло во вторник."
    )
    orgs = extract_orgs(text)
    label = "Комитет по промышленности и предпринимательству Курской областной Думы"
    assert label in orgs
    assert "Комитет по промышленности и предпринимательству областной Думы" in orgs[label]
    assert not any(o.endswith("областной") for o in orgs)


def test_the_regional_zaksobranie_is_the_regions_own_legislature():
    """«регионального заксобрания» of a region whose legislature is a Duma is that Duma, not a second body."""
    text = (
        "Законопроект поддержала Волгоградская областная дума в первом чтении. Автор — вице-спикер регионального "
        "заксобрания Петр Лунин."
    )
    orgs = extract_orgs(text)
    assert "Законодательное Собрание Волгоградской области" not in orgs
    assert any(o.lower() == "волгоградская областная дума" for o in orgs)


def test_the_lower_chamber_is_the_state_duma_and_its_speaker_its_chair():
    text = (
        "Спикер нижней палаты Игорь Морозов провел встречу с промышленниками. Позже зампред нижней палаты Олег "
        "Фомин рассказал о законопроекте. Верхняя палата рассмотрит его в мае."
    )
    posts = _posts(text)
    assert ("Игорь Морозов", "roleChair", "Государственная Дума") in posts
    assert ("Олег Фомин", "roleDeputyChair", "Государственная Дума") in posts
    assert "Совет Федерации" in " ".join(extract_orgs(text))


def test_a_quoted_sentence_opening_with_a_body_keeps_the_body():
    """«Правительство РФ и дальше …»: not the start of a longer quoted name (as «Фонд развития промышленности и …»
    is): the quote goes on as a sentence, with a verb."""
    text = "«Правительство РФ и дальше поддерживает экспортеров», — написала Анна Котова в своем канале."
    assert "Правительство Российской Федерации" in extract_orgs(text)
    quoted = "Заем выдал «Фонд развития промышленности и поддержки предпринимательства Орловской области»."
    assert "Правительство Российской Федерации" not in extract_orgs(quoted)


def test_a_medium_cited_mid_sentence_is_no_organisation():
    text = (
        "Как ранее сообщала РСН со ссылкой на мэрию, завод получит льготу. Кроме того, как пишет "
        '"Тверской вестник", "Термаш" наладит выпуск котлов.'
    )
    orgs = extract_orgs(text)
    assert "РСН" not in orgs and "Тверской вестник" not in orgs


def test_a_plural_noun_opening_a_sentence_names_no_body():
    text = "Прогнозы роста промышленного производства Курской области у министерства и депутатов расходятся."
    assert not any(o.startswith("Прогноз") for o in extract_orgs(text))


def test_a_capitalised_strategy_inside_a_councils_name_and_a_latin_letter():
    """«по вопросам реализации Cтратегии …» with a Latin «C»: the plan's word is part of the council's name, and the
    label is written in Russian letters."""
    text = (
        "Вчера заседал Экспертный совет по вопросам реализации Cтратегии социально-экономического развития "
        "Липецкой области. Решения приняты."
    )
    assert any(
        o.startswith("Экспертный совет по вопросам реализации Стратегии социально-экономического развития")
        for o in extract_orgs(text)
    )


def test_a_region_abbreviation_in_a_bodys_name_stays_among_its_names():
    text = (
        "Совещание в кабмине РТ провел президент Татарстана. Об итогах рассказала глава агентства инвестиционного "
        "развития РТ "
        "Алина Закирова."
    )
    orgs = extract_orgs(text)
    assert "Агентство инвестиционного развития РТ" in orgs["Агентство инвестиционного развития Республики Татарстан"]


def test_an_abbreviation_of_a_complex_and_a_quoted_tail_of_a_company_are_no_bodies():
    text = (
        "Самый крупный проект — многофункциональный комплекс (МФК), его строит ООО «Волга Сити Парк». "
        "В «Сити Парке» будут проводить концерты. МФК откроют в 2027 году."
    )
    orgs = extract_orgs(text)
    assert "МФК" not in orgs
    assert not any("Сити Парке" in o for o in orgs)
    assert any("Волга Сити Парк" in o for o in orgs)


def test_kopecks_and_cents_are_hundredths_in_changes_and_amounts():
    changes = money.changes("Тариф для заводов вырос с 9 до 15,8 копеек за киловатт-час.")
    assert [(c.from_value, c.to_value, c.currency) for c in changes] == [(Decimal("0.09"), Decimal("0.158"), "RUB")]
    amounts = money.amounts("Для экспортеров цена составит 1,05 цента за киловатт-час, в центре города — иная.")
    assert [(a.value, a.currency) for a in amounts] == [(Decimal("0.0105"), "USD")]


def test_one_acting_post_written_two_ways():
    """«врио заместителя губернатора» (gold) and «временно исполняющий обязанности заместителя губернатора»
    (a draft) are one role."""
    assert quality.canonical_role("врио заместителя губернатора") == quality.canonical_role(
        "временно исполняющий обязанности заместителя губернатора"
    )
    assert quality.canonical_role("и.о. министра") == quality.canonical_role("врио министра") == "acting-minister"


def test_the_envoy_after_pri_is_the_name_after_him():
    """«совета при полномочном представителе президента в … Имя»: a role after «при» is no post of the name after it
    only when it is the host's own (the President's); the envoy is named there."""
    text = (
        "Об этом рассказал губернатор Амурской области Павел Гусев на заседании совета при полномочном "
        "представителе президента в Дальневосточном федеральном округе Юрии Трутневе."
    )
    assert any(p == "Юрий Трутнев" and role == "roleEnvoy" for p, role, _, _ in extract_posts(text))


def test_the_head_of_a_delegation_of_the_duma_heads_no_duma():
    """«делегации Госдумы, которую возглавлял председатель комитета по обороне Имя»: he heads the delegation, and the
    committee without an owner of its own is the Duma's, the one chamber of the sentence."""
    text = (
        "Губернатор встретился с делегацией Государственной Думы, которую возглавлял председатель комитета по "
        "обороне Олег Кравцов."
    )
    posts = _posts(text)
    assert ("Олег Кравцов", "roleHead", "Государственная Дума") not in posts
    assert ("Олег Кравцов", "roleChair", "Комитет Государственной Думы по обороне") in posts


def test_a_committee_of_the_federation_council_of_the_country():
    text = "Город посетила делегация Комитета Совета Федерации РФ по обороне и безопасности."
    assert "Комитет Совета Федерации РФ по обороне и безопасности" in extract_orgs(text)


def test_a_works_kind_by_its_abbreviation_before_a_quoted_name():
    text = 'Сенаторы побывали на ПО «Восход», а на ПК "Сибтрактор" начали выпуск бульдозеров.'
    orgs = extract_orgs(text)
    assert "ПО «Восход»" in orgs and "ПК «Сибтрактор»" in orgs


def test_a_works_and_its_brand_in_latin_letters_are_one_works():
    text = "С конвейера Калужского автомобильного завода LUMEN сошла стотысячная машина."
    orgs = extract_orgs(text)
    assert "Калужский автомобильный завод LUMEN" in orgs and "LUMEN" not in orgs


def test_a_bare_governor_after_a_sentence_naming_him_as_its_subject():
    """Two persons without posts; the sentence before the bare «Губернатор …» names one in the nominative (its
    speaker) and the other in the genitive: the governor is the speaker."""
    text = (
        "О новых заводах в Омской области рассказал Виталий Хоценко во время визита Дениса Мантурова.\n\n"
        "Губернатор показал гостю площадку будущего завода."
    )
    assert ("Виталий Хоценко", "roleGovernor", "Омская область") in _posts(text)


def test_an_agencys_byline_with_a_dash_names_no_person():
    """«НИА "Нижний Новгород" - Алёна Вдовиченко» under the headline and the photo credit: the author's line."""
    text = (
        "Курский фонд изучает заявки на 200 млн рублей\n"
        'Фото: ИА "Курск"\n'
        'ИА "Курск" - Ольга Петрова\n'
        "Фонд развития промышленности Курской области рассматривает заявки. Об этом сообщил министр Иван Лавров."
    )
    assert extract_persons(text) == ["Иван Лавров"]
    assert not any("Курск" in o and "ИА" in o for o in extract_orgs(text))


def test_a_photographer_after_the_captions_full_stop_is_a_credit():
    text = (
        "Минкомсвязь закупит серверы\n"
        "Министр связи и массовых коммуникаций РФ Николай Никифоров . Сергей Савостьянов/ ТАСС\n"
        "МОСКВА, 27 мая. /ТАСС/. Министерство закупит серверы, рассказал министр связи и массовых коммуникаций РФ "
        "Николай Никифоров."
    )
    assert extract_persons(text) == ["Николай Никифоров"]
    assert ("Николай Никифоров", "roleMinister") in {(p, role) for p, role, _, _ in extract_posts(text)}


def test_a_deputy_chief_of_a_department():
    text = "С инициативой выступил заместитель начальника департамента Минпромторга Всеволод Бабушкин."
    posts = extract_posts(text)
    assert any(role == "roleDeputyChief" and p == "Всеволод Бабушкин" for p, role, _, _ in posts)
    assert quality.canonical_role("заместитель начальника департамента") == "deputy-chief"


def test_a_degree_between_the_posts_and_the_name():
    text = (
        "Председатель совета директоров АО «Термокор», генеральный директор АО «Силикон», доктор технических "
        "наук Борис Зотов считает, что программу сократили зря."
    )
    posts = _posts(text)
    assert ("Борис Зотов", "roleDirectorGeneral", "АО «Силикон»") in posts


def test_a_regional_branch_of_an_organisation_named_unquoted():
    text = "Так считает председатель Пермского регионального отделения Союза машиностроителей России Олег Ветров."
    orgs = extract_orgs(text)
    label = "Пермское региональное отделение Союза машиностроителей России"
    assert label in orgs and "Пермское региональное отделение" not in orgs
    assert any(p == "Олег Ветров" and role == "roleChair" and org == label for p, role, org, _ in extract_posts(text))


def test_an_executive_vice_president_keeps_his_adjective():
    text = "Так полагает исполнительный вице-президент Российского союза промышленников и предпринимателей Петр Лосев."
    assert extract_post_roles(text) == [
        ("Петр Лосев", "исполнительный вице-президент", "Российский союз промышленников и предпринимателей")
    ]


def test_a_management_company_named_after_its_parent_is_a_company_of_its_own():
    text = "На подписании был председатель правления УК «РОСНАНО» Олег Кисин."
    orgs = extract_orgs(text)
    assert "УК «РОСНАНО»" in orgs
    assert ("Олег Кисин", "roleChair", "УК «РОСНАНО»") in _posts(text)


def test_a_joint_venture_a_web_portal_and_the_arctic_zone_are_no_bodies():
    text = "СП получило статус. Резиденты АЗРФ вложат 5 млрд рублей, сообщает Инвестиционный портал РК."
    assert extract_orgs(text) == {}


def test_a_resolutions_number_before_a_dash_is_no_lower_bound():
    amounts = money.amounts("Просили досыпать: по № 1432 - 15 млрд. руб., по № 518 - 5 млрд. руб.")
    assert [(a.value, a.value_max) for a in amounts] == [(Decimal(15000000000), None), (Decimal(5000000000), None)]


def test_a_misdeclined_surname_of_the_same_given_name_is_one_person():
    text = (
        "Заседание прошло под руководством губернатора Игоря Рудени. «Условия будут», — цитирует пресс-служба "
        "Игоря Руденю."
    )
    assert len(extract_persons(text)) == 1


def test_names_in_curly_quotes_read_as_in_guillemets():
    """“Сухой”, “Иркута”: English double quotes read as guillemets by the rules, the quotes kept as written."""
    text = "Пост получил гендиректор АХК “Сухой” Петр Рябов, а президентом “Иркута” стал Олег Зуев."
    ex = extract_text(text)
    orgs = {o.label_ru for o in ex.orgs}
    assert "АХК «Сухой»" in orgs
    assert ex.text == text  # the selectors quote the source
    assert ("Петр Рябов", "roleDirectorGeneral") in {(p.person.label_ru, p.role) for p in ex.posts}


def test_an_agency_before_the_photographers_name_is_a_credit():
    text = "Семь заводов откроются до конца года Фото: Baltphoto / Андрей Пронин\nЗаводы откроют в Петербурге."
    assert not any("Baltphoto" in o for o in extract_orgs(text))


def test_the_quoted_sites_of_a_named_zone_are_no_bodies():
    text = "На площадках ОЭЗ «Технополис Москва» – «Руднево», «Печатники» и «Алабушево» – вложили 190 млрд рублей."
    orgs = extract_orgs(text)
    assert not any(name in " ".join(orgs) for name in ("Руднево", "Печатники", "Алабушево"))


def test_a_deputy_mayors_long_portfolio_and_a_genitive_chain_after_po_slovam():
    text = (
        "Об этом рассказал заммэра Москвы по вопросам экономической политики и имущественно-земельных отношений "
        "Олег Ершов. По словам министра правительства Москвы, руководителя Департамента городского имущества "
        "Максима Гусева, участок расположен на окраине."
    )
    posts = {(p, role) for p, role, _, _ in extract_posts(text)}
    assert ("Олег Ершов", "roleDeputyMayor") in posts
    assert ("Максим Гусев", "roleMinister") in posts and ("Олег Ершов", "roleMinister") not in posts


def test_a_company_under_another_legal_form_is_the_same_company():
    """«ОАО "Роснефть"» (gold, the form before 2014) and «ПАО «НК «Роснефть»» (the alias table) name one company."""
    assert quality.company_forms('ОАО "Роснефть"') & quality.company_forms("ПАО «НК «Роснефть»", "Роснефть")


def test_a_commission_of_a_republic_named_in_lower_case():
    text = "Заседание Комиссии по вопросам развития промышленности республики Дагестан прошло в марте."
    assert "Комиссия по вопросам развития промышленности республики Дагестан" in extract_orgs(text)


def test_a_first_deputy_chief_and_a_deputy_head_of_a_ministry():
    text = "Об этом сообщил первый заместитель начальника управления инноваций правительства Курской области Иван Осин."
    assert any(p == "Иван Осин" and role == "roleFirstDeputyChief" for p, role, _, _ in extract_posts(text))
    assert quality.canonical_role("заместитель главы", ["Минпромторг"]) == "deputy-minister"


def test_the_ministry_of_industry_and_trade_under_its_reversed_name():
    text = "Заем одобрил набсовет под руководством министра торговли и промышленности РФ Дениса Мантурова."
    assert ("Денис Мантуров", "roleMinister", "Министерство промышленности и торговли Российской Федерации") in _posts(
        text
    )
