"""Gaps of the CMMI evidence matrix stay readable on large imports."""

from __future__ import annotations

from generator.evidence.matrix import LISTED_REQUESTS, summarise_requests


def test_a_few_requests_are_listed_one_by_one() -> None:
    assert summarise_requests(["REQ-1", "REQ-2"], "closed without a confirmation") == [
        "REQ-1: closed without a confirmation",
        "REQ-2: closed without a confirmation",
    ]


def test_many_requests_give_a_count_and_examples() -> None:
    ids = [f"REQ-{n}" for n in range(25_000)]
    (gap,) = summarise_requests(ids, "closed without a confirmation")
    assert gap.startswith("25000 requests closed without a confirmation, such as REQ-0, REQ-1,")
    assert gap.endswith(f"REQ-{LISTED_REQUESTS - 1}")
