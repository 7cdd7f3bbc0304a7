"""The fifty-eighth rule pass: shapes of the hundred-and-eighteenth held-out set (part 1: the Federation Council's
pages, lines broken inside a sentence, careers told in asides) and of the hundred-and-seventeenth (part 2), each tested
on sentences of our own."""

from __future__ import annotations

from conftest import extract_orgs, extract_persons, extract_posts


def _posts(text: str) -> set[tuple[str, str | None, str | None]]:
    return {(p, role, org) for p, role, org, _ in extract_posts(text)}


def test_a_senators_card_pasted_after_the_name():
    """The surname on its own line, then the given name and patronymic glued to the seat: the senator's seat in the
    region the card names; the sentence the card interrupts runs on (its speaker, its chair)."""
    text = (
        "Член Комитета Совета Федерации по аграрно-продовольственной политике Олег Лунев\nЛунев\n"
        "Олег Петровичпредставитель от исполнительного органа государственной власти Омской области\n"
        "побывал на заводе и передал привет от Председателя Совета Федерации Валентины Ивановны Матвиенко\n"
        "Матвиенко\nВалентина Ивановнапредставитель от исполнительного органа государственной власти "
        "Санкт-Петербурга\n, а директору вручил адрес», — рассказал сенатор."
    )
    found = _posts(text)
    assert ("Олег Лунев", "roleRepresentative", "Омская область") in found
    assert any(p == "Валентина Ивановна Матвиенко" and role == "roleChair" for p, role, _ in found)
    assert any(p == "Валентина Ивановна Матвиенко" and role == "roleRepresentative" for p, role, _ in found)
    assert not any(p.startswith("Валентина") and role == "roleSenator" for p, role, _ in found)
    assert "Олег Петрович" not in extract_persons(text)


def test_a_post_broken_over_lines():
    """«заместитель\\nпредседателя», «член\\nКомитета … государственному\\nстроительству Имя»: one post each; «первый
    заместитель Комитета СФ …» (the chair's word left out) is the first deputy chair."""
    found = _posts(
        "В делегацию входят первый заместитель Комитета СФ по экономической политике Иван Лосев,\nзаместитель\n"
        "председателя этого Комитета СФ Юрий Орехов,\nа также член\nКомитета СФ по конституционному законодательству "
        "и государственному\nстроительству Артем Глебов."
    )
    assert any(p == "Иван Лосев" and role == "roleFirstDeputyChair" for p, role, _ in found)
    assert any(p == "Юрий Орехов" and role == "roleDeputyChair" for p, role, _ in found)
    committee = "Комитет Совета Федерации по конституционному законодательству и государственному строительству"
    assert ("Артем Глебов", "roleMember", committee) in found


def test_a_career_told_in_asides():
    """«…, который руководил АО «…» в должности генерального директора»; «Имя, проработавший в Комитете по … с 2008
    года, стал его председателем»; «Имени, главы Роскосмоса и в прошлом депутата Госдумы»."""
    found = _posts(
        "Комитет возглавил Юрий Тарасов, который с 2017 года руководил АО «Альфа-Инвест» в должности генерального директора."
    )
    assert ("Юрий Тарасов", "roleDirectorGeneral", "АО «Альфа-Инвест»") in found
    found = _posts("Роман Зимин, проработавший в Комитете по инвестициям с февраля 2008 года, стал его председателем.")
    assert ("Роман Зимин", "roleChair", "Комитет по инвестициям") in found
    found = _posts(
        "Уйдет Павел Орлов – сын Дмитрия Орлова, главы Роскосмоса и в прошлом депутата Госдумы от Тверской области."
    )
    assert any(p == "Дмитрий Орлов" and org == "Государственная корпорация «Роскосмос»" for p, _, org in found)
    assert ("Дмитрий Орлов", "roleDeputy", "Государственная Дума") in found


def test_a_companys_legal_form_alone_and_a_family_word():
    """«гендиректор ПАО Имя» after «ПАО «Ил»»: that company's; «Орлову-младшему» no person of its own."""
    text = "Перемены ждут ПАО «Ил». Должность покинет 35-летний гендиректор ПАО Павел Орлов. Уйти Орлову-младшему предстоит весной."
    assert ("Павел Орлов", "roleDirectorGeneral", "ПАО «Ил»") in _posts(text)
    assert extract_persons(text) == ["Павел Орлов"]


