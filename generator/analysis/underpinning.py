"""Do supplier agreements fit inside the customer agreements they underpin? (pure)

For every customer agreement a supplier agreement underpins, every priority the
supplier promises a resolution for, and every one of our services it supports that the
customer agreement covers: the supplier's resolution must be shorter than ours, or our
own target cannot be kept when the supplier is needed, unless the row names the
``workaround`` that keeps it. The supplier's response time (how fast they answer us) is
shown, not compared: our first response does not wait for theirs. Times are compared
as written (a supplier on 24x7 hours against our office-hours target hour for hour),
which errs on the safe side when the supplier's hours are the longer ones.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from generator.models.agreement import Agreement, Metric
from generator.models.supplier import SupplierAgreement
from generator.sla.targets import applied_target

METRIC_OF: dict[str, Metric] = {"resolution": "resolution"}


@dataclass(frozen=True)
class Fit:
    """One comparison of a supplier time with our target."""

    supplier: SupplierAgreement
    agreement: Agreement
    service: str
    priority: str
    metric: str
    supplier_s: int
    ours_s: int | None
    target_index: int
    """Position of the supplier's target row (for messages at its line)."""
    workaround: str = ""

    @property
    def fits(self) -> bool:
        """True when the supplier's time leaves room inside ours (or we promise nothing)."""
        return self.ours_s is None or self.supplier_s < self.ours_s

    @property
    def state(self) -> str:
        """``fits``, ``workaround`` (does not fit, but a workaround is named) or ``short``."""
        if self.fits:
            return "fits"
        return "workaround" if self.workaround else "short"


def fits(suppliers: Iterable[SupplierAgreement], agreements: Iterable[Agreement]) -> list[Fit]:
    """Every comparison of the active or negotiated supplier agreements, in record order."""
    by_id = {a.id: a for a in agreements}
    found = []
    for supplier in suppliers:
        if supplier.status == "expired":
            continue
        for agreement_id in supplier.underpins:
            agreement = by_id.get(agreement_id)
            if agreement is None:
                continue
            services = [s for s in supplier.services if s in agreement.services]
            for index, target in enumerate(supplier.targets):
                for service in services:
                    ours = applied_target(agreement, target.priority, service, None)
                    for field, metric in METRIC_OF.items():
                        theirs: int | None = getattr(target, field)
                        if theirs is None:
                            continue
                        found.append(
                            Fit(supplier, agreement, service, target.priority, metric, theirs,
                                ours.seconds(metric), index, target.workaround)
                        )  # fmt: skip
    return found
