"""`policykg review --json` on drafts of real news (tests/fixtures/news/dev): money amounts with
their qualifier, events, legal acts with kind and number, and the article's dateline as structure,
never as an organisation; the text `review` says the same without "None"
(docs/ingestion-review-json.md)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from conftest import ROOT

from server.cli.main import main
from server.ingest import quality

DEV = ROOT / "tests" / "fixtures" / "news" / "dev"


@pytest.fixture
def data_dir(tmp_path):
    """A store with the ontology only: everything the articles name is new."""
    d = str(tmp_path / "store")
    r = CliRunner().invoke(main, ["load", str(ROOT / "ontology" / "policy.ttl"), "--no-reason", "--data-dir", d])
    assert r.exit_code == 0, r.output
    return d


def _review(data_dir: str, tmp_path, stem: str) -> tuple[dict, str]:
    """Ingest one dev item (its URL/Outlet/Published header given as options) and review it."""
    item = quality.read_item(DEV / f"{stem}.txt")
    article = tmp_path / f"{stem}.txt"
    article.write_text(item.text, encoding="utf-8")
    r = CliRunner().invoke(
        main,
        [
            "ingest",
            str(article),
            "--date",
            item.published.isoformat(),
            "--url",
            item.url,
            "--outlet",
            item.outlet,
            "--data-dir",
            data_dir,
        ],
    )
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(main, ["review", stem, "--json", "--data-dir", data_dir])
    assert r.exit_code == 0, r.output
    text = CliRunner().invoke(main, ["review", stem, "--data-dir", data_dir])
    assert text.exit_code == 0, text.output
    return json.loads(r.stdout)["summary"], text.stdout


def test_review_lists_amounts_events_acts_and_structure(data_dir, tmp_path):
    s, text = _review(data_dir, tmp_path, "01-tass-frp-2080-projects")
    amount = next(a for a in s["amounts"] if a["quotes"][0]["exact"] == "более 700 млрд рублей")
    assert (amount["value"], amount["value_max"], amount["currency"], amount["qualifier"]) == (
        "700000000000",
        None,
        "RUB",
        "moreThan",
    )
    assert amount["measures"] == "суммарный объём выданных фондом льготных займов"
    assert s["counts"]["amounts"] == {"new": len(s["amounts"]), "linked": 0}
    assert "amount: moreThan 700000000000 RUB" in text and "None" not in text

    s, text = _review(data_dir, tmp_path, "02-tass-kulikov-clusters-inrussia")
    assert s["events"] and all(e["quotes"] and {"date", "place", "speakers"} <= set(e) for e in s["events"])
    act = next(a for a in s["legal_acts"] if a["number"] == "41")
    assert act["kind"] == "Постановление" and {"issuer", "title"} <= set(act)
    dateline = s["structure"]["dateline"]
    assert (dateline["place"], dateline["agency"]) == ("Минеральные Воды", "ТАСС")
    assert dateline["text"].startswith("МИНЕРАЛЬНЫЕ ВОДЫ") and s["structure"]["headline"]
    assert not any(name in o["label"] for o in s["organisations"] for name in ("ТАСС", "Минеральные Воды"))
    assert "dateline agency: ТАСС" in text and "None" not in text
