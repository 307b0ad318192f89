"""A page to render: its path, template and context (the unit every view yields)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class PageSpec:
    """A page to render: where it goes, which template, with what context."""

    path: str
    template: str
    context: dict[str, Any] = field(default_factory=dict)
    reusable: bool = False
    """One of many pages, most of them unchanged by a one-record edit (a record's page, a
    month of the requests archive): worth fingerprinting to take it from the last run."""
    derive: Callable[[], dict[str, Any]] | None = None
    """The rest of the context, computed only when the page is rendered: a pure function
    of ``context`` and what every page shares (so the fingerprint of ``context`` vouches
    for it, and a page taken from the last run never computes it)."""

    def full_context(self) -> dict[str, Any]:
        """``context`` with what ``derive`` adds."""
        return self.context if self.derive is None else {**self.context, **self.derive()}
