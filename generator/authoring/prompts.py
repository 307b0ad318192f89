"""Ask for missing values on a terminal; refuse politely when there is none.

Scripts pass every value as a flag; a person at a terminal is asked for what is
missing, with the default in brackets.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from generator.authoring.newrecord import FieldSpec
from generator.errors import UsageError

Ask = Callable[[str], str]
Suggest = Callable[[str, Mapping[str, str]], tuple[str, str] | None]
"""For a field name and the values given so far: a suggested value and why, or None."""


def interactive() -> bool:
    """True when standard input and output are a terminal."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def complete(
    specs: Sequence[FieldSpec],
    given: Mapping[str, str | None],
    *,
    ask: Ask | None,
    suggest: Suggest | None = None,
) -> dict[str, str]:
    """Every field's raw text: the flag, else the answer (when ``ask``), else the default.

    On a terminal, ``suggest`` may offer a default worked out from the answers so far
    (a request's category from its title); pressing Enter takes it. Without ``ask`` a
    missing required value is a usage error listing all of them.
    """
    values: dict[str, str] = {}
    missing: list[str] = []
    for spec in specs:
        value = given.get(spec.name)
        if value is None and ask is not None:
            offer = suggest(spec.name, values) if suggest is not None else None
            if offer is not None and not spec.default:
                spec = replace(spec, default=offer[0], help=f"{spec.help}; {offer[1]}")
            value = _ask(ask, spec)
        if value is None or value == "":
            value = spec.default
        if spec.required and not value:
            missing.append(spec.flag)
        values[spec.name] = value
    if missing:
        raise UsageError(
            f"missing {', '.join(missing)}; pass them as options "
            "(servicebook asks for them only when run on a terminal)"
        )
    return values


def _ask(ask: Ask, spec: FieldSpec) -> str | None:
    hint = f" [{spec.default}]" if spec.default else (" (optional)" if not spec.required else "")
    while True:
        answer = ask(f"{spec.name.replace('_', ' ').capitalize()} — {spec.help}{hint}: ").strip()
        if answer or not spec.required or spec.default:
            return answer or None
