"""The documentation site (docs/, mkdocs.yml): every HTTP route of the app is documented, the
generated sections expand, and the site builds with ``mkdocs build --strict`` when MkDocs is there."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from server.core.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


def app_rules() -> list[str]:
    """Every URL rule of the app, as ``create_app`` registers them (on an empty in-memory store)."""
    from server import create_app
    from server.store import open_store

    settings = Settings(memory=True)
    app = create_app(settings, store=open_store(settings))
    return sorted({r.rule for r in app.url_map.iter_rules()})


def rule_pattern(rule: str) -> re.Pattern:
    """A rule as the docs write it: each ``<converter:name>`` stands for any value (``<name>``,
    ``NAME``, ``X``, an example), a path converter's value may hold slashes; the path is found in
    code, alone or after a method, a host, a space or a bracket, and not as the start of a longer path."""
    parts = re.split(r"(<[^>]+>)", rule)
    body = ""
    for part in parts:
        if part.startswith("<"):
            body += r"[^\s?#`'\"|)]+" if part.startswith("<path:") else r"[^\s/?#`'\"|)]+"
        else:
            body += re.escape(part)
    before = r"(?:^|[\s(`'\"]|https?://[\w.:\[\]-]+)"  # start, a space, a quote or a host
    after = r"(?=$|[\s?#`'\"|),;]|\.\.\.|…)"  # the path ends: not /classes for /class
    return re.compile(before + body + after, re.MULTILINE)


def code_text() -> str:
    """The code spans and code blocks of every page: where the docs name paths."""
    chunks = []
    for page in sorted(DOCS.glob("*.md")):
        text = page.read_text(encoding="utf-8")
        chunks += re.findall(r"^```[^\n]*\n(.*?)^```", text, re.DOTALL | re.MULTILINE)
        chunks += re.findall(r"`([^`\n]+)`", re.sub(r"^```.*?^```", "", text, flags=re.DOTALL | re.MULTILINE))
    return "\n".join(chunks)


def test_every_route_is_documented():
    text = code_text()
    rules = app_rules()
    assert "/sparql" in rules and "/store/<path:_rest>" in rules  # the list is the real one
    missing = [rule for rule in rules if not rule_pattern(rule).search(text)]
    assert not missing, f"routes not named in docs/*.md: {missing}"


def test_rule_pattern_is_not_fooled_by_longer_paths():
    assert not rule_pattern("/class").search("`/classes`")
    assert rule_pattern("/class").search("GET /class?iri=C")
    assert rule_pattern("/api/queries/<name>.rq").search(
        "curl 'http://127.0.0.1:8000/api/queries/proposals-by-actor.rq'"
    )
    assert rule_pattern("/data/<path:rest>").search("/data/person/kozlovsky-aleksandr.ttl")
    assert not rule_pattern("/ingest/drafts/<name>").search("/ingest/drafts")
    assert rule_pattern("/").search("GET /")


def test_generated_sections_expand_and_unknown_markers_fail():
    from server.cli.docs import GENERATORS, expand

    for name in GENERATORS:
        out = expand(f"before\n<!-- generated: {name} -->\nafter\n")
        assert "<!-- generated" not in out and len(out) > 200, name
    quoted = "the marker `<!-- generated: settings -->` in a sentence"
    assert expand(quoted) == quoted  # only a marker alone on its line is replaced
    with pytest.raises(ValueError, match="nope"):
        expand("<!-- generated: nope -->\n")
    assert "`proposals-by-actor`" in GENERATORS["named-queries"]()


def test_every_page_is_in_the_nav_and_markers_are_known():
    from server.cli.docs import GENERATORS, MARKER

    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for page in DOCS.glob("*.md"):
        assert f": {page.name}" in config, f"{page.name} is not in the nav of mkdocs.yml"
        for name in MARKER.findall(page.read_text(encoding="utf-8")):
            assert name in GENERATORS, (page.name, name)


def test_mkdocs_build_strict(tmp_path):
    pytest.importorskip("mkdocs", reason="MkDocs is not installed (pip install '.[docs]')")
    pytest.importorskip("material", reason="mkdocs-material is not installed (pip install '.[docs]')")
    mkdocs = [sys.executable, "-m", "mkdocs"] if shutil.which("mkdocs") is None else ["mkdocs"]
    run = subprocess.run(
        [*mkdocs, "build", "--strict", "-d", str(tmp_path / "site")],
        cwd=ROOT,
        check=False,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert run.returncode == 0, run.stdout + run.stderr
    settings_page = (tmp_path / "site" / "settings" / "index.html").read_text(encoding="utf-8")
    assert all(f"POLICYKG_{f.name.upper()}" in settings_page for f in Settings.fields())
    assert (tmp_path / "site" / "img" / "resource-page.png").is_file()
    assert not (tmp_path / "site" / "hooks.py").exists()
