"""The only writers: a fourth way to write a file cannot appear unnoticed.

Records are written by ``authoring.atomic`` (bytes), ``authoring.yaml_scalars``
(values) and ``authoring.paths`` (where). This test lists every module in
``generator/`` that renames a file into place or syncs one to the disk; a new one
must be added here on purpose, with a reason, or use ``authoring.atomic``.
"""

from __future__ import annotations

import ast
from pathlib import Path

GENERATOR = Path(__file__).resolve().parents[1] / "generator"

# Module -> why it may write a file into place itself.
RENAMERS = {
    "generator.authoring.atomic": "the one atomic writer of records",
    "generator.records.cache": "the parse cache, local state outside records/",
    "generator.publish.site_sync": "the staged and the built site, outside records/",
    "generator.history.parsed_blobs": "parsed history blobs, local state in the cache",
    "generator.publish.unchanged_run": "the last generate run's key, local state in the cache",
}
# Modules that call the atomic writer: all record writing goes through these.
ATOMIC_CALLERS = {
    "generator.authoring.batch",
    "generator.authoring.workspace",
    "generator.commands.close",
    "generator.commands.generated_file",
    "generator.commands.init",
    "generator.commands.intake",
    "generator.commands.migrate",
}
_OS_CALLS = {"replace", "rename", "renames", "link", "fsync"}


def _module(path: Path) -> str:
    parts = path.relative_to(GENERATOR.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _renames(tree: ast.AST) -> bool:
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        name, owner = node.func.attr, node.func.value
        if isinstance(owner, ast.Name) and owner.id == "os" and name in _OS_CALLS:
            return True
        one_path_argument = (
            len(node.args) == 1 and not node.keywords and not isinstance(node.args[0], ast.Constant)
        )
        if name in {"replace", "rename"} and one_path_argument:  # Path.replace(target)
            return True
    return False


def _calls_atomic_writer(tree: ast.AST) -> bool:
    return any(
        isinstance(node, ast.ImportFrom) and node.module == "generator.authoring.atomic"
        for node in ast.walk(tree)
    )


def _modules(test: object) -> set[str]:
    found = set()
    for path in sorted(GENERATOR.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if test(tree):  # type: ignore[operator]
            found.add(_module(path))
    return found


def test_only_the_known_modules_rename_a_file_into_place() -> None:
    assert _modules(_renames) == set(RENAMERS)


def test_only_the_known_modules_call_the_atomic_writer() -> None:
    assert _modules(_calls_atomic_writer) == ATOMIC_CALLERS
