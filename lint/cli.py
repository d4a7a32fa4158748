"""The console command's entry point (`supplint`, `python -m lint`); the command layer itself is
lint.commands (parser, options, one module per subcommand).

Kept to the standard library until it knows a run is not the warm daemon's: the client path
(docs/daemon.md) then imports no argparse, parser or command modules, a third of its start-up.
"""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # not typing's: importing typing is a quarter of the client's imports
if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["main"]  # and, on first use, COMMANDS and build_parser (module __getattr__)


def main(argv: Sequence[str] | None = None) -> int:
    if argv is None:  # the console command: a warm daemon may answer `check` (docs/daemon.md)
        from lint.daemon.client import answer

        code = answer(sys.argv[1:], _in_process)
        if code is not None:
            return code
    return _in_process(sys.argv[1:] if argv is None else argv)


def _in_process(argv: Sequence[str]) -> int:
    from lint.commands.cli import main as run

    return run(argv)


def __getattr__(name: str) -> object:  # COMMANDS, build_parser: imported only when asked for
    if name == "COMMANDS":
        from lint.commands.cli import COMMANDS

        return COMMANDS
    if name == "build_parser":
        from lint.commands.parser import build_parser

        return build_parser
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
