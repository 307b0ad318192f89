"""Subcommands that bring requests in from outside git: intake and import."""

from __future__ import annotations

import argparse
from pathlib import Path

from generator.cli.options import Subparsers, add_root, emit, progress_line


def register(sub: Subparsers[argparse.ArgumentParser]) -> None:
    """Add the parsers of these subcommands."""
    p = sub.add_parser("intake", help="turn a submission from outside git into a request record")
    intake = p.add_subparsers(title="sources", metavar="SOURCE", required=True)
    p = intake.add_parser(
        "github-issue",
        help="record the issue of a GitHub 'issues' event (from the service-request form)",
    )
    p.add_argument("event", type=Path, metavar="EVENT.json", help="the event payload file")
    add_root(p)
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

    _register_import(sub)


def cmd_intake_github_issue(args: argparse.Namespace) -> int:
    """``servicebook intake github-issue``: print the record's path, or write the comment."""
    from generator.commands import intake

    return emit(intake.run(args.event, args.root, args.as_of, args.comment_file))


def _register_import(sub: Subparsers[argparse.ArgumentParser]) -> None:
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
    p.add_argument(
        "--encoding",
        default="utf-8-sig",
        metavar="ENC",
        help="the file's text encoding, e.g. latin-1 or cp1252 (default: UTF-8, with or "
        "without a byte-order mark)",
    )
    p.add_argument("--progress", action="store_true", help="show progress on long runs")
    p.set_defaults(command=cmd_import_csv)


def cmd_import_csv(args: argparse.Namespace) -> int:
    """``servicebook import csv FILE --mapping M``: print problems, then a summary."""
    from generator.commands import import_csv

    result = import_csv.run(
        args.file,
        args.mapping,
        args.into,
        limit=args.limit,
        overwrite=args.overwrite,
        encoding=args.encoding,
        progress=progress_line if args.progress else None,
    )
    return emit(result)
