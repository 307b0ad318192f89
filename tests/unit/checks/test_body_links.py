"""Body link extraction and the check that file links point at something."""

from __future__ import annotations

from generator.checks.body_links import (
    BodyLink,
    body_links,
    file_of,
    is_full_url,
    missing_targets,
)

BODY = """\
See [the manual](manual.pdf "Manual") and ![](shot.png).
A [page](https://example.com/a_(b)) and [mail](mailto:desk@example.com), [top](#top).
Code: `[not](code.pdf)` and <https://example.com>.

    [indented](indented.pdf)

```
[fenced](fenced.pdf)
```
~~~~
[tilde](tilde.pdf)
~~~~
[1]: notes/readme.md
  [two]: <with space.pdf>
"""


def test_links_images_and_reference_definitions_outside_code_are_found() -> None:
    assert body_links(BODY) == [
        BodyLink("manual.pdf", 1),
        BodyLink("shot.png", 1),
        BodyLink("https://example.com/a_(b)", 2),
        BodyLink("mailto:desk@example.com", 2),
        BodyLink("#top", 2),
        BodyLink("notes/readme.md", 13),
        BodyLink("with space.pdf", 14),
    ]


def test_full_urls_are_http_https_mailto_or_anchors() -> None:
    assert [is_full_url(t) for t in ("https://a.example", "HTTP://a", "mailto:x@y", "#x")] == [
        True
    ] * 4
    assert [is_full_url(t) for t in ("manual.pdf", "ftp://a", "//host/x", "../x.md")] == [False] * 4


def test_file_links_resolve_against_the_record_folder_and_stay_in_the_repository() -> None:
    record = "records/requests/2026/11/REQ-1.md"
    assert file_of("REQ-2.md#events", record) == "records/requests/2026/11/REQ-2.md"
    assert file_of("../../../agreements/A.md", record) == "records/agreements/A.md"
    assert file_of("/docs/guide%20one.md", record) == "docs/guide one.md"
    assert file_of("../../../../../../etc/passwd", record) is None


def test_only_file_links_to_missing_files_are_reported() -> None:
    present = {"records/requests/notes/readme.md"}
    missing = missing_targets(BODY, "records/requests/R.md", present.__contains__)
    assert [link.target for link in missing] == ["manual.pdf", "shot.png", "with space.pdf"]
