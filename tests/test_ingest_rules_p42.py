"""The forty-second rule pass: shapes of the eighty-fifth and later held-out sets — a seat of government that signs,
gives, has officials, specialists or amendments (the White House the federal government itself), or is where something was said with a date between; a Latin company with its
legal form after the name, or listed beside quoted companies; a bare capitalised «Законодательное собрание» of the
article's region; a quoted lower-case «кластер …» that is a zone's kind; an «иннопарк» and the fullest descriptor of
a park — each tested on sentences of our own."""

from __future__ import annotations

from conftest import extract_orgs, extract_posts, extract_text


def test_a_seat_of_government_that_acts():
    """«Смольный подписал», «выделяет ему Смольный», «специалисты Смольного», «поправки Смольного», «как рассказали 3
    марта в Смольном»: Saint Petersburg's administration; «у Смольного собора» names nothing."""
    for text in (
        "Ранее газета писала, что Смольный подписал распоряжение о льготах заводам.",
        "Субсидию, которую выделяет ему Смольный, технопарк тратит на аренду.",
        "Над документом работали специалисты Смольного и отраслевые союзы.",
        "Депутаты приняли поправки Смольного к закону о промышленной политике.",
        "Как рассказали 3 марта в Смольном, программа продлена до 2027 года.",
    ):
        assert "Смольный" in extract_orgs(text), text
    assert "Смольный" not in extract_orgs("Встреча прошла у Смольного собора в центре города.")
    # beside the city's government named in words, the seat is that government
    orgs = extract_orgs(
        "Проект обсудили на заседании городского правительства Петербурга. Ранее Смольный подписал соглашение."
    )
    assert "Смольный" not in orgs and "Смольный" in orgs["Правительство Санкт-Петербурга"]
    # the federal government's seat is the government as the alias table names it, one organisation
    orgs = extract_orgs(
        "Пошлину отменят, сообщила пресс-служба правительства. По словам чиновника Белого дома, это решено."
    )
    assert orgs["Правительство Российской Федерации"] and not any("Бел" in o for o in orgs)


def test_a_latin_company_with_its_legal_form_or_in_a_list():
    """«итальянская компания Pontarolo Engineering SPA», «Nor-Maali Oy»: the legal form is part of the name; a Latin
    name listed with quoted companies is a company too («с Skoda, "Автотором" и Volvo»)."""
    orgs = extract_orgs("В регион придет итальянская компания Marcati Costruzioni SPA, она построит склад.")
    assert "Marcati Costruzioni SPA" in orgs
    orgs = extract_orgs(
        "Комиссия одобрила контракты с Skoda, Hyundai, «Автотором», «Соллерсом» и Volvo, сообщило министерство."
    )
    assert {"Skoda", "Hyundai", "Volvo"} <= set(orgs)
    assert "Volvo" not in extract_orgs("Жители города чаще покупают машины Volvo и реже отечественные.")


def test_a_bare_legislative_assembly_of_the_articles_region():
    """«Сегодня Законодательное собрание одобрило …» in an article on the Leningrad region: its legislature; where the
    region's legislature has another name (a Duma) the bare words name none."""
    text = (
        "Депутаты одобрили закон о технопарках\nСегодня Законодательное собрание одобрило в первом чтении проект "
        "закона о поддержке технопарков в Ленинградской области."
    )
    assert "Законодательное Собрание Ленинградской области" in extract_orgs(text)
    text = "Сегодня Законодательное собрание одобрило проект закона о поддержке технопарков в Тамбовской области."
    assert not any("Тамбовск" in o for o in extract_orgs(text))


def test_a_quoted_cluster_in_lower_case_is_a_kind():
    """«… ОЭЗ, специализация которой — «кластер энергоемких предприятий»»: a zone's kind, no organisation; a cluster
    with its complement in running text stays one."""
    orgs = extract_orgs("Площадка может стать зоной, специализация которой — «кластер тяжелых производств».")
    assert not any("ластер" in o for o in orgs)
    orgs = extract_orgs("В регионе создан кластер производителей стеклопластиковых изделий, он объединил 12 заводов.")
    assert any(o.startswith("Кластер производителей") for o in orgs)


