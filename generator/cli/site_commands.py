"""Subcommands that check records and publish them: validate, generate, build, serve,
export and schema."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path

from generator.analysis.visibility import Audience, check_audience, parse_audience, visibility
from generator.cli.options import (
    Subparsers,
    add_as_of,
    add_audience,
    add_root,
    emit,
    parse_as_of,
    print_problems,
    progress_line,
    records_root,
)
from generator.config import Config, cache_folder, load_config
from generator.errors import UsageError, format_diagnostics, has_errors, sort_diagnostics
from generator.exports.breach_notices import FORMATS
from generator.facts.audience_facts import catalog_for
from generator.history.commit_gate import check_commits
from generator.output_folders import output_problem
from generator.pipeline import check, validate
from generator.publish.site import BuildOutcome


def register(sub: Subparsers[argparse.ArgumentParser]) -> None:
    """Add the parsers of these subcommands."""
    p = sub.add_parser("validate", help="check every record; report all problems in one run")
    add_root(p)
    p.add_argument(
        "--format",
        choices=("text", "json", "github"),
        default="text",
        help="text (path:line: ...), json (a list of objects) or github (annotations)",
    )
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
        choices=FORMATS,
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
    root = records_root(args.root)
    result = check(root, cache_folder(root, load_config(root)))
    diagnostics = sort_diagnostics([*result.diagnostics, *check_commits(root, result.commits)])
    output = format_diagnostics(diagnostics, args.format)
    if output:
        sys.stdout.write(output)
        sys.stdout.flush()
    if args.format == "text":
        errors = sum(1 for d in diagnostics if d.severity == "error")
        warnings = len(diagnostics) - errors
        print(
            f"{result.files} files read, {result.records} valid records: "
            f"{errors} errors, {warnings} warnings",
            file=sys.stderr,
        )
    return 1 if has_errors(diagnostics) else 0


def cmd_generate(args: argparse.Namespace) -> int:
    """``servicebook generate``: validate, then write the staging docs folder."""
    return _generate_site(args, build=False)


def cmd_build(args: argparse.Namespace) -> int:
    """``servicebook build``: validate, generate, then the builder (``mkdocs build --strict``)."""
    return _generate_site(args, build=True)


def _generate_site(args: argparse.Namespace, *, build: bool) -> int:
    from generator.pipeline import generate_site, generate_sites

    root = records_root(args.root)
    config = load_config(root)
    as_of = parse_as_of(args.as_of, config.as_of, config.instants)
    site_dir = Path(args.site_dir) if getattr(args, "site_dir", None) else None
    if site_dir is not None:
        problem = output_problem(root, site_dir, Path(config.staging_dir))
        if problem is not None:
            raise UsageError(
                f"--site-dir {args.site_dir} cannot be the site folder: {problem}; "
                "name a folder of its own, such as site"
            )
    progress = progress_line if getattr(args, "progress", False) else None
    if args.all_audiences:
        results = generate_sites(
            root, config, as_of, build=build, site_dir=site_dir, progress=progress
        )
        print_problems(results[0][1].diagnostics)
        return max(_report(config, as_of, outcome, audience) for audience, outcome in results)
    audience = parse_audience(args.audience)
    outcome = generate_site(
        root, config, as_of, build=build, site_dir=site_dir, progress=progress, audience=audience
    )
    print_problems(outcome.diagnostics)
    return _report(config, as_of, outcome, audience)


def _report(config: Config, as_of: datetime, outcome: BuildOutcome, audience: Audience) -> int:
    """Print what one site's run did; its exit code."""
    if not outcome.ok and outcome.builder is not None:
        sys.stderr.write(outcome.builder.output)
        name = "Zensical" if config.builder == "zensical" else "MkDocs"
        print(f"servicebook: the {name} build failed (see above)", file=sys.stderr)
        return 1
    if not outcome.ok:
        return 1
    stats = outcome.stats
    assert stats is not None
    who = "" if audience.is_staff else f" for {audience.name}"
    print(
        f"{outcome.pages} pages generated{who} as of {as_of.isoformat()} "
        f"({stats.written} written, {stats.unchanged} unchanged, {stats.removed} removed)",
        file=sys.stderr,
    )
    if outcome.site_dir is not None:
        print(f"site built in {outcome.site_dir}", file=sys.stderr)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    """``servicebook serve``: regenerate on changes and serve a live preview."""
    from generator.commands.serve import serve

    root = records_root(args.root)
    config = load_config(root)
    return serve(
        root,
        config,
        lambda: parse_as_of(args.as_of, config.as_of, config.instants),
        args.dev_addr,
    )


def cmd_export(args: argparse.Namespace) -> int:
    """``servicebook export``: validate, then write the SLA export; exit 1 on any error."""
    from generator.exports.clocks import export_text
    from generator.exports.records import kind_names, kind_text
    from generator.sla.evaluation import collector_paused

    if args.kind is not None and args.kind not in kind_names():
        raise UsageError(
            f"--kind {args.kind!r} is not a record kind; use one of {', '.join(kind_names())}"
        )
    root = records_root(args.root)
    config = load_config(root)
    as_of = parse_as_of(args.as_of, config.as_of, config.instants)
    with collector_paused():  # a batch of many small objects; see its docstring
        result = validate(root, cache_folder(root, config))
        print_problems(result.diagnostics)
        if has_errors(result.diagnostics):
            print("servicebook: fix the errors above; nothing was exported", file=sys.stderr)
            return 1
        audience = parse_audience(args.audience)
        check_audience(result.catalog, audience)
        catalog = catalog_for(result.catalog, visibility(result.catalog, audience, config.provider))
        if args.kind is not None:
            text = kind_text(catalog, args.kind, args.format)
        else:
            text = export_text(
                catalog,
                as_of,
                args.format,
                default_timezone=config.timezone,
                auto_close_s=config.auto_close,
            )
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def cmd_notify(args: argparse.Namespace) -> int:
    """``servicebook notify``: the messages for the breaches new since the last publish."""
    from generator.commands.notify import run_notify

    root = records_root(args.root)
    config = load_config(root)
    as_of = parse_as_of(args.as_of, config.as_of, config.instants)
    audience = parse_audience(args.audience)
    return emit(run_notify(root, as_of, args.previous, args.format, args.output, audience))


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
