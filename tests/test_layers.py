"""The house rule: the package reads bottom-up, with no import circle and no import up a layer.

The layer order is the one drawn in ``docs/architecture.md``. Every import counts, the
ones inside functions and under ``TYPE_CHECKING`` too: an import dodged into a function
is still a dependency. A module in no layer fails the test, so a new folder has to be
placed in the drawing first.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "generator"

LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("base", ("generator", "generator.errors")),
    ("models", ("generator.models",)),
    ("records", ("generator.records",)),
    ("settings", ("generator.settings_file", "generator.output_folders", "generator.config")),
    ("sla", ("generator.sla",)),
    ("analysis", ("generator.analysis", "generator.access")),
    ("checks", ("generator.checks",)),
    ("history", ("generator.history",)),
    ("evidence", ("generator.evidence",)),
    ("facts", ("generator.facts",)),
    ("views", ("generator.views",)),
    ("render", ("generator.render",)),
    ("exports", ("generator.exports",)),
    ("publish", ("generator.publish",)),
    ("pipeline", ("generator.pipeline", "generator.validation")),
    ("authoring", ("generator.authoring",)),
    ("sources", ("generator.intake", "generator.importer")),
    ("commands", ("generator.commands",)),
    ("cli", ("generator.cli", "generator.__main__")),
)


def modules() -> dict[str, Path]:
    """Every module of the package by dotted name (a package by its own name)."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def imports_of(name: str, path: Path, known: dict[str, Path]) -> Iterator[tuple[int, str]]:
    """(line, module) of every import of a package module in ``path``."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in known:
                    yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            for alias in node.names:
                target = f"{base}.{alias.name}"
                if target in known:
                    yield node.lineno, target
                elif base in known:
                    yield node.lineno, base


def layer_of(module: str) -> int | None:
    """Index of the layer ``module`` belongs to (the longest matching prefix wins)."""
    best: tuple[int, int] | None = None
    for index, (_name, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            nested = prefix != "generator" and module.startswith(prefix + ".")
            if (module == prefix or nested) and (best is None or len(prefix) > best[1]):
                best = (index, len(prefix))
    return None if best is None else best[0]


def graph() -> dict[str, set[str]]:
    """Module → the package modules it imports."""
    known = modules()
    return {
        name: {target for _line, target in imports_of(name, path, known) if target != name}
        for name, path in known.items()
    }


def test_every_module_has_a_layer() -> None:
    unplaced = [name for name in modules() if layer_of(name) is None]
    assert unplaced == [], f"place these in LAYERS and docs/architecture.md: {unplaced}"


def test_no_import_runs_up_a_layer() -> None:
    known = modules()
    upward = []
    for name, path in known.items():
        here = layer_of(name)
        for line, target in imports_of(name, path, known):
            there = layer_of(target)
            if here is not None and there is not None and there > here:
                rel = path.relative_to(PACKAGE.parent)
                upward.append(
                    f"{rel}:{line}: {LAYERS[here][0]} imports {target} ({LAYERS[there][0]})"
                )
    assert upward == []


def test_no_import_circle() -> None:
    edges = graph()
    circles = [component for component in _strong_components(edges) if len(component) > 1]
    assert circles == []


def test_the_architecture_page_draws_these_layers() -> None:
    page = (PACKAGE.parent / "docs" / "architecture.md").read_text(encoding="utf-8")
    drawn = re.findall(r"^\| (\d+) \| `(\w+)` \|", page, flags=re.MULTILINE)
    assert [name for _number, name in drawn] == [name for name, _prefixes in LAYERS]


# What the command line may use besides the commands: the error types its one handler
# prints, and the tables of fields and event options it turns into flags (plus whether
# standard input is a terminal, for ``new``). Anything else would be work done in the CLI.
CLI_MAY_IMPORT = (
    "generator",
    "generator.errors",
    "generator.authoring.eventspec",
    "generator.authoring.newrecord",
    "generator.authoring.prompts",
)


def test_the_cli_only_parses_and_prints() -> None:
    """The CLI calls the commands' ``run``; it imports no layer below to do work itself."""
    known = modules()
    doing = []
    for name, path in known.items():
        if layer_of(name) != len(LAYERS) - 1:
            continue
        for line, target in imports_of(name, path, known):
            below = layer_of(target) not in (len(LAYERS) - 1, len(LAYERS) - 2)
            if below and target not in CLI_MAY_IMPORT:
                doing.append(f"{path.relative_to(PACKAGE.parent)}:{line}: imports {target}")
    assert doing == []


def test_the_layer_check_sees_an_upward_import(tmp_path: Path) -> None:
    """The check itself can fail: a records module importing the pipeline is caught."""
    known = {"generator.records.x": tmp_path / "x.py", "generator.pipeline": tmp_path / "p.py"}
    known["generator.records.x"].write_text("from generator.pipeline import validate\n")
    found = list(imports_of("generator.records.x", known["generator.records.x"], known))
    assert found == [(1, "generator.pipeline")]
    here, there = layer_of("generator.records.x"), layer_of("generator.pipeline")
    assert here is not None and there is not None and there > here


def _strong_components(edges: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's strongly connected components, iterative (sorted for stable messages)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for start in sorted(edges):
        if start in index:
            continue
        work = [(start, iter(sorted(edges[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    found.append(sorted(component))
            elif child not in index:
                index[child] = low[child] = len(index)
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(sorted(edges.get(child, ())))))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
    return found
