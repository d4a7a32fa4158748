"""--fix/--diff over files under several configs (lint.config_tree: the nearest config of each),
as Ruff: each file is fixed by its own config's engine, in input order."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lint.config_tree import Part


def fix_by_config(
    run_fixes: Callable[..., Any],
    request: Any,
    files: list[str],
    parts: list[Part],
    results: list[Any],
) -> Any:
    """--fix/--diff with each file's own config, as Ruff (`parts`: engine_parts of `files`):
    one engine (so one run_fixes call) when one config applies; else file by file in input
    order, so the results, the diff and the counts come in the order of the files, each fixed
    by its group's engine."""
    if len(parts) == 1:
        return run_fixes(request, parts[0][0], files, results)
    engine_of: dict[int, Any] = {}
    for engine, _config, indexes in parts:
        engine_of.update(dict.fromkeys(indexes, engine))
    outcomes = [run_fixes(request, engine_of[i], [path], results) for i, path in enumerate(files)]
    return merged(outcomes)


def merged(outcomes: list[Any]) -> Any:
    """One FixOutcome from the outcomes of several runs, in their order."""
    from dataclasses import replace

    from lint.fixes.command import Summary

    summary = Summary()
    for outcome in outcomes:
        part = outcome.summary
        summary.fixed += part.fixed
        summary.files += part.files
        summary.unsettled += part.unsettled
        summary.refused += part.refused
    modes = {outcome.mode for outcome in outcomes}
    mode = "diff" if "diff" in modes else "piped" if "piped" in modes else "report"
    diff = "".join(outcome.diff for outcome in outcomes)
    return replace(outcomes[0], mode=mode, summary=summary, diff=diff)
