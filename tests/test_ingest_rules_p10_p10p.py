"""Tenth rule pass (posts, legal acts, money, events), in sentences of our own."""

from __future__ import annotations

import datetime

from conftest import extract_posts as _posts
from conftest import extract_text as _extract


def _roles(text: str) -> set[tuple[str, str | None, str | None]]:
    return {(who, role, where) for who, role, where, _ in _posts(text)}


def test_speaker_columnist_and_press_secretary_of_the_head_of_state():
    posts = _posts(
        "Закон одобрил спикер Законодательного собрания Пермского края Игорь Сапко. Об этом сообщил "
        "пресс-секретарь главы государства Олег Смирнов. Интервью записала обозреватель газеты Мария Лесная."
    )
    assert any(who == "Игорь Сапко" and role == "roleChair" for who, role, _, _ in posts)
    assert ("Олег Смирнов", "roleSpokesperson", None, "пресс-секретарь президента") in posts
    assert ("Мария Лесная", "roleColumnist", None, "обозреватель") in posts


def test_a_regions_representative_at_the_government():
    posts = _posts(
        "На встрече был министр экономики Курской области, представитель Курской области при Правительстве "
        "Российской Федерации Иван Рябов."
    )
    assert any(
        who == "Иван Рябов" and role == "roleRepresentative" and "при Правительстве" in ru for who, role, _, ru in posts
    )
    # a representative with no «при …» is no post of that shape
    assert not any(
        role == "roleRepresentative" for _, role, _, _ in _posts("Выступил представитель завода Иван Рябов.")
    )


def test_bodies_named_before_by_an_anaphor_or_a_possessive():
    roles = _roles(
        "Заседание комиссии Государственного Совета по направлению «Энергетика» прошло в Туле. Заседание вёл "
        "глава комиссии, губернатор Тульской области Петр Иванов. Выступили представители «Опоры России»: "
        "вице-президент организации, руководитель её исполнительного комитета Анна Белова."
    )
    assert any(who == "Петр Иванов" and role == "roleChair" and "омисси" in (org or "") for who, role, org in roles)
    assert any(
        who == "Анна Белова" and role == "roleVicePresident" and "Опора" in (org or "") for who, role, org in roles
    )
    assert any(who == "Анна Белова" and role == "roleHead" and "Опора" in (org or "") for who, role, org in roles)


def test_a_post_given_to_a_pronoun_and_the_epithet_of_the_organisation():
    posts = _posts(
        "Вице-губернатор Томской области Сергей Лавров рассказал о планах. В мае его вновь избрали "
        "председателем совета директоров томской особой экономической зоны «Технополис»."
    )
    chair = [p for p in posts if p[0] == "Сергей Лавров" and p[1] == "roleChair"]
    assert chair and "Технополис" in (chair[0][2] or "")
    assert chair[0][3] == "председатель совета директоров"  # «томской» qualifies the zone


def test_an_abbreviated_body_of_a_party():
    roles = _roles(
        "Приехал секретарь Центрального комитета ЛДПР Иван Сидоров. Затем выступил депутат Госдумы, "
        "секретарь ЦК ЛДПР Иван Сидоров."
    )
    assert not any(org == "ЦК" for _, _, org in roles)


def test_government_resolutions_by_their_abbreviation():
    acts = _extract("Компания получила льготу по ППРФ № 2150, а затем по РП РФ № 17-р.").acts
    assert {(a.kind_ru, a.number) for a in acts} == {("Постановление", "2150"), ("Распоряжение", "17-р")}
    assert not _extract("Опоры ПП РФ не нужны.").acts


def test_a_law_named_by_a_noun_and_its_genitive_and_a_new_law_after_its_title():
    acts = _extract("Стране нужен федеральный закон об основах промышленной политики, считают депутаты.").acts
    assert [(a.kind_ru, a.title) for a in acts] == [("Федеральный закон", "Об основах промышленной политики")]
    acts = _extract(
        "Вступил в силу закон «О промышленной политике в Курской области». Новый закон вводит льготы. "
        "Речь идет о законе о развитии отраслей региона."
    ).acts
    assert len({a.key for a in acts}) == 1  # «Новый закон» and «законе о развитии …» are that law


def test_a_number_in_words_with_a_multiplier_of_a_sum_named_before():
    amounts = _extract("Завод обойдется в 3,4 млрд рублей. Семьсот миллионов из них даст банк.").amounts
    assert {(int(a.value), a.currency) for a in amounts} == {(3_400_000_000, "RUB"), (700_000_000, "RUB")}
    amounts = _extract("Бюджет составил 5 млрд рублей. Два миллиона человек получили выплаты.").amounts
    assert [int(a.value) for a in amounts] == [5_000_000_000]


def test_round_tables_forums_joint_meetings_and_meetings_on_two_dates():
    ex = _extract(
        "В Госдуме прошел круглый стол «Кадры для промышленности». Комиссаров выступил на полях "
        "V международного форума инновационного развития «Сибирь». Совместное заседание Президиума Союза "
        "машиностроителей России и правления ассоциации прошло в Москве. На совещании по развитию "
        "станкостроения премьер напомнил об итогах двух совещаний — 12 и 19 марта.",
        published=datetime.date(2025, 3, 25),
    )
    labels = {e.label_ru for e in ex.events}
    assert "Круглый стол «Кадры для промышленности»" in labels
    assert "Международный форум инновационного развития «Сибирь»" in labels
    assert any(lb.startswith("Совместное заседание Президиума") for lb in labels)
    assert "Совещание по развитию станкостроения" in labels
    dated = {e.date for e in ex.events if e.key.startswith("dated:")}
    assert dated == {datetime.date(2025, 3, 12), datetime.date(2025, 3, 19)}
    # a round table without a name in quotes is no named event; a conference «в …» is no named forum
    ex = _extract("Депутаты собрались за круглым столом. Конференция в «Орбите» прошла вчера.")
    assert not ex.events


def test_meetings_with_a_group_on_an_action_on_a_date_and_a_named_persons_trip():
    ex = _extract(
        "Решение премьер объявил на совещании с вице-премьерами. Встречу по развитию авиационной "
        "промышленности провел министр. На оперативном совещании 14 мая губернатор потребовал отчета. "
        "По итогам рабочей поездки Соколова в Тверскую область подписано соглашение. На пленарном "
        "заседании 20 мая депутаты приняли закон.",
        published=datetime.date(2025, 5, 21),
    )
    labels = {e.label_ru for e in ex.events}
    assert "Совещание с вице-премьерами" in labels
    assert "Встреча по развитию авиационной промышленности" in labels
    assert any(e.label_ru == "Совещание 14 мая" and e.date == datetime.date(2025, 5, 14) for e in ex.events)
    assert any(lb.startswith("Рабочая поездка Соколова в Тверск") for lb in labels)
    # the plenary session with its date is one event, not a second meeting «20 мая»
    assert not any(e.key.startswith("dated:") and "20 мая" in e.label_ru for e in ex.events)
    assert not _extract("Совещание с участием губернатора прошло вчера.").events
