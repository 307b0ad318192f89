"""``servicebook notify``: one message per SLA breach that is new since the last
published run, for the scheduled workflow to post (a GitHub issue comment or an e-mail).

The previous run's breaches are read from its published ``attention/breaches.json``
(the workflow downloads it before publishing the new site), so the state lives in the
published site, never in the records. Without a previous list, nothing is sent: the
breaches of this run become the baseline, and the next run reports only new ones.
"""

from __future__ import annotations

from pathlib import Path

from generator.analysis.visibility import check_audience, parse_audience, visibility
from generator.commands.options import parse_as_of, records_root
from generator.commands.result import CommandResult
from generator.config import load_config
from generator.errors import UserError, format_diagnostics
from generator.exports.breach_notices import new_breaches, notice, previous_keys
from generator.facts.audience_facts import facts_for
from generator.models.roster import Group
from generator.pipeline import compute
from generator.views.attention import attention, breach_keys


def run(
    root: Path,
    as_of_text: str | None,
    previous: Path | None,
    fmt: str,
    output: Path | None,
    audience_text: str = "staff",
) -> CommandResult:
    """The messages for the new breaches: on standard output, or one file each in
    ``output`` (their paths on standard output, one per line)."""
    root = records_root(root)
    config = load_config(root)
    as_of = parse_as_of(as_of_text, config.as_of, config.instants)
    audience = parse_audience(audience_text)
    computed = compute(root, config, as_of, with_history=False)
    if isinstance(computed, list):
        return CommandResult(
            1,
            stderr=format_diagnostics(computed, "text")
            + "servicebook: fix the errors above; no breach was notified\n",
        )
    check_audience(computed.facts.catalog, audience)
    facts = facts_for(computed.facts, visibility(computed.facts.catalog, audience, config.provider))
    items = attention(facts)
    now = breach_keys(items)
    if previous is None or not previous.is_file():
        where = f"at {previous}" if previous is not None else "given (--previous)"
        return CommandResult(
            0,
            stderr=f"no previous breach list {where}: the {len(now)} breaches as of "
            f"{as_of.isoformat()} are the baseline; nothing sent\n",
        )
    keys = previous_keys(previous.read_text(encoding="utf-8", errors="replace"))
    if keys is None:
        raise UserError(
            f"{previous} is not a breach list; give the attention/breaches.json of the "
            "last published site"
        )
    notices = []
    for item in new_breaches(items, keys):
        group = facts.catalog.record(item.group, Group) if item.group else None
        notices.append(
            notice(
                item,
                fmt,
                facts.timezone,
                group.email if group is not None else None,
                computed.site_name,
                facts.record_pages.get(item.request.id),
                computed.site_url,
                computed.directory_urls,
            )
        )
    summary = f"{len(notices)} new breaches since the previous run ({len(keys)} listed then)\n"
    if output is None:
        return CommandResult(0, stdout="\n".join(n.text for n in notices), stderr=summary)
    output.mkdir(parents=True, exist_ok=True)
    paths = []
    for index, message in enumerate(notices, start=1):
        path = output / f"{index:03d}-{message.name}"
        path.write_text(message.text, encoding="utf-8")
        paths.append(f"{path}\n")
    return CommandResult(0, stdout="".join(paths), stderr=summary)
