"""Writing reports safely: atomic files, page names that stay inside the folder, all-or-nothing
folders (see lint.commands.report)."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from lint.errors import SupplintError
from lint.report import Report
from lint.sources import OUTPUT_MARKER

MAX_NAME = 200  # characters of a page name (file systems allow 255 bytes): longer ones are cut
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
MARKER_TEXT = "Reports written by supplint. supplint does not lint this folder.\n"


@dataclass(frozen=True)
class Output:
    path: Path | None  # None: standard output
    text: str


class ReportNames:
    """One safe, unique file name per article: `posts/a b.md` -> `posts--a_b.md.html`.

    Only [A-Za-z0-9._-], no leading dot, no separator: a name cannot leave the folder whatever
    the path or archive id holds (`../`, `/etc/x`, NUL); past MAX_NAME characters the stem is cut
    and a hash of the whole path keeps it unique.
    """

    def __init__(self, suffix: str):
        self.suffix = suffix
        self.names: dict[str, str] = {}
        self.taken = {f"index{suffix}", OUTPUT_MARKER}

    def add(self, path: str) -> str:
        if path in self.names:
            return self.names[path]
        parts = [p for p in Path(path).parts if p not in ("/", "\\", "..", ".")]
        stem = _UNSAFE.sub("_", "--".join(parts)).strip("._") or "article"
        room = MAX_NAME - len(self.suffix) - 8  # for "-<n>" on a clash
        if len(stem) > room:
            digest = hashlib.sha256(path.encode("utf-8", "surrogatepass")).hexdigest()[:16]
            stem = f"{stem[: room - 17]}-{digest}"
        name, n = f"{stem}{self.suffix}", 1
        while name in self.taken:
            n += 1
            name = f"{stem}-{n}{self.suffix}"
        self.taken.add(name)
        self.names[path] = name
        return name


def report_names(paths: list[str], suffix: str) -> dict[str, str]:
    names = ReportNames(suffix)
    for path in paths:
        names.add(path)
    return names.names


class Staging:
    """A temporary folder for the pages; commit() moves them into the output folder, and any
    exception removes it instead. All or nothing.

    For a new output folder it sits beside it and commit is one rename; in an existing folder
    (which may be a link to another disk) it sits inside it, so every move stays on one disk.
    """

    def __init__(self, folder: Path):
        self.folder = folder
        self.files: list[str] = []
        self.counted: list[str] = []
        try:
            if folder.is_dir():
                self.temp = Path(tempfile.mkdtemp(dir=folder, prefix=".supplint-tmp-"))
            else:
                parent = Path(os.path.abspath(folder)).parent
                parent.mkdir(parents=True, exist_ok=True)
                prefix, suffix = f".{folder.name}.", ".supplint-tmp"
                self.temp = Path(tempfile.mkdtemp(dir=parent, prefix=prefix, suffix=suffix))
        except OSError as err:
            raise SupplintError(
                str(folder), f"cannot write report: {err.strerror or err}"
            ) from None

    def __enter__(self) -> Staging:
        return self

    def __exit__(self, *exc: object) -> None:
        shutil.rmtree(self.temp, ignore_errors=True)

    def write(self, name: str, text: str, counted: bool = True) -> None:
        if os.sep in name or (os.altsep and os.altsep in name) or name in ("", ".", ".."):
            raise SupplintError(str(self.folder), f"unsafe report name {name!r}")
        try:
            with open(self.temp / name, "x", encoding="utf-8", newline="") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as err:
            where = str(self.folder / name)
            raise SupplintError(where, f"cannot write report: {err.strerror or err}") from None
        self.files.append(name)
        if counted:
            self.counted.append(name)

    def commit(self, inputs: set[str]) -> list[Path]:
        for name in self.files:
            if real_path(str(self.folder / name)) in inputs:
                path = str(self.folder / name)
                raise SupplintError(path, "is an input article; refusing to write over it")
        try:
            if not os.path.lexists(self.folder):
                umask = os.umask(0)
                os.umask(umask)
                os.chmod(self.temp, 0o777 & ~umask)  # mkdtemp made it 0700
                os.rename(self.temp, self.folder)
            elif self.folder.is_dir():
                for name in self.files:
                    os.replace(self.temp / name, self.folder / name)
            else:
                raise SupplintError(str(self.folder), "exists and is not a folder")
        except OSError as err:
            raise SupplintError(
                str(self.folder), f"cannot write report: {err.strerror or err}"
            ) from None
        return [self.folder / name for name in self.counted]


def guard_inputs(outputs: list[Output], report: Report) -> None:
    """A report must never overwrite an article it was made from."""
    inputs = {real_path(r.path) for r in report.results if r.path not in ("-", "<stdin>")}
    for output in outputs:
        if output.path is not None and real_path(str(output.path)) in inputs:
            raise SupplintError(str(output.path), "is an input article; refusing to write over it")


def real_path(path: str) -> str:
    return os.path.normcase(os.path.realpath(path))


def write_atomic(path: Path, text: str) -> None:
    """Write to a temporary file next to `path`, then rename it over `path` in one step."""
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
        tmp = None
    except OSError as err:
        raise SupplintError(str(path), f"cannot write report: {err.strerror or err}") from None
    finally:
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)
