"""The editorial review workspace: triage decisions that persist between runs.

keys (which finding is which across edits) -> store (SQLite, versioned schema) -> triage (each
finding with its decision) -> workspace (the articles and their results) -> app (the web pages,
behind security) -> command (`supplint review`). `check --review-db` uses keys, store and triage
only, so it needs no web framework.
"""
