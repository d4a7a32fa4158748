"""A warm per-user daemon for `supplint check` (docs/daemon.md).

The client (lint.daemon.client) hands argv, the working directory, the environment and stdin to a
process that already has spaCy and the rules loaded; that process forks one child per request,
which runs the same `lint.cli.main(argv)` and sends back the exit code and the bytes it wrote.
The client path imports none of spaCy, numpy or the rules.
"""
