"""The console command's entry point (`supplint`, `python -m lint`); the command layer itself is
lint.commands (parser, options, one module per subcommand)."""

from __future__ import annotations

from lint.commands.cli import COMMANDS, main
from lint.commands.parser import build_parser

__all__ = ["COMMANDS", "build_parser", "main"]
