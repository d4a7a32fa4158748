"""The JSON Schema of rule files, generated from the Option declarations in the code.

`python -m lint.rules.schema --write` regenerates rules/rule.schema.json and the option tables in
docs/rules.md; a test fails when either is stale. House rule files are validated against it on
load (built-in rules are validated by that test, so `check` does not pay for jsonschema).
"""

from __future__ import annotations

import argparse
import json
import sys
from functools import cache
from pathlib import Path
from typing import Any

from lint.errors import ConfigError, did_you_mean, not_one_of
from lint.rules.base import Option
from lint.rules.fixers import FIXERS
from lint.rules.model import RULE_ID
from lint.rules.registry import KINDS, checker_class
from lint.rules.spec import COMMON_OPTIONS, EXAMPLE_OPTIONS, OVERRIDE_OPTIONS

ROOT = Path(__file__).resolve().parent.parent.parent
SCHEMA_FILE = ROOT / "rules" / "rule.schema.json"
DOCS_FILE = ROOT / "docs" / "rules.md"
DOCS_BEGIN = "<!-- BEGIN GENERATED OPTION TABLES (python -m lint.rules.schema --write) -->"
DOCS_END = "<!-- END GENERATED OPTION TABLES -->"

_SIMPLE_TYPES: dict[str, dict[str, Any]] = {
    "string": {"type": "string"},
    "boolean": {"type": "boolean"},
    "integer": {"type": "integer"},
    "number": {"type": "number"},
    "array": {"type": "array"},
    "string-array": {"type": "array", "items": {"type": "string"}},
    "object": {"type": "object"},
    "string-or-object": {"type": ["string", "object"]},
}

# spaCy Matcher token patterns (spacy.schemas.TokenPattern), so a typo in a house rule's
# pattern is reported with its YAML line before spaCy is even loaded.
_STRING_ATTRS = [
    "ORTH",
    "TEXT",
    "LOWER",
    "NORM",
    "LEMMA",
    "POS",
    "TAG",
    "MORPH",
    "DEP",
    "SHAPE",
    "ENT_TYPE",
    "ENT_ID",
    "ENT_KB_ID",
    "PREFIX",
    "SUFFIX",
]
_BOOL_ATTRS = [
    "SPACY",
    "IS_ALPHA",
    "IS_ASCII",
    "IS_DIGIT",
    "IS_LOWER",
    "IS_UPPER",
    "IS_TITLE",
    "IS_PUNCT",
    "IS_SPACE",
    "IS_BRACKET",
    "IS_QUOTE",
    "IS_LEFT_PUNCT",
    "IS_RIGHT_PUNCT",
    "IS_CURRENCY",
    "IS_STOP",
    "IS_SENT_START",
    "SENT_START",
    "LIKE_NUM",
    "LIKE_URL",
    "LIKE_EMAIL",
]
_STRINGS = {"type": "array", "items": {"type": "string"}}
_INTEGERS = {"type": "array", "items": {"type": "integer"}}
_STRING_PREDICATES: dict[str, Any] = {
    "REGEX": {"type": "string"},
    "IN": _STRINGS,
    "NOT_IN": _STRINGS,
    "IS_SUBSET": _STRINGS,
    "IS_SUPERSET": _STRINGS,
    "INTERSECTS": _STRINGS,
    **{f"FUZZY{n}": {"type": ["string", "object"]} for n in ["", *range(1, 10)]},
}
_NUMBER_PREDICATES: dict[str, Any] = {
    "IN": _INTEGERS,
    "NOT_IN": _INTEGERS,
    **{op: {"type": "number"} for op in ("==", "!=", ">=", "<=", ">", "<")},
}


def _with_lower_case(names: dict[str, Any]) -> dict[str, Any]:
    """spaCy also accepts the lower-case names."""
    return {**names, **{name.lower(): spec for name, spec in names.items()}}


_STRING_VALUE = {
    "anyOf": [
        {"type": "string"},
        {
            "type": "object",
            "properties": _with_lower_case(_STRING_PREDICATES),
            "additionalProperties": False,
        },
    ]
}
_NUMBER_VALUE = {
    "anyOf": [
        {"type": "integer"},
        {
            "type": "object",
            "properties": _with_lower_case(_NUMBER_PREDICATES),
            "additionalProperties": False,
        },
    ]
}


