"""No input ends in an internal error: hostile values anywhere in a request and an agreement.

Hypothesis puts values from the ends of every range (year 1 and 9999, a billion-year
period, a 5,000-digit number, NaN, tags, aliases, NUL, nested collections, wrong types)
into the fields of a request and its agreement, then runs ``validate``, ``export`` and
``generate`` as the CLI does. Each must answer with its exit code (0, or 1 with the
problems listed) and never with "internal error"; the records are never changed.
"""

from __future__ import annotations

import contextlib
import io
import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.cli import main
from tests.conftest import HERE
from tests.helpers import fingerprint

BASE = HERE / "fixtures" / "github" / "repo"
AS_OF = "2026-11-25T14:00:00Z"
HOSTILE = (
    "0001-01-01T00:00:00Z",
    "9999-12-31T23:59:59+14:00",
    "1969-12-31T23:59:59Z",
    "2026-02-30T10:00:00Z",
    "2026-11-20T10:00:00",
    "2026-11-20",
    "P9999999999Y",
    "PT0S",
    "-4h",
    "99999999999h",
    "9" * 5000,
    "-" + "9" * 30,
    "1e400",
    ".nan",
    "-.inf",
    "~",
    "[]",
    "{}",
    "[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]",
    "!!binary aGVsbG8=",
    "!!python/object:os.system [id]",
    "&a x",
    "*nowhere",
    '"\\0"',
    '"\\u202e"',
    "yes",
    "0x1F",
    "P1",
    "p1",
    "Active",
    '"' + "x" * 20_000 + '"',
    "{type: assigned}",
    "[{at: 2026-11-20T10:00:00Z}]",
)
FIELDS = (
    "received",
    "priority",
    "category",
    "service",
    "agreement",
    "event_at",
    "event_type",
    "event_status",
    "score",
    "satisfaction_at",
    "effective",
    "expires",
    "first_response",
    "resolution",
    "review_interval",
)
GOOD = {
    "received": "2026-11-20T10:00:00+01:00",
    "priority": "P2",
    "category": "~",
    "service": "warehouse-systems",
    "agreement": "AGR-HAVELFRACHT-2026",
    "event_at": "2026-11-20T11:00:00+01:00",
    "event_type": "responded",
    "event_status": "in_progress",
    "score": "4",
    "satisfaction_at": "2026-11-21T10:00:00+01:00",
    "effective": "2026-01-01",
    "expires": "2027-12-31",
    "first_response": "4h",
    "resolution": "16h",
    "review_interval": "P12M",
}
REQUEST = """\
---
id: REQ-20261120-F00D
title: Scanner at dock 2
agreement: {agreement}
service: {service}
category: {category}
priority: {priority}
requester: felix.brandt
channel: email
received: {received}
events:
  - {{at: {event_at}, type: {event_type}, by: felix.brandt}}
  - {{at: {event_at}, type: status, by: felix.brandt, status: {event_status}}}
satisfaction: {{score: {score}, at: {satisfaction_at}}}
---
Body.
"""
AGREEMENT = """\
---
id: AGR-HAVELFRACHT-2026
title: Havelfracht warehouse systems
status: active
customer: havelfracht
provider: spreebogen
services: [warehouse-systems]
effective: {effective}
expires: {expires}
review: {{interval: {review_interval}, last: 2026-01-01}}
targets:
  - match: {{}}
    first_response: {first_response}
    resolution: {resolution}
approvals:
  - {{by: felix.brandt, role: provider, at: 2025-12-15T10:00:00+01:00}}
  - {{by: havelfracht, role: customer, at: 2025-12-16T10:00:00+01:00}}
---
"""


def _run(*argv: str) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(list(argv))
    return code, err.getvalue()


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.dictionaries(st.sampled_from(FIELDS), st.sampled_from(HOSTILE), min_size=1))
def test_hostile_values_never_end_in_an_internal_error(
    tmp_path_factory: pytest.TempPathFactory, changes: dict[str, str]
) -> None:
    root = tmp_path_factory.mktemp("hostile")
    shutil.copytree(BASE, root, dirs_exist_ok=True)
    values = GOOD | changes
    requests = root / "records" / "requests"
    requests.mkdir()
    (requests / "REQ-20261120-F00D.md").write_text(REQUEST.format(**values), encoding="utf-8")
    agreement = root / "records" / "agreements" / "AGR-HAVELFRACHT-2026.md"
    agreement.write_text(AGREEMENT.format(**values), encoding="utf-8")
    before = fingerprint(root / "records")
    for argv in (
        ("validate", "--root", str(root)),
        ("export", "--root", str(root), "--as-of", AS_OF),
        ("generate", "--root", str(root), "--as-of", AS_OF),
    ):
        code, err = _run(*argv)
        assert "internal error" not in err, (argv, changes, err)
        assert "Traceback" not in err, (argv, changes, err)
        assert code in (0, 1), (argv, changes, code, err)
        if code == 1 and argv[0] == "validate":
            assert ": " in err, err  # the problems are listed, path:line: …
    assert fingerprint(root / "records") == before
