"""An on-disk cache of loaded, validated rules, so a cold start skips YAML parsing.

The key hashes everything the loaded rules depend on: every rule file's path and bytes, the
source of the code that parses and validates them (the lint package), and the supplint, spaCy and
Python versions. Any change gives a new key; a stale entry is never read. The cache lives in
the user cache dir ($SUPPLINT_CACHE_DIR, else $XDG_CACHE_HOME/supplint, else ~/.cache/supplint),
is safe to delete at any time, and is skipped silently when unreadable or unwritable.
SUPPLINT_NO_CACHE=1 turns it off.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from lint import __version__
from lint.resources import builtin_rules_dir
from lint.rules.loader import RuleSet, load_rules, rule_files

FORMAT = 1  # bump when the pickled layout changes
KEEP = 8  # newest entries kept; older ones are removed when a new one is written


def cache_dir() -> Path | None:
    if os.environ.get("SUPPLINT_NO_CACHE"):
        return None
    explicit = os.environ.get("SUPPLINT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "supplint"


def rules_key(extra_dirs: Iterable[Path]) -> str | None:
    """Hash of every input of load_rules; None when a folder is missing (let load_rules say so)."""
    from lint.spacy_import import installed_spacy_version

    digest = hashlib.sha256()
    package = Path(__file__).parent
    header = f"{FORMAT}\0{__version__}\0{sys.version}\0{installed_spacy_version()}\0"
    digest.update(header.encode())
    for path in sorted(package.rglob("*.py")):  # all of it: validation reaches across modules
        digest.update(str(path.relative_to(package)).encode() + b"\0" + path.read_bytes())
    for directory in [builtin_rules_dir(), *map(Path, extra_dirs)]:
        if not directory.is_dir():
            return None
        digest.update(b"\0dir\0" + str(directory.resolve()).encode())
        for path in rule_files(directory):
            digest.update(str(path).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def load_rules_cached(extra_dirs: Iterable[Path] = ()) -> RuleSet:
    """Same result as load_rules(extra_dirs), from the cache when the inputs are unchanged."""
    extra = list(extra_dirs)
    folder = cache_dir()
    try:
        key = rules_key(extra) if folder is not None else None
    except OSError:
        key = None
    if folder is None or key is None:
        return load_rules(extra)
    entry = folder / f"rules-{key}.pickle"
    cached = _read(entry)
    if cached is not None:
        return cached
    ruleset = load_rules(extra)  # errors raise here, so a broken rule set is never cached
    _write(folder, entry, ruleset)
    return ruleset


def _read(entry: Path) -> RuleSet | None:
    try:
        with open(entry, "rb") as handle:
            value = pickle.load(handle)
    except Exception:  # missing, truncated or from an incompatible build: just rebuild
        return None
    return value if isinstance(value, RuleSet) else None


def _write(folder: Path, entry: Path, ruleset: RuleSet) -> None:
    tmp = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".rules-", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(ruleset, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, entry)  # atomic: a concurrent reader sees the old file or the new one
        tmp = None
        _prune(folder)
    except Exception:  # read-only home, full disk, unpicklable house data: run without cache
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)


def _prune(folder: Path) -> None:
    entries = sorted(folder.glob("rules-*.pickle"), key=lambda p: p.stat().st_mtime)
    for old in entries[:-KEEP]:
        old.unlink(missing_ok=True)