def _token_spec() -> dict[str, Any]:
    properties: dict[str, Any] = {}
    for name in _STRING_ATTRS:
        properties[name] = {"$ref": "#/$defs/token-string"}
    for name in _BOOL_ATTRS:
        properties[name] = {"type": "boolean"}
    properties["LENGTH"] = {"$ref": "#/$defs/token-number"}
    properties["ENT_IOB"] = {"enum": ["", "I", "O", "B", 0, 1, 2, 3]}
    properties["OP"] = {
        "anyOf": [{"enum": ["+", "*", "?", "!"]}, {"type": "string", "pattern": r"^\{\d*,?\d*\}$"}]
    }
    properties["_"] = {"type": "object"}
    return {
        "type": "object",
        "properties": _with_lower_case(properties),
        "additionalProperties": False,
    }


def option_schema(option: Option) -> dict[str, Any]:
    schema = dict(option.schema) if option.schema else dict(_SIMPLE_TYPES[option.type])
    if option.choices:
        if option.type == "string-array":
            schema["items"] = {"enum": list(option.choices)}
        else:
            schema["enum"] = list(option.choices)
    schema["description"] = option.doc
    if option.default is not None:
        schema["default"] = option.default
    return schema


def object_schema(options: dict[str, Option]) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {key: option_schema(option) for key, option in options.items()},
        "required": [key for key, option in options.items() if option.required],
        "additionalProperties": False,
    }


def kind_options(kind: str) -> dict[str, Option]:
    return {**COMMON_OPTIONS, **checker_class(kind).options}


def _fix_schema() -> dict[str, Any]:
    """A template string, or a mapping naming a fixer and giving that fixer's options."""
    names = sorted(FIXERS)
    per_fixer = []
    for name in names:
        options = {"with": Option("string", FIXERS[name].summary, True), **FIXERS[name].options}
        then = object_schema(options)
        then["properties"]["with"] = {"const": name, "description": FIXERS[name].summary}
        per_fixer.append({"if": {"properties": {"with": {"const": name}}}, "then": then})
    mapping = {
        "required": ["with"],
        "properties": {"with": {"enum": names}},
        "allOf": per_fixer,
    }
    return {"type": ["string", "object"], "if": {"type": "object"}, "then": mapping}


def _examples_schema() -> dict[str, Any]:
    example = {"anyOf": [{"type": "string"}, object_schema(EXAMPLE_OPTIONS)]}
    items = {"type": "array", "items": example}
    return {
        "type": "object",
        "properties": {"flag": items, "pass": items},
        "additionalProperties": False,
    }


def _kind_schema(kind: str) -> dict[str, Any]:
    schema = object_schema(kind_options(kind))
    schema["properties"]["kind"] = {"const": kind, "description": checker_class(kind).summary}
    schema["properties"]["id"]["pattern"] = RULE_ID.pattern
    schema["properties"]["examples"] = {
        "$ref": "#/$defs/examples",
        "description": COMMON_OPTIONS["examples"].doc,
    }
    return schema


def rule_schema() -> dict[str, Any]:
    """The whole schema: a file is one entry, a list of entries, `rules: [...]`, or knowledge."""
    defs: dict[str, Any] = {
        "examples": _examples_schema(),
        "fix": _fix_schema(),
        "token-string": _STRING_VALUE,
        "token-number": _NUMBER_VALUE,
        "token": _token_spec(),
        "token-patterns": {
            "type": "array",
            "minItems": 1,
            "items": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/token"}},
        },
        "override": object_schema(OVERRIDE_OPTIONS),
        "rule": {
            "type": "object",
            "required": ["kind"],
            "properties": {"kind": {"enum": sorted(KINDS)}},
            "allOf": [
                {
                    "if": {"properties": {"kind": {"const": kind}}},
                    "then": {"$ref": f"#/$defs/kind-{kind}"},
                }
                for kind in sorted(KINDS)
            ],
        },
        "entry": {
            "if": {"type": "object", "required": ["override"]},
            "then": {"$ref": "#/$defs/override"},
            "else": {"$ref": "#/$defs/rule"},
        },
    }
    for kind in sorted(KINDS):
        defs[f"kind-{kind}"] = _kind_schema(kind)
    entries = {"type": "array", "items": {"$ref": "#/$defs/entry"}}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "supplint rule file",
        "description": "One rule or override, a list of them, `rules: [...]`, "
        "or a knowledge-base file (`substances: [...]`).",
        "anyOf": [
            {"type": "object", "required": ["substances"]},
            {
                "type": "object",
                "required": ["rules"],
                "properties": {"rules": entries},
                "additionalProperties": False,
            },
            entries,
            {"$ref": "#/$defs/entry"},
        ],
        "$defs": defs,
    }


