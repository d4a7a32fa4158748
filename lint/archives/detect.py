"""Which archive format a path holds: by suffix, and for .xml by the WordPress export namespace."""

from __future__ import annotations

from pathlib import Path

from lint.errors import UsageError

INPUT_FORMATS = ("auto", "wxr", "jsonl", "csv")
WXR_MARKER = b"wordpress.org/export/"
_SNIFF_BYTES = 16 * 1024


def is_wxr(path: str) -> bool:
    """A WordPress export declares its `wp:` namespace in the root element, near the top."""
    try:
        with open(path, "rb") as handle:
            return WXR_MARKER in handle.read(_SNIFF_BYTES)
    except OSError:
        return False


def archive_format(path: str, requested: str = "auto") -> str | None:
    """'wxr', 'jsonl', 'csv', or None for an ordinary article file."""
    if requested not in INPUT_FORMATS:
        raise UsageError(f"unknown --input-format '{requested}' (use {', '.join(INPUT_FORMATS)})")
    if path == "-":
        return None
    if requested != "auto":
        return requested
    suffix = Path(path).suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    if suffix == ".csv":
        return "csv"
    if suffix in (".xml", ".wxr") and is_wxr(path):
        return "wxr"
    return None
