"""Errors that end in one clear line and exit code 2, never a traceback."""

from __future__ import annotations

from collections.abc import Iterable

from lint.printable import printable


class SupplintError(Exception):
    """A user-facing error: `str(err)` is the whole line printed to stderr."""

    def __init__(self, path: str, message: str, line: int | None = None, column: int | None = None):
        self.path = path
        self.message = message
        self.line = line
        self.column = column
        super().__init__(self.render())

    def render(self) -> str:
        """One line however hostile the file name or message (see lint/printable.py)."""
        where = printable(self.path)
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {printable(self.message)}"


class InputError(SupplintError):
    """An article that cannot be read or decoded."""


class ConfigError(SupplintError):
    """A configuration or rule file that is invalid."""


class UsageError(SupplintError):
    """Bad command-line usage."""

    def __init__(self, message: str):
        super().__init__("supplint", message)

    def render(self) -> str:
        return printable(self.message)  # the CLI already prefixes "supplint: error:"


def not_one_of(name: str, value: object, allowed: Iterable[object]) -> str:
    """The one wording of a value outside its choices (schema enums, registry names)."""
    names = [str(choice) for choice in allowed]
    hint = did_you_mean(str(value), names)
    return f"'{name}' is '{value}'; expected one of {', '.join(names)}{hint}"


def did_you_mean(word: str, choices: Iterable[object]) -> str:
    """The hint ", did you mean 'x'?" for the closest choice, or "" when none is close."""
    import difflib

    names = sorted(str(choice) for choice in choices)
    close = difflib.get_close_matches(word, names, n=1)
    return f", did you mean '{close[0]}'?" if close else ""
