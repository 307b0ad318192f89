"""The records' schema version: which release's rules a repository's records were written to.

``schema:`` in ``servicebook.yml`` names it. A repository without one was written for the
first schema (Servicebook 0.1.0, before the setting existed). This tool reads records of
``CURRENT_SCHEMA``; ``servicebook migrate`` rewrites older ones, and a repository that
declares a newer schema than this tool knows is refused before anything is read.
"""

from __future__ import annotations

FIRST_SCHEMA = 1
CURRENT_SCHEMA = 2

# Schema -> the release that introduced it (named in messages and the docs).
INTRODUCED_IN = {1: "0.1.0", 2: "0.2.0"}


def newer_schema_problem(schema: int) -> str | None:
    """Why this tool cannot read records of ``schema`` (None when it can)."""
    if schema <= CURRENT_SCHEMA:
        return None
    return (
        f"schema {schema} is newer than this Servicebook reads (schema {CURRENT_SCHEMA}, "
        f"release {INTRODUCED_IN[CURRENT_SCHEMA]}); install the release the repository pins "
        "(pip install -r requirements.txt) or a newer one"
    )
