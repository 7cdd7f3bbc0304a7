"""Without the W3C suites the W3C modules skip with a notice, except in CI, where their
collection fails: a missing suite must not pass there as a skip."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from . import support

MODULE = """
import sys

sys.path.insert(0, {tests!r})
from w3c import support  # noqa: E402

support.SPARQL11 = support.SPARQL11.parent / "no-such-suite"
support.require_suite()


def test_anything():
    pass
"""


@pytest.fixture
def missing(monkeypatch):
    monkeypatch.setattr(support, "available", lambda: False)


@pytest.mark.parametrize("ci", ["true", "1", "yes"])
def test_missing_suite_fails_in_ci(missing, monkeypatch, ci):
    monkeypatch.setenv("CI", ci)
    with pytest.raises(pytest.fail.Exception, match="W3C test suites not found .* CI is set"):
        support.require_suite()


@pytest.mark.parametrize("ci", [None, "", "false", "0"])
def test_missing_suite_skips_elsewhere(missing, monkeypatch, ci):
    if ci is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", ci)
    with pytest.raises(pytest.skip.Exception, match="W3C test suites not found"):
        support.require_suite()


@pytest.mark.parametrize(("ci", "outcome"), [("true", "1 error"), ("", "1 skipped")])
def test_a_module_without_the_suite_is_a_collection_error_in_ci(tmp_path, ci, outcome):
    """A real pytest run of a module that calls require_suite() with the suites pointed elsewhere."""
    (tmp_path / "test_w3c_module.py").write_text(MODULE.format(tests=str(Path(__file__).resolve().parents[1])))
    env = {k: v for k, v in os.environ.items() if k != "CI"} | {"CI": ci}
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:randomly", "-p", "no:cacheprovider", str(tmp_path)],
        check=False,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
    )
    assert outcome in run.stdout, run.stdout + run.stderr
    if ci:
        assert run.returncode != 0 and "CI is set: the W3C suites must run there" in run.stdout
    else:
        assert run.returncode == 5 and "W3C test suites not found" in run.stdout  # 5: nothing ran
