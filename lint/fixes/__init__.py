"""Fixes: producing exact edits for findings, and applying them safely to articles.

- `producers`: the fixers' functions, each turning one hit into a `Fix`; a rule names its fixer
  in YAML (`fix: {with: ...}`) and `lint.rules.fixers` (FIXERS, attach_fixes) reaches them.
- `apply`: picks non-conflicting fixes and applies their edits to decoded text.
- `command`: `supplint check --fix / --unsafe-fixes / --diff` (re-lint until stable, atomic write).

Import-light on purpose: the CLI imports this package before any heavy module.
"""
