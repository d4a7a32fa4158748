"""Hostile inputs for `supplint check`: each case builds files in a folder and says what a
correct run looks like (a clean pass, or one error line naming the file and exit code 2)."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

CLEAN, ERROR = "clean", "error"

PARAGRAPH = (
    "Magnesium glycinate is a mineral salt that some adults take in the evening. "
    "One small trial reported modest changes in sleep onset [2].\n\n"
)


@dataclass(frozen=True)
class Case:
    name: str
    build: Callable[[Path], list[str]]  # writes files under the folder, returns CLI arguments
    expect: str  # CLEAN: exit 0, no output on stderr; ERROR: exit 2, one error line per path
    seconds: float = 30.0  # wall-clock bound for the whole run (process start included)
    megabytes: int = 400  # peak RSS bound


def _write(folder: Path, name: str, data: bytes) -> list[str]:
    (folder / name).write_bytes(data)
    return [name]


def _bytes_case(name: str, filename: str, data: bytes, expect: str, **bounds) -> Case:
    return Case(name, lambda folder: _write(folder, filename, data), expect, **bounds)


def _alias_bomb() -> bytes:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 12):
        refs = ", ".join([f"*a{level - 1}"] * 9)
        lines.append(f"a{level}: &a{level} [{refs}]")
    return ("---\n" + "\n".join(lines) + "\n---\n" + PARAGRAPH).encode()


def _symlink_loop(folder: Path) -> list[str]:
    os.symlink("loop-b.md", folder / "loop-a.md")
    os.symlink("loop-a.md", folder / "loop-b.md")
    return ["loop-a.md"]


def _dir_symlink_cycle(folder: Path) -> list[str]:
    (folder / "site").mkdir()
    (folder / "site" / "post.md").write_text(PARAGRAPH)
    os.symlink("..", folder / "site" / "up")  # walking would loop forever if followed
    return ["site"]


def _no_articles(folder: Path) -> list[str]:
    (folder / "assets").mkdir()
    (folder / "assets" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    return ["assets"]


def _unreadable(folder: Path) -> list[str]:
    """chmod 000 stops everyone but root; run_case runs this case as `nobody` under root."""
    target = folder / "locked.md"
    target.write_text(PARAGRAPH)
    target.chmod(0)
    return ["locked.md"]


def _fifo(folder: Path) -> list[str]:
    os.mkfifo(folder / "pipe.md")  # opening it for reading would wait for a writer forever
    return ["pipe.md"]


def nested_html(depth: int) -> bytes:
    return ("<div>" * depth + "<p>Deep text.</p>" + "</div>" * depth).encode()


CASES = [
    _bytes_case("empty file", "empty.md", b"", CLEAN),
    _bytes_case("only whitespace", "blank.md", b" \n\r\n\t\n", CLEAN),
    _bytes_case("invalid UTF-8", "latin1.md", "Caf\xe9 culture\n".encode("latin-1"), ERROR),
    _bytes_case("NUL bytes", "nul.md", b"Sleep well\x00 tonight\n", ERROR),
    _bytes_case("binary file", "photo.md", bytes(range(256)) * 64, ERROR),
    _bytes_case("UTF-16 LE with BOM", "u16le.md", "Sleep notes\n".encode("utf-16"), ERROR),
    _bytes_case("UTF-16 BE with BOM", "u16be.txt", b"\xfe\xff" + "Hi\n".encode("utf-16-be"), ERROR),
    _bytes_case("UTF-8 BOM", "bom.md", b"\xef\xbb\xbf" + PARAGRAPH.encode(), CLEAN),
    _bytes_case(
        "mixed line endings",
        "mixed.md",
        PARAGRAPH.replace("\n\n", "\r\n\r\n\r\r\n").encode(),
        CLEAN,
    ),
    _bytes_case("lone surrogate bytes", "surrogate.md", b"Zinc \xed\xa0\x80 oxide\n", ERROR),
    _bytes_case("overlong UTF-8", "overlong.md", b"Zinc \xc0\xaf\n", ERROR),
    _bytes_case(
        "10,000 nested HTML elements", "nested.html", nested_html(10_000), CLEAN, seconds=30
    ),
    _bytes_case("10,000 unclosed tags", "unclosed.html", b"<span>" * 10_000 + b"text", CLEAN),
    _bytes_case(
        "10,000 nested block quotes", "quotes.md", b"> " * 10_000 + b"Quoted sleep note.\n", CLEAN
    ),
    _bytes_case(
        "10,000 nested lists",
        "lists.md",
        b"- " * 10_000 + b"item\n" + b"".join(b"  " * i + b"- item\n" for i in range(500)),
        CLEAN,
    ),
    _bytes_case(
        "single 1 MB line",
        "oneline.txt",
        (b"Zinc and sleep " * 70_000)[:1_000_000],
        CLEAN,
        seconds=60,
    ),
    _bytes_case("YAML alias bomb", "bomb.md", _alias_bomb(), ERROR),
    _bytes_case(
        "small YAML anchors and aliases",
        "anchors.md",
        b"---\nbase: &b {author: Kim}\npost: *b\ntags: &t [sleep]\nalso: *t\n---\n"
        + PARAGRAPH.encode(),
        CLEAN,
    ),
    _bytes_case(
        "huge YAML scalar",
        "scalar.md",
        b"---\ntitle: " + b"x" * 2_000_000 + b"\n---\n" + PARAGRAPH.encode(),
        ERROR,
    ),
    _bytes_case(
        "deeply nested YAML",
        "deep.md",
        b"---\nk: " + b"[" * 5000 + b"]" * 5000 + b"\n---\n" + PARAGRAPH.encode(),
        ERROR,
    ),
    _bytes_case(
        "python tag in front matter",
        "pytag.md",
        b'---\nx: !!python/object/apply:os.system ["echo owned"]\n---\n' + PARAGRAPH.encode(),
        ERROR,
    ),
    _bytes_case("malformed YAML", "broken.md", b"---\ntitle: [unclosed\n---\nBody.\n", ERROR),
    _bytes_case("front matter never closed", "open.md", b"---\ntitle: x\nBody.\n", CLEAN),
    _bytes_case("front matter a list", "list.md", b"---\n- a\n- b\n---\nBody.\n", CLEAN),
    Case("symlink loop", _symlink_loop, ERROR),
    Case("directory symlink cycle", _dir_symlink_cycle, CLEAN),
    Case("directory with no articles", _no_articles, ERROR),
    Case("unreadable file (chmod 000)", _unreadable, ERROR),
    Case("FIFO named like an article", _fifo, ERROR),
]
