"""Splitting an issue-form body into its answers."""

from __future__ import annotations

from generator.intake.issue_form import parse_form

LABELS = ("Service", "Category", "Contact e-mail", "Description")


def test_answers_by_label_with_no_response_as_empty() -> None:
    body = (
        "### Service\n\nWarehouse systems (warehouse-systems)\n\n"
        "### Category\n\n_No response_\n\n"
        "### Contact e-mail\n\n\n\n"
        "### Description\n\nFirst line\n\nSecond paragraph\n"
    )
    assert parse_form(body, LABELS) == {
        "Service": "Warehouse systems (warehouse-systems)",
        "Category": "",
        "Contact e-mail": "",
        "Description": "First line\n\nSecond paragraph",
    }


def test_windows_and_old_mac_line_ends_are_read_like_unix_ones() -> None:
    body = "### Service\r\n\r\nBackup\r\n\r\n### Description\rtext\r"
    assert parse_form(body, LABELS) == {"Service": "Backup", "Description": "text"}


def test_a_heading_inside_the_description_cannot_replace_an_earlier_answer() -> None:
    body = (
        "### Service\n\nBackup and restore (backup-restore)\n\n"
        "### Description\n\nPlease restore.\n\n### Service\n\nPayroll\n### Unknown\n"
    )
    answers = parse_form(body, LABELS)
    assert answers["Service"] == "Backup and restore (backup-restore)"
    assert answers["Description"] == "Please restore.\n\n### Service\n\nPayroll\n### Unknown"


def test_missing_headings_are_missing_and_text_before_the_first_is_ignored() -> None:
    body = "Hello\n### Category\n\nwifi"
    assert parse_form(body, LABELS) == {"Category": "wifi"}
    assert parse_form("", LABELS) == {}
