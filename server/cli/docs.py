"""Markdown for the documentation site, generated from the declarations themselves.

The pages under ``docs/`` hold markers such as ``<!-- generated: settings -->``; the MkDocs
hook (``docs/hooks.py``) calls ``expand`` on every page, so ``mkdocs build`` always shows the
current settings (``server.core.settings``), commands (``server.cli.main``) and named queries
(``queries/*.rq``).
"""

from __future__ import annotations

import dataclasses
import inspect
import re
from collections.abc import Callable

import click

from server.cli.main import main
from server.core.settings import ENV_PREFIX, Settings
from server.publish.named_queries import load_queries

MARKER = re.compile(r"^<!-- generated: ([a-z-]+) -->[ \t]*$", re.MULTILINE)  # alone on its line
ENV_IN_HELP = re.compile(r"\[env (" + ENV_PREFIX + r"[A-Z_]+)")


def inline(text: str) -> str:
    """Plain text for a Markdown table cell or list item: code spans kept, the rest escaped."""
    out = []
    for i, part in enumerate(text.split("`")):
        if i % 2:  # inside a code span
            out.append(f"`{part}`")
            continue
        part = re.sub(r"([\\*<|\[\]])", r"\\\1", part)
        out.append(re.sub(r"(?<![\w`])(" + ENV_PREFIX + r"[A-Z_]+)", r"`\1`", part))
    return "".join(out)


def _commands() -> list[tuple[str, click.Command]]:
    return list(main.commands.items())


def _options_by_env() -> dict[str, list[tuple[str, str]]]:
    """POLICYKG_NAME -> [(option, command)] for every option whose help says ``[env POLICYKG_NAME``."""
    found: dict[str, list[tuple[str, str]]] = {}
    for name, cmd in _commands():
        for param in cmd.params:
            if isinstance(param, click.Option):
                m = ENV_IN_HELP.search(param.help or "")
                if m:
                    long = max(param.opts, key=len)
                    found.setdefault(m.group(1), []).append((long, name))
    return found


def _default(f: dataclasses.Field[object]) -> str:
    if f.default_factory is not dataclasses.MISSING:  # computed: say how, not what it is here
        factory: Callable[[], object] = f.default_factory
        doc = inspect.getdoc(factory) or factory.__name__
        return inline(doc.splitlines()[0].rstrip("."))
    value = f.default
    return "`(empty)`" if value == "" else f"`{value}`"


def settings_markdown() -> str:
    """The table of every setting: variable, CLI option, default and help, in declaration order."""
    options = _options_by_env()
    lines = ["| Variable | CLI option | Default | Meaning |", "|---|---|---|---|"]
    for f in Settings.fields():
        env = ENV_PREFIX + f.name.upper()
        used = options.get(env, [])
        opts = sorted({opt for opt, _ in used})
        cells = []
        for opt in opts:
            commands = [c for o, c in used if o == opt]
            where = f" (`policykg {' / '.join(commands)}`)" if len(commands) <= 2 else ""
            cells.append(f"`{opt}`{where}")
        lines.append(f"| `{env}` | {', '.join(cells)} | {_default(f)} | {inline(f.metadata['help'])} |")
    return "\n".join(lines) + "\n"


def _usage(name: str, cmd: click.Command) -> str:
    ctx = click.Context(cmd, info_name=name, parent=click.Context(main, info_name="policykg"))
    return f"policykg {name} " + " ".join(cmd.collect_usage_pieces(ctx))


def cli_markdown() -> str:
    """Every ``policykg`` command: usage, help and options, as click declares them."""
    root = click.Context(main, info_name="policykg")
    out = [inline(inspect.cleandoc(main.help or "")), ""]
    own = _help_records(main.get_params(root), root)
    out += ["Options of `policykg` itself:", ""] + [f"- `{names}`: {inline(text)}" for names, text in own if names]
    out.append("")
    for name, cmd in _commands():
        ctx = click.Context(cmd, info_name=name, parent=root)
        out += [f"### `policykg {name}`", "", "```", _usage(name, cmd).rstrip(), "```", ""]
        help_text = inspect.cleandoc(cmd.help or "").replace("\b\n", "")
        out += [inline(p.replace("\n", " ")) + "\n" for p in help_text.split("\n\n") if p.strip()]
        records = _help_records(cmd.params, ctx)
        if records:
            out.append("Options:\n")
            out += [f"- `{names}`: {inline(text)}" if text else f"- `{names}`" for names, text in records]
            out.append("")
    return "\n".join(out) + "\n"


def _help_records(params: list[click.Parameter], ctx: click.Context) -> list[tuple[str, str]]:
    """(option names, help) of the options that --help shows (hidden ones have no record)."""
    records = (p.get_help_record(ctx) for p in params if isinstance(p, click.Option))
    return [r for r in records if r is not None]


def named_queries_markdown() -> str:
    """Every named query of queries/*.rq, from its header (as ``policykg queries --markdown``)."""
    from server.cli.queries import markdown

    return markdown(load_queries())


GENERATORS: dict[str, Callable[[], str]] = {
    "settings": settings_markdown,
    "cli": cli_markdown,
    "named-queries": named_queries_markdown,
}


def expand(markdown: str) -> str:
    """Replace every ``<!-- generated: NAME -->`` line by the generated Markdown (not one quoted in text)."""

    def one(m: re.Match[str]) -> str:
        if m.group(1) not in GENERATORS:
            raise ValueError(f"unknown generated section {m.group(1)!r}; known: {', '.join(GENERATORS)}")
        return GENERATORS[m.group(1)]()

    return MARKER.sub(one, markdown)
