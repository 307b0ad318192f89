"""The ``servicebook`` command line: parses arguments, calls the pipeline, prints.

The only module that prints diagnostics and chooses exit codes. A bug becomes
"internal error" with the traceback in a log file, never a traceback on screen.
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import traceback
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from generator import __version__
from generator.commands import Outcome
from generator.config import cache_folder, load_config
from generator.errors import Diagnostic, UsageError, UserError, format_diagnostics, has_errors
from generator.models.instant import InstantError, parse_instant
from generator.pipeline import check, validate

Command = Callable[[argparse.Namespace], int]


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; return its exit code (0 ok, 1 problems found, 2 usage)."""
    # Loading creates many long-lived objects; the default collector thresholds
    # rescan them again and again (about 20% of a large validate).
    gc.set_threshold(50_000, 20, 100)
    parser = build_parser()
    args = parser.parse_args(argv)
    command: Command = args.command
    try:
        return command(args)
    except UserError as error:
        print(f"servicebook: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("servicebook: interrupted", file=sys.stderr)
        return 130
    except Exception:
        log = Path(tempfile.gettempdir()) / "servicebook-internal-error.log"
        log.write_text(traceback.format_exc(), encoding="utf-8")
        print(
            f"servicebook: internal error; this is a bug, please report it with {log}",
            file=sys.stderr,
        )
        return 3


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand (also used to check the docs)."""
    parser = argparse.ArgumentParser(
        prog="servicebook",
        description="Service management as code: validate records, compute SLAs, build the site.",
    )
    parser.add_argument("--version", action="version", version=f"servicebook {__version__}")
    sub = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)

    p = sub.add_parser("validate", help="check every record; report all problems in one run")
    _root(p)
    p.add_argument(
        "--format",
        choices=("text", "json", "github"),
        default="text",
        help="text (path:line: ...), json (a list of objects) or github (annotations)",
    )
    p.set_defaults(command=cmd_validate)

    p = sub.add_parser("generate", help="write the site's Markdown pages to the staging folder")
    _root(p)
    _as_of(p)
    p.add_argument("--progress", action="store_true", help="show progress on long runs")
    p.set_defaults(command=cmd_generate)

    p = sub.add_parser("build", help="validate, generate, then build the site with MkDocs")
    _root(p)
    _as_of(p)
    p.add_argument("--site-dir", help="where to write the site (default: site/)")
    p.add_argument("--progress", action="store_true", help="show progress on long runs")
    p.set_defaults(command=cmd_build)

    p = sub.add_parser("serve", help="live preview: regenerate on record changes")
    _root(p)
    _as_of(p)
    p.add_argument("--dev-addr", default="127.0.0.1:8000", help="address to serve on")
    p.set_defaults(command=cmd_serve)

    p = sub.add_parser("export", help="write every request's SLA clocks and compliance")
    _root(p)
    _as_of(p)
    p.add_argument("--output", help="file to write (default: standard output)")
    p.add_argument(
        "--format",
        choices=("json", "csv"),
        default="json",
        help="json (the full export) or csv (one row per request)",
    )
    p.set_defaults(command=cmd_export)

    p = sub.add_parser("intake", help="turn a submission from outside git into a request record")
    intake = p.add_subparsers(title="sources", metavar="SOURCE", required=True)
    p = intake.add_parser(
        "github-issue",
        help="record the issue of a GitHub 'issues' event (from the service-request form)",
    )
    p.add_argument("event", type=Path, metavar="EVENT.json", help="the event payload file")
    _root(p)
    p.add_argument(
        "--comment-file",
        type=Path,
        help="where to write the comment for a submission that cannot be recorded "
        "(default: standard output)",
    )
    p.add_argument(
        "--as-of",
        dest="as_of",
        help="instant the intake runs at, ISO 8601 with offset (default: now); "
        "an issue opened after it is refused",
    )
    p.set_defaults(command=cmd_intake_github_issue)

    p = sub.add_parser("schema", help="write the JSON Schema of every record kind")
    p.add_argument(
        "--output", type=Path, default=Path("schemas"), help="folder to write (default: schemas/)"
    )
    p.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 when the folder is out of date"
    )
    p.set_defaults(command=cmd_schema)
    _add_history_commands(sub)
    _add_import_command(sub)
    return parser


def _root(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--root",
        type=Path,
        default=Path.cwd(),
        help="repository folder holding records/ (default: the current folder)",
    )


def _as_of(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--as-of",
        dest="as_of",
        help="instant to compute statuses at, ISO 8601 with offset "
        "(default: as_of in servicebook.yml, else now)",
    )


def parse_as_of(text: str | None, pinned: datetime | None) -> datetime:
    """The instant to compute at: the option, else the pinned setting, else now (UTC)."""
    if text is None:
        return pinned if pinned is not None else datetime.now(UTC).replace(microsecond=0)
    try:
        return parse_instant(text)
    except InstantError as error:
        if error.kind == "offset":
            raise UsageError(f"--as-of '{text}' has no UTC offset; add one, e.g. {text}Z") from None
        raise UsageError(
            f"--as-of '{text}' is not an ISO 8601 instant; write e.g. 2026-11-21T12:00:00Z"
        ) from None


def _records_root(root: Path) -> Path:
    if not (root / "records").is_dir():
        raise UserError(
            f"no records/ folder in {root}; "
            "run servicebook in the repository root or pass --root DIR"
        )
    return root


def cmd_validate(args: argparse.Namespace) -> int:
    """``servicebook validate``: print every diagnostic; exit 1 on any error."""
    root = _records_root(args.root)
    result = check(root, cache_folder(root, load_config(root)))
    output = format_diagnostics(result.diagnostics, args.format)
    if output:
        sys.stdout.write(output)
        sys.stdout.flush()
    if args.format == "text":
        errors = sum(1 for d in result.diagnostics if d.severity == "error")
        warnings = len(result.diagnostics) - errors
        print(
            f"{result.files} files read, {result.records} valid records: "
            f"{errors} errors, {warnings} warnings",
            file=sys.stderr,
        )
    return 1 if has_errors(result.diagnostics) else 0


def cmd_generate(args: argparse.Namespace) -> int:
    """``servicebook generate``: validate, then write the staging docs folder."""
    return _generate(args, build=False)


def cmd_build(args: argparse.Namespace) -> int:
    """``servicebook build``: validate, generate, then ``mkdocs build --strict``."""
    return _generate(args, build=True)


def _generate(args: argparse.Namespace, *, build: bool) -> int:
    from generator.publish.build import generate_site

    root = _records_root(args.root)
    config = load_config(root)
    as_of = parse_as_of(args.as_of, config.as_of)
    site_dir = Path(args.site_dir) if getattr(args, "site_dir", None) else None
    progress = _progress if getattr(args, "progress", False) else None
    outcome = generate_site(root, config, as_of, build=build, site_dir=site_dir, progress=progress)
    _print_problems(outcome.diagnostics)
    if not outcome.ok and outcome.builder is not None:
        sys.stderr.write(outcome.builder.output)
        print("servicebook: the MkDocs build failed (see above)", file=sys.stderr)
        return 1
    if not outcome.ok:
        return 1
    stats = outcome.stats
    assert stats is not None
    print(
        f"{outcome.pages} pages generated as of {as_of.isoformat()} "
        f"({stats.written} written, {stats.unchanged} unchanged, {stats.removed} removed)",
        file=sys.stderr,
    )
    if outcome.site_dir is not None:
        print(f"site built in {outcome.site_dir}", file=sys.stderr)
    return 0


def _print_problems(diagnostics: Sequence[Diagnostic]) -> None:
    if diagnostics:
        sys.stderr.write(format_diagnostics(diagnostics, "text"))


def _progress(message: str) -> None:
    print(f"servicebook: {message}", file=sys.stderr, flush=True)


def cmd_serve(args: argparse.Namespace) -> int:
    """``servicebook serve``: regenerate on changes and serve a live preview."""
    from generator.publish.serve import serve

    root = _records_root(args.root)
    config = load_config(root)
    return serve(root, config, args.as_of, args.dev_addr)


def cmd_export(args: argparse.Namespace) -> int:
    """``servicebook export``: validate, then write the SLA export; exit 1 on any error."""
    from generator.sla.evaluation import collector_paused
    from generator.sla.export import export_text

    root = _records_root(args.root)
    config = load_config(root)
    as_of = parse_as_of(args.as_of, config.as_of)
    with collector_paused():  # a batch of many small objects; see its docstring
        result = validate(root, cache_folder(root, config))
        _print_problems(result.diagnostics)
        if has_errors(result.diagnostics):
            print("servicebook: fix the errors above; nothing was exported", file=sys.stderr)
            return 1
        text = export_text(result.catalog, as_of, args.format, default_timezone=config.timezone)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def cmd_intake_github_issue(args: argparse.Namespace) -> int:
    """``servicebook intake github-issue``: print the record's path, or write the comment."""
    from generator.intake.command import intake_github_issue

    root = _records_root(args.root)
    outcome = intake_github_issue(args.event, root, parse_as_of(args.as_of, None))
    if outcome.comment is not None:
        if args.comment_file:
            args.comment_file.write_text(outcome.comment, encoding="utf-8")
        else:
            sys.stdout.write(outcome.comment)
        print("servicebook: the issue was not recorded; the comment says why", file=sys.stderr)
        return 1
    print(outcome.path)
    if not outcome.created:
        print(
            f"servicebook: {outcome.path} was recorded from this issue before; left as it is",
            file=sys.stderr,
        )
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    """``servicebook schema``: write (or ``--check``) one JSON Schema per record kind."""
    from generator.records.schemas import sync_schemas

    outcome = sync_schemas(args.output, check=args.check)
    if args.check and not outcome.up_to_date:
        for name in outcome.changed:
            print(f"servicebook: {args.output / name} is out of date", file=sys.stderr)
        for name in outcome.extra:
            print(f"servicebook: {args.output / name} belongs to no record kind", file=sys.stderr)
        print("servicebook: run 'servicebook schema' and commit the result", file=sys.stderr)
        return 1
    if not args.check:
        print(
            f"{len(outcome.changed)} schemas written, {len(outcome.extra)} removed in "
            f"{args.output}",
            file=sys.stderr,
        )
    return 0


def _add_history_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Parsers of the commands that change records, audit history and set code owners."""
    from generator.changes.eventspec import EVENT_OPTIONS
    from generator.changes.newrecord import NEW_FIELDS

    p = sub.add_parser("audit", help="audit the git history of the records; exit 1 on errors")
    _root(p)
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
        _root(k)
        for spec in specs:
            k.add_argument(spec.flag, dest=spec.name, help=spec.help)
        _commit(k)
        k.set_defaults(command=cmd_new, kind=kind, fields=[s.name for s in specs])

    p = sub.add_parser("event", help="append an event to a request")
    _root(p)
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
    _commit(p)
    p.set_defaults(command=cmd_event)

    p = sub.add_parser("close", help="resolve (if needed) and close a request")
    _root(p)
    p.add_argument("id", metavar="ID", help="request id")
    p.add_argument("--resolution", help="what resolved it (unless already resolved)")
    p.add_argument("--confirmed-by", help="who confirmed the resolution, e.g. requester")
    p.add_argument("--at", help="when, ISO 8601 with offset (default: now)")
    p.add_argument("--by", help="who closed it (person id or e-mail)")
    _commit(p)
    p.set_defaults(command=cmd_close)

    p = sub.add_parser("codeowners", help="write .github/CODEOWNERS from the roster and owners")
    _root(p)
    p.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 when the file is stale"
    )
    p.set_defaults(command=cmd_codeowners)


def _commit(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--commit",
        action="store_true",
        help="commit the changed file with a Record:/Event: trailer message",
    )


def _emit(outcome: Outcome) -> int:
    sys.stdout.write(outcome.out)
    sys.stdout.flush()
    sys.stderr.write(outcome.err)
    return outcome.code


def cmd_audit(args: argparse.Namespace) -> int:
    """``servicebook audit``: print the findings of the history audit."""
    from generator.commands.audit import parse_delay, run_audit

    root = _records_root(args.root)
    delay = parse_delay(args.late_after)
    return _emit(run_audit(root, fmt=args.format, since=args.since, late_after=delay))


def cmd_new(args: argparse.Namespace) -> int:
    """``servicebook new KIND``: create a record from its template."""
    import secrets

    from generator.changes.prompts import interactive
    from generator.commands.changes import run_new

    root = _records_root(args.root)
    given = {name: getattr(args, name) for name in args.fields}
    outcome = run_new(
        root,
        args.kind,
        given,
        commit=args.commit,
        now=datetime.now(UTC),
        suffix=lambda: secrets.token_hex(2),
        ask=input if interactive() else None,
    )
    return _emit(outcome)


def cmd_event(args: argparse.Namespace) -> int:
    """``servicebook event ID TYPE``: append an event to a request."""
    from generator.changes.eventspec import ALL_OPTIONS
    from generator.commands.changes import run_event

    root = _records_root(args.root)
    options = {name: getattr(args, name, None) for name in ALL_OPTIONS}
    outcome = run_event(
        root,
        args.id,
        args.type,
        options,
        at=args.at,
        by=args.by,
        commit=args.commit,
        now=datetime.now(UTC),
    )
    return _emit(outcome)


def cmd_close(args: argparse.Namespace) -> int:
    """``servicebook close ID``: resolve (when needed) and close a request."""
    from generator.commands.changes import run_close

    outcome = run_close(
        _records_root(args.root),
        args.id,
        resolution=args.resolution,
        confirmed_by=args.confirmed_by,
        at=args.at,
        by=args.by,
        commit=args.commit,
        now=datetime.now(UTC),
    )
    return _emit(outcome)


def cmd_codeowners(args: argparse.Namespace) -> int:
    """``servicebook codeowners``: write or check .github/CODEOWNERS."""
    from generator.commands.codeowners import run_codeowners

    return _emit(run_codeowners(_records_root(args.root), check=args.check))


def _add_import_command(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``servicebook import csv``: requests from another tool's CSV export."""
    p = sub.add_parser("import", help="import requests from another tool's export")
    formats = p.add_subparsers(title="formats", metavar="FORMAT", required=True)
    p = formats.add_parser(
        "csv",
        help="a CSV export (plain or gzip): one row per ticket, or one per update",
        description="Write one request record per ticket (records/requests/YYYY/MM/ID.md) "
        "plus the agreement, calendar, service, groups and people they name (only when "
        "missing). Running it again changes nothing; bad rows are reported with their line "
        "and skipped. Exit 0 when the file was read, 1 when no ticket could be imported.",
    )
    p.add_argument("file", type=Path, metavar="FILE", help="the CSV file (.csv or .csv.gz)")
    p.add_argument(
        "--mapping",
        required=True,
        metavar="NAME|PATH",
        help="a shipped mapping (uci-servicenow, bpic2014) or the path of a mapping file",
    )
    p.add_argument(
        "--into",
        type=Path,
        default=Path.cwd(),
        metavar="DIR",
        help="repository root to write into (default: the current folder)",
    )
    p.add_argument("--limit", type=int, metavar="N", help="import only the first N tickets")
    p.add_argument(
        "--overwrite",
        action="store_true",
        help="replace request records that differ from the source (default: keep them)",
    )
    p.add_argument("--progress", action="store_true", help="show progress on long runs")
    p.set_defaults(command=cmd_import_csv)


def cmd_import_csv(args: argparse.Namespace) -> int:
    """``servicebook import csv FILE --mapping M``: print problems, then a summary."""
    from generator.importer.command import run_import

    if args.limit is not None and args.limit < 1:
        raise UsageError(f"--limit {args.limit}: give a number of tickets, 1 or more")
    outcome = run_import(
        args.file,
        args.mapping,
        args.into,
        limit=args.limit,
        overwrite=args.overwrite,
        progress=_progress if args.progress else None,
    )
    _print_problems(outcome.diagnostics)
    sys.stderr.write(outcome.summary())
    return 0 if outcome.tickets else 1
