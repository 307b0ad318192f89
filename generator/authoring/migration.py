"""Migrations: rewrite records written to an older schema so this release reads them.

Each step upgrades records from one schema to the next (:data:`STEPS`, keyed by the
schema it starts from); a repository several schemas behind runs them in order. Steps are
pure: they get each record's text and the answers the git edge gave for the commit ids
they asked about, and return new text, a line per change and the problems that stop them.
The last step of every migration sets ``schema:`` in ``servicebook.yml``.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from generator.authoring import full_commit_ids
from generator.history.commit_names import Resolved
from generator.records.schema_version import CURRENT_SCHEMA, INTRODUCED_IN


@dataclass(frozen=True)
class Step:
    """One migration: from ``source`` to ``source + 1``."""

    source: int
    summary: str
    wanted: Callable[[str, str], list[str]]
    """The short commit ids a file (rel, text) needs resolved."""
    rewrite: Callable[[str, str, Mapping[str, Resolved]], full_commit_ids.Rewritten]

    def describe(self) -> str:
        """``1 → 2: what the step does``, as the summary and the commit message say it."""
        return f"{self.source} → {self.source + 1}: {self.summary}"


STEPS: dict[int, Step] = {
    1: Step(
        1,
        "short commit ids of maintenance plans written out in full",
        lambda rel, text: [short.key for short in full_commit_ids.short_ids(rel, text)],
        full_commit_ids.rewrite,
    ),
}


@dataclass
class Plan:
    """What migrating a repository's records does: new texts by path, what changed, and
    the problems that keep it from being written (``path``, line, message)."""

    source: int
    texts: dict[str, str] = field(default_factory=dict)
    changes: dict[str, list[str]] = field(default_factory=dict)
    problems: list[tuple[str, int, str]] = field(default_factory=list)

    @property
    def steps(self) -> list[Step]:
        """The steps from the repository's schema to the current one."""
        return steps_between(self.source)


def steps_between(source: int) -> list[Step]:
    """The steps that take records of ``source`` to the current schema, in order."""
    return [STEPS[schema] for schema in range(source, CURRENT_SCHEMA)]


def wanted_ids(steps: list[Step], texts: Mapping[str, str]) -> set[str]:
    """Every short commit id the steps need resolved in ``texts``."""
    return {key for step in steps for rel, text in texts.items() for key in step.wanted(rel, text)}


def migrate(
    source: int,
    texts: Mapping[str, str],
    settings: str | None,
    resolved: Mapping[str, Resolved],
    settings_path: str,
) -> Plan:
    """Run the steps from ``source`` on the record ``texts`` and set the schema in the
    settings file (``settings``: its text, None when there is none)."""
    plan = Plan(source)
    current = dict(texts)
    for step in steps_between(source):
        for rel in sorted(current):
            done = step.rewrite(rel, current[rel], resolved)
            plan.problems += [(rel, line, message) for line, message in done.problems]
            if done.text != current[rel]:
                current[rel] = done.text
                plan.changes.setdefault(rel, []).extend(done.changes)
    plan.texts = {rel: text for rel, text in current.items() if text != texts[rel]}
    plan.texts[settings_path] = with_schema(settings, CURRENT_SCHEMA)
    plan.changes[settings_path] = [f"schema: {CURRENT_SCHEMA}"]
    return plan


_SCHEMA_LINE = re.compile(r"^schema[ \t]*:[ \t]*([^#\r\n]*?)([ \t]*(?:#.*)?)(\r?\n|$)", re.M)


def declares_schema(settings: str) -> bool:
    """Whether the settings text has a ``schema:`` line of its own."""
    return _SCHEMA_LINE.search(settings) is not None


def with_schema(settings: str | None, schema: int) -> str:
    """The settings text with ``schema: <schema>`` (replaced in place, or added)."""
    if settings is None:
        return f"{_SCHEMA_COMMENT}schema: {schema}\n"
    found = _SCHEMA_LINE.search(settings)
    if found is not None:
        start, end = found.span(1)
        return settings[:start] + str(schema) + settings[end:]
    ending = "\r\n" if "\r\n" in settings else "\n"
    spacer = "" if not settings or settings.endswith("\n") else ending
    comment = _SCHEMA_COMMENT.replace("\n", ending)
    return f"{settings}{spacer}{comment}schema: {schema}{ending}"


_SCHEMA_COMMENT = (
    "# The schema the records are written to; `servicebook migrate` upgrades older ones.\n"
)


def diff(rel: str, before: str | None, after: str) -> str:
    """A unified diff of one file, as git would show it (``before`` None: a new file)."""
    old = [] if before is None else before.splitlines(keepends=True)
    lines = difflib.unified_diff(
        old,
        after.splitlines(keepends=True),
        fromfile="/dev/null" if before is None else f"a/{rel}",
        tofile=f"b/{rel}",
    )
    return "".join(
        line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines
    )


def commit_message(plan: Plan) -> str:
    """The commit of an applied migration: the schemas, then each file's changes."""
    head = (
        f"Migrate the records from schema {plan.source} to {CURRENT_SCHEMA} "
        f"(Servicebook {INTRODUCED_IN[CURRENT_SCHEMA]})"
    )
    steps = "".join(f"- {step.describe()}\n" for step in plan.steps)
    files = "".join(
        f"\n{rel}:\n" + "".join(f"  {change}\n" for change in plan.changes[rel])
        for rel in sorted(plan.changes)
    )
    return f"{head}\n\nWritten by servicebook migrate --apply:\n{steps}{files}"
