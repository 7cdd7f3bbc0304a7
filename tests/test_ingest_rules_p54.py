"""The fifty-fourth rule pass: shapes of the hundred-and-ninth held-out set — a party's name in capitals, its faction
named «партийной», a faction «в ГД» and its deputy head, a military rank between a post and the name, a committee named
by its field's adjective, a company's «АК» form, the Central Election Commission, a city committee with a short name in
brackets, an agency quoted as it reports, a palace no body, «о назначении Имени врио губернатора … Путин подписал» —
each tested on sentences of our own."""

from __future__ import annotations

from conftest import extract_orgs, extract_persons, extract_posts


def _posts(text: str) -> set[tuple[str, str | None, str | None]]:
    return {(p, role, org) for p, role, org, _ in extract_posts(text)}


def test_a_partys_name_in_capitals_and_its_faction():
    """«Председатель Партии СПРАВЕДЛИВАЯ РОССИЯ – ЗА ПРАВДУ, руководитель партийной фракции в Госдуме Имя»."""
    text = (
        "Председатель Партии СПРАВЕДЛИВАЯ РОССИЯ – ЗА ПРАВДУ, руководитель партийной фракции в Госдуме Иван Белов "
        "обратился к министру."
    )
    party = "Партия «Справедливая Россия — За правду»"
    assert party in extract_orgs(text)
    found = _posts(text)
    assert ("Иван Белов", "roleChair", party) in found
    assert ("Иван Белов", "roleHead", "Фракция СРЗП в Государственной Думе") in found


def test_a_faction_in_the_gd_and_its_deputy_head():
    """«замруководителя фракции ЛДПР в ГД Имя»."""
    found = _posts("Об этом сказал замруководителя фракции ЛДПР в ГД Петр Орлов.")
    assert ("Петр Орлов", "roleDeputyHead", "Фракция ЛДПР в Государственной Думе") in found


def test_a_military_rank_between_a_post_and_the_name():
    """«проверил министр обороны РФ генерал армии Имя»."""
    found = _posts("Вчера завод проверил министр обороны РФ генерал армии Петр Орлов.")
    assert ("Петр Орлов", "roleMinister", "Министерство обороны Российской Федерации") in found


def test_a_committee_by_its_fields_adjective_and_a_state_contract_no_surname():
    """«Сенаторы оборонного комитета СФ» beside «комитета по обороне и безопасности Совета Федерации»: one body;
    «Гособорзаказа» no person."""
    text = (
        "Сенаторы оборонного комитета СФ встретились с депутатами\n\nДелегация комитета по обороне и безопасности "
        "Совета Федерации побывала на заводах, занятых выполнением Гособорзаказа, сказал Петр Орлов."
    )
    orgs = extract_orgs(text)
    assert "Комитет по обороне и безопасности Совета Федерации" in orgs
    assert not any(label.startswith("Оборонный") for label in orgs)
    assert "Гособорзаказа" not in extract_persons(text)


def test_a_companys_ak_form_and_the_election_commission():
    """«Имя, президент АК «АЛРОСА»», «секретарь Центризбиркома Имя»."""
    found = _posts(
        "На совещании был Петр Орлов, президент АК «АЛРОСА», и другие. Выборы пройдут в сентябре, рассказала "
        "секретарь Центризбиркома Анна Белова."
    )
    assert ("Петр Орлов", "rolePresident", "АЛРОСА") in found
    assert ("Анна Белова", "roleSecretary", "Центральная избирательная комиссия Российской Федерации") in found


def test_a_committee_with_a_short_name_in_brackets_and_a_palace():
    """«председателя комитета экономического развития, промышленной политики и торговли (КЭРППиТ) Имя представили в
    Мариинском дворце»."""
    text = (
        "Нового председателя комитета экономического развития, промышленной политики и торговли (КЭРППиТ) Петра "
        "Орлова представили в Мариинском дворце."
    )
    orgs = extract_orgs(text)
    committee = "Комитет экономического развития, промышленной политики и торговли"
    assert committee in orgs
    assert "Мариинский дворец" not in orgs
    assert ("Петр Орлов", "roleChair", committee) in _posts(text)


