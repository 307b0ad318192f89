"""Gates a maintenance plan must pass before it may be recorded as done.

Pure: takes a plan, returns the unmet gates with the field they concern, so both
validation (as errors at the field's line) and the site can show them.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.models.maintenance import Maintenance


@dataclass(frozen=True)
class GateProblem:
    """One unmet gate: the field path it concerns and the message."""

    loc: tuple[str | int, ...]
    message: str


def done_gate_problems(plan: Maintenance) -> list[GateProblem]:
    """Why a plan marked done may not be done yet (empty when it may)."""
    if plan.status != "done":
        return []
    found: list[GateProblem] = []
    for index, test in enumerate(plan.tests):
        if test.result == "failed":
            found.append(
                GateProblem(
                    ("tests", index, "result"),
                    f"test '{test.name}' failed; a plan with a failed test stays open "
                    "(status in_progress) until it passes",
                )
            )
        elif test.result == "pending":
            found.append(
                GateProblem(
                    ("tests", index, "result"),
                    f"test '{test.name}' is still pending; record its result (passed) "
                    "before the plan is done, or keep status in_progress",
                )
            )
    if not plan.documentation.strip():
        found.append(
            GateProblem(
                ("status",),
                "a plan is done only once its documentation is updated; write which "
                "documents changed under documentation:, or keep status in_progress",
            )
        )
    return found
