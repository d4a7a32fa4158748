"""Config: `.supplint.yaml` or `[tool.supplint]` in pyproject.toml, found walking up from a path."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from lint.budget import DEFAULT_SECONDS
from lint.errors import ConfigError, did_you_mean
from lint.finding import SEVERITIES
from lint.toml_compat import toml_reader
from lint.yaml_nodes import plain

CONFIG_NAMES = (".supplint.yaml", ".supplint.yml")
# key -> (expected type, description); the one place config keys are declared
KEYS: dict[str, tuple[type | tuple[type, ...], str]] = {
    "select": (list, "rule ids or families to run (default: all)"),
    "ignore": (list, "rule ids or families to skip"),
    "fail_on": (str, "lowest severity that makes the exit code 1 (default: info)"),
    "rule_dirs": (list, "house rule folders, relative to the config file"),
    "severity": (dict, "rule id -> severity overrides"),
    "include": (list, "file globs to lint inside folders"),
    "exclude": (list, "file or folder globs to skip"),
    "jobs": (int, "worker processes (default: number of cores)"),
    "timeout": (
        (int, float),
        "seconds one file may take before it is an error (default 60; 0: none)",
    ),
    "archive": (dict, "JSONL/CSV column names and body format (docs/archives.md)"),
    "disclaimer_text": (str, "FDA disclaimer wording that --fix adds (default: 21 CFR 101.93(c))"),
    "disclaimer_before": (str, "footer marker: --fix puts the disclaimer just before its line"),
    "disclosure_text": (str, "affiliate disclosure wording that --fix adds"),
    "disclosure_position": (str, "where --fix adds the disclosure: before-link (default) | top"),
    "site_domains": (list, "your own domains: links there are first-party, not affiliate (ftc)"),
    "per_file_ignores": (dict, "file glob -> rule ids or families not reported there"),
    "respect_gitignore": (bool, "skip what .gitignore names when walking folders (default: true)"),
    "force_exclude": (bool, "apply exclude and .gitignore to paths named too (default: false)"),
}


@dataclass
class Config:
    path: Path | None = None
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    fail_on: str = "info"
    rule_dirs: list[Path] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    jobs: int | None = None
    timeout: float = DEFAULT_SECONDS  # per-file time budget (lint/budget.py); 0: none
    archive: dict[str, str] = field(default_factory=dict)  # lint.archives.ArchiveOptions keys
    disclaimer_text: str | None = None  # None: lint.fixes.producers defaults
    disclaimer_before: str | None = None
    disclosure_text: str | None = None
    disclosure_position: str = "before-link"
    site_domains: list[str] = field(default_factory=list)  # lint.rules.kinds.link.is_first_party
    respect_gitignore: bool = True  # lint.gitignore, in folder walks only
    force_exclude: bool = False  # lint.sources.Exclusion: exclusions for named paths too
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)  # lint.config_ignores
    lines: dict[str, int] = field(default_factory=dict)  # key -> line in the config file
    extends: tuple[Path, ...] = ()  # the files `extend` read, nearest first (watchers stamp them)

    def ignored_for(self, file_path: str) -> list[str]:
        """Rule ids and families per-file-ignores turns off for this file."""
        from lint.config_ignores import ignored_for

        return ignored_for(self.per_file_ignores, self.path, file_path)


def discover(start: Path) -> Path | None:
    """The nearest config file in `start` (a file's folder) or any folder above it."""
    try:
        folder = start.resolve()
    except (RuntimeError, OSError):  # a symlink loop: look from where the link itself sits
        folder = Path(os.path.abspath(start)).parent
    # os.path.isdir/isfile answer False on any OSError: Path.is_dir raises PermissionError
    # for a chmod 000 article or a folder above we may not search, and that is no config
    if not os.path.isdir(folder):
        folder = folder.parent
    for candidate in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            if os.path.isfile(candidate / name):
                return candidate / name
        pyproject = candidate / "pyproject.toml"
        if os.path.isfile(pyproject) and _has_supplint_table(pyproject):
            return pyproject
    return None


def _has_supplint_table(path: Path) -> bool:
    """Parsed, not searched: a broken `[tool.supplint` must be an error, not "no config"."""
    text = _read(path)
    if "supplint" not in text:
        return False  # cheap: most pyproject files are not ours
    return "supplint" in _parse_toml(path, text).get("tool", {})


def _parse_toml(path: Path, text: str) -> dict[str, Any]:
    tomllib = toml_reader()
    try:
        return dict(tomllib.loads(text))
    except tomllib.TOMLDecodeError as err:
        found = re.search(r"\(at line (\d+), column (\d+)\)$", str(err))
        message = re.sub(r"\s*\(at line \d+, column \d+\)$", "", str(err))
        line, column = (int(found[1]), int(found[2])) if found else (None, None)
        raise ConfigError(str(path), f"invalid TOML: {message}", line, column) from None


def load_config(path: Path | None, extending: tuple[Path, ...] = ()) -> Config:
    """The config in `path` (`extend`: on top of the one it names, as Ruff's `extend`)."""
    if path is None:
        return Config()
    if not path.is_file():
        raise ConfigError(str(path), "config file does not exist")
    if path.name == "pyproject.toml":
        data, lines = _load_pyproject(path)
    else:
        data, lines = _load_yaml(path)
    base = _extended(path, data.pop("extend", None), lines.get("extend"), extending)
    return _build(path, data, lines, base)


def _extended(path: Path, target: Any, line: int | None, extending: tuple[Path, ...]) -> Config:
    """The config `extend` names (relative to `path`'s folder), loaded; Config() without one."""
    if target is None:
        return Config()
    if not isinstance(target, str) or not target.strip():
        raise ConfigError(str(path), "'extend' must be a string (a config file's path)", line)
    here, there = path.resolve(), (path.parent / target).resolve()
    if there == here:
        raise ConfigError(str(path), "extend: a config cannot extend itself", line)
    if there in extending:
        raise ConfigError(str(path), f"extend: a cycle ({target} extends this file)", line)
    if not os.path.isfile(there):
        raise ConfigError(str(path), f"extend: {target} does not exist", line)
    return load_config(there, (*extending, here))


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError(str(path), f"cannot read config: {err}") from None


def _load_yaml(path: Path) -> tuple[dict[str, Any], dict[str, int]]:
    from lint.yaml_nodes import parse_yaml

    data = parse_yaml(str(path), _read(path)) or {}
    if not isinstance(data, dict):
        raise ConfigError(str(path), "config must be a mapping of keys", 1)
    lines = {str(k): data.lc.key(k)[0] + 1 for k in data} if hasattr(data, "lc") else {}
    return data, lines


def _load_pyproject(path: Path) -> tuple[dict[str, Any], dict[str, int]]:
    text = _read(path)
    data = _parse_toml(path, text).get("tool", {}).get("supplint", {})
    if not isinstance(data, dict):
        raise ConfigError(str(path), "[tool.supplint] must be a table")
    lines: dict[str, int] = {}
    section = text.find("[tool.supplint]")
    base = text.count("\n", 0, section)
    for key in data:
        found = re.search(rf"^\s*{re.escape(key)}\s*=", text[section:], re.MULTILINE)
        if found:
            lines[key] = base + text[section : section + found.start()].count("\n") + 1
    return data, lines


def _build(path: Path, data: dict[str, Any], lines: dict[str, int], base: Config) -> Config:
    # lines under the key as written and as normalised (`fail-on` is `fail_on`)
    lines = {**lines, **{k.replace("-", "_"): v for k, v in lines.items()}}
    # this file's keys replace the base's; the base's own file joins the chain it extends
    chain = (base.path, *base.extends) if base.path else ()
    config = replace(base, path=path, lines=lines, extends=chain)
    for key, value in data.items():
        line = lines.get(key)
        norm = key.replace("-", "_")
        if norm not in KEYS:
            hint = did_you_mean(norm, KEYS)
            raise ConfigError(str(path), f"unknown config key '{key}'{hint}", line)
        expected, _ = KEYS[norm]
        numeric = expected is int or expected == (int, float)
        if not isinstance(value, expected) or (isinstance(value, bool) and numeric):
            raise ConfigError(str(path), f"'{key}' must be a {_type_name(expected)}", line)
        setattr(config, norm, plain(value))
    if config.fail_on not in SEVERITIES:
        raise ConfigError(str(path), "fail_on must be error, warning or info", lines.get("fail_on"))
    if config.timeout < 0:
        raise ConfigError(
            str(path), "timeout must be 0 (no limit) or more seconds", lines.get("timeout")
        )
    if config.disclosure_position not in ("before-link", "top"):
        where = lines.get("disclosure_position")
        raise ConfigError(str(path), "disclosure_position must be before-link or top", where)
    if not all(isinstance(d, str) and d.strip() for d in config.site_domains):
        where = lines.get("site_domains")
        raise ConfigError(str(path), "site_domains must be a list of domain names", where)
    for rule_id, severity in config.severity.items():
        if severity not in SEVERITIES:
            raise ConfigError(
                str(path),
                f"severity for '{rule_id}' must be error, warning or info",
                lines.get("severity"),
            )
    config.rule_dirs = [(path.parent / str(d)).resolve() for d in config.rule_dirs]
    if config.per_file_ignores:
        from lint.config_ignores import validate

        where = config.lines.get("per_file_ignores")
        config.per_file_ignores = validate(path, config.per_file_ignores, where)
    return config


def _type_name(expected: type | tuple[type, ...]) -> str:
    names: dict[Any, str] = {
        list: "list",
        bool: "boolean (true or false)",
        str: "string",
        dict: "mapping",
        int: "number",
        (int, float): "number",
    }
    return names.get(expected, "value")


def settings_view(config: Config, rules: list[Any], file_path: str | None) -> dict[str, Any]:
    """What `check --show-settings` prints: the config file, its settings, the rules that run,
    and, for one named file, what per-file-ignores turn off there."""
    settings = {key: getattr(config, key) for key in KEYS}
    settings["rule_dirs"] = [str(d) for d in config.rule_dirs]
    rule_ids = sorted(rule.id for rule in rules)
    shown: dict[str, Any] = {
        "config": str(config.path) if config.path else None,
        "settings": settings,
        "rules": rule_ids,
    }
    if file_path is not None:
        from lint.selection import selected

        off = config.ignored_for(file_path)
        shown["file"] = file_path
        shown["ignored_for_file"] = off
        shown["rules_for_file"] = [rule for rule in rule_ids if not selected(rule, off)]
    return shown
