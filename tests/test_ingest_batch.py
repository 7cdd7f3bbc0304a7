"""`policykg ingest` on several articles: one line and one report entry per article, a clear
refusal for every kind of bad input (the store left exactly as it was for that file), exit status
1 when any article failed; POST /ingest refuses the same inputs; the NLP models load once."""

from __future__ import annotations

import datetime
import io
import json
import shutil
import threading
import time

import pytest
from click.testing import CliRunner
from conftest import ROOT, TOKEN

from server.cli.main import main
from server.ingest import nlp, workflow
from server.store import EmbeddedStore

FIXTURES = ROOT / "tests" / "fixtures" / "articles"
BASE = "http://localhost:8000/id/"
#: file name -> (content, what the refusal says)
BAD = {
    "empty.txt": (b"", "the article text is empty"),
    "blank.txt": (b"  \n\t\n", "the article text is empty"),
    "cp1251.txt": ("date 2026-01-01 Министр провёл совещание.".encode("cp1251"), "is not UTF-8"),
    "binary.txt": (bytes(range(256)) * 40, "binary data"),
    "control.txt": ("date 2026-01-01 Министр\x07 провёл совещание.".encode(), "control character"),
    "huge.txt": (
        ("date 2026-01-01 " + "Министр провёл совещание. " * 210_000).encode(),
        "the limit is 200000",
    ),  # 10 MB
    "long.txt": (("date 2026-01-01 " + "Министр провёл совещание. " * 8_000).encode(), "characters long"),
    "latin.txt": (b"date 2026-01-01 The minister held a meeting with industry.", "no Cyrillic letters"),
    "undated.txt": ("Министр провёл совещание.".encode(), "no publication date"),
    "bad-date.txt": ("date 2026-13-45 Министр провёл совещание.".encode(), "is not a date"),
}


@pytest.fixture
def data_dir(tmp_path):
    d = str(tmp_path / "store")
    r = CliRunner().invoke(main, ["load", str(ROOT / "ontology" / "policy.ttl"), "--no-reason", "--data-dir", d])
    assert r.exit_code == 0, r.output
    return d


def quads(data_dir: str) -> set[str]:
    st = EmbeddedStore(data_dir)
    try:
        return {str(q) for q in st.quads()}
    finally:
        st.close()


def test_batch_of_a_folder_with_good_and_bad_articles(tmp_path, data_dir):
    folder = tmp_path / "articles"
    folder.mkdir()
    for p in FIXTURES.glob("*.txt"):
        shutil.copy(p, folder / p.name)
    for name, (content, _) in BAD.items():
        (folder / name).write_bytes(content)
    (folder / "notes.md").write_text("not an article", encoding="utf-8")  # not *.txt: not taken
    report = tmp_path / "report.json"
    r = CliRunner().invoke(main, ["ingest", str(folder), "--report", str(report), "--data-dir", data_dir])
    assert r.exit_code == 1, r.output
    lines = r.stdout.splitlines()
    assert len(lines) == 2 + len(BAD)
    for name, (_, says) in BAD.items():
        [line] = [x for x in lines if x.startswith(f"FAILED  {folder / name}:")]
        assert says in line, line
    ok = {x.split()[1]: x for x in lines if x.startswith("ok")}
    assert set(ok) == {"article-2026-02-10", "article-2026-03-05"}
    assert (
        f"<{BASE}graph/draft/article-2026-03-05>  2 persons, 3 organisations, 2 posts, 2 acts, 2 amounts, "
        f"1 changes" in ok["article-2026-03-05"]
    )
    assert "2 drafted, 10 failed" in r.stderr

    data = json.loads(report.read_text(encoding="utf-8"))
    assert (data["drafted"], data["failed"]) == (2, len(BAD))
    assert [e["file"] for e in data["articles"]] == sorted(str(p) for p in folder.glob("*.txt"))
    by_file = {e["file"]: e for e in data["articles"]}
    good = by_file[str(folder / "article-2026-03-05.txt")]
    assert good["draft"] == BASE + "graph/draft/article-2026-03-05" and good["seconds"] > 0
    assert good["counts"] == {"persons": 2, "organisations": 3, "posts": 2, "acts": 2, "amounts": 2, "changes": 1}
    assert BAD["latin.txt"][1] in by_file[str(folder / "latin.txt")]["error"]
    assert data["model_load_seconds"] >= 0

    r = CliRunner().invoke(main, ["drafts", "--json", "--data-dir", data_dir])
    assert {d["name"] for d in json.loads(r.stdout)} == {"article-2026-02-10", "article-2026-03-05"}


