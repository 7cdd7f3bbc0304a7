"""Twenty-third rule pass, helper q (organisations): a region's body named by a regional adjective keeps that name
as a label, a town's executive committee, a commission's complement ending with its budget period or the budget
its support comes from, a council attached «при» a known body's collegium, a presidium named for its sitting or
a post in it is no organisation, and a credit line «Фото с портала …» without a colon (sentences written for
these tests)."""

from __future__ import annotations

from conftest import extract_orgs, extract_text

from server.ingest import structure


def _labels(text: str) -> set[str]:
    out = set()
    for label, alts in extract_orgs(text).items():
        out.add(label)
        out.update(alts)
    return out


# --- a region's body by its adjective: the name as written is a label too -----------------------------------------


def test_a_regional_administration_by_its_adjective_keeps_the_written_name():
    orgs = extract_orgs("Завод в Омской области расширят. Об этом сообщила областная администрация в четверг.")
    assert "областная администрация" in orgs.get("Администрация Омской области", [])


def test_a_regional_ministry_by_its_adjective_keeps_the_written_name():
    orgs = extract_orgs("Курганская область готовит программу. Краевой минпром её не поддержал, заметил депутат.")
    assert not any("краевой минпром" in alts for alts in orgs.values())  # a krai's word for an oblast: no krai named
    orgs = extract_orgs("В Алтайском крае открылся завод. Краевой минпром выдал ему субсидию.")
    assert any("Краевой минпром" in alts or "краевой минпром" in alts for alts in orgs.values())


# --- a town's executive committee ---------------------------------------------------------------------------------------


def test_a_towns_executive_committee():
    assert "Исполком Альметьевска" in extract_orgs("Заявку одобрили в исполкоме Альметьевска на прошлой неделе.")
    assert "Исполнительный комитет Елабуги" in extract_orgs("Решение принял Исполнительный комитет Елабуги.")
    assert "Исполком Курской" not in extract_orgs("Заявку одобрили в исполкоме Курской области.")


# --- a commission's complement: its budget period, the budget its support comes from ------------------------------------


def test_a_commission_on_the_budget_for_the_next_financial_year():
    text = "Проект одобрила комиссия по бюджетным проектировкам на очередной финансовый год и плановый период."
    assert "Комиссия по бюджетным проектировкам на очередной финансовый год и плановый период" in extract_orgs(text)


def test_a_commission_on_support_from_the_regional_budget():
    text = "Гранты распределила комиссия по предоставлению субсидий из областного бюджета."
    assert "Комиссия по предоставлению субсидий из областного бюджета" in extract_orgs(text)
    text = "Комиссия по предоставлению субсидий из бюджета выделила заводу деньги."  # the clause goes on: not the name
    assert "Комиссия по предоставлению субсидий из бюджета выделила заводу деньги" not in extract_orgs(text)


# --- a council attached to a known body's collegium ------------------------------------------------------------------------


def test_a_working_group_attached_to_the_collegium_of_a_commission():
    text = "Решение приняла рабочая группа по импортозамещению при коллегии Евразийской экономической комиссии."
    labels = set(extract_orgs(text))
    assert "Рабочая группа по импортозамещению при коллегии Евразийской экономической комиссии" in labels
    assert not any(label.startswith("Коллегия") for label in labels)
    # a council's name stops before «при» (the seed graph's convention: the attachment is a statement of its own)
    text = "Предложение внёс экспертный совет по цифровизации при коллегии Евразийской экономической комиссии."
    assert "Экспертный совет по цифровизации" in set(extract_orgs(text))


# --- a presidium named for its sitting or for a post in it ------------------------------------------------------------


def test_a_presidium_at_its_sitting_is_no_organisation():
    labels = _labels("Об этом объявили на заседании президиума Правительства России во вторник.")
    assert not any("резидиум" in label for label in labels)
    labels = _labels("Доклад прочитал председатель президиума Уральского отделения РАН.")
    assert not any("резидиум" in label for label in labels)


# --- a credit line without a colon --------------------------------------------------------------------------------------


def test_a_photo_credit_without_a_colon_is_a_credit():
    text = "Завод откроют в мае\nФото с сайта правительства Курской области\nЗавод в Курской области откроют весной."
    layout = structure.layout(text)
    assert [text[s:e] for s, e in layout.credits] == ["Фото с сайта правительства Курской области"]
    assert "Правительство Курской области" not in extract_orgs(text)
    assert extract_text(text).orgs is not None
