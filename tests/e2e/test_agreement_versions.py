"""Revising an agreement never rewrites the past: real commits, the CLI and the built site.

One temporary repository, committed as a team would: version 1 of the agreement (P3
resolution 16 business hours) in January; request A received and resolved in March in
12 business hours (met under version 1, breached under 8 hours); version 2 (8 hours,
``effective`` back-dated to 1 March) committed on 10 March; request B received after it,
also 12 hours (breached under version 2); version 3 (24 hours) committed on 20 March with
``effective: 2026-04-01``, so request C of 25 March still runs under version 2 and
request D of 6 April under version 3.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.helpers import NO_HISTORY_WARNING, REPO, run_cli
from tests.history_helpers import GitRepo
from tests.sla_records import (
    agreement,
    calendar,
    export,
    request,
    write_record,
    write_repo,
)

AS_OF = "2026-04-30T18:00:00+02:00"
AGREEMENT = "records/agreements/AGR-TEST.md"


def _targets(resolution: str) -> list[dict[str, Any]]:
    return [{"match": {}, "first_response": "4h", "resolution": resolution}]


def _version(number: int, resolution: str, effective: str, approved: str) -> dict[str, Any]:
    return agreement(
        _targets(resolution),
        version=number,
        effective=effective,
        approvals=[
            {"by": "prov", "role": "provider", "at": f"{approved}T09:00:00+01:00"},
            {"by": "acme", "role": "customer", "at": f"{approved}T11:00:00+01:00"},
        ],
    )


def _worked(request_id: str, monday: str) -> dict[str, Any]:
    """A request received Monday 09:00 and resolved Tuesday 11:00 (Berlin): 12 business
    hours of the office calendar (Monday 09-18, Tuesday 08-11)."""
    tuesday = monday[:-2] + f"{int(monday[-2:]) + 1:02d}"
    return request(
        request_id,
        f"{monday}T09:00:00+01:00",
        [
            {"at": f"{monday}T09:30:00+01:00", "type": "assigned", "group": "desk"},
            {"at": f"{monday}T10:00:00+01:00", "type": "responded", "by": "desk"},
            {"at": f"{tuesday}T11:00:00+01:00", "type": "resolved", "resolution": "Done"},
        ],
    )


def _write_request(root: Path, data: dict[str, Any]) -> None:
    write_record(root, "requests", data)


@dataclass(frozen=True)
class Revised:
    repo: GitRepo
    before_revision: str  # the commit just before version 2

    @property
    def root(self) -> Path:
        return self.repo.root


@pytest.fixture(scope="module")
def revised(tmp_path_factory: pytest.TempPathFactory) -> Revised:
    root = tmp_path_factory.mktemp("versions") / "repo"
    repo = GitRepo(root)
    write_repo(root, calendar(), _version(1, "16h", "2026-01-01", "2025-12-15"), [])
    shutil.copy2(REPO / "mkdocs.yml", root / "mkdocs.yml")
    repo.git("init", "-q", "-b", "main")
    repo.commit("Agreement version 1", "2026-01-02T10:00:00+01:00")
    _write_request(root, _worked("REQ-20260302-A001", "2026-03-02"))
    repo.commit("REQ-20260302-A001", "2026-03-03T12:00:00+01:00")
    before_revision = repo.git("rev-parse", "HEAD")
    version_2 = _version(2, "8h", "2026-03-01", "2026-03-09")
    write_record(root, "agreements", {**version_2, "objectives": {"resolution": 90}})
    repo.commit("Agreement version 2: resolution in 8 hours", "2026-03-10T10:00:00+01:00")
    _write_request(root, _worked("REQ-20260316-B002", "2026-03-16"))
    repo.commit("REQ-20260316-B002", "2026-03-17T12:00:00+01:00")
    write_record(root, "agreements", _version(3, "24h", "2026-04-01", "2026-03-19"))
    repo.commit("Agreement version 3 from April", "2026-03-20T10:00:00+01:00")
    _write_request(root, _worked("REQ-20260323-C003", "2026-03-23"))
    _write_request(root, {**_worked("REQ-20260406-D004", "2026-04-06")})
    repo.commit("Requests C and D", "2026-04-08T12:00:00+02:00")
    return Revised(repo, before_revision)


def _at(revised: Revised, commit: str, into: Path) -> Path:
    """A clone of the repository checked out at ``commit``."""
    into.parent.mkdir(parents=True, exist_ok=True)
    GitRepo(into.parent).git("clone", "-q", str(revised.root), str(into))
    GitRepo(into).git("checkout", "-q", commit)
    return into


def _request(document: dict[str, Any], request_id: str) -> dict[str, Any]:
    found: dict[str, Any] = next(r for r in document["requests"] if r["id"] == request_id)
    return found


def test_a_revision_leaves_earlier_requests_alone_and_governs_later_ones(
    revised: Revised, tmp_path: Path
) -> None:
    before = export(_at(revised, revised.before_revision, tmp_path / "before"), AS_OF)
    after = export(revised.root, AS_OF)
    a_before, a_after = (_request(d, "REQ-20260302-A001") for d in (before, after))
    assert a_before == a_after
    assert a_after["agreement_version"] == 1
    assert a_after["clocks"]["resolution"]["state"] == "met"
    assert a_after["clocks"]["resolution"]["target_s"] == 16 * 3600
    b = _request(after, "REQ-20260316-B002")
    assert (b["agreement_version"], b["clocks"]["resolution"]["state"]) == (2, "breached")
    assert b["clocks"]["resolution"]["target_s"] == 8 * 3600
    # The back-dated `effective` of version 2 (1 March) does not reach A (2 March): the
    # version is in force from its commit, 10 March.
    (versions,) = (a["versions"] for a in after["agreements"])
    assert [(v["version"], v["in_force_from"], v["in_force_to"]) for v in versions] == [
        (1, "2025-12-31T23:00:00Z", "2026-03-10T09:00:00Z"),
        (2, "2026-03-10T09:00:00Z", "2026-03-31T22:00:00Z"),
        (3, "2026-03-31T22:00:00Z", None),
    ]
    assert all(len(v["commit"]) == 40 for v in versions)


def test_an_explicit_later_effective_defers_the_version(revised: Revised) -> None:
    after = export(revised.root, AS_OF)
    c = _request(after, "REQ-20260323-C003")
    d = _request(after, "REQ-20260406-D004")
    assert (c["agreement_version"], c["clocks"]["resolution"]["target_s"]) == (2, 8 * 3600)
    assert (d["agreement_version"], d["clocks"]["resolution"]["state"]) == (3, "met")
    assert d["clocks"]["resolution"]["target_s"] == 24 * 3600


def test_compliance_of_march_counts_each_request_under_its_own_version(
    revised: Revised,
) -> None:
    (agreement_export,) = export(revised.root, AS_OF)["agreements"]
    march = {
        row["metric"]: (row["met"], row["breached"])
        for row in agreement_export["compliance"]
        if row["month"] == "2026-03" and row["priority"] == "P3"
    }
    # A met under version 1; B and C breached under version 2.
    assert march["resolution"] == (1, 2)


def test_the_csv_names_the_version_of_each_request(revised: Revised) -> None:
    run = run_cli("export", "--as-of", AS_OF, "--format", "csv", cwd=revised.root)
    assert (run.code, run.err) == (0, "")
    header, *rows = run.out.splitlines()
    assert header.endswith(",agreement_version")
    assert sorted(row.split(",")[-1] for row in rows) == ["1", "2", "2", "3"]


def test_the_built_site_tells_each_request_its_own_version(
    revised: Revised, tmp_path: Path
) -> None:
    root = _at(revised, "main", tmp_path / "site-repo")
    run = run_cli("build", "--as-of", AS_OF, cwd=root)
    assert run.code == 0, run.err
    site = root / "site"
    page_a = (site / "requests/REQ-20260302-A001/index.html").read_text(encoding="utf-8")
    assert "version 1 (the version in force when the request was received)" in page_a
    assert "agreement version 1, in force when the request was received" in page_a
    page_b = (site / "requests/REQ-20260316-B002/index.html").read_text(encoding="utf-8")
    assert "version 2 (the version in force when the request was received)" in page_b
    march = (site / "reports/AGR-TEST/2026-03/index.html").read_text(encoding="utf-8")
    assert "versions 1 and 2: each request measured under the version in force" in march
    april = (site / "reports/AGR-TEST/2026-04/index.html").read_text(encoding="utf-8")
    assert "(version 3)" in april
    agreement_page = (site / "agreements/AGR-TEST/index.html").read_text(encoding="utf-8")
    assert "Version 3 against version 2" in agreement_page
    assert "<td>resolution</td> <td>8h</td> <td>24h</td>" in agreement_page


def test_a_month_below_its_objective_raises_a_review_flag(revised: Revised, tmp_path: Path) -> None:
    """Version 2 (in force at the end of March) promises 90 % of resolutions; March had
    A met and B, C breached. April falls under version 3, which states no objective."""
    root = _at(revised, "main", tmp_path / "flags")
    run = run_cli("generate", "--as-of", AS_OF, cwd=root)
    assert run.code == 0, run.err
    flag = "2026-03 resolution: 33.3 % in target \\(1 met, 2 breached\\), objective 90 %"
    staging = root / ".servicebook/docs"
    assert flag in (staging / "agreements/AGR-TEST.md").read_text(encoding="utf-8")
    assert flag in (staging / "audit/cmmi.md").read_text(encoding="utf-8")
    dashboard = (staging / "dashboards/internal.md").read_text(encoding="utf-8")
    assert (
        "[2026-03](../reports/AGR-TEST/2026-03.md) | resolution | "
        "33.3 % (1 met, 2 breached) | 90 % |" in dashboard
    )
    assert "2026-04" not in dashboard.split("## Objectives missed")[1].split("\n## ")[0]


def test_a_plain_folder_says_once_that_the_file_is_used(revised: Revised, tmp_path: Path) -> None:
    plain = tmp_path / "plain"
    shutil.copytree(revised.root, plain, ignore=shutil.ignore_patterns(".git"))
    run = run_cli("export", "--as-of", AS_OF, cwd=plain)
    assert (run.code, run.err) == (0, NO_HISTORY_WARNING)
    document = json.loads(run.out)
    # Every request under the file as it is (version 3, 24 hours): the past is not known.
    assert {r["agreement_version"] for r in document["requests"]} == {3}
    assert yaml.safe_load((plain / AGREEMENT).read_text().split("---")[1])["version"] == 3
