"""The forty-second rule pass: shapes of the eighty-fifth and later held-out sets — a seat of government that signs,
gives, has officials, specialists or amendments (the White House the federal government itself), or is where something was said with a date between; a Latin company with its
legal form after the name, or listed beside quoted companies; a bare capitalised «Законодательное собрание» of the
article's region; a quoted lower-case «кластер …» that is a zone's kind; an «иннопарк» and the fullest descriptor of
a park — each tested on sentences of our own."""

from __future__ import annotations

from conftest import extract_orgs, extract_text


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
