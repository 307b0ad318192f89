"""Values the YAML reader puts in place of what it cannot accept, so that validation
reports them at their field instead of the conversion failing the whole file. Pure."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["MAX_NUMBER", "ImpossibleDate", "OutOfRangeNumber"]


MAX_NUMBER = 10**15
"""Numbers in records stay below this: far beyond any count or version, and small enough
that every calculation on them (stock per day, shares) stays exact and finite."""


@dataclass(frozen=True)
class OutOfRangeNumber:
    """A number too large (or not finite) to accept, standing in for it so that
    validation reports it at its field instead of the conversion failing the whole file."""

    text: str

    def message(self) -> str:
        """What is wrong and what to write instead."""
        shown = self.text if len(self.text) <= 24 else f"a number of {len(self.text)} characters"
        return (
            f"{shown} is out of range; numbers in records are below "
            f"{MAX_NUMBER:,} (15 digits) and finite"
        )


@dataclass(frozen=True)
class ImpossibleDate:
    """A timestamp-shaped value naming a day that does not exist, standing in for it so
    that validation reports it at its field."""

    text: str

    def message(self) -> str:
        """What is wrong and what to write instead."""
        return f"'{self.text}' is not a real date; write a day that exists, e.g. 2026-02-28"
