"""Read: turn command-line paths into decoded sources, never writing anything."""

from __future__ import annotations

import fnmatch
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from lint.errors import InputError
from lint.gitignore import GitIgnore, NamedIgnores
from lint.relpaths import config_base, folder_relative, relative_to

DEFAULT_INCLUDE = ("*.md", "*.markdown", "*.html", "*.htm", "*.txt")
DEFAULT_EXCLUDE = (
    *(".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox"),
    "_site",  # Jekyll's and Eleventy's built site, never written by hand (README, Configuration)
)
FORMAT_BY_SUFFIX = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".txt": "text",
}
# a folder holding this file is supplint's own output (a folder of reports): never linted
OUTPUT_MARKER = ".supplint-output"
MAX_BYTES = 64 * 1024 * 1024  # larger files are refused, not read into memory
UTF8_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class Source:
    """One article's text as decoded from its bytes. Offsets elsewhere index `text`."""

    path: str
    text: str
    format: str
    bom: bool = False


def format_for(path: str) -> str:
    return FORMAT_BY_SUFFIX.get(Path(path).suffix.lower(), "text")


def decode(path: str, data: bytes) -> tuple[str, bool]:
    """UTF-8 (with or without BOM) or an InputError naming the file."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(path, "file is UTF-16 encoded; supplint reads UTF-8 only")
    bom = data.startswith(UTF8_BOM)
    if bom:
        data = data[len(UTF8_BOM) :]
    if b"\x00" in data:
        raise InputError(path, "binary file (contains NUL bytes); not an article")
    try:
        return data.decode("utf-8"), bom
    except UnicodeDecodeError as err:
        raise InputError(
            path, f"not valid UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start})"
        ) from None


def read_file(path: str, fmt: str | None = None) -> Source:
    try:
        data = _read_regular(path)
    except InputError:
        raise
    except IsADirectoryError:
        raise InputError(path, "is a directory") from None
    except FileNotFoundError:
        raise InputError(path, "no such file or directory") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as err:
        raise InputError(path, f"cannot read: {err.strerror or err}") from None
    text, bom = decode(path, data)
    return Source(path, text, fmt or format_for(path), bom)


def _read_regular(path: str) -> bytes:
    # O_NONBLOCK: opening a FIFO named like an article must not wait for a writer forever
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with open(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(path)
        if not stat.S_ISREG(info.st_mode):
            raise InputError(path, "not a regular file (a pipe, socket or device); use - for stdin")
        if info.st_size > MAX_BYTES:
            raise InputError(path, f"file is {info.st_size} bytes; the limit is {MAX_BYTES}")
        return handle.read()


def read_stdin(name: str | None) -> Source:
    path = name or "<stdin>"
    text, bom = decode(path, _read_limited(sys.stdin.buffer, path))
    return Source(path, text, format_for(path) if name else "text", bom)


STDIN_CHUNK = 1024 * 1024


def _read_limited(stream: BinaryIO, path: str) -> bytes:
    """The whole stream, or an InputError once it passes MAX_BYTES (the limit files have):
    read in chunks, so an endless pipe costs at most MAX_BYTES of memory."""
    chunks: list[bytes] = []
    total = 0
    while chunk := stream.read(STDIN_CHUNK):
        total += len(chunk)
        if total > MAX_BYTES:
            raise InputError(path, f"input is larger than {MAX_BYTES} bytes, the limit")
        chunks.append(chunk)
    return b"".join(chunks)


def _matches(name: str, rel: str, globs: Iterable[str]) -> bool:
    return any(fnmatch.fnmatch(name, g) or fnmatch.fnmatch(rel, g) for g in globs)


def walk(
    root: str,
    include: Iterable[str] = DEFAULT_INCLUDE,
    exclude: Iterable[str] = (),
    respect_gitignore: bool = True,
    base: str | None = None,
) -> Iterator[str]:
    """Files under `root` matching include and not exclude, sorted. Symlinked folders are not
    followed (as ruff and git do: no loop, nothing outside the tree), a folder of supplint's
    own reports (holding OUTPUT_MARKER) is skipped, and so is what git ignores (lint/gitignore.py)
    unless `respect_gitignore` is off. A named `root` git ignores is walked in full: naming it
    is asking for it (`supplint check public/`). Globs with a folder in them are matched
    relative to `base`, the config's folder (lint.relpaths), as Ruff does: `exclude:
    [content/drafts]` holds for `check content` too; a folder outside `base` is matched
    relative to `root`."""
    include, exclude = tuple(include), tuple(DEFAULT_EXCLUDE) + tuple(exclude)
    base = base or config_base(None)
    ignores = _ignores(root) if respect_gitignore else None
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        if OUTPUT_MARKER in filenames:
            dirnames[:] = []
            continue
        if ignores is not None:
            ignores.enter(dirpath, filenames)
        rel_dir = folder_relative(dirpath, base) or os.path.relpath(dirpath, root)
        dirnames[:] = sorted(
            d
            for d in dirnames
            if not _matches(d, os.path.normpath(os.path.join(rel_dir, d)), exclude)
            and not (ignores and ignores.ignored(os.path.join(dirpath, d), is_dir=True))
        )
        for name in sorted(filenames):
            rel = os.path.normpath(os.path.join(rel_dir, name))
            if not _matches(name, rel, include) or _matches(name, rel, exclude):
                continue
            if ignores is None or not ignores.ignored(os.path.join(dirpath, name), is_dir=False):
                yield os.path.join(dirpath, name)


def _ignores(root: str) -> GitIgnore | None:
    """The walk's ignore rules; none when the named root is itself ignored (see walk)."""
    ignores = GitIgnore(root)
    return None if ignores.ignored(root, is_dir=True) else ignores


def expand(
    paths: Iterable[str],
    include: Iterable[str] = DEFAULT_INCLUDE,
    exclude: Iterable[str] = (),
    respect_gitignore: bool = True,
    base: str | None = None,
) -> list[str]:
    """Command-line paths -> files; named files are kept whatever their suffix or ignore rule
    (like ruff). Folders are walked with `exclude` relative to `base` (see walk)."""
    files: list[str] = []
    for path in paths:
        if path == "-":
            files.append(path)
        elif os.path.isdir(path):
            found = list(walk(path, include, exclude, respect_gitignore, base))
            if not found:
                raise InputError(path, "no articles found (looked for " + ", ".join(include) + ")")
            files.extend(found)
        elif os.path.lexists(path):
            files.append(path)
        else:
            raise InputError(path, "no such file or directory")
    return files


@dataclass(frozen=True)
class Exclusion:
    """--force-exclude (Ruff's meaning): the exclusions of a walk applied to the paths named
    too. `base` is the folder `exclude` globs are relative to (the config's; else the working
    folder)."""

    exclude: tuple[str, ...]
    respect_gitignore: bool
    base: str

    def excludes(self, path: str, ignores: NamedIgnores) -> bool:
        if path == "-":
            return False
        if self.respect_gitignore and ignores.ignored(path, is_dir=os.path.isdir(path)):
            return True
        return any(
            _matches(os.path.basename(part), part, self.exclude) for part in self._parts(path)
        )

    def _parts(self, path: str) -> list[str]:
        """The path and the folders above it, relative to `base` ("posts/a.md", "posts");
        a path outside `base` as written, so a folder above the project never counts."""
        rel = relative_to(path, self.base)
        if rel is None:
            rel = os.path.normpath(path)
        parts = []
        while rel not in ("", os.curdir, os.sep) and rel != os.path.dirname(rel):
            parts.append(rel)
            rel = os.path.dirname(rel)
        return parts


def exclusion(exclude: Iterable[str], respect_gitignore: bool, config: Path | None) -> Exclusion:
    """The --force-exclude test of a run: the default excludes and the config's."""
    return Exclusion((*DEFAULT_EXCLUDE, *exclude), respect_gitignore, config_base(config))


def collect(
    paths: Iterable[str],
    include: Iterable[str],
    exclude: Iterable[str],
    respect_gitignore: bool = True,
    force_exclude: Exclusion | None = None,
    base: str | None = None,
) -> tuple[list[str], list[InputError]]:
    """Every path expanded on its own, so one missing path does not hide the others' files;
    with `force_exclude`, named paths it excludes are left out first. `base`: the folder
    `exclude` is relative to (lint.relpaths.config_base of the run's config)."""
    files: list[str] = []
    errors: list[InputError] = []
    if force_exclude is not None:
        ignores = NamedIgnores()
        paths = [path for path in paths if not force_exclude.excludes(path, ignores)]
    for path in paths:
        try:
            files.extend(expand([path], include, exclude, respect_gitignore, base))
        except InputError as err:
            errors.append(err)
    return files, errors
