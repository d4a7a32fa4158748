"""The review workspace in real Chromium (Debian's, through Playwright), served by the real
`supplint review` command, following the README exactly: `supplint review examples/`, triage by
keyboard, dismiss with a reason, edit the article, re-run, and see the decision kept (then
flagged once the claim's own words change). The examples are copied first: the repository's
files are never edited. In CI (env CI set) a missing browser is a failure, not a skip.
Set SUPPLINT_SCREENSHOT=1 to refresh docs/review-screenshot.png.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser import assert_fits, assert_notes_beside_highlights, browser, read
from tests.conftest import ROOT

__all__ = ["browser"]  # a fixture, used by name

SCREENSHOT = ROOT / "docs" / "review-screenshot.png"
ARTICLE = "lions-mane-review.md"
REASON = "We report what sellers claim, we do not make the comparison"


@pytest.fixture()
def served(tmp_path: Path) -> Iterator[dict[str, Any]]:
    """`supplint review examples/ --no-open` on a copy of examples/; yields its URL and folder."""
    examples = tmp_path / "examples"
    shutil.copytree(ROOT / "examples", examples)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "lint", "review", "examples/", "--no-open", "--user", "Ana"]
    proc = subprocess.Popen(command, cwd=tmp_path, env=env, stdout=subprocess.PIPE, text=True)
    try:
        url = None
        assert proc.stdout is not None
        for line in proc.stdout:  # the URL line comes once linting is done
            found = re.search(r"open (http://127\.0\.0\.1:\d+/\?token=\S+)", line)
            if found:
                url = found.group(1)
                break
        assert url, "supplint review printed no URL"
        yield {"url": url, "examples": examples, "db": examples / ".supplint" / "review.db"}
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def navigate(page: Any, action: Any) -> None:
    """Do `action` and wait for the page it leads to, its deferred script included."""
    with page.expect_navigation(wait_until="load"):
        action()


def note(page: Any, rule: str) -> Any:
    return page.locator(".review-note", has=page.locator(f'code.rule:text-is("{rule}")'))


def selected_rule(page: Any) -> str:
    return str(page.locator(".review-note.selected code.rule").text_content())


def open_page(browser: Any, width: int) -> tuple[Any, Any, list[str]]:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    return context, page, errors


def test_the_readme_flow(browser: Any, served: dict[str, Any]) -> None:
    context, page, errors = open_page(browser, 1280)
    page.goto(served["url"])
    assert "token=" not in page.url  # traded for a session cookie
    paths = page.eval_on_selector_all("table.queue tbody tr", "rs => rs.map(r => r.dataset.path)")
    assert len(paths) == 4 and any(p.endswith(ARTICLE) for p in paths)
    navigate(page, lambda: page.click(f"text={ARTICLE}"))
    assert note(page, "fda.drug-comparison").get_attribute("data-state") == "open"
    assert_notes_beside_highlights(read(page))  # the article as it reads, notes beside it

    # keyboard triage: j selects the first finding, a accepts it
    page.keyboard.press("j")
    first_rule = selected_rule(page)
    navigate(page, lambda: page.keyboard.press("a"))
    assert note(page, first_rule).get_attribute("data-state") == "accepted"
    assert selected_rule(page) == first_rule  # back on the same finding
    for _ in range(10):  # j down to the drug comparison, d opens its reason, Enter dismisses
        page.keyboard.press("j")
        if selected_rule(page) == "fda.drug-comparison":
            break
    assert selected_rule(page) == "fda.drug-comparison"
    page.keyboard.press("d")
    page.keyboard.type(REASON)
    navigate(page, lambda: page.keyboard.press("Enter"))
    claim = note(page, "fda.drug-comparison")
    assert claim.get_attribute("data-state") == "dismissed"
    assert REASON in claim.locator(".decided-by").text_content()
    assert "by Ana" in claim.locator(".decided-by").text_content()

    # the writer revises: a new paragraph moves the comparison down two lines
    article = served["examples"] / ARTICLE
    text = article.read_text("utf-8")
    article.write_text(text.replace("# Lion's Mane Review\n", "# Lion's Mane Review\n\nNew.\n"))
    navigate(page, lambda: page.click("#rerun-article"))
    claim = note(page, "fda.drug-comparison")
    assert claim.get_attribute("data-state") == "dismissed"
    assert claim.locator(".loc").text_content() == "line 12, col 83"
    assert note(page, first_rule).get_attribute("data-state") == "accepted"
    state = read(page)
    assert_notes_beside_highlights(state)
    if os.environ.get("SUPPLINT_SCREENSHOT"):
        page.screenshot(path=str(SCREENSHOT), full_page=True)

    # the comparison's own words change: the old decision is shown, it waits for a new look
    article.write_text(article.read_text("utf-8").replace("to Adderall", "to Ritalin"), "utf-8")
    navigate(page, lambda: page.click("#rerun-all"))
    claim = note(page, "fda.drug-comparison")
    assert claim.get_attribute("data-state") == "stale"
    assert "needs a new look" in claim.text_content()
    navigate(page, lambda: page.click("text=History"))
    assert REASON in page.locator("table.history").text_content()
    assert errors == []
    context.close()
    assert served["db"].is_file()
    assert "to Ritalin" in article.read_text("utf-8")  # the app never rewrote the article


def test_the_workspace_at_phone_width(browser: Any, served: dict[str, Any]) -> None:
    context, page, errors = open_page(browser, 400)
    page.goto(served["url"])
    assert page.evaluate("document.documentElement.scrollWidth") <= 400  # the queue fits
    navigate(page, lambda: page.click(f"text={ARTICLE}"))
    state = read(page)
    assert_fits(state, 400)
    assert all(n["top"] >= state["textBottom"] for n in state["notes"])  # one column
    page.locator("mark.hl").first.click()  # a tap on a highlight brings its note into view
    top = page.eval_on_selector(".review-note.selected", "e => e.getBoundingClientRect().top")
    assert 0 <= top < 900
    # a dismissal without a reason opens the reason field instead of failing
    claim = note(page, "fda.drug-comparison")
    claim.locator("button.dismiss").click()
    assert claim.get_attribute("class").split()[-1] == "selected"
    active = page.evaluate("document.activeElement.outerHTML.slice(0, 120)")
    assert 'name="reason"' in active, active
    assert claim.get_attribute("data-state") == "open"
    assert errors == []
    context.close()
