"""Small CSV snippets in the column layout of the UCI ServiceNow event log (written here)."""

from __future__ import annotations

HEADER = (
    "number,incident_state,active,reassignment_count,reopen_count,sys_mod_count,made_sla,"
    "caller_id,opened_by,opened_at,sys_created_by,sys_created_at,sys_updated_by,"
    "sys_updated_at,contact_type,location,category,subcategory,u_symptom,cmdb_ci,impact,"
    "urgency,priority,assignment_group,assigned_to,knowledge,u_priority_confirmation,notify,"
    "problem_id,rfc,vendor,caused_by,closed_code,resolved_by,resolved_at,closed_at"
)


def row(
    number: str,
    state: str,
    updated: str,
    *,
    mod: int = 0,
    opened: str = "1/3/2016 09:00",
    priority: str = "3 - Moderate",
    group: str = "Group 7",
    person: str = "Resolver 3",
    reopens: int = 0,
    made_sla: str = "true",
    resolved_at: str = "?",
) -> str:
    """One event row; unnamed columns get plausible fixed values."""
    cells = [
        number, state, "true", "0", str(reopens), str(mod), made_sla, "Caller 12",
        "Opened by  4", opened, "Created by 2", opened, "Updated by 9", updated, "Phone",
        "Location 5", "Category 40", "Subcategory 44", "Symptom 208", "?", "2 - Medium",
        "2 - Medium", priority, group, person, "false", "false", "Do Not Notify", "?", "?",
        "?", "?", "code 5", "Resolved by 3", resolved_at, "9/3/2016 10:00",
    ]  # fmt: skip
    return ",".join(cells)


def csv_text(*rows: str) -> str:
    """The file: header, then the rows, each ending in a newline."""
    return "\n".join([HEADER, *rows]) + "\n"


TWO_INCIDENTS = csv_text(
    row("INC0000001", "New", "1/3/2016 09:05", mod=0),
    row("INC0000001", "Active", "1/3/2016 10:00", mod=1, group="Group 9"),
    row("INC0000001", "Awaiting User Info", "2/3/2016 11:00", mod=2, group="Group 9"),
    row("INC0000001", "Resolved", "3/3/2016 12:30", mod=3, group="Group 9"),
    row("INC0000001", "Closed", "8/3/2016 13:00", mod=4, group="Group 9", made_sla="false"),
    row("INC0000002", "New", "1/3/2016 09:10", mod=0, priority="2 - High"),
    row("INC0000002", "Resolved", "1/3/2016 10:10", mod=1, priority="1 - Critical"),
    row("INC0000002", "Active", "2/3/2016 08:00", mod=2, priority="1 - Critical", reopens=1),
    row("INC0000002", "Resolved", "2/3/2016 09:00", mod=3, priority="1 - Critical", reopens=1),
)
