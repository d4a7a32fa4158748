"""Shared by the Chromium tests (HTML report, review workspace): Debian's Chromium through
Playwright (never a browser download), the page readers, and the layout checks.
In CI (env CI set) a missing browser is a failure, not a skip."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless=new",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
NOTE_GAP = 8  # px between two notes pushed down one under the other (report.js layout)


def unavailable() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install -e '.[dev]')"
    if not os.access(CHROMIUM, os.X_OK):
        return f"{CHROMIUM} is missing (apt-get install chromium; .ci/run does this)"
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    reason = unavailable()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"browser test cannot run in CI: {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


# Marks with the code-point offset of their text inside the article, and every note.
READ_PAGE = """() => {
  const text = document.querySelector('.text');
  const marks = [];
  let offset = 0;
  const walk = (node) => {
    if (node.nodeType === Node.TEXT_NODE) { offset += Array.from(node.data).length; return; }
    const start = offset;
    node.childNodes.forEach(walk);
    if (node.matches && node.matches('mark.hl')) {
      const box = node.getBoundingClientRect();
      marks.push({ids: node.dataset.ids.split(' '), text: node.textContent, start,
                  off: node.classList.contains('off'), visible: box.width > 0 || box.height > 0,
                  background: getComputedStyle(node).backgroundColor});
    }
  };
  walk(text);
  const notes = Array.from(document.querySelectorAll('.note')).map(n => {
    const box = n.getBoundingClientRect();
    return {id: n.dataset.id, rule: n.querySelector('.rule').textContent,
      loc: n.querySelector('.loc').textContent, hidden: n.offsetParent === null,
      top: box.top, bottom: box.bottom, left: box.left, right: box.right,
      anchorTop: document.getElementById('hl-' + n.dataset.id).getBoundingClientRect().top};
  });
  const box = text.getBoundingClientRect();
  return {text: text.textContent, shown: text.innerText, marks, notes,
          textRight: box.right, textBottom: box.bottom,
          pageWidth: document.documentElement.scrollWidth};
}"""


def read(page: Any) -> dict[str, Any]:
    result: dict[str, Any] = page.evaluate(READ_PAGE)
    return result


def assert_notes_beside_highlights(state: dict[str, Any]) -> None:
    """Wide screen: each note sits in a column right of the text, level with its highlight, or
    (when the note before it is in the way) right under that note; never above its highlight."""
    shown = [n for n in state["notes"] if not n["hidden"]]
    assert shown
    previous_bottom = None
    for note in shown:
        assert note["left"] >= state["textRight"], note  # beside the text, not under it
        wanted = note["anchorTop"]
        if previous_bottom is not None:
            wanted = max(wanted, previous_bottom + NOTE_GAP)
        assert abs(note["top"] - wanted) < 2, (note, wanted)
        previous_bottom = note["bottom"]


def assert_fits(state: dict[str, Any], width: int) -> None:
    """Nothing wider than the screen: no sideways scrolling on a phone."""
    assert state["pageWidth"] <= width, state["pageWidth"]
    for note in state["notes"]:
        if not note["hidden"]:
            assert note["left"] >= 0 and note["right"] <= width, note
