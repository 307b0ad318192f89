"""Hostile text from an issue form and in record bodies runs nothing in the built site.

The sample is copied, a request is recorded through ``servicebook intake`` from an issue
whose description uses the Markdown tricks intake lets through (attribute lists, a
reference link whose URL is on the next line; intake refuses other schemes itself), and a
request and a procedure are given bodies with the raw-HTML and link tricks (escaped
backticks, a line that only looks like a fence, a fence never closed, an entity-spelt
scheme). The site is built as a user would, served on 127.0.0.1 and opened in
chromium: nothing may run on load, on hover, on focus or on click, and no link may lead
to script.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from tests.browser.conftest import Browser, require_chromium, serve_site
from tests.conftest import HERE
from tests.helpers import copy_sample, run_cli

if TYPE_CHECKING:
    from playwright.sync_api import Dialog

pytestmark = [pytest.mark.browser, pytest.mark.slow]

AS_OF = "2026-11-25T14:00:00Z"
MARK = "window.__sb_ran"
"""Every vector sets this global (or calls alert(), which the visit fixture records)."""

INTAKE_DESCRIPTION = f"""\
The scanner at dock 2 does not connect.
{{: onmouseover="{MARK}=1" }}

A [manual](https://example.org/manual){{: onclick="{MARK}=2" }} and a picture
![shot](https://example.org/shot.png){{: onerror="{MARK}=3" }}.

## Details {{: onclick="{MARK}=4" tabindex=0 }}

See [the steps][steps].

[steps]:
  javascript:{MARK}=5
"""

BODY = f"""\
Escaped backticks: \\`<img src=x onerror="{MARK}=10">\\`

A paragraph {{: onclick="{MARK}=11" }}

```` not a fence <img src=x onerror="{MARK}=12">

<details open ontoggle="{MARK}=13"><summary>x</summary></details>

[entity](&#106;avascript:{MARK}=14) [tab](java\tscript:{MARK}=15)
[x](java&#115;cript:{MARK}=7) [y](&#x6A;avascript:{MARK}=8) [more][more]

[more]: <javascript:{MARK}=6>

[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)

<a href="javascript:{MARK}=16">raw link</a> <svg onload="{MARK}=17"></svg>

<!-- servicebook:html -->
<img src=x onerror="{MARK}=18">
<!-- /servicebook:html -->

```
a fence never closed
<img src=x onerror="{MARK}=19">
<iframe srcdoc="<script>parent.{MARK}=20</script>"></iframe>
"""


def _intake_event(description: str) -> dict[str, Any]:
    event: dict[str, Any] = json.loads(
        (HERE / "fixtures" / "github" / "issue-opened.json").read_text(encoding="utf-8")
    )
    body: str = event["issue"]["body"]
    head, _, _ = body.partition("### Description")
    event["issue"]["body"] = f"{head}### Description\n\n{description}"
    return event


def _with_body(path: Path, body: str) -> None:
    text = path.read_text(encoding="utf-8")
    _, front, _ = text.split("---\n", 2)
    path.write_text(f"---\n{front}---\n{body}", encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, str]:
    """The sample with the hostile records, built; (site, intake page, request page)."""
    require_chromium()
    root = copy_sample(tmp_path_factory.mktemp("hostile") / "sample")
    event = root.parent / "event.json"
    event.write_text(json.dumps(_intake_event(INTAKE_DESCRIPTION)), encoding="utf-8")
    intake = run_cli("intake", "github-issue", str(event), "--as-of", AS_OF, cwd=root)
    assert intake.code == 0, intake.out + intake.err
    recorded = Path(intake.out.strip())
    request = next((root / "records" / "requests").rglob("REQ-20261102-4E8B.md"))
    _with_body(request, BODY)
    _with_body(root / "records" / "procedures" / "backup-restore-test.md", BODY)
    built = run_cli("build", cwd=root)
    assert built.code == 0, built.out + built.err
    return root / "site", f"requests/{recorded.stem}/", "requests/REQ-20261102-4E8B/"


@pytest.fixture(scope="module")
def hostile_url(hostile_site: tuple[Path, str, str]) -> Iterator[str]:
    """The hostile site served on 127.0.0.1."""
    yield from serve_site(hostile_site[0])


_PROVOKE = """() => {
  const seen = [];
  for (const el of document.querySelectorAll('.md-content *')) {
    for (const attr of el.getAttributeNames()) {
      const name = attr.toLowerCase();
      if (name.startsWith('on') || name === 'srcdoc') seen.push(el.tagName + ' ' + attr);
    }
    for (const type of ['mouseover', 'mouseenter', 'focus', 'focusin', 'toggle', 'load', 'error']) {
      el.dispatchEvent(new Event(type, {bubbles: true}));
    }
    if (el.tagName !== 'A') el.dispatchEvent(new MouseEvent('click', {bubbles: true}));
    const url = el.href || el.src || el.getAttribute('xlink:href');
    const safe = /^(https?|mailto):/i;
    if (url && typeof url === 'string' && !safe.test(url)) seen.push(el.tagName + ' ' + url);
  }
  return seen;
}"""


@pytest.mark.parametrize("which", ["intake", "request", "procedure"])
def test_hostile_text_runs_nothing(
    browser: Browser, hostile_site: tuple[Path, str, str], hostile_url: str, which: str
) -> None:
    path = {
        "intake": hostile_site[1],
        "request": hostile_site[2],
        "procedure": "procedures/backup-restore-test/",
    }[which]
    page = browser.context.new_page()
    dialogs: list[str] = []

    def refuse(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", refuse)
    try:
        page.goto(hostile_url + path, wait_until="load")
        page.wait_for_timeout(300)
        assert page.evaluate(f"typeof {MARK}") == "undefined", "ran on load"
        # Hover, focus and click every element of the content, and list what is live.
        live = page.evaluate(_PROVOKE)
        for link in page.locator(".md-content a").all():
            if link.is_visible():
                link.hover()
        page.wait_for_timeout(200)
        assert live == []
        assert page.evaluate(f"typeof {MARK}") == "undefined", "ran on hover or click"
        assert dialogs == []
        # The text is still there, shown, not dropped.
        content = page.locator(".md-content").inner_text()
        if which == "intake":
            assert "The scanner at dock 2 does not connect." in content
            assert 'onclick="window.__sb_ran=4" tabindex=0 }' in content
        else:
            assert 'Escaped backticks: `<img src=x onerror="window.__sb_ran=10">`' in content
            assert "a fence never closed" in content
    finally:
        page.close()
