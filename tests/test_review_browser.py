"""The review workspace in real Chromium (Debian's, through Playwright), served by the real
`supplint review` command: open, triage by keyboard, dismiss with a reason, edit the article,
re-run, and see the decision kept (then flagged once the claim's own words change).
In CI (env CI set) a missing browser is a failure, not a skip.
Set SUPPLINT_SCREENSHOT=1 to refresh docs/review-screenshot.png.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT
from tests.test_report_browser import CHROMIUM, CHROMIUM_ARGS, _unavailable

SCREENSHOT = ROOT / "docs" / "review-screenshot.png"
ARTICLE = (
    "# Ginkgo notes\n\n"
    "Our team tried a new tea this spring and liked its taste.\n\n"
    "Ginkgo treats ADHD in children, according to the seller.\n\n"
    "We drank it every morning with breakfast.\n"
)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    reason = _unavailable()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"browser test cannot run in CI: {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture()
def served(tmp_path: Path) -> Iterator[dict[str, Any]]:
    """`supplint review site/ --no-open` in a subprocess; yields its URL and the folder."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "ginkgo.md").write_text(ARTICLE, encoding="utf-8")
    (site / "lions-mane.md").write_bytes((ROOT / "examples" / "lions-mane-review.md").read_bytes())
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "lint", "review", "site", "--no-open", "--user", "Ana"]
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
        yield {"url": url, "site": site, "db": site / ".supplint" / "review.db"}
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def navigate(page: Any, action: Any) -> None:
    """Do `action` and wait for the page it leads to, its deferred script included."""
    with page.expect_navigation(wait_until="load"):
        action()


def note(page: Any, rule: str) -> Any:
    return page.locator(".review-note", has=page.locator(f'code.rule:text-is("{rule}")'))


def test_triage_survives_an_edit_and_a_rerun(browser: Any, served: dict[str, Any]) -> None:
    context = browser.new_context(viewport={"width": 1300, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

    page.goto(served["url"])
    assert "token=" not in page.url  # traded for a session cookie
    queue = page.locator("table.queue tbody tr")
    assert queue.count() == 2
    navigate(page, lambda: page.click("text=ginkgo.md"))
    assert note(page, "fda.disease-claim").get_attribute("data-state") == "open"

    # keyboard triage: j selects the first finding, a accepts it
    page.keyboard.press("j")
    first = page.locator(".review-note.selected")
    first_rule = first.locator("code.rule").text_content()
    navigate(page, lambda: page.keyboard.press("a"))
    assert note(page, first_rule).get_attribute("data-state") == "accepted"
    # the page comes back with that finding selected; j moves to the claim, d opens the reason
    assert page.locator(".review-note.selected code.rule").text_content() == first_rule
    page.keyboard.press("j")
    assert page.locator(".review-note.selected code.rule").text_content() == "fda.disease-claim"
    page.keyboard.press("d")
    page.keyboard.type("Quoting the seller's claim to debunk it")
    navigate(page, lambda: page.keyboard.press("Enter"))
    claim = note(page, "fda.disease-claim")
    assert claim.get_attribute("data-state") == "dismissed"
    assert "Quoting the seller's claim to debunk it" in claim.locator(".decided-by").text_content()
    assert "by Ana" in claim.locator(".decided-by").text_content()

    # the writer revises: a new paragraph moves the claim down two lines
    article = served["site"] / "ginkgo.md"
    article.write_text(ARTICLE.replace("its taste.", "its taste.\n\nIt was cheap."), "utf-8")
    navigate(page, lambda: page.click("#rerun-article"))
    claim = note(page, "fda.disease-claim")
    assert claim.get_attribute("data-state") == "dismissed"
    assert claim.locator(".loc").text_content() == "line 7, col 8"
    assert note(page, first_rule).get_attribute("data-state") == "accepted"
    if os.environ.get("SUPPLINT_SCREENSHOT"):
        claim.scroll_into_view_if_needed()
        page.screenshot(path=str(SCREENSHOT), full_page=True)

    # the claim's own words change: the old decision is shown, and it waits for a new look
    article.write_text(article.read_text("utf-8").replace("treats ADHD", "treats autism"), "utf-8")
    navigate(page, lambda: page.click("#rerun-all"))
    claim = note(page, "fda.disease-claim")
    assert claim.get_attribute("data-state") == "stale"
    assert "needs a new look" in claim.text_content()
    navigate(page, lambda: page.click("text=History"))
    assert "Quoting the seller's claim to debunk it" in page.locator("table.history").text_content()
    assert errors == []
    context.close()
    assert served["db"].is_file()
    assert "treats autism" in article.read_text("utf-8")  # the app never rewrote the article
