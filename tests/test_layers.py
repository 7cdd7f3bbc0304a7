"""The house's layers: every import of server code goes down a floor or stays on its own, never up,
and no two modules import each other (directly or in a loop). Read from the source with ast."""

from __future__ import annotations

import ast
from pathlib import Path

SERVER = Path(__file__).resolve().parents[1] / "server"

# Bottom to top. A module may import its own package and any package below it.
FLOORS = ["core", "sparql", "store", "protocol", "graph", "publish", "ingest", "browse", "views", "app", "cli"]


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SERVER.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """The server modules (or packages) a file imports, wherever the import stands (also inside functions)."""
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module and node.module.startswith("server"):
            out.add(node.module)
            out.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.startswith("server"))
        elif isinstance(node, ast.ImportFrom) and node.level:
            raise AssertionError(f"{path}: relative import; write it absolute (from server.x.y import z)")
    return out


MODULES = {module_name(p): p for p in SERVER.rglob("*.py")}
GRAPH = {name: {m for m in imports(p) if m in MODULES and m != name} for name, p in MODULES.items()}


def floor(module: str) -> int | None:
    parts = module.split(".")
    return FLOORS.index(parts[1]) if len(parts) > 1 and parts[1] in FLOORS else None


def test_every_package_is_on_a_floor():
    packages = {p.name for p in SERVER.iterdir() if (p / "__init__.py").is_file()}
    assert packages == set(FLOORS)


def test_imports_never_run_up_a_floor():
    up = [
        f"{a} -> {b}"
        for a, targets in GRAPH.items()
        for b in targets
        if floor(a) is not None and floor(b) is not None and floor(b) > floor(a)  # type: ignore[operator]
    ]
    assert up == []


def test_only_the_top_imports_the_package_face():
    """``server/__init__.py`` re-exports create_app for users; nothing inside imports it."""
    assert [a for a, targets in GRAPH.items() if "server" in targets and a != "server.__main__"] == []


def test_no_circle():
    seen: dict[str, int] = {}  # 1 = on the current path, 2 = done
    circles: list[list[str]] = []

    def visit(node: str, path: list[str]) -> None:
        seen[node] = 1
        for nxt in sorted(GRAPH[node]):
            if seen.get(nxt) == 1:
                circles.append(path[path.index(nxt) :] + [nxt])
            elif nxt not in seen:
                visit(nxt, path + [nxt])
        seen[node] = 2

    for name in sorted(GRAPH):
        if name not in seen:
            visit(name, [name])
    assert circles == []


def test_views_are_http_only():
    """Services never import Flask; only views/ and app/ (and the CLI's serve) do."""
    flask_users = sorted(
        n
        for n, p in MODULES.items()
        if any(m == "flask" or m.startswith("flask.") for m in _third_party(p))
        and floor(n) is not None
        and FLOORS[floor(n)] not in ("views", "app")  # type: ignore[index]
    )
    assert flask_users == []


def _third_party(path: Path) -> set[str]:
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            out.add(node.module)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
    return out