@pytest.mark.parametrize("kind", sorted(BAD))
def test_bad_input_leaves_the_store_as_it_was(tmp_path, data_dir, kind):
    """Also when a draft of the same name exists already: it is kept, unchanged."""
    good = tmp_path / "good" / "article-2026-01-01.txt"
    good.parent.mkdir()
    shutil.copy(FIXTURES / "article-2026-03-05.txt", good)
    assert CliRunner().invoke(main, ["ingest", str(good), "--data-dir", data_dir]).exit_code == 0
    before = quads(data_dir)
    bad = tmp_path / "bad" / "article-2026-01-01.txt"  # the same draft name
    bad.parent.mkdir()
    content, says = BAD[kind]
    if kind == "undated.txt":  # a date in the name would do
        bad = bad.with_name("undated.txt")
    bad.write_bytes(content)
    r = CliRunner().invoke(main, ["ingest", str(bad), "--data-dir", data_dir])
    assert r.exit_code == 1 and says in r.stdout, r.output
    assert quads(data_dir) == before


def test_a_failing_extraction_is_reported_and_the_batch_goes_on(tmp_path, data_dir, monkeypatch):
    real = workflow.extract

    def extract(text, linker, *args):
        if "Удмурт" in text:
            raise RuntimeError("boom")
        return real(text, linker, *args)

    monkeypatch.setattr(workflow, "extract", extract)
    before = quads(data_dir)
    files = [str(FIXTURES / "article-2026-03-05.txt"), str(FIXTURES / "article-2026-02-10.txt")]
    r = CliRunner().invoke(main, ["ingest", *files, "--data-dir", data_dir])
    assert r.exit_code == 1
    assert f"FAILED  {files[0]}: extraction failed (a bug; nothing was written): RuntimeError: boom" in r.stdout
    assert "ok      article-2026-02-10" in r.stdout
    st = EmbeddedStore(data_dir)
    try:
        assert not st.has_graph(BASE + "graph/draft/article-2026-03-05")
        assert st.has_graph(BASE + "graph/draft/article-2026-02-10")
        assert {str(q) for q in st.quads() if q.graph_name.value != BASE + "graph/draft/article-2026-02-10"} == before
    finally:
        st.close()


def test_batch_usage_errors(tmp_path, data_dir):
    files = [str(p) for p in sorted(FIXTURES.glob("*.txt"))]
    r = CliRunner().invoke(main, ["ingest", *files, "--name", "x", "--data-dir", data_dir])
    assert r.exit_code == 2 and "one article only" in r.output
    empty = tmp_path / "empty-folder"
    empty.mkdir()
    r = CliRunner().invoke(main, ["ingest", str(empty), "--data-dir", data_dir])
    assert r.exit_code == 2 and "no .txt files" in r.output
    twins = [tmp_path / "a" / "same.txt", tmp_path / "b" / "same.txt"]  # one draft name, two files
    for t in twins:
        t.parent.mkdir()
        shutil.copy(FIXTURES / "article-2026-03-05.txt", t)
    r = CliRunner().invoke(main, ["ingest", *map(str, twins), "--json", "--data-dir", data_dir])
    assert r.exit_code == 1 and "the draft name 'same' is taken" in r.stderr
    assert [d["name"] for d in json.loads(r.stdout)] == ["same"]


@pytest.mark.parametrize("kind", ["cp1251.txt", "binary.txt", "control.txt", "latin.txt", "long.txt", "huge.txt"])
def test_http_ingest_refuses_bad_uploads(client, store, kind):
    before = {str(q) for q in store.quads()}
    content, says = BAD[kind]
    r = client.post(
        "/ingest",
        data={"file": (io.BytesIO(content), kind), "date": "2026-01-01", "name": "bad"},
        headers={"Authorization": f"Bearer {TOKEN}"},
        content_type="multipart/form-data",
    )
    assert r.status_code == 400 and says in r.get_json()["error"]["message"]
    assert {str(q) for q in store.quads()} == before


