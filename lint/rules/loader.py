"""Load rule files (YAML via ruamel.yaml, so every error carries its line) and validate them."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from lint.errors import ConfigError, did_you_mean
from lint.resources import builtin_rules_dir
from lint.rules.fixers import fix_spec, validate_fix
from lint.rules.model import Rule
from lint.rules.overrides import Override, apply_overrides, build_override
from lint.rules.registry import KINDS, checker_class
from lint.rules.spec import COMMON_OPTIONS
from lint.yaml_nodes import parse_yaml, plain, position

__all__ = ["COMMON_OPTIONS", "KNOWLEDGE_KEYS", "RuleSet", "build_rule", "load_rules"]

KNOWLEDGE_KEYS = ("substances",)  # files holding these top-level keys are data, not rules
T = TypeVar("T")


@dataclass
class RuleSet:
    rules: list[Rule] = field(default_factory=list)
    knowledge: dict[str, list[tuple[str, Any]]] = field(default_factory=dict)
    digest: str = ""
    overrides: list[Override] = field(default_factory=list)
    # what checkers compile from these rules and share (a disease rule's finders, read by the
    # disclaimer and comparison kinds too): built once per rule set, see `compiled`
    _compiled: dict[Hashable, Any] = field(default_factory=dict, repr=False, compare=False)

    def compiled(self, key: Hashable, build: Callable[[], T]) -> T:
        """`build()`, once per rule set and key (keys name what they compile, e.g. a rule)."""
        if key in self._compiled:
            found: T = self._compiled[key]
            return found
        value = self._compiled[key] = build()
        return value

    def by_id(self) -> dict[str, Rule]:
        return {rule.id: rule for rule in self.rules}

    def families(self) -> set[str]:
        return {rule.family for rule in self.rules}

    def active(self) -> list[Rule]:
        """Rules not disabled by a house override."""
        return [rule for rule in self.rules if not rule.disabled]


def rule_files(directory: Path) -> list[Path]:
    if directory.is_file():
        return [directory]
    return sorted(p for p in directory.rglob("*.yaml") if p.is_file())


def rule_sources(extra_dirs: Iterable[Path]) -> list[tuple[Path, bool]]:
    """(folder, builtin) pairs: the built-in rules first, then each house folder once."""
    builtin = builtin_rules_dir()
    sources, seen = [(builtin, True)], {builtin.resolve()}
    for entry in map(Path, extra_dirs):
        resolved = entry.resolve()
        if resolved not in seen:
            seen.add(resolved)
            sources.append((entry, False))
    return sources


def load_rules(extra_dirs: Iterable[Path] = (), validate_all: bool = False) -> RuleSet:
    """Built-in rules, then house rule folders; duplicate ids anywhere are an error.

    House rules are always checked against the JSON Schema; built-in rules only when
    `validate_all` (test-rules and the test suite do), which keeps `check` start-up cheap.
    """
    ruleset = RuleSet()
    digest = hashlib.sha256()
    seen: dict[str, Rule] = {}
    loaded: set[Path] = set()  # a folder inside another (`test-rules rules/safety`): read once
    for directory, builtin in rule_sources(extra_dirs):
        if not directory.exists():
            raise ConfigError(str(directory), "rule folder does not exist")
        for path in rule_files(directory):
            if path.resolve() in loaded:
                continue
            loaded.add(path.resolve())
            raw = path.read_bytes()
            digest.update(str(path.name).encode() + b"\0" + raw)
            strict = validate_all or not builtin
            for rule in _load_file(path, raw, builtin, strict, ruleset):
                if rule.id in seen:
                    first = seen[rule.id]
                    raise ConfigError(
                        str(path),
                        f"duplicate rule id '{rule.id}' (first defined in "
                        f"{first.file}:{first.line})",
                        *rule.where("id"),
                    )
                seen[rule.id] = rule
                ruleset.rules.append(rule)
    apply_overrides(ruleset.rules, ruleset.overrides)
    ruleset.digest = digest.hexdigest()
    return ruleset


def _load_file(path: Path, raw: bytes, builtin: bool, strict: bool, ruleset: RuleSet) -> list[Rule]:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ConfigError(str(path), "rule file is not valid UTF-8") from None
    data = parse_yaml(str(path), text)
    if data is None:
        return []
    if isinstance(data, dict) and any(key in data for key in KNOWLEDGE_KEYS):
        for key in KNOWLEDGE_KEYS:
            if key in data:
                ruleset.knowledge.setdefault(key, []).append((str(path), data[key]))
        return []
    if isinstance(data, dict) and "rules" in data:
        if len(data) > 1:
            extra = next(key for key in data if key != "rules")
            raise ConfigError(
                str(path),
                f"unknown top-level key '{extra}' next to 'rules'",
                *position(data, extra),
            )
        data = data["rules"]
    items = data if isinstance(data, list) else [data]
    rules = []
    for index, item in enumerate(items):
        if isinstance(item, dict) and "override" in item:
            ruleset.overrides.append(build_override(str(path), item, _positions(item)))
        elif not isinstance(item, dict):
            line = _positions(data).get(str(index), (1, 1))[0] if data is not item else 1
            raise ConfigError(
                str(path),
                "a rule must be a mapping with id, kind, severity, message (or override)",
                line,
            )
        else:
            rules.append(build_rule(str(path), item, builtin, strict))
    return rules


def _value_pos(node: Any, key: str) -> tuple[int, int]:
    """Where the value of `key` starts (errors about a value point at the value)."""
    try:
        line, col = node.lc.value(key)
        return line + 1, col + 1
    except (AttributeError, KeyError, TypeError):
        return position(node, key)


def _positions(
    node: Any, prefix: str = "", seen: set[int] | None = None
) -> dict[str, tuple[int, int]]:
    """Dotted path -> (line, column) of every mapping key and list item under `node`.

    A YAML alias (`*drug_words`) is the anchored node again: its items are recorded under the
    first path that reaches it only, and later paths record just the alias itself (`where`
    falls back to it). Walking every alias again cost 51,000 entries for one rule, and the
    rule cache's load time with them; the items' lines would all be the anchor's anyway.
    """
    seen = set() if seen is None else seen
    found: dict[str, tuple[int, int]] = {}
    lc = getattr(node, "lc", None)
    if lc is None or id(node) in seen:
        return found
    seen.add(id(node))
    steps = node.keys() if isinstance(node, dict) else range(len(node))
    for step in steps:
        try:
            line, col = lc.key(step) if isinstance(node, dict) else lc.item(step)
        except (KeyError, TypeError, IndexError):
            continue
        path = f"{prefix}{step}"
        found[path] = (line + 1, col + 1)
        child = node[step]
        if isinstance(child, (dict, list)):
            found.update(_positions(child, path + ".", seen))
    return found


def build_rule(path: str, node: Any, builtin: bool, strict: bool = False) -> Rule:
    line, col = position(node)
    if not isinstance(node, dict):
        raise ConfigError(
            path, "a rule must be a mapping with id, kind, severity, message (or override)", line
        )
    kind = node.get("kind")
    if not isinstance(kind, str) or kind not in KINDS:
        where = _value_pos(node, "kind") if "kind" in node else (line, col)
        hint = did_you_mean(str(kind), KINDS)
        msg = f"unknown kind '{kind}'{hint}" if kind is not None else "missing key 'kind'"
        raise ConfigError(path, msg, *where)
    checker = checker_class(kind)
    if strict:  # every option's type, choice, requirement and spelling: the schema, once
        from lint.rules.schema import validate_entry

        validate_entry(path, node, f"kind-{kind}")
    rule_id = str(node["id"])
    if not builtin:
        _reject_python_regex(path, node)
    positions = _positions(node)
    examples = plain(node.get("examples", {}))
    shared: dict[int, Any] = {}  # the options' aliases stay shared (yaml_nodes.plain)
    rule = Rule(
        id=rule_id,
        kind=kind,
        severity=str(node["severity"]),
        message=str(node["message"]),
        explain=str(node.get("explain", "")),
        examples=examples,
        unless=tuple(node.get("unless", ())),
        suggestion=node.get("suggestion"),
        fix=fix_spec(plain(node.get("fix"))),
        fix_safe=bool(node.get("fix_safe", True)),
        options={k: plain(v, shared) for k, v in node.items() if k in checker.options},
        file=path,
        line=line,
        builtin=builtin,
        positions=positions,
        example_origins=example_origins(path, examples, positions, "examples", line),
    )
    validate_fix(rule, lambda key: _value_pos(node["fix"], key) if key else _value_pos(node, "fix"))
    checker.validate(rule)
    return rule


def example_origins(
    path: str, examples: Any, positions: dict[str, tuple[int, int]], prefix: str, line: int
) -> dict[str, list[tuple[str, int]]]:
    """(file, line) of each example, from the positions recorded under `prefix`."""
    if not isinstance(examples, dict):
        return {}
    origins: dict[str, list[tuple[str, int]]] = {}
    for side, items in examples.items():
        count = len(items) if isinstance(items, list) else 0
        origins[side] = [
            (path, positions.get(f"{prefix}.{side}.{i}", (line, 1))[0]) for i in range(count)
        ]
    return origins


def _reject_python_regex(path: str, node: Any) -> None:
    """spaCy runs a token pattern's REGEX on Python's backtracking engine: not from house rules."""
    stack: list[tuple[Any, bool]] = [(node, False)]
    while stack:
        current, in_patterns = stack.pop()
        if isinstance(current, dict):
            for key, value in current.items():
                if in_patterns and str(key).upper() == "REGEX":
                    raise ConfigError(
                        path,
                        "REGEX inside a token pattern runs on a backtracking engine; "
                        "house rules must use a `regex` (RE2) instead",
                        *position(current, key),
                    )
                stack.append((value, in_patterns or key == "patterns"))
        elif isinstance(current, list):
            stack.extend((item, in_patterns) for item in current)
