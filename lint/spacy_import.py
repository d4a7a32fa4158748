"""Import spaCy without its command-line interface (about 0.4 s of a cold start).

`spacy/__init__.py` runs `from .cli.info import info`, which imports the whole CLI package and
with it typer, weasel, requests, httpx and jinja2: none of which linting uses. While spaCy's own
package is being imported, a light stand-in takes the place of `spacy.cli` and `spacy.cli.info`;
afterwards the stand-ins are removed again, so a later `import spacy.cli` gets the real CLI.

This depends on spaCy's internals, so it is only done for spaCy versions it was tested with
(tests/test_spacy_import.py proves identical findings) and can be switched off with
SUPPLINT_PLAIN_SPACY_IMPORT=1.
"""

from __future__ import annotations

import os
import sys
import types
from typing import Any

TESTED_SPACY = ("3.7.", "3.8.")  # version prefixes whose __init__ this stand-in was checked on
DISABLE_ENV = "SUPPLINT_PLAIN_SPACY_IMPORT"
_STUBBED = ("spacy.cli", "spacy.cli.info")


def installed_spacy_version() -> str | None:
    """spaCy's version read from its `about.py` without importing the package."""
    import importlib.util

    spec = importlib.util.find_spec("spacy")
    if spec is None or not spec.submodule_search_locations:
        return None
    about = os.path.join(next(iter(spec.submodule_search_locations)), "about.py")
    try:
        with open(about, encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("__version__"):
                    return line.split("=", 1)[1].strip().strip("\"'")
    except OSError:
        return None
    return None


def stand_in_allowed(version: str | None) -> bool:
    if os.environ.get(DISABLE_ENV):
        return False
    return version is not None and version.startswith(TESTED_SPACY)


def _lazy_info(*args: Any, **kwargs: Any) -> Any:
    """`spacy.info` still works: it imports the real CLI on first call."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def import_spacy() -> types.ModuleType:
    """`import spacy`, skipping its CLI when that is known to be safe. Idempotent."""
    if "spacy" in sys.modules or not stand_in_allowed(installed_spacy_version()):
        import spacy

        return spacy
    cli = types.ModuleType("spacy.cli")
    cli.__path__ = []  # a package, so `spacy.cli.info` can be found under it
    info = types.ModuleType("spacy.cli.info")
    info.info = _lazy_info  # type: ignore[attr-defined]
    sys.modules.update({"spacy.cli": cli, "spacy.cli.info": info})
    try:
        import spacy
    finally:
        for name in _STUBBED:
            if sys.modules.get(name) in (cli, info):
                del sys.modules[name]
        parent = sys.modules.get("spacy")
        if parent is not None and getattr(parent, "cli", None) is cli:
            delattr(parent, "cli")
    return spacy


def cli_was_skipped() -> bool:
    """True when spaCy is imported and its CLI (typer and friends) was not."""
    return "spacy" in sys.modules and "spacy.cli" not in sys.modules
