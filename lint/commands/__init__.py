"""The command layer: the only code that sees the command line.

parser.py builds the argparse parser; options.py turns the parsed namespace into one frozen
options object per subcommand; run.py is the shared assembly (settings -> engine -> files ->
results -> Report, the fail-on threshold, the exit codes); output.py writes to stdout or a file;
every other module is one subcommand with `main(namespace) -> int`. Layers below take typed
values (lint.archives.check.InputOptions, lint.fixes.command.FixRequest), never the namespace.
"""
