"""Routing rules: a service's category names the group its requests go to.

A service lists ``categories: [{id, group, …}]``; ``group`` is the rule. The
rule suggests a group for an unassigned request and is what validation holds
assignments against. Pure: services in, rules and suggestions out.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.models.service import Service


@dataclass(frozen=True)
class CategoryRule:
    """``category 'hardware' → group 'workplace' in workplace-support``."""

    service: str
    category: str
    group: str

    def describe(self) -> str:
        """The rule in words, as messages and pages name it."""
        return f"category '{self.category}' → group '{self.group}' in {self.service}"


@dataclass(frozen=True)
class GroupSuggestion:
    """The group a rule suggests, and whether the category was itself only suggested."""

    rule: CategoryRule
    category_suggested: bool = False

    @property
    def group(self) -> str:
        """The suggested group's id."""
        return self.rule.group

    def text(self) -> str:
        """``workplace (rule: category 'hardware' → group 'workplace' in workplace-support)``."""
        tail = "; the category is a suggestion too" if self.category_suggested else ""
        return f"{self.group} (rule: {self.rule.describe()}{tail})"


def category_rule(service: Service | None, category: str | None) -> CategoryRule | None:
    """The rule of ``category`` in ``service``, if the category names a group."""
    if service is None or category is None:
        return None
    for entry in service.categories:
        if entry.id == category and entry.group:
            return CategoryRule(service.id, entry.id, entry.group)
    return None


def suggest_group(
    service: Service | None, category: str | None, *, category_suggested: bool = False
) -> GroupSuggestion | None:
    """The group a request of this service and category should be assigned to."""
    rule = category_rule(service, category)
    return None if rule is None else GroupSuggestion(rule, category_suggested)
