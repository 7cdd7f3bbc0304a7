"""The forty-first rule pass: shapes of the eighty-first and later held-out sets — a party's faction seated in the
State Duma as a body of its own, a body «во главе с Имя», «Имя, сейчас руководящая региональным Фондом …», an
appointment written as a noun whose post ends before the verb of the sentence, a participle's clause about the
appointee between the name and the post — each tested on sentences of our own."""

from __future__ import annotations

from conftest import extract_orgs, extract_posts


def _posts(text: str) -> set[tuple[str, str | None, str | None]]:
    """(holder, role concept, organisation or region) of every post the rules find."""
    return {(p, role, org) for p, role, org, _ in extract_posts(text)}


def test_a_faction_seated_in_the_duma_is_a_body_of_its_own():
    """«фракции ЛДПР в Государственной Думе», «фракции КПРФ в Госдуме»: the faction of a party named by its initials,
    its posts in it; the party and the Duma stay organisations; a press office's line names no faction."""
    text = (
        "Парламентарии обсудили станкостроение. Руководитель фракции ЛДПР в Государственной Думе Борис Ветров выступил "
        "первым. Депутат фракции КПРФ в Госдуме Инна Крылова его поддержала."
    )
    orgs = extract_orgs(text)
    assert {"Фракция ЛДПР в Государственной Думе", "Фракция КПРФ в Государственной Думе", "ЛДПР"} <= set(orgs)
    posts = _posts(text)
    assert ("Борис Ветров", "roleHead", "Фракция ЛДПР в Государственной Думе") in posts
    assert ("Инна Крылова", "roleDeputy", "Фракция КПРФ в Государственной Думе") in posts
    orgs = extract_orgs("Новости фракции\nПресс-служба фракции КПРФ в Госдуме\nДепутаты обсудили закон.")
    assert "Фракция КПРФ в Государственной Думе" not in orgs


def test_a_body_led_by_a_person():
    """«представители фракции … во главе с Имя»: the head of the body named right before; a delegation «во главе с»
    someone is the delegation's head, not the ministry's."""
    text = (
        "Встреча прошла в министерстве. На нее пришли представители фракции ЛДПР в Государственной Думе во главе с "
        "Б.Н. Соколовым. Делегация Минпромторга во главе с Олегом Зуевым прибыла позже."
    )
    posts = _posts(text)
    assert ("Б. Н. Соколов", "roleHead", "Фракция ЛДПР в Государственной Думе") in posts
    assert not any(p == "Олег Зуев" for p, _, _ in posts)


def test_heading_a_regional_fund_named_after_its_level():
    """«Имя, сейчас руководящая региональным Фондом …»: the fund's head (its name begins after «региональным»)."""
    text = (
        "Губернатор Тамбовской области объявил о перестановках. Министром станет Вера Осипова, сейчас руководящая "
        "региональным Фондом развития промышленности."
    )
    assert ("Вера Осипова", "roleHead", "Фонд развития промышленности Тамбовской области") in _posts(text)


def test_an_appointment_whose_post_ends_before_the_verb():
    """«Указ о назначении Имени министром … подписал губернатор …»: the post stops before «подписал»; with a
    participle's clause about the appointee between the name and the post, the post after the clause."""
    text = (
        "Указ о назначении Ильи Фомина министром промышленности и науки подписал губернатор Пензенской области Олег "
        "Белов."
    )
    assert ("Илья Фомин", "roleMinister", "Министерство промышленности и науки Пензенской области") in _posts(text)
    text = (
        "Указ о назначении Ильи Фомина, прежде работавшего помощником генерального директора АО «Пензмаш», министром "
        "промышленности и науки подписал губернатор Пензенской области Олег Белов."
    )
    posts = _posts(text)
    assert ("Илья Фомин", "roleMinister", "Министерство промышленности и науки Пензенской области") in posts
    assert not any(p == "Илья Фомин" and org == "АО «Пензмаш»" for p, _, org in posts)
