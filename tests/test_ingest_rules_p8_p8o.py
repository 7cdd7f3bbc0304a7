"""Organisation and person classes of the eighth rule pass (issue 15), in sentences of our own."""

from __future__ import annotations

from conftest import extract_text as _extract

from server.ingest import orgs, structure


def _orgs(text: str, **kw) -> set[str]:
    return {o.label_ru for o in _extract(text, **kw).orgs}


def test_media_in_credits_interviews_and_the_sites_abbreviation():
    text = (
        "Новый цех открыли в Твери\n"
        "Иван Белов (Фото: Петр Орлов / TVR.ru / Photo Agency)\n"
        "ВЕСТНИК: Иван Петрович, как идут дела на заводе?\n"
        "Корреспонденту ВЕСТНИК рассказали о планах. По прогнозу «ТП», завод выйдет на полную мощность."
    )
    found = _orgs(text, url="https://tp.ru/news/1")
    assert not found & {"TVR", "ВЕСТНИК", "ТП", "«ТП»"}
    layout = structure.layout(text)
    assert any(s > text.index("(Фото") for s, _ in layout.credits)
    assert orgs.outlet_initials("Тверская правда (перепечатка)") == "ТП"
    assert orgs.site_abbreviation("https://www.rbc.ru/x") == "РБК"


def test_statistics_office_is_no_person():
    ex = _extract("По данным Твестата, выпуск вырос. Твестат сообщает о росте на 3%.")
    assert "Твестат" in {o.label_ru for o in ex.orgs}
    assert all("стат" not in p.label_ru for p in ex.persons)


def test_complements_with_abbreviations_lists_and_a_closing_dla():
    found = _orgs(
        "Межведомственная комиссия по поддержке ОПК собралась во вторник. Решение приняла межведомственная "
        "комиссия по отбору, изменению и расторжению инвестиционных соглашений. Заявки рассмотрела подкомиссия "
        "по оказанию мер поддержки для отдельных организаций оборонных отраслей."
    )
    assert {
        "Межведомственная комиссия по поддержке ОПК",
        "Межведомственная комиссия по отбору, изменению и расторжению инвестиционных соглашений",
        "Подкомиссия по оказанию мер поддержки для отдельных организаций оборонных отраслей",
    } <= found


def test_nested_quotes_after_a_legal_form_and_a_known_body_with_its_form():
    ex = _extract(
        "Гарантии получат АО «Опытное конструкторско- технологическое бюро «Сокол» и "
        "АО «Объединенная авиастроительная корпорация»."
    )
    labels = {o.label_ru: o for o in ex.orgs}
    assert "АО «Опытное конструкторско-технологическое бюро «Сокол»»" in labels
    uac = labels["Объединённая авиастроительная корпорация"]
    assert "АО «Объединенная авиастроительная корпорация»" in uac.alt_ru
    assert not any(label.startswith("«Сокол") for label in labels)


def test_bodies_of_a_land_and_of_two_coordinated_regions():
    found = _orgs(
        "Фонды развития промышленности ДНР и ЛНР получат деньги. Региональные фонды развития промышленности "
        "Донецкой и Луганской народных республик их распределят."
    )
    assert found == {
        "Фонд развития промышленности Донецкой Народной Республики",
        "Фонд развития промышленности Луганской Народной Республики",
    }
    ex = _extract(
        "Займы регионального фонда развития промышленности получили заводы ДНР. Фонд развития промышленности "
        "Урала одобрил две заявки. Правительство России это поддержало."
    )
    fund = [o for o in ex.orgs if o.label_ru.startswith("Фонд развития")]
    assert [f.label_ru for f in fund] == ["Фонд развития промышленности Урала"] and len(fund[0].mentions) == 2
    assert "Правительство Российской Федерации" in {o.label_ru for o in ex.orgs}


def test_lists_of_quoted_companies_and_a_governors_department():
    found = _orgs(
        'Губернатор Тверской области Иван Белов встретился с министром. Среди получателей - "Ромашка" и '
        '"Василек". Льготы получат «Тверской вагонный завод», «Твервагон» и «Тверьхим», как сообщает '
        "департамент информполитики губернатора. Программы «Старт» и «Рост» продлят."
    )
    assert {"«Ромашка»", "«Василек»", "«Твервагон»", "«Тверьхим»"} <= found
    assert "Департамент информполитики губернатора Тверской области" in found
    assert not found & {"«Старт»", "«Рост»"}


def test_ticker_lines_and_a_banner_over_a_dated_title():
    text = (
        "• USD ЦБ 90.10 руб\n"
        "Пятая конференция «Финансы заводов»\n"
        "Заводу выделили деньги на новый цех\n"
        "05.10.2015\n"
        "Минпромторг выделил заводу 2 млрд рублей."
    )
    layout = structure.layout(text)
    assert layout.part("headline").text == "Заводу выделили деньги на новый цех"
    assert [p.kind for p in layout.parts[:2]] == ["site", "site"]
    assert "Центральный банк Российской Федерации" not in _orgs(text)
