"""Fixes: producing exact edits for findings, and applying them safely to articles.

- `producers`: attaches a `Fix` (and a suggestion) to hits, keyed by rule id or a house
  rule's `fix:` template.
- `apply`: picks non-conflicting fixes and applies their edits to decoded text.
- `command`: `supplint check --fix / --unsafe-fixes / --diff` (re-lint until stable, atomic write).

Import-light on purpose: the CLI imports this package before any heavy module.
"""
