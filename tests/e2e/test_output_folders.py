"""A site or staging folder that would overwrite the records is refused before any write."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import copy_sample, fingerprint, run_cli


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    return copy_sample(tmp_path / "sample")


@pytest.mark.parametrize(
    ("folder", "problem"),
    [
        ("records", "it is inside records/, which a build must never change"),
        ("records/../records/people", "it is inside records/, which a build must never change"),
        ("docs", "it is inside docs/, which a build must never change"),
        (".", "it is the repository root or holds it, so a build would delete the records"),
        ("..", "it is the repository root or holds it, so a build would delete the records"),
        ("/", "it is the repository root or holds it, so a build would delete the records"),
        (".servicebook", "it overlaps the staging folder (staging_dir), which a build rewrites"),
    ],
)
def test_site_dir_option_into_the_input_is_a_usage_error(
    sample: Path, folder: str, problem: str
) -> None:
    before = fingerprint(sample)
    result = run_cli("build", "--site-dir", folder, cwd=sample)
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        f"servicebook: --site-dir {folder} cannot be the site folder: {problem}; "
        "name a folder of its own, such as site\n"
    )
    assert fingerprint(sample) == before


def test_a_symlink_into_the_records_is_followed_and_refused(sample: Path) -> None:
    (sample / "out").symlink_to(sample / "records")
    before = fingerprint(sample / "records")
    result = run_cli("build", "--site-dir", "out", cwd=sample)
    assert result.code == 2
    assert "it is inside records/" in result.err
    assert fingerprint(sample / "records") == before


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        (
            "staging_dir: records/people",
            "servicebook.yml:10: staging_dir: 'records/people' cannot be an output folder: it is "
            "inside records/, which a build must never change; use a folder of its own, such "
            "as .servicebook",
        ),
        (
            "site_dir: templates",
            "servicebook.yml:10: site_dir: 'templates' cannot be an output folder: it is inside "
            "templates/, which a build must never change; use a folder of its own, such as site",
        ),
    ],
)
def test_output_folders_in_the_settings_are_refused_by_every_command(
    sample: Path, setting: str, message: str
) -> None:
    settings = sample / "servicebook.yml"
    settings.write_text(settings.read_text(encoding="utf-8") + setting + "\n")
    before = fingerprint(sample)
    for command in ("validate", "generate", "build"):
        result = run_cli(command, cwd=sample)
        assert result.code == 1, command
        assert result.err == f"servicebook: {message}\n", command
    assert fingerprint(sample) == before