def test_a_regions_name_misprinted_and_a_department_by_its_adjective():
    """«Правительство Красноярска края» is the krai's government; «воронежского департамента промышленности» in an
    article on the Voronezh region is that region's department."""
    orgs = extract_orgs("Правительство Красноярска края покинул замминистра. Краевое правительство лишилось чиновника.")
    assert "Правительство Красноярского края" in orgs and "Правительство Красноярска" not in orgs
    text = (
        "Глава воронежского департамента промышленности и транспорта Олег Ковалев ушел в отставку. Указ подписал "
        "губернатор Воронежской области."
    )
    department = "Департамент промышленности и транспорта Воронежской области"
    assert department in extract_orgs(text)
    assert ("Олег Ковалев", "roleHead", department) in _posts(text)


def test_a_fronted_post_given_to_a_pronoun():
    """«Вице-губернатором его назначили в августе 2012 года»: the post of the one named before."""
    found = _posts(
        "Губернатор Томской области объявил об отставке Леонида Павлова. Вице-губернатором его назначили в 2012 году."
    )
    assert any(p == "Леонид Павлов" and role == "roleDeputyGovernor" for p, role, _ in found)


def test_a_correspondents_signature_with_a_town():
    """«Валентин Романов, Новосибирск» on a line of its own after the text: the byline, no person."""
    text = "Глава региона Сергей Жвачкин объявил об отставке.\n\nВалентин Романов, Новосибирск\n\nВся лента"
    assert "Валентин Романов" not in extract_persons(text)


def test_the_measure_reads_a_governments_head_as_its_premier():
    """The measure: «глава» of «Правительство РФ» is the premier."""
    from server.ingest.quality import canonical_role

    assert canonical_role("глава", ["Правительство РФ"]) == "premier"


def test_a_signature_block_is_not_a_wrapped_line():
    """«Губернатор\\nПензенской области\\nВ.К.ИВАНОВ\\nг. Пенза» under a law: the governor's signature stays one, its
    lines not joined as a sentence broken over them."""
    found = _posts(
        "Статья 2\nЗакон начинает действовать с 1 января 2011 года.\nГубернатор\nПензенской области\nВ.К.ИВАНОВ\n"
        "г. Пенза\n23 ноября 2010 года\nN 1984-ЗПО\n"
    )
    assert any(role == "roleGovernor" and org == "Пензенская область" for _, role, org in found)


# Part 2: the hundred-and-seventeenth set's shapes


def test_a_centre_by_its_word_and_a_state_commission_in_lower_case():
    """«Директором центра назначили Имя» after «Центр по привлечению инвестиций»; «председателя госкомиссии по
    Арктике Имени»."""
    found = _posts(
        "В области создадут Центр по привлечению инвестиций. Директором центра назначили Олега Фомина, сообщил "
        "вице-губернатор."
    )
    assert ("Олег Фомин", "roleDirector", "Центр по привлечению инвестиций") in found
    found = _posts("Есть и поручение председателя госкомиссии по Арктике Юрия Трутнева.")
    assert ("Юрий Трутнев", "roleChair", "Государственная комиссия по Арктике") in found


# Part 3: two shapes left from the hundred-and-fifteenth set


def test_a_fronted_acting_post_before_a_chief_of_a_quoted_company():
    """«Исполняющим обязанности президента ОАК был назначен глава холдинга "Сухой" Имя»: the acting post, and the
    post the name holds now."""
    found = _posts('Исполняющим обязанности президента ОАК был назначен глава холдинга "Сухой" Игорь Осипов.')
    assert ("Игорь Осипов", "rolePresident", "Объединённая авиастроительная корпорация") in found
    assert any(p == "Игорь Осипов" and role == "roleHead" for p, role, _ in found)


def test_the_agency_told_is_no_body_of_the_ministry():
    """«сообщили агентству в Минпромторге России»: the news agency, no «Агентство в Минпромторге»."""
    orgs = extract_orgs("Об этом сообщили агентству в Минпромторге России.")
    assert not any(label.startswith("Агентство") for label in orgs)
    assert "Федеральное агентство по техническому регулированию" in extract_orgs(
        "Об этом сообщили в Федеральном агентстве по техническому регулированию."
    )
