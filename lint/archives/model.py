"""What the archive readers produce: one Article (a Source plus its CMS metadata) per row/item."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lint.sources import Source

BODY_FORMATS = ("auto", "html", "markdown", "text")
# values a format column may hold -> the parser to use
FORMAT_ALIASES = {
    "html": "html",
    "htm": "html",
    "markdown": "markdown",
    "md": "markdown",
    "text": "text",
    "txt": "text",
    "plain": "text",
}


@dataclass(frozen=True)
class ArticleMeta:
    """What the export says about an article besides its body; any field may be missing."""

    title: str = ""
    author: str = ""
    date: str = ""  # as exported, e.g. "2021-03-04 10:22:00"
    status: str = ""
    link: str = ""

    @property
    def month(self) -> str:
        """`YYYY-MM` when the date starts with an ISO date, else ""."""
        date = self.date.strip()
        if len(date) >= 7 and date[:4].isdigit() and date[4] == "-" and date[5:7].isdigit():
            return date[:7]
        return ""


@dataclass(frozen=True)
class Article:
    source: Source
    meta: ArticleMeta = ArticleMeta()


@dataclass
class ArchiveOptions:
    """How to read archives: the format (auto by suffix/content) and the JSONL/CSV columns."""

    input_format: str = "auto"  # auto | wxr | jsonl | csv
    id_column: str = "id"
    title_column: str = "title"
    body_column: str = "body"
    format_column: str = "format"
    author_column: str = "author"
    date_column: str = "date"
    body_format: str = "auto"  # used when a row has no format column value

    @classmethod
    def from_settings(cls, config: dict[str, Any], overrides: dict[str, Any]) -> ArchiveOptions:
        """Config file keys (`archive:` mapping), then command-line flags that were given."""
        options = cls()
        for source in (config, overrides):
            for key, value in source.items():
                if value is not None and hasattr(options, key):
                    setattr(options, key, str(value))
        return options


def guess_format(body: str) -> str:
    """For rows without a format: HTML when the body has tags, else Markdown."""
    head = body[:4096].lower()
    if any(tag in head for tag in ("<p", "<div", "<br", "<h1", "<h2", "<h3", "<ul", "</")):
        return "html"
    return "markdown"


def body_format(declared: str | None, default: str, body: str) -> str | None:
    """The parser for a body: the row's own format value, else the default; None if unknown."""
    if declared:
        return FORMAT_ALIASES.get(declared.strip().lower())
    return guess_format(body) if default == "auto" else default


def article_id(value: Any) -> str:
    """A path-safe id: whitespace and '#' would make `file#id` ambiguous."""
    text = str(value).strip()
    return "".join("_" if ch.isspace() or ch == "#" else ch for ch in text)
