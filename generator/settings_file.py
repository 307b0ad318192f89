"""Read a small YAML settings file (``servicebook.yml``, an import mapping) into a model.

Problems become one UserError naming the file, the line of a YAML syntax error, or
each invalid setting with what to write instead. Settings are read with the same
rules as records (``records/yaml_rules.py``): no repeated keys, no explicit tags.
"""

from __future__ import annotations

from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from generator.errors import UserError
from generator.records import yaml_fast, yaml_indent, yaml_rules
from generator.records.messages import field_name, message_for

M = TypeVar("M", bound=BaseModel)


def load_settings(text: str, where: str, model: type[M], *, empty_ok: bool = False) -> M:
    """Validate ``text`` as ``model``; ``where`` names the file in every message."""
    try:
        data = yaml_fast.load(text, first_line=1)
    except yaml_rules.YamlRefused as refused:
        lines = [
            f"{where}:{p.line}: {p.field + ': ' if p.field else ''}{p.message}"
            for p in refused.problems
        ]
        raise UserError("\n".join(lines)) from None
    except yaml.reader.ReaderError:
        bad = yaml_rules.invalid_character(text, 1)
        found = f"{bad.line}: {bad.message}" if bad else "1: has a character YAML refuses"
        raise UserError(f"{where}:{found}") from None
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark else 0
        problem = error.problem or "invalid YAML"
        indentation = yaml_indent.explain(text, line, problem, 1) if line else None
        message = indentation or f"YAML syntax error: {problem}"
        raise UserError(f"{where}:{line}: {message}") from None
    except ValueError as error:  # a number of more than 4300 digits, a 2026-02-30
        raise UserError(f"{where}: a value cannot be read ({error}); correct it") from None
    if data is None and empty_ok:
        data = {}
    if not isinstance(data, dict):
        raise UserError(f"{where}:1: must be a mapping of 'setting: value' lines")
    try:
        return model.model_validate(data)
    except ValidationError as error:
        lines = [
            f"{where}: {field_name(e['loc']) or 'settings'}: {message_for(e, model, data)}"
            for e in error.errors(include_url=False)
        ]
        raise UserError("\n".join(lines)) from None
