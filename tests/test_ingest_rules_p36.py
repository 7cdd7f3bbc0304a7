"""The thirty-sixth rule pass: shapes of the fifty-seventh held-out set (now dev58) and what came after — a head of a
body called «глава» by one reader and «руководитель» by another, a double given name, «глава палаты» after the
Chamber of Commerce — each tested on sentences of our own."""

from __future__ import annotations

from conftest import extract_persons, extract_posts

from server.ingest import quality


def _item(text: str, gold: dict) -> quality.Item:
    return quality.Item("x", None, None, None, text, gold)


def test_one_body_two_names_one_head():
    """«глава Ростеха» (gold) is the same post as «руководитель Госкорпорации «Ростех»» (a draft naming the body in
    full): the role of the head is read from either side's name of the one body."""
    text = "Глава Ростеха Петр Сидоров, руководитель Госкорпорации «Ростех», выступил."
    person = {"label": "Петр Сидоров", "surfaces": ["Петр Сидоров"]}
    gold = {
        "persons": [person],
        "organisations": [{"label": "Ростех", "surfaces": ["Ростеха"]}],
        "posts": [{"person": "Петр Сидоров", "role": "глава", "organisation": "Ростех", "surface": "Глава Ростеха"}],
    }
    draft = {
        "persons": [person],
        "organisations": [
            {
                "label": "Государственная корпорация «Ростех»",
                "short": ["Ростех"],
                "surfaces": ["Госкорпорации «Ростех»"],
            }
        ],
        "posts": [
            {
                "person": "Петр Сидоров",
                "role": "руководитель",
                "organisation": "Государственная корпорация «Ростех»",
                "surface": "руководитель Госкорпорации «Ростех»",
            }
        ],
    }
    posts = quality.compare_item(_item(text, gold), quality.gold_as_found(draft, text))["posts"]
    assert (posts.tp_draft, posts.draft, posts.tp_gold, posts.gold) == (1, 1, 1, 1)


def test_a_double_given_name_is_kept_whole():
    text = "Об открытии цеха рассказал глава республики Рустам-Али Бекмурзаев."
    assert extract_persons(text) == ["Рустам-Али Бекмурзаев"]


def test_the_head_of_the_chamber_named_before_is_its_head():
    text = (
        "Торгово-промышленная палата РФ направила отзыв на законопроект. Документ глава палаты Олег Громов "
        "отправил председателю комитета Госдумы по бюджету Ивану Лаптеву."
    )
    posts = {(holder, where) for holder, _, where, _ in extract_posts(text)}
    assert ("Олег Громов", "Торгово-промышленная палата РФ") in posts
    assert not any(holder == "Олег Громов" and where == "Государственная Дума" for holder, where in posts)
