"""``servicebook notify``: one message per breach new since the last published list, read
from the site the previous run published; attention feeds per audience and group."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers import replace_in, run_cli

STAGED = ".servicebook/docs/attention"


def _published_list(root: Path) -> dict[str, object]:
    run = run_cli("generate", cwd=root)
    assert run.code == 0, run.err
    document: dict[str, object] = json.loads((root / STAGED / "breaches.json").read_text())
    return document


def test_only_breaches_missing_from_the_previous_list_are_notified(sample_repo: Path) -> None:
    document = _published_list(sample_repo)
    breaches = document["breaches"]
    assert isinstance(breaches, list) and len(breaches) >= 2
    previous = sample_repo.parent / "previous.json"
    previous.write_text(json.dumps(document), encoding="utf-8")
    same = run_cli("notify", "--previous", str(previous), cwd=sample_repo)
    assert (same.code, same.out) == (0, "")
    assert same.err.endswith(
        f"0 new breaches since the previous run ({len(breaches)} listed then)\n"
    )

    dropped = breaches[0]
    previous.write_text(json.dumps({**document, "breaches": breaches[1:]}), encoding="utf-8")
    run = run_cli("notify", "--previous", str(previous), cwd=sample_repo)
    assert run.code == 0, run.err
    assert run.out.count("### SLA breach: ") == 1
    assert f"### SLA breach: {dropped['request']} {dropped['clock']}" in run.out

    mail = run_cli(
        "notify", "--previous", str(previous), "--format", "email", "--output", "out",
        cwd=sample_repo,
    )  # fmt: skip
    assert mail.code == 0, mail.err
    [path] = mail.out.splitlines()
    text = (sample_repo / path).read_text(encoding="utf-8")
    assert text.startswith(("To: ", "Subject: SLA breach: "))
    assert f"Subject: SLA breach: {dropped['request']}" in text


def test_without_a_previous_list_nothing_is_sent(sample_repo: Path) -> None:
    run = run_cli("notify", "--previous", "missing.json", cwd=sample_repo)
    assert run.code == 0 and run.out == ""
    assert "no previous breach list at missing.json: the " in run.err
    assert run.err.endswith("are the baseline; nothing sent\n")
    (sample_repo / "bad.json").write_text("<html>404</html>", encoding="utf-8")
    bad = run_cli("notify", "--previous", "bad.json", cwd=sample_repo)
    assert bad.code == 1
    assert bad.err == (
        "servicebook: bad.json is not a breach list; give the attention/breaches.json of "
        "the last published site\n"
    )


def test_a_hostile_title_is_inert_in_the_comment(sample_repo: Path) -> None:
    document = _published_list(sample_repo)
    breaches = document["breaches"]
    assert isinstance(breaches, list)
    request = next((sample_repo / "records" / "requests").rglob(f"{breaches[0]['request']}.md"))
    title = next(line for line in request.read_text().splitlines() if line.startswith("title:"))
    replace_in(request, title, 'title: "@security <img src=x onerror=alert(1)> [x](javascript:1)"')
    previous = sample_repo / "previous.json"
    previous.write_text(json.dumps({**document, "breaches": []}), encoding="utf-8")
    run = run_cli("notify", "--previous", "previous.json", cwd=sample_repo)
    assert run.code == 0, run.out + run.err
    assert "\\@security &lt;img src=x onerror=alert(1)&gt; \\[x\\](javascript:1)" in run.out
    assert "<img" not in run.out and " @security" not in run.out


def test_each_group_has_its_own_attention_feed(sample_repo: Path) -> None:
    _published_list(sample_repo)
    feeds = sample_repo / STAGED
    everything = (feeds / "feed.xml").read_text(encoding="utf-8")
    workplace = (feeds / "workplace.xml").read_text(encoding="utf-8")
    assert everything.count("<entry>") > workplace.count("<entry>") > 0
    assert "Group: Workplace" in workplace or "Group: workplace" in workplace.lower()
    assert "Group: Applications" not in workplace
