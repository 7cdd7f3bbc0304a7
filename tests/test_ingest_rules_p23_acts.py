"""Twenty-third rule pass, legal acts: a region in the genitive as the issuer of a law before its date or number
(«Закон Тюменской области от … N 40»), and a region or a republic as the issuer before a quoted title «О …»
(sentences written for these tests)."""

from __future__ import annotations

import datetime

from conftest import extract_text


def _acts(text: str) -> list[tuple[str, str | None, datetime.date | None, str | None]]:
    return [(a.kind_slug, a.number, a.date, a.title) for a in extract_text(text).acts]


def test_a_regional_law_with_its_date_and_a_number_after_n():
    text = "С 1 января действует Закон Омской области от 14 марта 2019 г. N 17 о льготах для заводов."
    assert _acts(text) == [("law", "17", datetime.date(2019, 3, 14), None)]
    # an autonomous district and a krai, with «№»
    assert [a[1] for a in _acts("Принят закон Ямало-Ненецкого автономного округа № 45-ЗАО о поддержке.")] == ["45-ЗАО"]
    assert [a[1] for a in _acts("Закон Алтайского края от 2 мая 2021 года № 30-ЗС изменил ставки.")] == ["30-ЗС"]


def test_a_regional_law_by_its_quoted_title():
    text = "Льготу закрепили в Законе Пермского края «О налоге на имущество организаций», сообщили в ведомстве."
    assert _acts(text) == [("law", None, None, "О налоге на имущество организаций")]
    text = 'Поправки внесут в закон Республики Коми "Об инвестиционной деятельности" до осени.'
    assert _acts(text) == [("law", None, None, "Об инвестиционной деятельности")]
