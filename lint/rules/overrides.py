"""House overrides: change the severity of, disable, or extend a rule defined elsewhere, by id.

override: evidence.overclaim
severity: warning              # and/or
disabled: true                 # and/or
extend:                        # lists are appended to, mappings merged key by key
  phrases: [wonder pill]
  examples: {flag: ["It is a wonder pill."]}
reason: Our style book bans these words.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from lint.errors import ConfigError, did_you_mean
from lint.rules.model import Rule
from lint.rules.registry import checker_class
from lint.rules.spec import COMMON_OPTIONS

# list options an override may not touch: they are identity, not content
_NOT_EXTENDABLE = {"id", "kind", "severity", "message", "explain", "suggestion", "fix"}


@dataclass
class Override:
    target: str
    file: str
    line: int
    severity: str | None = None
    disabled: bool = False
    extend: dict[str, Any] = field(default_factory=dict)
    reason: str = ""
    positions: dict[str, tuple[int, int]] = field(default_factory=dict, repr=False)

    def where(self, key: str) -> tuple[int, int]:
        while key:
            if key in self.positions:
                return self.positions[key]
            key = key.rpartition(".")[0]
        return self.line, 1

    def describe(self) -> str:
        changes = []
        if self.severity:
            changes.append(f"severity {self.severity}")
        if self.disabled:
            changes.append("disabled")
        if self.extend:
            changes.append("extended " + ", ".join(self.extend))
        reason = f" ({self.reason})" if self.reason else ""
        return f"{self.file}:{self.line}: {'; '.join(changes)}{reason}"


def build_override(path: str, node: Any, positions: dict[str, tuple[int, int]]) -> Override:
    from lint.rules.schema import validate_entry
    from lint.yaml_nodes import plain as _plain

    validate_entry(path, node, "override")
    line = node.lc.line + 1 if hasattr(node, "lc") else 0
    override = Override(
        target=str(node["override"]),
        file=path,
        line=line,
        severity=node.get("severity"),
        disabled=bool(node.get("disabled", False)),
        extend=_plain(node.get("extend", {})),
        reason=str(node.get("reason", "")),
        positions=positions,
    )
    if not (override.severity or override.disabled or override.extend):
        raise ConfigError(
            path, "an override needs severity, disabled or extend", *override.where("override")
        )
    return override


def apply_overrides(rules: list[Rule], overrides: list[Override]) -> None:
    """Apply every override to its rule in place; unknown targets and double overrides fail."""
    by_id = {rule.id: rule for rule in rules}
    applied: dict[str, Override] = {}
    for override in overrides:
        rule = by_id.get(override.target)
        if rule is None:
            hint = did_you_mean(override.target, by_id)
            raise ConfigError(
                override.file,
                f"override of unknown rule '{override.target}'{hint}",
                *override.where("override"),
            )
        if override.target in applied:
            first = applied[override.target]
            raise ConfigError(
                override.file,
                f"rule '{override.target}' is already overridden in {first.file}:{first.line}",
                *override.where("override"),
            )
        applied[override.target] = override
        if override.extend:
            _extend(rule, override)
        if override.severity:
            rule.severity = override.severity
        if override.disabled:
            rule.disabled = True
        rule.overrides.append(override.describe())


def _extend(rule: Rule, override: Override) -> None:
    checker = checker_class(rule.kind)
    allowed = {
        key
        for key, option in {**COMMON_OPTIONS, **checker.options}.items()
        if option.type in ("array", "string-array", "object") and key not in _NOT_EXTENDABLE
    }
    options = dict(rule.options)
    examples = {side: list(items) for side, items in rule.examples.items()}
    unless = list(rule.unless)
    for key, value in override.extend.items():
        where = f"extend.{key}"
        if key not in allowed:
            raise ConfigError(
                override.file,
                f"cannot extend '{key}' of {rule.id} (kind {rule.kind}); "
                f"extendable: {', '.join(sorted(allowed))}",
                *override.where(where),
            )
        if key == "examples":
            examples = _merge(examples, value, where, override)
        elif key == "unless":
            unless = _merge(unless, value, where, override)
        else:
            options[key] = _merge(options.get(key), value, where, override)
    trial = replace(
        rule,
        options=options,
        examples=examples,
        unless=tuple(unless),
        file=override.file,
        line=override.line,
        positions={
            key.removeprefix("extend."): pos
            for key, pos in override.positions.items()
            if key.startswith("extend.")
        },
    )
    _validate_extended(trial, override)
    _add_example_origins(rule, override)
    rule.options, rule.examples, rule.unless = options, examples, tuple(unless)


def _merge(old: Any, new: Any, path: str, override: Override) -> Any:
    if isinstance(new, list) and (old is None or isinstance(old, list)):
        return [*(old or []), *new]
    if isinstance(new, dict) and (old is None or isinstance(old, dict)):
        merged = dict(old or {})
        for key, value in new.items():
            # a new entry may be anything (`verbs: {restore: 0.8}`); existing ones only grow
            known = key in merged
            merged[key] = _merge(merged[key], value, f"{path}.{key}", override) if known else value
        return merged
    raise ConfigError(
        override.file,
        f"'{path}' cannot be extended: extend adds list items; "
        f"to change a single value, copy the rule under a new id",
        *override.where(path),
    )


def _validate_extended(trial: Rule, override: Override) -> None:
    """The extended rule must still be valid: schema, then the checker's own checks."""
    from lint.rules.schema import validate_entry

    document: dict[str, Any] = {
        "id": trial.id,
        "kind": trial.kind,
        "severity": trial.severity,
        "message": trial.message,
        **trial.options,
    }
    if trial.examples:
        document["examples"] = trial.examples
    if trial.unless:
        document["unless"] = list(trial.unless)
    try:
        validate_entry(override.file, document, f"kind-{trial.kind}")
    except ConfigError as err:
        raise ConfigError(
            override.file, f"extended rule {trial.id}: {err.message}", *override.where("extend")
        ) from None
    checker_class(trial.kind).validate(trial)


def _add_example_origins(rule: Rule, override: Override) -> None:
    added = override.extend.get("examples")
    if not isinstance(added, dict):
        return
    for side, items in added.items():
        origins = rule.example_origins.setdefault(side, [])
        for index in range(len(items) if isinstance(items, list) else 0):
            line = override.where(f"extend.examples.{side}.{index}")[0]
            origins.append((override.file, line))
