"""Which paths git ignores, for folder walks: .gitignore files (each relative to its own folder,
a deeper one overriding those above) and .git/info/exclude, read with `pathspec`'s gitignore
semantics (negation, `dir/`, `**`, anchoring). As in git, nothing below an ignored folder is
re-included, so a walk prunes ignored folders and asks about each entry as it meets it.
The user's global excludesFile is not read (it is personal, not the repository's)."""

from __future__ import annotations

import os
from typing import Any

IGNORE_FILE = ".gitignore"


class GitIgnore:
    """The ignore rules that apply inside one walked folder (`root`): those of the folders
    above it up to the repository's top (the folder holding .git), and each folder's own,
    added by `enter` as the walk reaches it."""

    def __init__(self, root: str):
        self.root = os.path.abspath(root)
        self.specs: dict[str, Any] = {}  # folder (absolute) -> its compiled .gitignore
        self.exclude: Any = None  # .git/info/exclude of the repository: the lowest precedence
        top = _repository_top(self.root)
        self.top = top or self.root
        if top is not None:
            self.exclude = _spec(os.path.join(top, ".git", "info", "exclude"))
        folder = self.root
        while folder != self.top:  # the root's own file is read by enter(), as any folder's
            folder = os.path.dirname(folder)
            self._add(folder)

    def enter(self, folder: str, filenames: list[str]) -> None:
        if IGNORE_FILE in filenames:
            self._add(os.path.abspath(folder))

    def ignored(self, path: str, is_dir: bool) -> bool:
        path = os.path.abspath(path)
        if path == self.top:  # the repository itself is never ignored (`*` in an exclude)
            return False
        verdict = _verdict(self.exclude, self.top, path, is_dir)
        bases = []
        folder = os.path.dirname(path)
        while True:  # the specs of the folders above, deepest last: it decides over the others
            if folder in self.specs:
                bases.append(folder)
            if folder == self.top or os.path.dirname(folder) == folder:
                break
            folder = os.path.dirname(folder)
        for base in reversed(bases):
            found = _verdict(self.specs[base], base, path, is_dir)
            verdict = verdict if found is None else found
        return bool(verdict)

    def _add(self, folder: str) -> None:
        spec = _spec(os.path.join(folder, IGNORE_FILE))
        if spec is not None:
            self.specs[folder] = spec


def _repository_top(folder: str) -> str | None:
    while True:
        if os.path.exists(os.path.join(folder, ".git")):  # a folder, or a worktree's file
            return folder
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def _spec(path: str) -> Any:
    """The compiled patterns of one ignore file; None when it is missing or unreadable
    (git skips those too: a walk never fails on an ignore file)."""
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            lines = handle.read().split("\n")  # git breaks lines at LF only (CRLF: read as LF)
    except OSError:
        return None
    import pathspec  # only when a walk meets an ignore file

    try:
        return pathspec.GitIgnoreSpec.from_lines(lines)
    except (ValueError, TypeError):  # pathspec refuses a pattern git would skip: skip the file
        return None


def _verdict(spec: Any, base: str, path: str, is_dir: bool) -> bool | None:
    """True: ignored, False: re-included by a `!` pattern, None: no pattern matched."""
    if spec is None:
        return None
    rel = os.path.relpath(path, base).replace(os.sep, "/")
    result: bool | None = spec.check_file(rel + "/" if is_dir else rel).include
    return result


class NamedIgnores:
    """Whether git ignores a path named on the command line (for --force-exclude): the path,
    or any folder above it up to the repository's top, as git sees a file inside an ignored
    folder. One instance serves a whole batch (pre-commit names every staged file), reading
    each folder's .gitignore once."""

    def __init__(self) -> None:
        self.by_folder: dict[str, GitIgnore] = {}

    def ignored(self, path: str, is_dir: bool) -> bool:
        path = os.path.abspath(path)
        folder = os.path.dirname(path)
        ignores = self._ignores(folder)
        above = []
        while folder != ignores.top and os.path.dirname(folder) != folder:
            above.append(folder)
            folder = os.path.dirname(folder)
        if any(ignores.ignored(each, is_dir=True) for each in reversed(above)):
            return True
        return ignores.ignored(path, is_dir)

    def _ignores(self, folder: str) -> GitIgnore:
        if folder not in self.by_folder:
            ignores = GitIgnore(folder)  # the folders above `folder`...
            ignores.enter(folder, [IGNORE_FILE])  # ...and its own file (skipped when missing)
            self.by_folder[folder] = ignores
        return self.by_folder[folder]
