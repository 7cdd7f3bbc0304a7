"""Twenty-fourth rule pass, helper s: a draft law with its number is that bill, a Duma bill's number on its own after
the bill is named, the article's one bill named many ways is one act, a bill «внесённый в Госдуму» is one act, the
President's numbered list of instructions and a code of law by its name are acts (sentences written for these tests)."""

from __future__ import annotations

from conftest import extract_orgs, extract_post_roles, extract_text


def _acts(text: str) -> list[tuple[str, str | None]]:
    return [(a.kind_slug, a.number) for a in extract_text(text).acts]


def _distinct(text: str) -> set[tuple[str, str | None, str | None]]:
    return {(a.kind_slug, a.number, a.title) for a in extract_text(text).acts}


# --- a numbered draft law is a bill with that number ----------------------------------------------------------------


def test_a_draft_federal_law_with_its_number_is_that_bill():
    text = "Комитет дал заключение по проекту федерального закона № 412733-8 о платформенной занятости."
    assert _acts(text) == [("bill", "412733-8")]


# --- a Duma bill's number on its own -------------------------------------------------------------------------------


def test_a_bill_number_after_the_bill_is_named_is_its_number():
    text = (
        "Госдума приняла законопроект, который меняет порядок уплаты сбора. Документ (№ 904512-8) внесло правительство."
    )
    assert {n for _, n in _acts(text)} == {"904512-8"}
    assert _acts("Заявка № 904512-8 зарегистрирована в реестре.") == []


# --- the one bill named many ways -----------------------------------------------------------------------------------


def test_an_untitled_bill_before_the_titled_one_is_that_bill():
    text = (
        "Депутаты одобрили законопроект, который вводит новый сбор. "
        "Внесло законопроект «О внесении изменений в Водный кодекс» правительство."
    )
    bills = {x for x in _distinct(text) if x[0] == "bill"}
    assert len(bills) == 1


def test_the_draft_law_mentioned_again_is_the_titled_bill():
    text = "Дума обсудила законопроект о промышленной кооперации. Цель проекта закона — поддержать заводы."
    assert len({x for x in _distinct(text) if x[0] == "bill"}) == 1


def test_a_bill_tabled_in_the_duma_is_an_act():
    text = "Из внесенного в Госдуму законопроекта следует, что льготы продлят. Законопроект, который подготовил Минфин, ждёт чтения."
    assert _acts(text) == [("bill", None), ("bill", None)]
    assert len(_distinct(text)) == 1


# --- the President's list of instructions ---------------------------------------------------------------------------


def test_a_numbered_list_of_instructions_is_an_act():
    text = "Это требование перечня поручений Президента Российской Федерации от 5 мая 2021 г. № Пр-804."
    assert _acts(text) == [("instructions", "Пр-804")]
    assert _acts("Согласно перечню поручений, опубликованному на сайте Кремля, срок истекает в мае.") == []


# --- a code of law by its name --------------------------------------------------------------------------------------


def test_a_code_by_its_name_is_an_act_once():
    text = "Правительство готовит поправки в Трудовой кодекс. Трудового кодекса они коснутся в части отпусков."
    assert _distinct(text) == {("code", None, "Трудовой кодекс")}
    assert _acts("Компания приняла кодекс этики для сотрудников.") == []


# --- organisations: a sector is no body, the European Union by its names -------------------------------------------


def test_a_sector_of_the_economy_is_no_organisation():
    orgs = extract_orgs("Производственному бизнесу нужны дешёвые кредиты. ОПК России ждёт заказов, сказал эксперт.")
    assert orgs == {}


def test_the_european_union_by_its_names():
    assert set(extract_orgs("Квоты касаются товаров из стран Евросоюза и Канады.")) == {"Европейский союз"}


# --- posts: a deputy from a party ------------------------------------------------------------------------------------


def test_a_deputy_from_a_party_holds_his_seat_for_it():
    assert ("Петр Сидоров", "депутат", "КПРФ") in extract_post_roles(
        "Член комитета по бюджету, депутат от КПРФ Петр Сидоров выступил против поправок."
    )
    assert ("Петр Сидоров", "депутат", "Государственная Дума") in extract_post_roles(
        "Депутат Госдумы от КПРФ Петр Сидоров выступил против поправок."
    )
