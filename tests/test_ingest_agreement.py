"""Agreement between two readers' gold (bench/ingest_agreement.py): a gold read as a draft."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SET = ROOT / "tests" / "fixtures" / "news" / "dev12"
sys.path.insert(0, str(ROOT / "bench"))

from ingest_agreement import agreement


def test_every_gold_agrees_with_itself_on_every_kind():
    kinds = agreement(SET, SET)["summary"]["kinds"]
    assert {k: (v["precision"], v["recall"]) for k, v in kinds.items() if v["gold"]} == {
        k: (1.0, 1.0) for k, v in kinds.items() if v["gold"]
    }


def test_a_second_reader_who_leaves_out_an_organisation_and_adds_a_person(tmp_path):
    first = min(SET.glob("*.gold.json"))
    gold = json.loads(first.read_text(encoding="utf-8"))
    left_out = gold["organisations"].pop(0)["label"]
    gold["persons"].append({"label": "Прохор Небывалов", "surfaces": []})
    (tmp_path / first.name).write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    for other in sorted(SET.glob("*.gold.json"))[1:]:
        shutil.copy(other, tmp_path / other.name)
    kinds = agreement(SET, tmp_path)["summary"]["kinds"]
    assert kinds["organisations"]["missed"] == [f"{first.name.removesuffix('.gold.json')}: {left_out}"]
    assert kinds["organisations"]["precision"] == 1.0
    assert kinds["persons"]["spurious"] == [f"{first.name.removesuffix('.gold.json')}: Прохор Небывалов"]
