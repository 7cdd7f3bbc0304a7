"""Organisation and person classes of the ninth rule pass (issue 15), in sentences of our own."""

from __future__ import annotations

from conftest import extract_orgs as _orgs
from conftest import extract_text as _extract


def test_long_complements_and_bodies_named_as_written():
    found = _orgs(
        "В Вологодской области прошло заседание комитета областного парламента по бюджету, налоговой "
        "политике и финансам. Вопрос обсудили в комитете Госдумы по транспорту, строительной политике и "
        "дорожному хозяйству, а затем в комиссии Госсовета РФ по направлению «Энергетика»."
    )
    committee = next(k for k in found if k.startswith("Комитет Законодательного Собрания Вологодской области"))
    assert committee.endswith("по бюджету, налоговой политике и финансам")
    assert "Комитет областного парламента по бюджету, налоговой политике и финансам" in found[committee]
    assert "областной парламент" in found["Законодательное Собрание Вологодской области"]
    assert any(k.endswith("по транспорту, строительной политике и дорожному хозяйству") for k in found)
    assert any(k.endswith("по направлению «Энергетика»") for k in found)
    assert "Государственный совет Российской Федерации" in found


def test_a_short_committee_joins_the_long_one():
    found = _orgs(
        "Запрос подписал член Комитета Государственной Думы РФ по энергетике. В Комитете по энергетике его поддержали."
    )
    committee = next(k for k in found if k.startswith("Комитет Государственной Думы"))
    assert "Комитет по энергетике" in found[committee]
    assert "Комитет по энергетике" not in found


def test_posts_meetings_prepositions_and_common_abbreviations_are_no_bodies():
    found = _orgs(
        "От имени промышленников к Министру энергетики РФ обратился депутат. Расширенное заседание Совета "
        "директоров прошло в Казани. Как сообщили СМИ, на АЭС и ТЭЦ проверили оборудование. Договор подпишут "
        "на ПМЭФ-2025, где покажут самолет МС-21. Об этом в интервью «ВП» рассказал министр."
    )
    assert not {"От имени промышленников", "Министр энергетики РФ", "Расширенное заседание", "СМИ", "АЭС"} & set(found)
    assert not {"ТЭЦ", "ПМЭФ-2025", "МС-21", "ВП", "«ВП»"} & set(found)


def test_departments_and_elliptic_lists_of_them():
    found = _orgs(
        "Указом в администрации президента РФ созданы управление по госполитике в области связи, "
        "управления по анализу социальных процессов, по научной политике, а также по госполитике в "
        "культурной сфере."
    )
    assert "Администрация Президента Российской Федерации" in found
    assert {
        "Управление по госполитике в области связи",
        "Управление по анализу социальных процессов",
        "Управление по научной политике",
        "Управление по госполитике в культурной сфере",
    } <= set(found)


def test_funds_of_three_regions_in_one_phrase():
    found = _orgs("Фонды развития промышленности Чувашии, Бурятии и Курской области получат 300 млн рублей.")
    for region, written in (("Чувашской Республики", "Чувашии"), ("Республики Бурятия", "Бурятии")):
        label = next(k for k in found if k.startswith("Фонд развития промышленности") and region in k)
        assert f"Фонд развития промышленности {written}" in found[label]
    assert "Фонд развития промышленности Курской области" in found


def test_banks_units_and_party_bodies():
    found = _orgs(
        "Среди гостей была Анна Котова — председатель Правления банка ВОЛГОКОМ, курирующая Самарское "
        "региональное отделение СоюзПром. Доклад сделал член Президиума Генсовета партии Петр Орлов. Так на "
        "заседании Социальной платформы «Единой России» высказался депутат. Предложения подготовила комиссия "
        "президиума генсовета «Единой России» по вопросам энергетики; комиссия «Единой России» передаст их в Думу."
    )
    assert "Банк ВОЛГОКОМ" in found
    assert not any(k.startswith("Правление") for k in found)
    assert "Самарское региональное отделение СоюзПром" in found
    assert "Президиум Генсовета партии" in found
    assert "Социальная платформа «Единой России»" in found
    commission = "Комиссия президиума генсовета «Единой России» по вопросам энергетики"
    assert commission in found and "Комиссия «Единой России»" in found[commission]
    assert not any(k.startswith("Президиум генсовета") for k in found)


def test_a_surname_alone_that_ner_reads_as_a_given_name():
    ex = _extract("Депутат Бессараб объяснила, кому положена выплата.")
    assert "Бессараб" in {p.label_ru for p in ex.persons}