def test_an_innopark_and_the_fullest_descriptor():
    """«Иннопарк "Вереск"», «промышленному парку "Вереск"», «инновационно-промышленный парк "Вереск"»: one site, its
    label the fullest descriptor written."""
    text = (
        'Иннопарк "Вереск" получил резидента\nРЕГИОН. Благодаря промышленному парку "Вереск" область получит '
        'инвестиции. Создать инновационно-промышленный парк "Вереск" решило правительство области.'
    )
    sites = {o.label_ru for o in extract_text(text).orgs if o.cls == "IndustrialSite"}
    assert sites == {"Инновационно-промышленный парк «Вереск»"}


# -- part 2: the eighty-sixth set's misses ------------------------------------------------------------------------


def _posts(text: str) -> set[tuple[str, str | None, str | None]]:
    """(holder, role concept, organisation) of every post the rules find."""
    return {(p, role, org) for p, role, org, _ in extract_posts(text)}


def test_duties_performed_by_a_person_named_after_the_verb():
    """«Обязанности министра промышленности Удмуртии теперь исполняет Имя»: the acting minister of that ministry."""
    text = "Обязанности министра промышленности и торговли Удмуртии теперь исполняет Антон Рябов, ему 47 лет."
    assert ("Антон Рябов", "roleActingMinister", "Министерство промышленности и торговли Удмуртской Республики") in (
        _posts(text)
    )


def test_a_speaker_after_a_quotation_is_not_a_name_inside_it():
    """«Имени назначаем замминистра …, — сообщил глава региона»: the region's head is the governor named before the
    quotation, not the appointee named inside it."""
    text = (
        "О перестановках губернатор Курской области Павел Рябов рассказал утром.\n«Игоря Семенова назначаем "
        "замминистра цифрового развития, — сообщил глава региона."
    )
    assert not any(p == "Игорь Семенов" and role == "roleGovernor" for p, role, _ in _posts(text))


def test_a_regional_department_by_its_short_word():
    """«Директор деппрома ХМАО Имя», «руководитель деппрома»: the region's department of industry."""
    text = "Директор деппрома ХМАО Олег Рогов уходит с поста. «Рогов, руководитель деппрома, подал заявление»."
    label = "Департамент промышленности Ханты-Мансийского автономного округа"
    assert label in extract_orgs(text)
    assert ("Олег Рогов", "roleDirector", label) in _posts(text)
    assert not any(o.startswith("Департамент экономики") for o in extract_orgs("Он руководил депэкономом."))


def test_an_office_received_and_a_shorter_name_of_the_regions_ministry():
    """«Пост министра промышленности Курганской области получил Имя … прежний министр промышленности Имя»: both
    ministers of the region's ministry; the federal ministry is named nowhere."""
    text = (
        "Пост министра промышленности Курганской области получил Петр Белов. Напомним, что прежний министр "
        "промышленности Илья Донской получил новую должность."
    )
    posts = _posts(text)
    assert ("Петр Белов", "roleMinister", "Министерство промышленности Курганской области") in posts
    assert ("Илья Донской", "roleMinister", "Министерство промышленности Курганской области") in posts
    assert "Министерство промышленности и торговли Российской Федерации" not in extract_orgs(text)


def test_a_regions_government_by_its_adjective():
    """«в саратовском правительстве», «в пензенском правительстве»: the region's government, not the federal one."""
    orgs = extract_orgs("Решение приняли в саратовском правительстве. Прежде он работал в пензенском правительстве.")
    assert {"Правительство Саратовской области", "Правительство Пензенской области"} <= set(orgs)
    assert "Правительство Российской Федерации" not in orgs


def test_a_company_after_its_parent_and_a_pronouns_past_post():
    """«генеральный директор входящего в ОСК астраханского АО «…»»: the company after its parent; «Кроме того, он
    работал гендиректором завода «…»»: a past post of the person named before."""
    text = (
        "Завод возглавит Илья Кротов, генеральный директор входящего в ОСК астраханского АО «Каспийская верфь». "
        "Кроме того, он работал гендиректором Калужского литейного завода «Вектор»."
    )
    posts = _posts(text)
    assert ("Илья Кротов", "roleDirectorGeneral", "АО «Каспийская верфь»") in posts
    assert any(p == "Илья Кротов" and org and "Вектор" in org for p, _, org in posts)