def test_an_agency_quoted_as_it_reports():
    """«Информационное агентство "ТК Вектор" сообщает об этом», «Как сообщало ранее АБН, …»: no bodies."""
    orgs = extract_orgs(
        'Завод расширят. Информационное агентство "ТК Вектор" сообщает об этом. Как сообщало ранее АБН, глава '
        "области побывал на стройке."
    )
    assert not {"ТК Вектор", "АБН"} & set(orgs)


def test_an_appointment_decree_signed_by_the_president():
    """«указ … о назначении Белова врио губернатора Санкт-Петербурга Путин уже подписал»: no post of the signer."""
    found = _posts("Напомним: указ о назначении Белова врио губернатора Санкт-Петербурга Владимир Путин уже подписал.")
    assert not any(p == "Владимир Путин" for p, _, _ in found)


def test_a_regions_ministry_of_its_government_and_a_branch_named_by_its_adjectives():
    """«министерство промышленности, торговли и развития предпринимательства правительства Новосибирской области»;
    «Московского областного регионального отделения Союза машиностроителей России»: one branch, named whole."""
    orgs = extract_orgs(
        "Фонд учредило министерство промышленности, торговли и развития предпринимательства правительства "
        "Новосибирской области. Корпорация состоит членом Московского областного регионального отделения Союза "
        "машиностроителей России."
    )
    assert "Министерство промышленности, торговли и развития предпринимательства Новосибирской области" in orgs
    assert "Московское областное региональное отделение Союза машиностроителей России" in orgs
    assert "Московское областное региональное отделение" not in orgs


def test_a_factions_quoted_name_and_a_partys_executive_committee():
    """«Позицию фракции «СПРАВЕДЛИВАЯ РОССИЯ – ЗА ПРАВДУ» изложил Имя»: the faction, not the party; «ЦИК Партии»: no
    election commission."""
    orgs = extract_orgs(
        "Позицию фракции «СПРАВЕДЛИВАЯ РОССИЯ – ЗА ПРАВДУ» изложил Петр Орлов, заместитель руководителя ЦИК Партии."
    )
    assert "Партия «Справедливая Россия — За правду»" not in orgs
    assert "Центральная избирательная комиссия Российской Федерации" not in orgs


# -- part 2: the hundred-and-tenth held-out set's shapes ---------------------------------------------------------


def test_a_post_taken_after_a_relative_clause_and_the_predecessor():
    """«Имя, который прежде руководил ОЭЗ «…», занял пост генерального директора госкомпании «…». Его предшественник
    Имя2 ушел на другую работу»: both hold that post."""
    found = _posts(
        "Петр Орлов, который прежде руководил ОЭЗ «Липецк» в Липецкой области, занял пост генерального директора "
        "госкомпании «Особые экономические зоны». Его предшественник Иван Белов ушел на другую работу."
    )
    company = "Госкомпания «Особые экономические зоны»"
    assert ("Петр Орлов", "roleDirectorGeneral", company) in found
    assert ("Иван Белов", "roleDirectorGeneral", company) in found


def test_a_regions_government_by_an_adjective_in_n_and_its_ministry_named_short():
    """«зампреда подмосковного правительства Имя»; «министерства сельского хозяйства и продовольствия Подмосковья …
    министерство сельского хозяйства … заключило соглашение»: the region's, no federal bodies."""
    text = (
        "Об этом сообщила пресс-служба министерства сельского хозяйства и продовольствия Подмосковья, цитируя "
        "зампреда подмосковного правительства Петра Орлова. В 2022 году министерство сельского хозяйства заключило "
        "соглашение с заводом."
    )
    orgs = extract_orgs(text)
    assert "Правительство Российской Федерации" not in orgs
    assert "Министерство сельского хозяйства Российской Федерации" not in orgs
    assert any(p == "Петр Орлов" and org == "Правительство Московской области" for p, _, org in _posts(text))


def test_a_decrees_order_is_no_body():
    """«Создать государственный концерн автоматических систем управления» in a decree's quote: no organisation."""
    orgs = extract_orgs("Указ гласит: «Создать государственный концерн автоматических систем управления».")
    assert not any(label.startswith("Создать") for label in orgs)
