"""Supplier agreements must fit inside the customer agreements they underpin."""

from __future__ import annotations

from typing import Any

from generator.analysis.underpinning import fits
from generator.models.agreement import Agreement
from generator.models.supplier import SupplierAgreement
from tests.sla_records import agreement

OURS = Agreement.model_validate(
    agreement(
        [
            {"match": {"priority": "P1"}, "first_response": "15m", "resolution": "4h"},
            {"match": {}, "first_response": "2h", "resolution": "16h"},
        ],
        services=["svc", "mail"],
    )
)


def supplier(*targets: dict[str, Any], services: tuple[str, ...] = ("svc",)) -> SupplierAgreement:
    return SupplierAgreement.model_validate(
        {
            "id": "SUP-1",
            "title": "Carrier",
            "supplier": "carrier",
            "status": "active",
            "effective": "2026-01-01",
            "services": list(services),
            "underpins": ["AGR-TEST"],
            "targets": list(targets),
        }
    )


def test_a_shorter_resolution_fits_an_equal_one_does_not() -> None:
    found = fits(
        [supplier({"priority": "P1", "resolution": "3h"}, {"priority": "P3", "resolution": "16h"})],
        [OURS],
    )
    assert [(f.priority, f.supplier_s, f.ours_s, f.state) for f in found] == [
        ("P1", 3 * 3600, 4 * 3600, "fits"),
        ("P3", 16 * 3600, 16 * 3600, "short"),
    ]


def test_a_named_workaround_keeps_our_target() -> None:
    (found,) = fits([supplier({"priority": "P1", "resolution": "6h", "workaround": "LTE"})], [OURS])
    assert found.state == "workaround"


def test_response_times_and_other_services_are_not_compared() -> None:
    found = fits(
        [supplier({"priority": "P1", "response": "1h"}, services=("svc", "elsewhere"))], [OURS]
    )
    assert found == []
