"""The ``servicebook`` command line: parses arguments, calls a command, prints its result.

The only package that prints and chooses exit codes. The parsers are grouped in the
``*_commands`` modules of this package, each with a ``register`` function; the work of
every subcommand is ``run`` in its own module under ``generator.commands``. A bug becomes
"internal error" with the traceback in a log file, never a traceback on screen.
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path

from generator import __version__
from generator.cli import intake_commands, record_commands, site_commands
from generator.errors import UserError, exhaustion_message

__all__ = ["build_parser", "main"]

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
    except (MemoryError, RecursionError) as error:
        print(f"servicebook: {exhaustion_message(error)}", file=sys.stderr)
        return 1
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

    for module in (site_commands, record_commands, intake_commands):
        module.register(sub)
    return parser
