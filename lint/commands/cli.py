"""`supplint ARGS`: parse once, build the subcommand's options, run it, turn errors into exit 2.

Each subcommand's module is imported only when it runs, so `supplint --version` and usage errors
stay instant.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Sequence

from lint.errors import SupplintError

EXIT_ERROR = 2  # lint.commands.run has the others; this module must not import it (start-up)

# subcommand -> module under lint.commands with `main(namespace) -> int`
MODULES = {
    "check": "check",
    "rules": "rules",
    "explain": "explain",
    "test-rules": "test_rules",
    "new-rule": "new_rule",
    "report": "report",
    "server": "server",
    "completion": "completion",
    "review": "review",
    "daemon": "daemon",
}
Command = Callable[[argparse.Namespace], int]


def _lazy(module: str) -> Command:
    """The subcommand's `main`, its module imported only when it runs."""

    def command(namespace: argparse.Namespace) -> int:
        code: int = importlib.import_module(f"lint.commands.{module}").main(namespace)
        return code

    command.__name__ = f"cmd_{module}"
    return command


COMMANDS: dict[str, Command] = {name: _lazy(module) for name, module in MODULES.items()}


def main(argv: Sequence[str] | None = None) -> int:
    """A run in this process (lint.cli.main is the console command, which may ask the daemon)."""
    from lint.commands import parser as parsers  # looked up here: the daemon caches it
    from lint.heap import fewer_collections

    fewer_collections()  # a CPU-time saving only (see lint/heap.py)
    parser = parsers.build_parser()
    namespace = parser.parse_args(argv)
    if namespace.command is None:
        parser.print_help()
        return EXIT_ERROR
    return guarded(namespace)


def guarded(namespace: argparse.Namespace) -> int:
    """The subcommand's exit code; a user error or a bug is one line on stderr and exit 2."""
    try:
        return COMMANDS[namespace.command](namespace)
    except SupplintError as err:
        print(f"supplint: error: {err.render()}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_ERROR
    except Exception as err:  # a bug: still one line and exit 2, never exit 1 ("findings")
        if os.environ.get("SUPPLINT_DEBUG"):
            raise
        from lint.printable import printable  # the message may quote a hostile file name

        print(
            f"supplint: internal error: {type(err).__name__}: {printable(str(err))} "
            "(set SUPPLINT_DEBUG=1 for a traceback; please report it)",
            file=sys.stderr,
        )
        return EXIT_ERROR
