"""`supplint test-rules`: the `fixed:` expectation of a rule example (like semgrep's .fixed).

    examples:
      flag:
        - text: "Lion's mane cures brain fog."
          fixed: "Lion's mane may help with brain fog."

The example's own findings' fixes (safe and unsafe) are applied once to its text; the result
must equal `fixed` exactly.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lint.finding import Finding
from lint.fixes.apply import apply_fixes

if TYPE_CHECKING:
    from lint.testing import Example


def expect_fixed(example: Example, own: list[Finding], _all: list[Finding]) -> str | None:
    expected = example.data.get("fixed")
    if expected is None:
        return None
    fixes = [finding.fix for finding in own if finding.fix is not None]
    if not fixes:
        return "fixed example: the rule offered no fix"
    result = apply_fixes(example.text, fixes).text
    if result != expected:
        return f"fixed example: expected {expected!r}, got {result!r}"
    return None
