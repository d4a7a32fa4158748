"""Load rule files (YAML via ruamel.yaml, so every error carries its line) and validate them."""

from __future__ import annotations

import difflib
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lint.errors import ConfigError
from lint.finding import SEVERITIES
from lint.resources import builtin_rules_dir
from lint.rules.base import Option
from lint.rules.model import RULE_ID, Rule
from lint.rules.registry import KINDS, checker_class

COMMON_OPTIONS: dict[str, Option] = {
    "id": Option("string", "Rule id, `family.name` (lower case, dashes).", required=True),
    "kind": Option("string", "Checker kind: " + ", ".join(sorted(KINDS)) + ".", required=True),
    "severity": Option("string", "error | warning | info.", required=True),
    "message": Option("string", "Message; `{match}` and `{sentence}` are filled in.", True),
    "explain": Option("string", "Long explanation: what, why, example, references."),
    "examples": Option("object", "`flag:` texts the rule must flag; `pass:` texts it must not."),
    "unless": Option(
        "string-array",
        "Skip sentences that are: negated, hedged, cited, quote, disclaimer, question, heading.",
    ),
    "suggestion": Option("string", "A suggested rewrite shown with the finding."),
}
KNOWLEDGE_KEYS = ("substances",)  # files holding these top-level keys are data, not rules


@dataclass
class RuleSet:
    rules: list[Rule] = field(default_factory=list)
    knowledge: dict[str, list[tuple[str, Any]]] = field(default_factory=dict)
    digest: str = ""

    def by_id(self) -> dict[str, Rule]:
        return {rule.id: rule for rule in self.rules}

    def families(self) -> set[str]:
        return {rule.family for rule in self.rules}


def rule_files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.rglob("*.yaml") if p.is_file())


def load_rules(extra_dirs: Iterable[Path] = ()) -> RuleSet:
    """Built-in rules, then house rule folders; duplicate ids anywhere are an error."""
    ruleset = RuleSet()
    digest = hashlib.sha256()
    seen: dict[str, Rule] = {}
    sources = [(d, True) for d in [builtin_rules_dir()]] + [(Path(d), False) for d in extra_dirs]
    for directory, builtin in sources:
        if not directory.is_dir():
            raise ConfigError(str(directory), "rule folder does not exist")
        for path in rule_files(directory):
            raw = path.read_bytes()
            digest.update(str(path.name).encode() + b"\0" + raw)
            for rule in _load_file(path, raw, builtin, ruleset):
                if rule.id in seen:
                    first = seen[rule.id]
                    raise ConfigError(
                        str(path),
                        f"duplicate rule id '{rule.id}' (first defined in "
                        f"{first.file}:{first.line})",
                        rule.line,
                    )
                seen[rule.id] = rule
                ruleset.rules.append(rule)
    ruleset.digest = digest.hexdigest()
    return ruleset


def parse_yaml(path: str, text: str) -> Any:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    yaml = YAML(typ="rt")
    try:
        return yaml.load(text)
    except MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
        raise ConfigError(path, f"invalid YAML: {err.problem or err.context}", line, col) from None
    except (YAMLError, RecursionError) as err:
        raise ConfigError(path, f"invalid YAML: {err}") from None


def _load_file(path: Path, raw: bytes, builtin: bool, ruleset: RuleSet) -> list[Rule]:
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
        data = data["rules"]
    items = data if isinstance(data, list) else [data]
    return [build_rule(str(path), item, builtin) for item in items]


def _pos(node: Any, key: str | None = None) -> tuple[int, int]:
    lc = getattr(node, "lc", None)
    if lc is None:
        return 0, 0
    if key is not None:
        try:
            line, col = lc.key(key)
            return line + 1, col + 1
        except (KeyError, TypeError):
            pass
    return lc.line + 1, lc.col + 1


def _plain(value: Any) -> Any:
    """ruamel's commented containers -> plain dicts and lists (checkers and pickling want these)."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def build_rule(path: str, node: Any, builtin: bool) -> Rule:
    line, col = _pos(node)
    if not isinstance(node, dict):
        raise ConfigError(path, "a rule must be a mapping with id, kind, severity, message", line)
    kind = node.get("kind")
    if not isinstance(kind, str) or kind not in KINDS:
        where = _pos(node, "kind") if "kind" in node else (line, col)
        hint = _did_you_mean(str(kind), KINDS)
        msg = f"unknown kind '{kind}'{hint}" if kind is not None else "missing key 'kind'"
        raise ConfigError(path, msg, *where)
    checker = checker_class(kind)
    allowed = {**COMMON_OPTIONS, **checker.options}
    for key in node:
        if key not in allowed:
            hint = _did_you_mean(str(key), allowed)
            raise ConfigError(
                path, f"unknown key '{key}' for kind '{kind}'{hint}", *_pos(node, key)
            )
    for key, option in allowed.items():
        if option.required and key not in node:
            raise ConfigError(path, f"missing key '{key}'", line, col)
        if key in node:
            _check_type(path, node, key, option)
    rule_id = str(node["id"])
    if not RULE_ID.match(rule_id):
        raise ConfigError(
            path, f"rule id '{rule_id}' must look like family.name", *_pos(node, "id")
        )
    if node["severity"] not in SEVERITIES:
        raise ConfigError(
            path, f"severity must be one of {', '.join(SEVERITIES)}", *_pos(node, "severity")
        )
    _check_unless(path, node)
    rule = Rule(
        id=rule_id,
        kind=kind,
        severity=str(node["severity"]),
        message=str(node["message"]),
        explain=str(node.get("explain", "")),
        examples=_plain(node.get("examples", {})),
        unless=tuple(node.get("unless", ())),
        suggestion=node.get("suggestion"),
        options={k: _plain(v) for k, v in node.items() if k in checker.options},
        file=path,
        line=line,
        builtin=builtin,
        positions={str(k): _pos(node, k) for k in node},
    )
    checker.validate(rule)
    return rule


_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "boolean": (bool,),
    "integer": (int,),
    "number": (int, float),
    "array": (list,),
    "string-array": (list,),
    "object": (dict,),
}


def _check_type(path: str, node: Any, key: str, option: Option) -> None:
    value = node[key]
    ok = isinstance(value, _TYPES[option.type]) and not (
        option.type in ("integer", "number") and isinstance(value, bool)
    )
    if ok and option.type == "string-array":
        ok = all(isinstance(item, str) for item in value)
    if not ok:
        expected = "a list of strings" if option.type == "string-array" else f"a {option.type}"
        raise ConfigError(path, f"'{key}' must be {expected}", *_pos(node, key))


def _check_unless(path: str, node: Any) -> None:
    from lint.analysis import FEATURES

    for feature in node.get("unless", ()):
        if feature not in FEATURES:
            hint = _did_you_mean(feature, FEATURES)
            raise ConfigError(
                path, f"unknown feature '{feature}' in unless{hint}", *_pos(node, "unless")
            )


def _did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f", did you mean '{close[0]}'?" if close else ""
