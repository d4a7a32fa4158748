"""`supplint new-rule ID --kind KIND`: a commented starter rule with working examples.

The core kinds have hand-written starters that load and pass `test-rules` as written. A checker
can ship its own by setting a `starter` class attribute (YAML for its keys and examples);
otherwise the starter lists the kind's keys from its Option declarations.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from lint.errors import ConfigError, UsageError, did_you_mean
from lint.rules.base import Option
from lint.rules.model import RULE_ID
from lint.rules.registry import KINDS, checker_class

HEADER = """\
# A supplint rule. Every key is described in docs/rules.md.
# Test it:  supplint test-rules {folder}
# Use it:   list its folder under `rule_dirs:` in .supplint.yaml
id: {id}
kind: {kind}
severity: warning  # error | warning | info
"""

STARTERS: dict[str, str] = {
    "phrase": """\
message: "'{match}' is not allowed by our style book"
# Words or phrases to flag; matching ignores case unless `case_sensitive: true`.
phrases:
  - miracle cure
  - wonder pill
lemma: true  # also match other forms ("miracle cures", "wonder pills")
unless: [negated, quote]  # skip negated and quoted sentences
explain: |
  What it flags: promises of a miracle.
  Why it matters: no supplement cures everything; readers deserve plain claims.
examples:
  flag:  # each text must get a finding from this rule
    - "This tea is a miracle cure for tiredness."
    - "Fans call these capsules wonder pills."
  pass:  # and these must not
    - "No supplement is a miracle cure."
""",
    "pattern": """\
message: "'{match}' promises a result"
# spaCy Matcher token patterns: one list of token specs per pattern (LOWER, LEMMA, IN, OP...).
patterns:
  - [{LOWER: {IN: [guarantees, guaranteed, promises]}}, {LOWER: to, OP: "?"},
     {LOWER: {IN: [boost, double, sharpen, improve]}}]
unless: [negated]
explain: |
  What it flags: a promised outcome ("guarantees to double your focus").
  Why it matters: results vary; promises overstate any evidence.
examples:
  flag:
    - "This blend guarantees to double your focus."
  pass:
    - "Nobody can promise better focus."
""",
    "regex": """\
message: "Percentage claim '{match}' needs a cited study"
# An RE2 regular expression (linear time: no backreferences or lookaround), ignoring case.
regex: '\\b\\d{1,3}\\s?% (?:better|faster|sharper|smarter)\\b'
unless: [cited]  # a sentence with a citation is fine
explain: |
  What it flags: a percentage improvement stated without a source.
  Why it matters: numbers sound precise; readers should be able to check them.
examples:
  flag:
    - "Users feel 40% sharper after a week."
  pass:
    - "Users felt 40% sharper in one small trial [2]."
""",
    "requires": """\
message: "Dose '{match}' without advice to talk to a doctor"
# When this appears (phrases, patterns and/or regex) ...
when:
  regex: '\\b\\d+(?:\\.\\d+)?\\s?(?:mg|mcg|g|IU)\\b'
# ... this must appear in the same scope, or the `when` match is flagged.
must:
  phrases: [talk to your doctor, ask your doctor, consult your doctor, ask a pharmacist]
scope: document  # sentence | paragraph | section | document
report: first  # first: one finding per scope; every: one per `when` match
explain: |
  What it flags: a dose in an article that never tells readers to ask a doctor.
  Why it matters: doses that suit one reader can harm another.
examples:
  flag:
    - "Take 200 mg each morning."
  pass:
    - |
      Take 200 mg each morning.

      Talk to your doctor before you start.
""",
}


def starter_text(rule_id: str, kind: str, folder: str = "<folder>") -> str:
    header = HEADER.replace("{id}", rule_id).replace("{kind}", kind).replace("{folder}", folder)
    checker = checker_class(kind)
    body = getattr(checker, "starter", None) or STARTERS.get(kind) or _generic(checker.options)
    return header + body


def _generic(options: dict[str, Option]) -> str:
    """Every key of the kind, documented; required ones get a placeholder to replace."""
    lines = ["message: \"Describe the problem with '{match}'\""]
    for key, option in options.items():
        lines.append(f"# {option.doc}")
        value = option.default if option.default is not None else _placeholder(option)
        line = f"{key}: {json.dumps(value)}"
        lines.append(line if option.required else f"# {line}")
    lines += [
        "examples:",
        "  flag: []  # texts this rule must flag",
        "  pass: []  # texts it must not flag",
    ]
    return "\n".join(lines) + "\n"


def _placeholder(option: Option) -> Any:
    if option.choices:
        return option.choices[0]
    return {
        "string": "TODO",
        "boolean": False,
        "integer": 0,
        "number": 0,
        "array": [],
        "string-array": ["TODO"],
        "object": {"TODO": 1},
    }[option.type]


def command(args: Any) -> int:
    if not RULE_ID.match(args.rule_id):
        raise UsageError(
            f"rule id '{args.rule_id}' must look like family.name (e.g. house.no-cure)"
        )
    if args.kind not in KINDS:
        hint = did_you_mean(args.kind, KINDS) or f" (kinds: {', '.join(KINDS)})"
        raise UsageError(f"unknown kind '{args.kind}'{hint}")
    if args.output is None:
        sys.stdout.write(starter_text(args.rule_id, args.kind))
        return 0
    if args.output.exists() and not args.force:
        raise ConfigError(str(args.output), "file exists; use --force to overwrite")
    text = starter_text(args.rule_id, args.kind, str(args.output.parent))
    try:
        args.output.parent.mkdir(parents=True, exist_ok=True)  # the README's house-rules/ example
        args.output.write_text(text, encoding="utf-8")
    except OSError as err:
        raise ConfigError(str(args.output), f"cannot write: {err.strerror or err}") from None
    print(f"wrote {args.output}", file=sys.stderr)
    return 0
