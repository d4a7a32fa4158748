"""Which rules a run selects, and refusing selectors that name nothing.

A selector is a rule id, a family (the id's part before the dot) or ALL. A misspelt selector
must be an error, never a silent "All checks passed": `--select fdaa` used to select no rule.
"""

from __future__ import annotations

from collections.abc import Iterable

from lint.errors import ConfigError, UsageError, did_you_mean

ALL = ("ALL", "all")
NOTHING = "-none-"  # internal: a worker told to run no rule at all (every rule ignored)
PSEUDO_RULES = ("suppression.unknown-rule",)  # reported by the engine, not by a rule file


def selected(rule_id: str, selectors: Iterable[str]) -> bool:
    family = rule_id.split(".", 1)[0]
    return any(s in (rule_id, family, *ALL) for s in selectors)


def selectable(rule_ids: Iterable[str]) -> set[str]:
    """Every selector that names at least one rule."""
    ids = {*rule_ids, *PSEUDO_RULES}
    return ids | {rule_id.split(".", 1)[0] for rule_id in ids} | set(ALL)


def check_cli_selectors(option: str, selectors: Iterable[str], known: set[str]) -> None:
    for selector in selectors:
        if selector not in known and selector != NOTHING:
            hint = did_you_mean(selector, known)
            raise UsageError(f"{option}: unknown rule or family '{selector}'{hint}")


def check_config_selectors(
    path: str, key: str, selectors: Iterable[str], known: set[str], line: int | None
) -> None:
    for selector in selectors:
        if selector not in known:
            hint = did_you_mean(selector, known)
            raise ConfigError(path, f"'{key}': unknown rule or family '{selector}'{hint}", line)
