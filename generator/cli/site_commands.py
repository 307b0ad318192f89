"""Subcommands that check records and publish them: validate, generate, build, serve,
export and schema."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.cli.options import (
    Subparsers,
    add_as_of,
    add_audience,
    add_diagnostics_format,
    add_root,
    emit,
    progress_line,
)


def register(sub: Subparsers[argparse.ArgumentParser]) -> None:
    """Add the parsers of these subcommands."""
    p = sub.add_parser("validate", help="check every record; report all problems in one run")
    add_root(p)
    add_diagnostics_format(p)
    p.set_defaults(command=cmd_validate)

    p = sub.add_parser("generate", help="write the site's Markdown pages to the staging folder")
    add_root(p)
    add_as_of(p)
    p.add_argument("--progress", action="store_true", help="show progress on long runs")
    add_audience(p)
    p.set_defaults(command=cmd_generate)

    p = sub.add_parser("build", help="validate, generate, then build the site with MkDocs")
    add_root(p)
    add_as_of(p)
    p.add_argument("--site-dir", help="where to write the site (default: site/)")
    p.add_argument("--progress", action="store_true", help="show progress on long runs")
    add_audience(p)
    p.set_defaults(command=cmd_build)

    p = sub.add_parser("serve", help="live preview: regenerate on record changes")
    add_root(p)
    add_as_of(p)
    p.add_argument("--dev-addr", default="127.0.0.1:8000", help="address to serve on")
    p.set_defaults(command=cmd_serve)

    p = sub.add_parser("export", help="write every request's SLA clocks and compliance")
    add_root(p)
    add_as_of(p)
    p.add_argument("--output", help="file to write (default: standard output)")
    p.add_argument(
        "--format",
        choices=("json", "csv"),
        default="json",
        help="json (the full export) or csv (one row per request, or per record with --kind)",
    )
    p.add_argument(
        "--kind",
        help="export the records of one kind (a folder under records/, e.g. agreements) "
        "instead of the SLA clocks",
    )
    p.add_argument(
        "--audience",
        default="staff",
        metavar="AUDIENCE",
        help="staff (everything) or customer:ORG (its records only, without internal events)",
    )
    p.set_defaults(command=cmd_export)

    p = sub.add_parser("notify", help="one message per SLA breach new since the last publish")
    add_root(p)
    add_as_of(p)
    p.add_argument(
        "--previous",
        type=Path,
        help="the attention/breaches.json of the last published site (missing: nothing is "
        "sent, this run's breaches become the baseline)",
    )
    p.add_argument(
        "--format",
        choices=("github", "email"),
        default="github",
        help="github (a Markdown issue comment) or email (Subject: and To: headers, text)",
    )
    p.add_argument("--output", type=Path, help="folder to write one file per message into")
    p.add_argument(
        "--audience",
        default="staff",
        metavar="AUDIENCE",
        help="staff (every breach) or customer:ORG (that customer's requests only)",
    )
    p.set_defaults(command=cmd_notify)

    p = sub.add_parser(
        "monitoring", help="check the alerting rules against the components and the targets"
    )
    add_root(p)
    add_as_of(p)
    add_diagnostics_format(p)
    p.add_argument(
        "--strict", action="store_true", help="count the warnings (slow alerts, …) as errors"
    )
    p.set_defaults(command=cmd_monitoring)

    p = sub.add_parser("schema", help="write the JSON Schema of every record kind")
    p.add_argument(
        "--output", type=Path, default=Path("schemas"), help="folder to write (default: schemas/)"
    )
    p.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 when the folder is out of date"
    )
    p.set_defaults(command=cmd_schema)


def cmd_validate(args: argparse.Namespace) -> int:
    """``servicebook validate``: print every diagnostic; exit 1 on any error."""
    from generator.commands import validate

    return emit(validate.run(args.root, args.format))


def cmd_generate(args: argparse.Namespace) -> int:
    """``servicebook generate``: validate, then write the staging docs folder."""
    from generator.commands import generate

    progress = progress_line if args.progress else None
    return emit(generate.run(args.root, args.as_of, progress, args.audience, args.all_audiences))


def cmd_build(args: argparse.Namespace) -> int:
    """``servicebook build``: validate, generate, then the builder (``mkdocs build --strict``)."""
    from generator.commands import build

    progress = progress_line if args.progress else None
    return emit(
        build.run(args.root, args.as_of, args.site_dir, progress, args.audience, args.all_audiences)
    )


def cmd_serve(args: argparse.Namespace) -> int:
    """``servicebook serve``: regenerate on changes and serve a live preview."""
    from generator.commands import serve

    return emit(serve.run(args.root, args.as_of, args.dev_addr, _say))


def _say(text: str) -> None:
    sys.stderr.write(text)
    sys.stderr.flush()


def cmd_export(args: argparse.Namespace) -> int:
    """``servicebook export``: validate, then write the SLA export; exit 1 on any error."""
    from generator.commands import export

    return emit(
        export.run(
            args.root,
            args.as_of,
            args.format,
            kind=args.kind,
            output=args.output,
            audience=args.audience,
        )
    )


def cmd_notify(args: argparse.Namespace) -> int:
    """``servicebook notify``: the messages for the breaches new since the last publish."""
    from generator.commands import notify

    return emit(
        notify.run(args.root, args.as_of, args.previous, args.format, args.output, args.audience)
    )


def cmd_monitoring(args: argparse.Namespace) -> int:
    """``servicebook monitoring``: the alerting rules report; exit 1 on errors."""
    from generator.commands import monitoring

    return emit(monitoring.run(args.root, args.as_of, args.format, strict=args.strict))


def cmd_schema(args: argparse.Namespace) -> int:
    """``servicebook schema``: write (or ``--check``) one JSON Schema per record kind."""
    from generator.commands import schema

    return emit(schema.run(args.output, check=args.check))
