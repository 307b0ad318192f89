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
from generator.config import load_config
from generator.errors import Diagnostic, UsageError, UserError, format_diagnostics, has_errors
from generator.pipeline import validate

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
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise UsageError(
            f"--as-of '{text}' is not an ISO 8601 instant; write e.g. 2026-11-21T12:00:00Z"
        ) from None
    if value.tzinfo is None:
        raise UsageError(f"--as-of '{text}' has no UTC offset; add one, e.g. {text}Z")
    return value


def _records_root(root: Path) -> Path:
    if not (root / "records").is_dir():
        raise UserError(
            f"no records/ folder in {root}; "
            "run servicebook in the repository root or pass --root DIR"
        )
    return root


def cmd_validate(args: argparse.Namespace) -> int:
    """``servicebook validate``: print every diagnostic; exit 1 on any error."""
    result = validate(_records_root(args.root))
    output = format_diagnostics(result.diagnostics, args.format)
    if output:
        sys.stdout.write(output)
    if args.format == "text":
        errors = sum(1 for d in result.diagnostics if d.severity == "error")
        warnings = len(result.diagnostics) - errors
        print(
            f"{result.files} files read, {len(result.catalog.entries)} valid records: "
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
