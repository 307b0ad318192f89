"""What ``servicebook new request`` suggests: the category (as the prompt's default on a
terminal) and the group the routing rule names (printed with the command to assign it).

Only suggestions: nothing is filled in without the person's say.
"""

from __future__ import annotations

from collections.abc import Mapping

from generator.analysis.advice import Advice, Advisor
from generator.authoring.prompts import Suggest
from generator.records.catalog import Catalog


def advisor_of(catalog: Catalog) -> Advisor:
    """Suggestions from every service and every request already recorded."""
    return Advisor(catalog.services, catalog.requests)


def category_prompt(advisor: Advisor) -> Suggest:
    """The terminal prompt's default for ``category``, from the title typed before it."""

    def suggest(name: str, values: Mapping[str, str]) -> tuple[str, str] | None:
        if name != "category" or not values.get("service"):
            return None
        advice = advisor.advise(values["service"], None, values.get("title", ""), "", assigned=True)
        if advice.category is None:
            return None
        return advice.category.category, advice.category.text()

    return suggest


def advice_lines(advisor: Advisor, values: Mapping[str, object], record_id: str) -> str:
    """Lines for standard error after the request was written; empty when none apply."""
    category = values.get("category")
    advice: Advice = advisor.advise(
        str(values["service"]),
        category if isinstance(category, str) and category else None,
        str(values.get("title") or ""),
        str(values.get("description") or ""),
        assigned=False,
    )
    lines = ""
    if advice.category is not None:
        lines += (
            f"category: {advice.category.text()}; set category: {advice.category.category} "
            "in the record to use it\n"
        )
    if advice.group is not None:
        lines += (
            f"suggested group: {advice.group.text()}; assign it with: servicebook event "
            f"{record_id} assigned --group {advice.group.group}\n"
        )
    return lines
