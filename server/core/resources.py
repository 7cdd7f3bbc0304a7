"""Where the shipped ontology/, data/ and queries/ folders are.

From a checkout they sit next to the ``server`` package; a wheel installs them as data files
in ``<prefix>/share/policykg/`` (see pyproject.toml), found here from the install prefix.
"""

from __future__ import annotations

import site
import sys
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parents[1]  # the server package (this file is in server/core/)


def _candidates(name: str) -> list[Path]:
    if (_PACKAGE.parent / "pyproject.toml").is_file():  # a checkout (or an editable install)
        return [_PACKAGE.parent / name]
    prefixes = [sys.prefix, sys.base_prefix, getattr(site, "USER_BASE", None) or ""]
    # a wheel installed under some prefix P has its package in P/lib/pythonX.Y/site-packages/server
    if len(_PACKAGE.parents) > 3:
        prefixes.append(str(_PACKAGE.parents[3]))
    return [Path(p) / "share" / "policykg" / name for p in prefixes if p]


def resource_dir(name: str) -> Path:
    """The folder ``ontology``, ``data`` or ``queries``."""
    for candidate in _candidates(name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"policykg cannot find its {name}/ folder next to {_PACKAGE}")


def ontology_files() -> list[Path]:
    """The ontology's Turtle files (everything in ontology/ except the SHACL shapes)."""
    return sorted(p for p in resource_dir("ontology").glob("*.ttl") if p.name != "shapes.ttl")


def shapes_file() -> Path:
    return resource_dir("ontology") / "shapes.ttl"


def data_files() -> list[Path]:
    return sorted(resource_dir("data").glob("*.ttl"))


def default_files() -> list[Path]:
    return ontology_files() + data_files()