def schema_text() -> str:
    return json.dumps(rule_schema(), indent=2, ensure_ascii=False) + "\n"


# ---- validation of one YAML node, errors pointing at its line and column ---------------------


@cache
def _validator(definition: str) -> Any:
    from jsonschema import Draft202012Validator

    full = rule_schema()
    return Draft202012Validator({"$ref": f"#/$defs/{definition}", "$defs": full["$defs"]})


def validate_entry(path: str, node: Any, definition: str) -> None:
    """Validate a rule (`kind-<kind>`) or override (`override`) node; raise at the first error."""
    from jsonschema.exceptions import best_match

    errors = list(_validator(definition).iter_errors(node))
    # a misspelled key also leaves a required one "missing": name the misspelling
    unknown = [e for e in errors if e.validator == "additionalProperties"]
    error = best_match(unknown or errors)
    if error is None:
        return
    where = list(error.absolute_path)
    root = f"kind '{definition.removeprefix('kind-')}'" if definition.startswith("kind-") else ""
    message = _describe(error, where, root)
    raise ConfigError(path, message, *locate(node, where, _extra_key(error)))


def _name(where: list[Any]) -> str:
    return ".".join(str(step) for step in where) or "rule"


_TYPE_WORDS = {"object": "a mapping", "array": "a list", "integer": "an integer"}


def _describe(error: Any, where: list[Any], root: str = "") -> str:
    """One wording per mistake; `root` names what the top level is ("kind 'phrase'")."""
    name = _name(where)
    schema = error.schema if isinstance(error.schema, dict) else {}
    if error.validator == "additionalProperties":
        extra = _extra_key(error)
        hint = did_you_mean(str(extra), schema.get("properties", {}))
        inside = f" in '{name}'" if where else (f" for {root}" if root else "")
        return f"unknown key '{extra}'{inside}{hint}"
    if error.validator in ("enum", "const"):
        return not_one_of(name, error.instance, schema.get("enum") or [schema.get("const")])
    if error.validator == "required":
        return f"missing key {error.message.split(' is ')[0]} in '{name}'"
    if error.validator == "type":
        types = (
            error.validator_value
            if isinstance(error.validator_value, list)
            else [error.validator_value]
        )
        expected = " or ".join(_TYPE_WORDS.get(str(t), f"a {t}") for t in types)
        return f"'{name}' must be {expected}, not {_json_type(error.instance)}"
    if error.validator == "pattern" and where == ["id"]:
        return f"rule id '{error.instance}' must look like family.name"
    if error.validator == "anyOf" and all(
        set(alt) == {"required"} for alt in error.validator_value
    ):
        needed = ", ".join(alt["required"][0] for alt in error.validator_value)
        return f"'{name}' needs one of: {needed}"
    if error.validator == "minItems":
        return f"'{name}' must not be empty"
    if error.validator == "pattern":
        return f"'{name}' value '{error.instance}' does not match {error.validator_value}"
    return f"'{name}': {error.message}"


def _extra_key(error: Any) -> Any:
    if error.validator != "additionalProperties" or not isinstance(error.instance, dict):
        return None
    known = error.schema.get("properties", {})
    return next((key for key in error.instance if key not in known), None)


def _json_type(value: Any) -> str:
    for kind, name in ((bool, "a boolean"), (str, "a string"), (dict, "a mapping")):
        if isinstance(value, kind):
            return name
    if isinstance(value, list):
        return "a list"
    if isinstance(value, (int, float)):
        return "a number"
    return "null" if value is None else type(value).__name__


