"""The warm daemon's own process: the server that holds the loaded pipeline (server.py), the
forked child that replays one CLI invocation (child.py) and the warm-up (warm.py). It runs the
CLI, so it sits above the command layer; the client side that the CLI calls (lint/daemon/:
client, paths, protocol, the `daemon` subcommand) sits below it and never imports it."""
