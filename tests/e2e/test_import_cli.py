"""``servicebook import csv`` end to end: the real UCI log (first 300 incidents) and snippets.

The data set is not part of this repository; the tests that need it read it from the
shared datasets folder next to the repository and are skipped when it is absent.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from generator.commands.options import parse_as_of
from generator.config import load_config
from generator.pipeline import generate_site
from generator.views import request_pages
from tests.helpers import fingerprint, run_cli
from tests.unit.importer.csv_samples import TWO_INCIDENTS, csv_text, row

DATA = (
    Path(__file__).parents[3]
    / "shared"
    / "datasets"
    / "uci-incident-event-log"
    / "incident_event_log.csv.gz"
)
AS_OF = "2016-06-15T12:00:00Z"
needs_data = pytest.mark.skipif(not DATA.is_file(), reason=f"data set not found at {DATA}")


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("uci") / "repo"
    result = run_cli(
        "import",
        "csv",
        str(DATA),
        "--mapping",
        "uci-servicenow",
        "--into",
        str(root),
        "--limit",
        "300",
        cwd=root.parent,
    )
    assert result.code == 0, result.err
    assert "300 tickets, 0 rows skipped" in result.err
    assert "requests: 300 written, 0 unchanged" in result.err
    return root


@needs_data
def test_imported_requests_validate(imported: Path) -> None:
    result = run_cli("validate", cwd=imported)
    assert result.code == 0, result.out
    assert result.err.endswith("records: 0 errors, 0 warnings\n")
    request = imported / "records/requests/2016/02/INC0000045.md"
    text = request.read_text(encoding="utf-8")
    assert "imported: uci-servicenow INC0000045\nimported_sla: met\n" in text
    assert "  - {at: 2016-02-29T08:53:00-03:00, type: resolved, " in text


@needs_data
def test_importing_again_changes_nothing(imported: Path) -> None:
    before = fingerprint(imported / "records")
    stamps = {p: p.stat().st_mtime_ns for p in (imported / "records").rglob("*.md")}
    result = run_cli(
        "import",
        "csv",
        str(DATA),
        "--mapping",
        "uci-servicenow",
        "--into",
        str(imported),
        "--limit",
        "300",
        cwd=imported,
    )
    assert result.code == 0
    assert "requests: 0 written, 300 unchanged, 0 replaced, 0 kept" in result.err
    assert fingerprint(imported / "records") == before
    assert {p: p.stat().st_mtime_ns for p in (imported / "records").rglob("*.md")} == stamps


@needs_data
def test_imported_requests_export(imported: Path) -> None:
    result = run_cli("export", "--as-of", AS_OF, cwd=imported)
    assert result.code == 0, result.err
    document = json.loads(result.out)
    assert len(document["requests"]) == 300
    states = {r["clocks"]["resolution"]["state"] for r in document["requests"]}
    assert states <= {"met", "breached", "running", "at_risk", "paused"}
    assert "met" in states and "breached" in states


@needs_data
@pytest.mark.slow
def test_imported_site_builds_and_credits_the_data(imported: Path) -> None:
    result = run_cli("build", "--as-of", AS_OF, "--progress", cwd=imported)
    assert result.code == 0, result.err
    for phase in ("validated ", "computed the SLA clocks of 300 requests", "rendered ", "staged "):
        assert f"servicebook: {phase}" in result.err
    site = imported / "site"
    credits = (site / "credits-uci-servicenow" / "index.html").read_text(encoding="utf-8")
    assert "Amaral, C. A. L., Fantinato, M., Peres, S. M. (2018)" in credits
    assert 'href="https://creativecommons.org/licenses/by/4.0/"' in credits
    agreement = site / "agreements" / "AGR-UCI-SERVICENOW" / "index.html"
    assert "https://doi.org/10.24432/C57S4H" in agreement.read_text(encoding="utf-8")
    # open_and_recent (the imported servicebook.yml): only requests received, resolved or
    # closed within 90 days before as_of have a page; the others show their id as text.
    index = (site / "requests" / "index.html").read_text(encoding="utf-8")
    assert "INC0000045" in index and 'href="INC0000045/"' not in index
    assert not (site / "requests" / "INC0000045").exists()  # closed 2016-03-05
    assert 'href="INC0000371/"' in index  # received in February, closed in April
    assert (site / "requests" / "INC0000371" / "index.html").is_file()
    again = run_cli("generate", "--as-of", AS_OF, cwd=imported)
    assert "(0 written," in again.err  # the same records and as_of give the same pages


@needs_data
@pytest.mark.slow
def test_many_requests_get_monthly_archive_pages(
    imported: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "copy"
    shutil.copytree(imported, root, ignore=shutil.ignore_patterns(".servicebook", "site"))
    monkeypatch.setattr(request_pages, "INDEX_LIMIT", 100)
    monkeypatch.setattr(request_pages, "PART_ROWS", 120)
    (root / "servicebook.yml").write_text("timezone: America/Sao_Paulo\n", encoding="utf-8")
    monkeypatch.setitem(os.environ, "NO_MKDOCS_2_WARNING", "1")
    config = load_config(root)
    outcome = generate_site(root, config, parse_as_of(AS_OF, None), build=True)
    assert outcome.ok, outcome.builder.output if outcome.builder else outcome.diagnostics
    archive = sorted(p.name for p in (root / ".servicebook/docs/requests/archive").iterdir())
    assert archive == ["2016-02-2.md", "2016-02.md", "2016-03.md"]
    month = (root / "site/requests/archive/2016-03/index.html").read_text(encoding="utf-8")
    assert 'href="../../INC0000610/"' in month  # request_pages: all
    index = (root / "site/requests/index.html").read_text(encoding="utf-8")
    assert 'href="archive/2016-02/"' in index and 'href="archive/2016-02-2/"' in index


def test_bad_rows_are_reported_and_skipped(tmp_path: Path) -> None:
    source = tmp_path / "export.csv"
    source.write_text(
        TWO_INCIDENTS + row("INC0000003", "Pending", "1/3/2016 10:00") + "\n", encoding="utf-8"
    )
    result = run_cli(
        "import",
        "csv",
        "export.csv",
        "--mapping",
        "uci-servicenow",
        "--into",
        "repo",
        cwd=tmp_path,
    )
    assert result.code == 0
    assert result.err.startswith(
        "export.csv:11: incident_state: 'Pending' is not under the mapping's states; add it "
        "there; the row is skipped\n"
        "10 rows read with mapping uci-servicenow (shipped): 2 tickets, 1 rows skipped "
        "(reported above), 0 adjustments (warnings above)\n"
    )
    assert sorted(p.name for p in (tmp_path / "repo/records/requests").rglob("*.md")) == [
        "INC0000001.md",
        "INC0000002.md",
    ]
    assert run_cli("validate", cwd=tmp_path / "repo").code == 0


def test_a_file_without_the_mapped_columns_is_refused(tmp_path: Path) -> None:
    (tmp_path / "other.csv").write_text("id,opened\n1,2\n", encoding="utf-8")
    result = run_cli(
        "import",
        "csv",
        "other.csv",
        "--mapping",
        "uci-servicenow",
        "--into",
        "repo",
        cwd=tmp_path,
    )
    assert result.code == 1
    assert result.err.startswith("servicebook: other.csv:1: the header has no column 'assigned_to'")
    assert not (tmp_path / "repo").exists()


def test_no_ticket_at_all_exits_1(tmp_path: Path) -> None:
    (tmp_path / "empty.csv").write_text(csv_text(), encoding="utf-8")
    result = run_cli(
        "import",
        "csv",
        "empty.csv",
        "--mapping",
        "uci-servicenow",
        "--into",
        "repo",
        cwd=tmp_path,
    )
    assert result.code == 1
    assert "0 rows read with mapping uci-servicenow (shipped): 0 tickets" in result.err