def test_models_load_once_whatever_thread_asks():
    calls = []

    @nlp.once
    def load():
        calls.append(1)
        time.sleep(0.05)  # long enough for every thread to ask while the load runs
        return object()

    got = []
    threads = [threading.Thread(target=lambda: got.append(load())) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(calls) == 1 and len(got) == 8 and all(g is got[0] for g in got)
    assert nlp.pipeline() is nlp.pipeline() and nlp.morph() is nlp.morph()


# -- the review JSON (docs/ingestion-review-json.md) --------------------------------------------

SECTIONS = (
    "persons",
    "organisations",
    "posts",
    "legal_acts",
    "instruments",
    "proposals",
    "parameter_changes",
    "events",
    "amounts",
    "regions",
    "sites",
)
COMMON = {"iri", "status", "label", "class", "quotes", "notes"}
ADDED = {
    "persons": {"posts", "organisations"},
    "posts": {"role", "organisation", "acting"},
    "legal_acts": {"kind", "number", "date", "issuer", "title"},
    "parameter_changes": {"fromValue", "toValue", "currency", "parameter"},
    "events": {"date", "place", "speakers"},
    "amounts": {"value", "value_max", "currency", "qualifier", "measures", "belongs_to"},
}


def check_shape(data: dict) -> dict:
    assert set(data) == {"draft", "name", "source", "summary"}
    s = data["summary"]
    assert set(s) == {*SECTIONS, "counts", "statements", "selectors_ok", "structure"}
    assert set(s["counts"]) == set(SECTIONS)
    for section in SECTIONS:
        assert isinstance(s[section], list)
        assert s["counts"][section] == {
            "new": sum(i["status"] == "new" for i in s[section]),
            "linked": sum(i["status"] == "linked" for i in s[section]),
        }
        for item in s[section]:
            assert set(item) == COMMON | ADDED.get(section, set()), (section, item)
            assert item["status"] in ("new", "linked") and item["quotes"], item
            for q in item["quotes"]:
                assert set(q) == {"exact", "start", "end", "statement"}
    for p in s["persons"]:
        assert all(set(x) == {"iri", "label", "organisation"} for x in p["posts"])
        assert all(set(x) == {"iri", "label"} for x in p["organisations"])
    return s


def test_review_json_shape(data_dir):
    article = ROOT / "data" / "sources" / "article-2026-01-27.txt"
    r = CliRunner().invoke(main, ["ingest", str(article), "--data-dir", data_dir])
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(main, ["review", "article-2026-01-27", "--json", "--data-dir", data_dir])
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    s = check_shape(data)
    assert data["source"] == BASE + "source/article-2026-01-27"
    assert [e["date"] for e in s["events"]] == ["2026-01-27"]  # the expert council's meeting
    koz = next(p for p in s["persons"] if p["iri"] == BASE + "person/kozlovsky-aleksandr")
    assert {(x["label"], x["organisation"]) for x in koz["posts"]} >= {
        ("Депутат Государственной Думы", BASE + "org/state-duma")
    }
    assert BASE + "org/state-duma" in {x["iri"] for x in koz["organisations"]}
    assert {(a["kind"], a["number"], a["date"]) for a in s["legal_acts"]} == {
        ("Постановление", "719", None),
        ("Постановление", "1649", None),
    }
    [change] = s["parameter_changes"]
    assert (change["fromValue"], change["toValue"], change["currency"]) == ("2000000000", "500000000", "RUB")
    assert change["parameter"] == "минимальный порог льготного кредитования"


def test_review_json_of_linked_resources(store, settings):
    """Re-ingested into the seeded store, the article's persons and acts are linked: their details
    come from the published data, their posts from the draft."""
    text = (ROOT / "data" / "sources" / "article-2026-01-27.txt").read_text(encoding="utf-8")
    workflow.ingest(store, settings, text, datetime.date(2026, 1, 27), name="again")
    s = check_shape(workflow.review(store, settings, "again"))
    assert {p["status"] for p in s["persons"]} == {"linked"}
    lab = next(p for p in s["persons"] if p["iri"] == BASE + "person/labudin-mikhail")
    assert lab["label"] == "Михаил Лабудин" and lab["posts"]
    assert {(a["status"], a["number"]) for a in s["legal_acts"]} == {("linked", "719"), ("linked", "1649")}


def test_acting_posts_carry_their_kind(store, settings):
    """«врио» and «и.о.» are two ways of holding a post: each post says which (pkg:acting), the review
    JSON names it, the role stays the post's own, and the draft passes SHACL at accept."""
    text = (
        "Сделка в Туле\n\n"
        "Врио губернатора Тульской области Дмитрий Миляев встретился с Олегом Бородиным, исполняющим "
        "обязанности директора завода «Тулачермет». Министр промышленности Тульской области Иван Петров "
        "рассказал о планах."
    )
    workflow.ingest(store, settings, text, datetime.date(2026, 3, 1), name="acting")
    posts = {p["label"]: p for p in check_shape(workflow.review(store, settings, "acting"))["posts"]}
    acting = {label: p["acting"] for label, p in posts.items()}
    assert acting == {
        next(k for k in posts if "губернатора" in k): "temporaryActing",
        next(k for k in posts if "директора" in k): "interimActing",
        next(k for k in posts if k.startswith("Министр")): None,
    }, posts
    workflow.accept(store, settings, "acting", reason_after=False)
