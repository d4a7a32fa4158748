"""Command-line files -> a stream of ordinary sources and archive articles, in order."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from lint.archives.detect import archive_format
from lint.archives.model import ArchiveOptions, Article
from lint.engine import FileResult
from lint.errors import InputError
from lint.sources import Source, read_file, read_stdin

Item = Source | Article | FileResult


def read_archive(path: str, fmt: str, options: ArchiveOptions) -> Iterator[Article | InputError]:
    if fmt == "wxr":
        from lint.archives.wxr import read_wxr

        return read_wxr(path)
    from lint.archives.table import read_csv, read_jsonl

    return read_jsonl(path, options) if fmt == "jsonl" else read_csv(path, options)


def read_inputs(
    files: Iterable[str], options: ArchiveOptions, stdin_name: str | None = None
) -> Iterator[Item]:
    """Archives are read one article at a time; a broken archive ends with one error result
    after the articles read before the damage."""
    for path in files:
        try:
            fmt = archive_format(path, options.input_format)
            if fmt is None:
                yield read_stdin(stdin_name) if path == "-" else read_file(path)
                continue
            for row in read_archive(path, fmt, options):
                yield (
                    FileResult(row.path, error=row.render()) if isinstance(row, InputError) else row
                )
        except InputError as err:
            yield FileResult(err.path, error=err.render())