def locate(node: Any, where: list[Any], key: Any = None) -> tuple[int, int]:
    """1-based (line, column) of the value at path `where` in a ruamel node (or of `key` in it)."""
    line, col = _lc(node)
    for step in where:
        lc: Any = getattr(node, "lc", None)
        try:
            pos = lc.value(step) if isinstance(node, dict) else lc.item(step)
            line, col = pos[0] + 1, pos[1] + 1
            node = node[step]
        except (AttributeError, KeyError, IndexError, TypeError):
            break
    lc = getattr(node, "lc", None)
    if key is not None and lc is not None and isinstance(node, dict) and key in node:
        pos = lc.key(key)
        return pos[0] + 1, pos[1] + 1
    return line, col


def _lc(node: Any) -> tuple[int, int]:
    lc = getattr(node, "lc", None)
    return (lc.line + 1, lc.col + 1) if lc is not None else (1, 1)


# ---- generated docs tables -------------------------------------------------------------------


def _type_label(option: Option) -> str:
    if option.choices:
        listed = " \\| ".join(f"`{c}`" for c in option.choices)
        return f"list of {listed}" if option.type == "string-array" else listed
    labels = {"string-array": "list of strings", "array": "list", "object": "mapping"}
    return labels.get(option.type, option.type.replace("-or-", " or ").replace("object", "mapping"))


def options_table(options: dict[str, Option]) -> str:
    rows = ["| key | type | required | description |", "|---|---|---|---|"]
    for key, option in options.items():
        required = "yes" if option.required else ""
        doc = option.doc.replace("|", "\\|").replace("\n", " ")
        if option.default is not None:
            doc += f" Default: `{json.dumps(option.default)}`."
        rows.append(f"| `{key}` | {_type_label(option)} | {required} | {doc} |")
    return "\n".join(rows)


def fixers_table() -> str:
    rows = ["| fixer | safe | options | what it does |", "|---|---|---|---|"]
    for name, fixer in sorted(FIXERS.items()):
        safe = {True: "yes", False: "no", None: "`fix_safe`"}[fixer.safe]
        options = ", ".join(f"`{key}`: {_type_label(o)}" for key, o in fixer.options.items())
        summary = fixer.summary.replace("|", "\\|")
        rows.append(f"| `{name}` | {safe} | {options} | {summary} |")
    return "\n".join(rows)


def docs_tables() -> str:
    parts = [
        DOCS_BEGIN,
        "",
        "### Keys every rule has",
        "",
        options_table(COMMON_OPTIONS),
        "",
        "### Keys of one example (the mapping form)",
        "",
        options_table(EXAMPLE_OPTIONS),
        "",
        "### Keys of an override",
        "",
        options_table(OVERRIDE_OPTIONS),
        "",
        "### Fixers (`fix: {with: <fixer>, ...}`)",
        "",
        fixers_table(),
    ]
    for kind in sorted(KINDS):
        checker = checker_class(kind)
        parts += ["", f"### kind: `{kind}`", "", checker.summary, ""]
        parts.append(options_table(checker.options) if checker.options else "(no extra keys)")
    parts += ["", DOCS_END]
    return "\n".join(parts)


def docs_with_tables(current: str) -> str:
    begin, end = current.find(DOCS_BEGIN), current.find(DOCS_END)
    if begin < 0 or end < 0:
        raise ValueError(f"{DOCS_FILE}: generated-table markers are missing")
    return current[:begin] + docs_tables() + current[end + len(DOCS_END) :]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lint.rules.schema")
    parser.add_argument("--write", action="store_true", help="rewrite the schema and docs tables")
    args = parser.parse_args(argv)
    if not args.write:
        sys.stdout.write(schema_text())
        return 0
    SCHEMA_FILE.write_text(schema_text(), encoding="utf-8")
    DOCS_FILE.write_text(docs_with_tables(DOCS_FILE.read_text(encoding="utf-8")), "utf-8")
    print(f"wrote {SCHEMA_FILE.relative_to(ROOT)} and {DOCS_FILE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
