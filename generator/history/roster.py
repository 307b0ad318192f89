"""E-mail addresses of the people on the roster, to recognise commit authors."""

from __future__ import annotations

from generator.records.catalog import Catalog


def roster_emails(catalog: Catalog) -> frozenset[str]:
    """Lower-cased e-mails of every person in the roster."""
    return frozenset(p.email.strip().lower() for p in catalog.people if p.email)
