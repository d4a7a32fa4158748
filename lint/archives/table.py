"""JSON Lines and CSV readers: one article per row, streamed, with configurable columns.

A row's id is `<file>#<id column value>` when the row has one, else `<file>#row-N` (N counts data
rows from 1). Positions are relative to the body cell's decoded text.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from typing import Any

from lint.archives.model import ArchiveOptions, Article, ArticleMeta, article_id, body_format
from lint.errors import InputError
from lint.sources import Source

Row = Article | InputError  # a bad row is reported and the rest of the file still read


def _cell(row: dict[str, Any], column: str) -> str:
    value = row.get(column)
    return "" if value is None else str(value)


def _row_article(
    path: str, row: dict[str, Any], number: int, line: int, options: ArchiveOptions
) -> Row:
    body = row.get(options.body_column)
    if not isinstance(body, str):
        what = "missing" if body is None else "not a string"
        return InputError(
            path, f"row {number}: body column '{options.body_column}' is {what}", line
        )
    ident = _cell(row, options.id_column).strip()
    name = f"{path}#{article_id(ident)}" if ident else f"{path}#row-{number}"
    fmt = body_format(_cell(row, options.format_column), options.body_format, body)
    if fmt is None:
        declared = _cell(row, options.format_column)
        return InputError(path, f"row {number}: unknown format '{declared}'", line)
    meta = ArticleMeta(
        title=_cell(row, options.title_column).strip(),
        author=_cell(row, options.author_column).strip(),
        date=_cell(row, options.date_column).strip(),
    )
    return Article(Source(name, body, fmt), meta)


def _open(path: str, newline: str | None = None) -> Any:
    try:
        return open(path, encoding="utf-8-sig", newline=newline)
    except FileNotFoundError:
        raise InputError(path, "no such file or directory") from None
    except OSError as err:
        raise InputError(path, f"cannot read: {err.strerror or err}") from None


def read_jsonl(path: str, options: ArchiveOptions) -> Iterator[Row]:
    """One JSON object per line; blank lines are skipped."""
    number = 0
    with _open(path) as handle:
        line = 0
        try:
            for line, text in enumerate(handle, 1):
                if not text.strip():
                    continue
                number += 1
                try:
                    row = json.loads(text)
                except json.JSONDecodeError as err:
                    yield InputError(
                        path, f"row {number}: invalid JSON: {err.msg}", line, err.colno
                    )
                    continue
                if not isinstance(row, dict):
                    yield InputError(path, f"row {number}: expected a JSON object", line)
                    continue
                yield _row_article(path, row, number, line, options)
        except UnicodeDecodeError as err:
            raise InputError(path, f"not valid UTF-8 (after line {line}): {err.reason}") from None


def read_csv(path: str, options: ArchiveOptions) -> Iterator[Row]:
    """A header row names the columns; bodies may span lines inside quotes."""
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # article bodies exceed the 128 KB default
    with _open(path, newline="") as handle:
        reader = csv.DictReader(handle)
        try:
            if reader.fieldnames is None:
                return
            if options.body_column not in reader.fieldnames:
                columns = ", ".join(reader.fieldnames)
                raise InputError(
                    path, f"no body column '{options.body_column}' (columns: {columns})", 1
                )
            end = reader.line_num  # the header's last line
            for number, row in enumerate(reader, 1):
                start, end = end + 1, reader.line_num  # a quoted body may span lines
                yield _row_article(path, row, number, start, options)
        except csv.Error as err:
            raise InputError(path, f"malformed CSV: {err}", reader.line_num) from None
        except UnicodeDecodeError as err:
            raise InputError(path, f"not valid UTF-8: {err.reason}", reader.line_num) from None
