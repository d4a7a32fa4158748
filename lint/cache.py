"""An on-disk cache of loaded, validated rules, so a cold start skips YAML parsing.

The key hashes everything the loaded rules depend on: every rule file's path and bytes, the
source of the code that parses and validates them (the lint package), and the supplint, spaCy and
Python versions. Any change gives a new key; a stale entry is never read. The cache lives in
the user cache dir ($SUPPLINT_CACHE_DIR, else $XDG_CACHE_HOME/supplint, else ~/.cache/supplint),
is safe to delete at any time, and is skipped when unreadable or unwritable.
SUPPLINT_NO_CACHE=1 turns it off; SUPPLINT_DEBUG=1 says on stderr why an entry was not used.

Anyone who can write the cache folder (a restored CI cache, another user) must not be able to run
code in a later run, and unpickling runs code. So an entry is a pickle behind an HMAC-SHA256 with
a per-user random key kept apart from the cache (lint.cache_key: $XDG_STATE_HOME/supplint, 0600
in a 0700 folder); the tag is checked with hmac.compare_digest BEFORE a byte is unpickled, and
the unpickler only builds the data classes a rule set holds (defence in depth, should the key
leak). Measured: a pickle loads in ~7 ms against ~1 s of YAML; the tag costs well under 1 ms.
"""

from __future__ import annotations

import hashlib
import io
import pickle
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from lint import __version__
from lint.cache_key import cache_dir, debug, private_dir, prune, read_signed, user_key, write_signed
from lint.resources import builtin_rules_dir
from lint.rules.loader import RuleSet, load_rules, rule_files

FORMAT = 2  # bump when the stored layout changes (2: HMAC-tagged, restricted unpickler)
MAGIC = b"supplint-rules\0"
# the only globals a rule set's pickle refers to: its dataclasses and ruamel's round-trip
# containers and scalars (the YAML nodes keep their positions for error messages)
_ALLOWED_LINT = {
    ("lint.rules.loader", "RuleSet"),
    ("lint.rules.model", "Rule"),
    ("lint.rules.overrides", "Override"),
}
_ALLOWED_RUAMEL = {"anchor", "comments", "error", "scalarbool", "scalarfloat", "scalarint"}
_ALLOWED_RUAMEL |= {"scalarstring", "timestamp", "tokens"}
_ALLOWED_DATETIME = {"date", "datetime", "time", "timedelta", "timezone"}


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
    secret = user_key() if folder is not None and key is not None else None
    if folder is None or key is None or secret is None or not private_dir(folder):
        return load_rules(extra)
    entry = folder / f"rules-{key}.pickle"
    cached = _read(entry, secret)
    if cached is not None:
        return cached
    ruleset = load_rules(extra)  # errors raise here, so a broken rule set is never cached
    _write(folder, entry, ruleset, secret)
    return ruleset


class _RuleSetUnpickler(pickle.Unpickler):
    """Builds only the classes a rule set is made of; anything else is refused."""

    def find_class(self, module: str, name: str) -> Any:
        package, _, leaf = module.rpartition(".")
        allowed = (
            (module, name) in _ALLOWED_LINT
            or (package == "ruamel.yaml" and leaf in _ALLOWED_RUAMEL)
            or (module == "datetime" and name in _ALLOWED_DATETIME)
        )
        found = super().find_class(module, name) if allowed else None
        if not isinstance(found, type):  # a class, never a function such as os.system
            raise pickle.UnpicklingError(f"refusing to load {module}.{name}")
        return found


def _read(entry: Path, secret: bytes) -> RuleSet | None:
    payload = read_signed(entry, secret, MAGIC)
    if payload is None:
        return None
    try:  # verified: written by this user's supplint; the allow-list still applies
        value = _RuleSetUnpickler(io.BytesIO(payload)).load()
    except Exception as err:  # from an incompatible build: just rebuild
        debug(f"rule cache {entry.name} unusable ({err}); rebuilding it")
        return None
    return value if isinstance(value, RuleSet) else None


def _write(folder: Path, entry: Path, ruleset: RuleSet, secret: bytes) -> None:
    try:
        payload = pickle.dumps(ruleset, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception as err:  # unpicklable house data: run without
        debug(f"rule cache not written: {err}")
        return
    if write_signed(folder, entry, payload, secret, MAGIC):
        prune(folder, "rules-*.pickle")
