"""Every badge's label and style, in one place: ``badge(kind, value)`` in the templates.

A badge is a coloured label such as a status. The templates never spell a badge's words
or colour; they name what the badge shows (its ``kind``) and the value, and this table
gives the label and the style class (``sb-<style>`` in the site's CSS).

Kinds:

- ``status``: a record's status, a request's state, a clock's state or a check's result,
  shown as the value with spaces for underscores, styled by the value itself;
- ``priority``: a request's priority, as it is, in the priority style;
- ``stock``: a consumable's stock state, styled ``stock-<state>``;
- ``capability``: a capability verdict, styled ``capability-<verdict>``;
- ``fit``: a supplier target against ours (``fits``, ``workaround``, anything else short);
- ``gate``: whether a maintenance gate is met (True or False);
- ``readiness``: a component's readiness (``failed``, ``stale``, ``never``, ``ready``);
- ``verdict``: a fixed verdict of a view (``VERDICTS``), such as ``review-overdue``;
- a style name (``STYLES``): a label the view worked out (a percentage, a count of
  days), shown as it is in that style.
"""

from __future__ import annotations

from typing import NamedTuple


class Badge(NamedTuple):
    """What a badge shows: its words and its style class (without the ``sb-`` prefix)."""

    label: str
    style: str


VERDICTS: dict[str, Badge] = {
    "approved": Badge("approved by both parties", "approved"),
    "awaiting-customer": Badge("awaiting customer approval", "pending"),
    "awaiting-provider": Badge("awaiting provider approval", "pending"),
    "not-approved": Badge("not approved", "draft"),
    "review-overdue": Badge("review overdue", "breached"),
    "never-reviewed": Badge("never reviewed", "breached"),
    "overdue": Badge("overdue", "breached"),
    "fits": Badge("fits", "met"),
    "workaround": Badge("workaround", "at-risk"),
    "with-workaround": Badge("with a workaround", "at-risk"),
    "does-not-fit": Badge("does not fit", "breached"),
    "gate-met": Badge("yes", "passed"),
    "gate-open": Badge("no", "failed"),
    "out-of-scope": Badge("out of scope", "out-of-scope"),
    "maintenance": Badge("maintenance", "at-risk"),
    "may-start-early": Badge("may start early", "at-risk"),
    "in-service-hours": Badge("in service hours", "breached"),
}
"""Verdicts with fixed words: the key is what the view decided."""

READINESS: dict[str, Badge] = {
    "failed": Badge("failed", "failed"),
    "stale": Badge("check overdue", "at-risk"),
    "never": Badge("never checked", "breached"),
    "ready": Badge("ready", "passed"),
}
"""A component's readiness state (``analysis/readiness.py``) as a badge."""

STYLES = frozenset({"met", "breached", "at-risk"})
"""Styles a view may give a label it worked out itself."""


def badge_of(kind: str, value: object) -> Badge:
    """The label and style of the badge for ``value`` of ``kind`` (see the module doc)."""
    if kind == "status":
        return Badge(str(value).replace("_", " "), str(value))
    if kind == "priority":
        return Badge(str(value), "priority")
    if kind == "stock":
        return Badge(str(value), f"stock-{value}")
    if kind == "capability":
        return Badge(str(value).replace("_", " "), f"capability-{value}")
    if kind == "fit":
        return VERDICTS[str(value) if value in ("fits", "workaround") else "does-not-fit"]
    if kind == "gate":
        return VERDICTS["gate-met" if value else "gate-open"]
    if kind == "readiness":
        return READINESS[str(value)]
    if kind == "verdict":
        return VERDICTS[str(value)]
    if kind in STYLES:
        return Badge(str(value), kind)
    raise ValueError(f"unknown badge kind {kind!r}")
