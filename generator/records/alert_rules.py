"""Read the Prometheus alerting rule files of the ``monitoring`` folder (the I/O edge).

The files are the ones operators keep for Prometheus (``groups:`` → ``rules:`` with
``alert``, ``expr``, ``for``, ``labels``, ``annotations``), read with the same safe YAML
rules as records. Only the alerting rules are kept; recording rules (``record:``) are
counted. Whatever cannot be read is a diagnostic at its line; PromQL itself is not
parsed here (``promtool check rules`` does that, see ``commands/monitoring.py``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.errors import Diagnostic
from generator.records import yaml_fast, yaml_rules
from generator.records.sourcemap import SourceMap

SUFFIXES = (".yml", ".yaml")
_UNITS = {"ms": 0.001, "s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800, "y": 31536000}
_DURATION = re.compile(r"(?:(\d+)(ms|s|m|h|d|w|y))")


@dataclass(frozen=True)
class AlertRule:
    """One alerting rule, where it is written, and its timing in seconds."""

    file: str
    line: int
    group: str
    name: str
    expr: str
    for_s: int
    interval_s: int | None
    """The group's own evaluation interval (None: the global one)."""
    labels: Mapping[str, str]
    annotations: Mapping[str, str]


@dataclass
class RuleSet:
    """Every rule file read: its alerts, how many recording rules, and the problems."""

    files: list[str] = field(default_factory=list)
    alerts: list[AlertRule] = field(default_factory=list)
    recording: int = 0
    problems: list[Diagnostic] = field(default_factory=list)


def prometheus_seconds(text: str) -> int | None:
    """``'1h30m'`` → 5400, as Prometheus writes durations (None when it is not one)."""
    text = text.strip()
    if not text or _DURATION.sub("", text):
        return None
    total = sum(int(amount) * _UNITS[unit] for amount, unit in _DURATION.findall(text))
    return round(total)


def read_rules(root: Path, folder: str) -> RuleSet:
    """The rule files under ``root/folder`` (none when it does not exist), in path order."""
    found = RuleSet()
    base = root / folder
    if not base.is_dir():
        return found
    inside = root.resolve()
    for path in sorted(p for p in base.rglob("*") if p.suffix in SUFFIXES and p.is_file()):
        rel = path.relative_to(root).as_posix()
        if not path.resolve().is_relative_to(inside):
            found.problems.append(
                Diagnostic(rel, 0, 0, "", "leads outside the repository; keep rule files in it")
            )
            continue
        found.files.append(rel)
        _read_file(rel, path.read_bytes(), found)
    return found


def _read_file(rel: str, data: bytes, found: RuleSet) -> None:
    try:
        text = data.decode("utf-8")
        loaded = yaml_fast.load(text, first_line=1)
    except UnicodeDecodeError:
        found.problems.append(Diagnostic(rel, 0, 0, "", "is not UTF-8 text; save it as UTF-8"))
        return
    except yaml_rules.YamlRefused as refused:
        for p in refused.problems:
            found.problems.append(Diagnostic(rel, p.line, p.column, p.field, p.message))
        return
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark else 0
        found.problems.append(
            Diagnostic(rel, line, 0, "", f"YAML syntax error: {error.problem or 'invalid YAML'}")
        )
        return
    except (yaml.YAMLError, ValueError) as error:
        found.problems.append(Diagnostic(rel, 0, 0, "", f"cannot be read as YAML ({error})"))
        return
    where = SourceMap(text, 0)
    groups = loaded.get("groups") if isinstance(loaded, dict) else None
    if not isinstance(groups, list):
        found.problems.append(
            Diagnostic(rel, 1, 0, "", "a rule file holds 'groups:', a list of rule groups")
        )
        return
    for g, group in enumerate(groups):
        _read_group(rel, g, group, where, found)


def _read_group(rel: str, g: int, group: Any, where: SourceMap, found: RuleSet) -> None:
    line = where.line_of(("groups", g))[0]
    if not isinstance(group, dict) or not isinstance(group.get("name"), str):
        found.problems.append(
            Diagnostic(rel, line, 0, f"groups[{g}]", "a group needs a name: and rules:")
        )
        return
    interval = group.get("interval")
    interval_s = prometheus_seconds(str(interval)) if interval is not None else None
    if interval is not None and interval_s is None:
        found.problems.append(_bad_duration(rel, where, ("groups", g, "interval"), interval))
    rules = group.get("rules")
    if not isinstance(rules, list):
        found.problems.append(
            Diagnostic(rel, line, 0, f"groups[{g}].rules", "must be a list of rules")
        )
        return
    for r, rule in enumerate(rules):
        loc = ("groups", g, "rules", r)
        if isinstance(rule, dict) and "record" in rule and "alert" not in rule:
            found.recording += 1
            continue
        alert = _alert(rel, loc, rule, group["name"], interval_s, where, found)
        if alert is not None:
            found.alerts.append(alert)


def _alert(
    rel: str,
    loc: tuple[str | int, ...],
    rule: Any,
    group: str,
    interval_s: int | None,
    where: SourceMap,
    found: RuleSet,
) -> AlertRule | None:
    line = where.line_of(loc)[0]
    name = _field(loc)
    if not isinstance(rule, dict) or not isinstance(rule.get("alert"), str):
        found.problems.append(
            Diagnostic(rel, line, 0, name, "a rule needs alert: (or record:) and expr:")
        )
        return None
    if not isinstance(rule.get("expr"), str | int | float):
        found.problems.append(Diagnostic(rel, line, 0, name, "the alert needs its expr:"))
        return None
    written = rule.get("for", "0s")
    for_s = prometheus_seconds(str(written))
    if for_s is None:
        found.problems.append(_bad_duration(rel, where, (*loc, "for"), written))
        return None
    labels, annotations = rule.get("labels") or {}, rule.get("annotations") or {}
    if not isinstance(labels, dict) or not isinstance(annotations, dict):
        found.problems.append(
            Diagnostic(rel, line, 0, name, "labels and annotations are mappings of name: text")
        )
        return None
    return AlertRule(
        rel,
        line,
        group,
        rule["alert"],
        str(rule["expr"]),
        for_s,
        interval_s,
        {str(k): str(v) for k, v in labels.items()},
        {str(k): str(v) for k, v in annotations.items()},
    )


def _bad_duration(
    rel: str, where: SourceMap, loc: tuple[str | int, ...], value: object
) -> Diagnostic:
    return Diagnostic(
        rel,
        where.line_of(loc)[0],
        0,
        _field(loc),
        f"'{value}' is not a Prometheus duration; write e.g. 30s, 5m or 1h30m",
    )


def _field(loc: tuple[str | int, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text
