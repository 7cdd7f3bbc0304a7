"""Thirteenth rule pass (posts), in sentences of our own."""

from __future__ import annotations

from conftest import extract_posts


def _posts(text: str) -> set[tuple[str, str | None, str | None]]:
    return {post[:3] for post in extract_posts(text)}


def test_the_officers_of_a_new_body():
    text = (
        "Губернатор Курской области Иван Сомов учредил координационный совет по развитию промышленности. "
        "Председателем совета стал сам Иван Сомов. В заместители ему определены вице-губернатор Петр Лапин "
        "и министр экономики региона Олег Зотов. Обязанности секретаря совета возложены на начальника отдела "
        "министерства Анну Ветрову."
    )
    posts = _posts(text)
    council = "Координационный совет по развитию промышленности"
    assert ("Иван Сомов", "roleChair", council) in posts
    assert ("Петр Лапин", "roleDeputyChair", council) in posts
    assert ("Олег Зотов", "roleDeputyChair", council) in posts
    assert ("Анна Ветрова", "roleSecretary", council) in posts
    # «его заместителем» after a chair: the deputy chair, not the co-chair's deputy
    posts = _posts(
        "Губернатор Курской области Иван Сомов создал экспертный совет по развитию промышленности. "
        "Председателем совета стал Иван Сомов. Его заместителем назначен министр экономики региона Петр Лапин."
    )
    assert ("Петр Лапин", "roleDeputyChair", "Экспертный совет по развитию промышленности") in posts
    # a copula with «сам» before a chain: both posts
    posts = _posts("Председателем совета стал сам губернатор Иван Сомов.")
    assert {r for w, r, _ in posts if w == "Иван Сомов"} == {"roleChair", "roleGovernor"}


def test_heading_a_body_by_a_verb_in_the_instrumental():
    posts = _posts(
        "На заседании выступил губернатор Курской области Иван Сомов, который руководит комиссией Госсовета "
        "по направлению «Энергетика»."
    )
    assert any(w == "Иван Сомов" and r == "roleChair" and o and "Энергетика" in o for w, r, o in posts)
    assert ("Иван Сомов", "roleGovernor", "Курская область") in posts


def test_a_company_named_in_quotes_after_genitive_words():
    posts = _posts(
        "Соглашение подписали губернатор региона Олег Зотов и Иван Сомов - председатель совета директоров "
        "«Альфа Групп» и генеральный директор холдинга «Бета»."
    )
    assert ("Иван Сомов", "roleChair", "Альфа Групп") in posts
    assert ("Иван Сомов", "roleDirectorGeneral", "«Бета»") in posts
    assert not any(w == "Иван Сомов" and r == "roleGovernor" for w, r, _ in posts)
    # before the name: the board's chair, not a director
    posts = _posts("Соглашение подписал председатель правления «Альфа Групп» Иван Сомов.")
    assert ("Иван Сомов", "roleChair", "Альфа Групп") in posts
    posts = _posts("Соглашение подписал председатель совета директоров «Альфа Групп» Иван Сомов.")
    assert {r for _, r, _ in posts} == {"roleChair"}


def test_a_bare_governor_is_the_governor_named_before():
    posts = _posts(
        "Курская область подписала соглашение с компанией. Документ подписали губернатор региона Олег Зотов "
        "и Иван Сомов. «Это новый проект», - сказал губернатор."
    )
    assert not any(w == "Иван Сомов" for w, _, _ in posts)
    # with no governor named, the one person without a post is still the governor
    posts = _posts("Курская область подписала соглашение. «Это новый проект», - сказал губернатор Олег Зотов.")
    assert any(w == "Олег Зотов" and r == "roleGovernor" for w, r, _ in posts)
