"""Subcommands that change records or read their history: audit, new, event, close,
codeowners."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path

from generator.cli.options import Subparsers, add_commit, add_root, emit


def register(sub: Subparsers[argparse.ArgumentParser]) -> None:
    """Parsers of the commands that change records, audit history and set code owners."""
    from generator.authoring.eventspec import EVENT_OPTIONS
    from generator.authoring.newrecord import NEW_FIELDS

    p = sub.add_parser("audit", help="audit the git history of the records; exit 1 on errors")
    add_root(p)
    p.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text (one finding a line) or json (a list of objects)",
    )
    p.add_argument("--since", metavar="REV", help="only findings in commits after REV")
    p.add_argument(
        "--late-after",
        default="24h",
        metavar="DURATION",
        help="how long before its commit an entry may be dated (default: 24h)",
    )
    p.set_defaults(command=cmd_audit)

    p = sub.add_parser("new", help="create a record from its template (asks on a terminal)")
    kinds = p.add_subparsers(title="kinds", metavar="KIND", required=True)
    for kind, specs in NEW_FIELDS.items():
        k = kinds.add_parser(kind, help=f"create a {kind} record")
        add_root(k)
        for spec in specs:
            k.add_argument(spec.flag, dest=spec.name, help=spec.help)
        add_commit(k)
        k.set_defaults(command=cmd_new, kind=kind, fields=[s.name for s in specs])

    p = sub.add_parser("event", help="append an event to a request")
    add_root(p)
    p.add_argument("id", metavar="ID", help="request id")
    p.add_argument("type", metavar="TYPE", choices=tuple(EVENT_OPTIONS), help="event type")
    p.add_argument("--at", help="when it happened, ISO 8601 with offset (default: now)")
    p.add_argument("--status", help="new status (status events)")
    p.add_argument("--group", help="group now responsible (assigned events)")
    p.add_argument("--person", help="person now responsible (assigned events)")
    p.add_argument("--reason", help="why (assigned, status, priority, reopened)")
    p.add_argument("--note", "--text", dest="text", help="the text of a note, action or reply")
    p.add_argument("--priority", help="new priority (priority events)")
    p.add_argument("--resolution", help="what resolved it (resolved events)")
    p.add_argument("--confirmed-by", help="who confirmed the resolution (closed events)")
    p.add_argument("--via", help="channel of a reply (responded events)")
    p.add_argument("--by", help="who did it (person id or e-mail)")
    p.add_argument(
        "--internal",
        action="store_true",
        help="staff only: never on a customer's site, feed or notice (not for replies)",
    )
    add_commit(p)
    p.set_defaults(command=cmd_event)

    p = sub.add_parser("close", help="resolve (if needed) and close a request")
    add_root(p)
    p.add_argument("id", metavar="ID", nargs="?", help="request id (not with --auto)")
    p.add_argument(
        "--auto",
        action="store_true",
        help="close every resolved request past its auto_close period, in one commit",
    )
    p.add_argument("--as-of", help="with --auto: the instant to close as of (default: now)")
    p.add_argument("--resolution", help="what resolved it (unless already resolved)")
    p.add_argument("--confirmed-by", help="who confirmed the resolution, e.g. requester")
    p.add_argument("--at", help="when, ISO 8601 with offset (default: now)")
    p.add_argument("--by", help="who closed it (person id or e-mail)")
    add_commit(p)
    p.set_defaults(command=cmd_close)

    p = sub.add_parser("form", help="write the issue form's service and category options")
    add_root(p)
    p.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 when the form is stale"
    )
    p.set_defaults(command=cmd_form)

    p = sub.add_parser("init", help="start a new service book (records repository) in DIR")
    p.add_argument("dir", metavar="DIR", type=Path, help="the new repository's folder")
    p.add_argument("--name", help="the organisation's name (asked on a terminal)")
    p.add_argument("--timezone", help="IANA time zone of the office hours, e.g. America/Chicago")
    p.add_argument("--country", help="ISO country code for public holidays, e.g. US (optional)")
    p.add_argument("--customer", help="the first customer's name")
    p.add_argument("--lead", help="the service desk lead's name")
    p.add_argument("--domain", help="the organisation's e-mail domain")
    p.add_argument(
        "--tool",
        help="pip requirement that installs Servicebook in CI (default: this version)",
    )
    p.add_argument(
        "--action",
        help="the Servicebook GitHub Action the workflows use, OWNER/REPO@REF "
        "(default: the release of this version)",
    )
    p.add_argument(
        "--force", action="store_true", help="add to a non-empty folder (existing files kept)"
    )
    p.set_defaults(command=cmd_init)

    p = sub.add_parser("codeowners", help="write .github/CODEOWNERS from the roster and owners")
    add_root(p)
    p.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 when the file is stale"
    )
    p.set_defaults(command=cmd_codeowners)

    p = sub.add_parser(
        "migrate", help="rewrite records of an older schema to this release's (diff first)"
    )
    add_root(p)
    p.add_argument(
        "--apply",
        action="store_true",
        help="write the changes and commit them as one commit (default: show the diff only)",
    )
    p.set_defaults(command=cmd_migrate)


def cmd_audit(args: argparse.Namespace) -> int:
    """``servicebook audit``: print the findings of the history audit."""
    from generator.commands import audit

    return emit(audit.run(args.root, fmt=args.format, since=args.since, late_after=args.late_after))


def cmd_new(args: argparse.Namespace) -> int:
    """``servicebook new KIND``: create a record from its template."""
    import secrets

    from generator.authoring.prompts import interactive
    from generator.commands import new

    given = {name: getattr(args, name) for name in args.fields}
    result = new.run(
        args.root,
        args.kind,
        given,
        commit=args.commit,
        now=datetime.now(UTC),
        suffix=lambda: secrets.token_hex(2),
        ask=input if interactive() else None,
    )
    return emit(result)


def cmd_event(args: argparse.Namespace) -> int:
    """``servicebook event ID TYPE``: append an event to a request."""
    from generator.authoring.eventspec import ALL_OPTIONS
    from generator.commands import event

    options = {name: getattr(args, name, None) for name in ALL_OPTIONS}
    result = event.run(
        args.root,
        args.id,
        args.type,
        options,
        at=args.at,
        by=args.by,
        commit=args.commit,
        now=datetime.now(UTC),
    )
    return emit(result)


def cmd_close(args: argparse.Namespace) -> int:
    """``servicebook close ID``: resolve (when needed) and close a request; ``close
    --auto``: write the closes of the auto-close rule."""
    from generator.commands import close

    result = close.run(
        args.root,
        args.id,
        auto=args.auto,
        as_of=args.as_of,
        resolution=args.resolution,
        confirmed_by=args.confirmed_by,
        at=args.at,
        by=args.by,
        commit=args.commit,
        now=datetime.now(UTC),
    )
    return emit(result)


def cmd_form(args: argparse.Namespace) -> int:
    """``servicebook form``: write or check the issue form's options."""
    from generator.commands import form

    return emit(form.run(args.root, check=args.check))


def cmd_init(args: argparse.Namespace) -> int:
    """``servicebook init DIR``: a new records repository, validated and committed."""
    from generator.authoring.prompts import interactive
    from generator.commands import init

    def ask(question: str, default: str) -> str:
        return input(f"{question} [{default}]: ").strip() or default

    given = {name: getattr(args, name) for name in init.QUESTIONS}
    answers = init.answers(
        given, ask if interactive() else None, tool=args.tool, action=args.action
    )
    return emit(init.run(args.dir, answers, force=args.force))


def cmd_codeowners(args: argparse.Namespace) -> int:
    """``servicebook codeowners``: write or check .github/CODEOWNERS."""
    from generator.commands import codeowners

    return emit(codeowners.run(args.root, check=args.check))


def cmd_migrate(args: argparse.Namespace) -> int:
    """``servicebook migrate``: show or apply the migration to the current schema."""
    from generator.commands import migrate

    return emit(migrate.run(args.root, apply=args.apply))
