"""A non-editable install finds its ontology/, data/ and queries/ without the checkout."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(ROOT)],
        check=True,
        cwd=out,
    )
    return next(out.glob("policykg-*.whl"))


def test_wheel_ships_ontology_data_and_queries(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    data = [n for n in names if "/data/share/policykg/" in n]
    assert any(n.endswith("share/policykg/ontology/policy.ttl") for n in data)
    assert any(n.endswith("share/policykg/ontology/shapes.ttl") for n in data)
    assert any(n.endswith("share/policykg/data/article-2026-01-27.ttl") for n in data)
    assert any(n.endswith("share/policykg/data/sources/article-2026-01-27.txt") for n in data)
    for vendored in ("yasgui.min.js", "yasgui.min.css", "LICENSE"):  # the query editor, no CDN
        assert f"server/static/yasgui/{vendored}" in names
    assert "server/static/query-editor.js" in names
    assert any(n.startswith("server/templates/") for n in names) or not list((ROOT / "server" / "templates").glob("*"))


def test_installed_command_loads_and_answers_outside_the_checkout(wheel, tmp_path):
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(system_site_packages=True, with_pip=False).create(env_dir)
    py = env_dir / "bin" / "python"
    subprocess.run(
        [str(py), "-m", "pip", "install", "-q", "--no-deps", "--force-reinstall", str(wheel)], check=True, cwd=tmp_path
    )
    # the installed package, not a checkout on PYTHONPATH (the suite is run with one)
    env = {k: v for k, v in os.environ.items() if not k.startswith("POLICYKG_") and k != "PYTHONPATH"}
    cmd = env_dir / "bin" / "policykg"
    store = tmp_path / "store"
    load = subprocess.run(
        [str(cmd), "load", "--data-dir", str(store)], capture_output=True, text=True, cwd=tmp_path, env=env, check=False
    )
    assert load.returncode == 0, load.stderr
    assert (
        "share/policykg"
        in subprocess.run(
            [str(py), "-c", "from server.core.resources import resource_dir; print(resource_dir('data'))"],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            env=env,
            check=True,
        ).stdout
    )
    stats = subprocess.run(
        [str(cmd), "stats", "--json", "--data-dir", str(store)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        check=True,
    )
    data = json.loads(stats.stdout)
    assert any(g["iri"].endswith("graph/article-2026-01-27") and g["triples"] > 300 for g in data["graphs"])
