"""Gates a maintenance plan must pass before it may be recorded as done.

Pure: takes a plan, returns the unmet gates with the field they concern, so both
validation (as errors at the field's line) and the site can show them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from generator.models.maintenance import Maintenance


@dataclass(frozen=True)
class GateProblem:
    """One unmet gate: the field path it concerns and the message."""

    loc: tuple[str | int, ...]
    message: str


def done_gate_problems(plan: Maintenance, customers: Sequence[str] = ()) -> list[GateProblem]:
    """Why a plan marked done may not be done yet (empty when it may).

    ``customers`` are the ids of the customers the plan affects (see
    :mod:`generator.analysis.maintenance_customers`).
    """
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
    notice = notification_problem(plan, customers)
    if notice is not None:
        found.append(notice)
    if not plan.documentation.strip():
        found.append(
            GateProblem(
                ("status",),
                "a plan is done only once its documentation is updated; write which "
                "documents changed under documentation:, or keep status in_progress",
            )
        )
    return found


def needs_notice(plan: Maintenance, customers: Sequence[str]) -> bool:
    """True when customers must be told of the plan (the records say they are affected, or
    the plan says so itself)."""
    return plan.customers_affected is True or (plan.customers_affected is None and bool(customers))


def notification_problem(plan: Maintenance, customers: Sequence[str]) -> GateProblem | None:
    """The notification gate: a plan that affects customers is done only once they were
    told, which the plan records as who (``notification``) and when (``notified``)."""
    if not needs_notice(plan, customers):
        return None
    who = f" ({', '.join(customers)})" if customers else ""
    told = plan.notification.strip()
    if told and plan.notified is not None:
        return None
    if told:
        return GateProblem(
            ("notification",),
            f"a plan that affects customers{who} is done only once the notice went out; "
            "write when it was sent as notified: <time with offset>, set customers_affected: "
            "false if no customer can notice the work, or keep status in_progress",
        )
    return GateProblem(
        ("notified",) if plan.notified is not None else ("status",),
        f"a plan that affects customers{who} is done only once they were told; write who "
        "was told and how under notification: and when under notified: <time with offset>, "
        "or keep status in_progress",
    )
