"""Fixtures of the robustness suite. CI runs are bounded; POLICYKG_HEAVY=1 runs the long
variant (more examples, >= 100 kill iterations). Figures are printed in the terminal summary
and written as JSON to $POLICYKG_ROBUSTNESS_REPORT when set."""

from __future__ import annotations

import json
import os

import pytest
from hypothesis import HealthCheck, settings

from server.app.factory import create_app
from server.core.settings import Settings
from server.store import EmbeddedStore

from .helpers import FIGURES, HEAVY

TOKEN = "test-token-0123456789"

settings.register_profile(
    "policykg-robustness",
    deadline=None,
    derandomize=True,
    database=None,
    print_blob=True,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.function_scoped_fixture,
        HealthCheck.data_too_large,
        HealthCheck.filter_too_much,
    ],
)
settings.load_profile("policykg-robustness")


def examples(ci: int, heavy: int | None = None) -> int:
    """Examples per property: ``ci`` in CI, ``heavy`` (default 10 x ci) with POLICYKG_HEAVY=1."""
    return (heavy or ci * 10) if HEAVY else ci


@pytest.fixture
def fuzz_store(seeded_store) -> EmbeddedStore:
    """A fresh in-memory copy of the seeded store (the shipped data and inferences)."""
    st = EmbeddedStore(None)
    st.raw.extend(list(seeded_store.quads()))
    return st


@pytest.fixture
def fuzz_settings(tmp_path) -> Settings:
    return Settings.from_env(
        {},
        memory=True,
        data_dir=str(tmp_path / "store"),
        update_token=TOKEN,
        query_timeout=3.0,
        max_rows=2000,
        max_construct_triples=5000,
    )


@pytest.fixture
def fuzz_app(fuzz_settings, fuzz_store):
    app = create_app(fuzz_settings, store=fuzz_store)
    app.logger.disabled = True
    return app


@pytest.fixture
def fuzz_client(fuzz_app):
    return fuzz_app.test_client()


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    data = FIGURES.as_dict()
    if not data["counts"] and not data["measurements"]:
        return
    terminalreporter.section("policykg robustness figures")
    for key, value in data["counts"].items():
        terminalreporter.write_line(f"{key:>28}: {value}")
    for key, value in data["measurements"].items():
        terminalreporter.write_line(f"{key:>28}: {value}")
    path = os.environ.get("POLICYKG_ROBUSTNESS_REPORT")
    if path:
        with open(path, "w", encoding="utf-8") as fh:
            json.dump({"heavy": HEAVY, **data}, fh, indent=2, ensure_ascii=False)
