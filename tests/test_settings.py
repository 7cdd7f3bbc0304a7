"""Settings: declared once with help, overridable by POLICYKG_* variables, all documented (docs/)."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from server.cli.main import main
from server.core.errors import ConfigError
from server.core.settings import Settings

ROOT = Path(__file__).resolve().parents[1]


def test_every_setting_has_help_and_is_documented():
    """docs/settings.md holds a marker that the MkDocs hook replaces by the generated table."""
    from server.cli.docs import settings_markdown

    assert "<!-- generated: settings -->\n" in (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    assert "server.cli.docs" in (ROOT / "docs" / "hooks.py").read_text(encoding="utf-8")
    table = settings_markdown()
    for f in Settings.fields():
        assert f.metadata.get("help"), f.name
        env = f"POLICYKG_{f.name.upper()}"
        row = next((line for line in table.splitlines() if line.startswith(f"| `{env}` |")), None)
        assert row, f"docs/settings.md does not document {env}"
        assert f.metadata["help"].split()[0] in row


def test_env_overrides_and_types():
    s = Settings.from_env({"POLICYKG_PORT": "9001", "POLICYKG_MEMORY": "true", "POLICYKG_QUERY_TIMEOUT": "2.5"})
    assert (s.port, s.memory, s.query_timeout) == (9001, True, 2.5)
    assert Settings.from_env({}).host == "127.0.0.1"
    assert Settings.from_env({"POLICYKG_PORT": "1"}, port=2).port == 2  # explicit beats env


def test_bad_env_value_is_a_clear_error():
    with pytest.raises(ConfigError, match="POLICYKG_PORT"):
        Settings.from_env({"POLICYKG_PORT": "eighty"})


def test_every_cli_command_is_documented():
    """docs/cli.md holds a marker that the MkDocs hook replaces by the generated reference."""
    from server.cli.docs import cli_markdown

    assert "<!-- generated: cli -->\n" in (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert "server.cli.docs" in (ROOT / "docs" / "hooks.py").read_text(encoding="utf-8")
    reference = cli_markdown()
    for name, command in main.commands.items():
        heading = rf"^### `policykg {name}`$"
        assert re.search(heading, reference, re.MULTILINE), f"docs/cli.md does not document `policykg {name}`"
        for param in command.params:
            if isinstance(param, click.Option):
                assert max(param.opts, key=len) in reference, (name, param.opts)


def test_cli_help_lists_commands():
    out = CliRunner().invoke(main, ["--help"]).output
    for name in ("load", "validate", "reason", "query", "export", "stats", "serve"):
        assert name in out


def test_serve_workers_default_to_two_per_cpu_and_bad_counts_are_refused():
    import os

    assert Settings.from_env({}).workers == 2 * len(os.sched_getaffinity(0))
    assert Settings.from_env({}).threads == 6
    assert Settings.from_env({"POLICYKG_WORKERS": "3"}).workers == 3
    for args, env in (
        (["serve", "--memory", "--workers", "0"], {}),
        (["serve", "--memory"], {"POLICYKG_THREADS": "0"}),
    ):
        result = CliRunner().invoke(main, args, env=env)
        assert result.exit_code == 1, result.output
        assert "must be at least 1" in result.output
