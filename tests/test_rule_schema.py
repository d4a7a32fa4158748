"""The JSON Schema of rule files: generated from the code, committed, and true of every rule."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from lint.resources import builtin_rules_dir
from lint.rules import schema
from lint.rules.base import Option
from lint.rules.loader import rule_files
from lint.rules.registry import KINDS, checker_class
from lint.rules.spec import COMMON_OPTIONS, EXAMPLE_OPTIONS, OVERRIDE_OPTIONS

REGENERATE = "stale: run `python -m lint.rules.schema --write` and commit the result"


def committed_schema() -> dict:
    return json.loads(schema.SCHEMA_FILE.read_text(encoding="utf-8"))


def test_committed_schema_is_generated_from_the_code() -> None:
    assert committed_schema() == schema.rule_schema(), REGENERATE


def test_docs_tables_are_generated_from_the_code() -> None:
    docs = schema.DOCS_FILE.read_text(encoding="utf-8")
    assert schema.docs_with_tables(docs) == docs, REGENERATE


def test_docs_name_every_key_of_every_kind() -> None:
    docs = schema.DOCS_FILE.read_text(encoding="utf-8")
    for kind in KINDS:
        assert f"### kind: `{kind}`" in docs
        for key in checker_class(kind).options:
            assert f"| `{key}` |" in docs, (kind, key)
    for options in (COMMON_OPTIONS, EXAMPLE_OPTIONS, OVERRIDE_OPTIONS):
        for key in options:
            assert f"| `{key}` |" in docs, key


def test_schema_is_valid_draft_2020_12() -> None:
    Draft202012Validator.check_schema(committed_schema())


@pytest.mark.parametrize("path", rule_files(builtin_rules_dir()), ids=lambda p: p.name)
def test_every_builtin_rule_file_satisfies_the_committed_schema(path: Path) -> None:
    from ruamel.yaml import YAML

    data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    errors = list(Draft202012Validator(committed_schema()).iter_errors(data))
    assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors]


RULE = {"id": "house.x", "kind": "phrase", "severity": "error", "message": "m", "phrases": ["a"]}


@pytest.mark.parametrize(
    ("change", "valid"),
    [
        ({}, True),
        ({"kind": "phrse"}, False),
        ({"phrazes": ["a"]}, False),
        ({"lemma": "yes"}, False),
        ({"severity": "fatal"}, False),
        ({"id": "NoFamily"}, False),
        ({"examples": {"flag": ["x", {"text": "y", "format": "html"}]}}, True),
        ({"examples": {"flag": [{"text": "y", "format": "pdf"}]}}, False),
        ({"kind": "pattern", "patterns": [[{"LOWER": "x", "OP": "?"}]]}, True),
        ({"kind": "pattern", "patterns": [[{"LOWR": "x"}]]}, False),
    ],
)
def test_schema_accepts_and_rejects_rules(change: dict, valid: bool) -> None:
    rule = {**RULE, **change}
    if rule["kind"] == "pattern":
        del rule["phrases"]
    errors = list(Draft202012Validator(committed_schema()).iter_errors([rule]))
    assert (not errors) == valid, [e.message for e in errors]


def test_override_entries_validate() -> None:
    validator = Draft202012Validator(committed_schema())
    assert validator.is_valid({"override": "fda.disease-claim", "severity": "warning"})
    assert not validator.is_valid({"override": "fda.disease-claim", "severty": "warning"})


def test_option_choices_and_fragments_reach_the_schema() -> None:
    option = Option("string", "Where.", choices=("a", "b"), default="a")
    assert schema.option_schema(option) == {
        "type": "string",
        "enum": ["a", "b"],
        "description": "Where.",
        "default": "a",
    }
    requires = schema.rule_schema()["$defs"]["kind-requires"]
    assert requires["properties"]["scope"]["enum"] == [
        "sentence",
        "paragraph",
        "section",
        "document",
    ]
    assert set(requires["required"]) >= {"id", "kind", "severity", "message", "when", "must"}
