"""Fifteenth rule pass (acting posts, posts of a region's deputy or a managing company, acts named by their
signer or a bill's short name, half-multipliers and kopecks, a change's old value in a contrasted clause),
in sentences of our own."""

from __future__ import annotations

from decimal import Decimal

from conftest import extract_posts, extract_text

from server.ingest import money
from server.ingest.readback import _acting


def test_temporary_acting_and_acting_are_two_posts():
    assert extract_posts("Врио министра финансов Тверской области Олег Жданов рассказал о бюджете.") == {
        (
            "Олег Жданов",
            "roleActingMinister",
            "Министерство финансов Тверской области",
            "временно исполняющий обязанности министра",
        )
    }
    assert extract_posts("Об этом сообщил ВРИО зампреда правительства Тверской области Олег Жданов.") == {
        (
            "Олег Жданов",
            "roleDeputyPrimeMinister",
            "Правительство Тверской области",
            "временно исполняющий обязанности заместителя председателя правительства",
        )
    }
    assert extract_posts("И.о. заместителя председателя правительства Тверской области Олег Жданов открыл цех.") == {
        (
            "Олег Жданов",
            "roleDeputyPrimeMinister",
            "Правительство Тверской области",
            "исполняющий обязанности заместителя председателя правительства",
        )
    }
    # the graph's role concept is the base role and the post says how it is held (pkg:acting); the reading of a
    # draft puts the two together
    kinds = {
        p.role_ru: p.acting
        for p in extract_text("Об этом сообщил ВРИО зампреда правительства Тверской области Олег Жданов.").posts
    }
    assert kinds == {"временно исполняющий обязанности заместителя председателя правительства": "temporaryActing"}
    assert _acting("заместитель председателя правительства", "temporaryActing") == (
        "временно исполняющий обязанности заместителя председателя правительства"
    )
    assert _acting("заместитель председателя правительства", "interimActing") == (
        "исполняющий обязанности заместителя председателя правительства"
    )
    assert _acting("исполняющий обязанности министра", "temporaryActing") == (
        "временно исполняющий обязанности министра"
    )
    assert _acting("министр", None) == "министр"


def test_posts_of_a_chain_a_title_a_managing_company_and_a_former_post():
    # 'депутат от региона' is understood, so the chain reaches the post before it
    assert extract_posts("Деньги выделят заводам, сообщил первый зампред Госдумы, депутат от региона Олег Жданов.") == {
        ("Олег Жданов", "roleFirstDeputyChair", "Государственная Дума", "первый заместитель председателя"),
        ("Олег Жданов", "roleDeputy", None, "депутат"),
    }
    assert extract_posts("Цех осмотрел раис Татарстана Олег Жданов.") == {
        ("Олег Жданов", "roleGovernor", "Республика Татарстан", "раис")
    }
    assert extract_posts("О резидентах рассказал гендиректор управляющей компании технопарка Олег Жданов.") == {
        ("Олег Жданов", "roleDirectorGeneral", None, "генеральный директор управляющей компании технопарка")
    }
    assert extract_posts(
        "В Омской области открыли парк. Его возглавил Олег Жданов, ранее работавший министром финансов региона."
    ) == {("Олег Жданов", "roleMinister", "Министерство финансов Омской области", "министр")}


def test_the_envoys_office_only_when_the_article_names_it():
    assert extract_posts("Как заявил полпред президента в СЗФО Олег Жданов, заводы получат заказы.") == {
        ("Олег Жданов", "roleEnvoy", None, "полномочный представитель президента в Северо-Западном федеральном округе")
    }
    posts = extract_posts(
        "Как заявил полпред президента в СЗФО Олег Жданов, заводы получат заказы, сообщили в полпредстве."
    )
    assert {p[2] for p in posts} == {
        "Аппарат полномочного представителя Президента Российской Федерации в Северо-Западном федеральном округе"
    }


def _acts(text: str) -> list[tuple[str, str | None, str]]:
    found = extract_text(text).acts
    return [(a.kind_slug, a.title, a.key) for a in found]


def test_an_act_named_by_its_signers_post_and_a_bill_by_its_short_name():
    acts = _acts(
        "Завод включен в реестр приказом заместителя министра финансов России Олега Жданова. Льготы дадут с мая."
    )
    assert [a[0] for a in acts] == ["order"]
    acts = _acts(
        "Правительство одобрило законопроект о цифровой экономике. Речь идет о проекте федерального закона "
        "«О цифровой платформе и о внесении изменений в отдельные законодательные акты Российской Федерации»."
    )
    assert len({a[2] for a in acts}) == 1, acts


def _amounts(text: str) -> list[tuple[str, Decimal, str | None]]:
    return [(a.text, a.value, a.currency) for a in money.amounts(text)]


def test_half_multipliers_and_kopecks():
    assert _amounts("Завод вложил полмиллиарда рублей, а банк — пол-триллиона рублей.") == [
        ("полмиллиарда рублей", Decimal(500_000_000), "RUB"),
        ("пол-триллиона рублей", Decimal(500_000_000_000), "RUB"),
    ]
    assert _amounts("Каждый рубль приносит 35 копеек налогов; литр стоит 61 руб. 20 коп.") == [
        ("35 копеек", Decimal("0.35"), "RUB"),
        ("61 руб. 20 коп.", Decimal("61.2"), "RUB"),
    ]
    assert _amounts("Полгода назад цех получил 3 млн рублей.") == [("3 млн рублей", Decimal(3_000_000), "RUB")]


def test_a_changes_old_value_in_the_contrasted_clause():
    changes = money.changes("Если раньше грант получали 5 заводов, то теперь их число увеличено до 9.")
    assert [(c.from_value, c.to_value, c.unit) for c in changes] == [(Decimal(5), Decimal(9), "count")]
    changes = money.changes("Раньше заем составлял 50 млн рублей, а теперь его размер повышен до 80 млн рублей.")
    assert [(c.from_value, c.to_value, c.currency) for c in changes] == [
        (Decimal(50_000_000), Decimal(80_000_000), "RUB")
    ]


def test_an_envoy_to_a_district_by_its_short_name_and_a_head_who_is_the_director():
    assert extract_posts("Завод посетил полномочный представитель президента в Поволжье Олег Жданов.") == {
        ("Олег Жданов", "roleEnvoy", None, "полномочный представитель президента в Поволжье")
    }
    text = "Итоги подвел глава Фонда развития промышленности Олег Жданов. Эти цифры привел директор ФРП Олег Жданов."
    assert extract_posts(text) == {("Олег Жданов", "roleDirector", "Фонд развития промышленности", "директор")}
