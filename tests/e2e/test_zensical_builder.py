"""``builder: zensical``: the same staged pages built by Zensical, Material's successor."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from generator.publish.runner import MATERIAL_END_OF_LIFE
from tests.helpers import copy_sample, run_cli

pytestmark = pytest.mark.slow


def _site_digest(site: Path) -> dict[str, str]:
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def test_the_sample_builds_with_zensical_the_same_way_twice(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "sample")
    settings = root / "servicebook.yml"
    settings.write_text(settings.read_text(encoding="utf-8") + "builder: zensical\n")
    result = run_cli("build", cwd=root)
    assert result.code == 0, result.err
    assert "site built in" in result.err
    assert MATERIAL_END_OF_LIFE not in result.err
    site = root / "site"
    request = site / "requests" / "REQ-20261102-4E8B" / "index.html"
    page = request.read_text(encoding="utf-8")
    assert "Leaver on 13 November: receptionist in Pankow" in page
    assert "<table" in page  # the timeline and clocks fragments
    for dashboard in ("internal", "external"):
        assert (site / "dashboards" / dashboard / "index.html").is_file()
    for html in site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert "servicebook:html" not in text, html
        assert "{ .sb-" not in text, html  # the generator's attribute lists were applied
    first = _site_digest(site)
    again = run_cli("build", cwd=root)
    assert again.code == 0, again.err
    assert _site_digest(site) == first
    assert not (root / ".servicebook" / "_site").exists()


def test_building_with_material_shows_its_end_of_life_once(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "sample")
    result = run_cli("build", cwd=root)
    assert result.code == 0, result.err
    line = f"mkdocs.yml:7: warning: theme: {MATERIAL_END_OF_LIFE}"
    assert result.err.count(line) == 1, result.err
