"""The HTML report in a real headless Chromium (Debian's, driven by Playwright; no download).

Checks what an editor relies on: every highlight covers exactly its finding's text at its
position, the filters hide and show findings, and markup in an article never runs.
In CI (env CI set) a missing browser is a failure, not a skip.
Set SUPPLINT_SCREENSHOT=1 to refresh docs/report-screenshot.png.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from lint.cli import main
from lint.commands.report_files import report_names
from lint.positions import LineIndex
from tests.conftest import ROOT

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
DATA = ROOT / "tests" / "data" / "report"
SCREENSHOT = ROOT / "docs" / "report-screenshot.png"


def _unavailable() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install -e '.[dev]')"
    if not os.access(CHROMIUM, os.X_OK):
        return f"{CHROMIUM} is missing (apt-get install chromium; .ci/run does this)"
    return None


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


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A folder of reports for a realistic article and a hostile one, plus `check` JSON."""
    root = tmp_path_factory.mktemp("browser")
    articles = ["ashwagandha-gummies.md", "hostile.md"]
    for name in articles:
        shutil.copy(DATA / name, root / name)
    (root / ".supplint.yaml").write_text(f"rule_dirs: [{json.dumps(str(DATA / 'house'))}]\n")
    common = ["--config", ".supplint.yaml", "--jobs", "1"]
    buffer = io.StringIO()
    here = os.getcwd()
    os.chdir(root)  # relative paths, as an editor would type them
    try:
        assert main(["report", *articles, "-o", "out/", *common]) == 1
        with contextlib.redirect_stdout(buffer):
            assert main(["check", *articles, "--format", "json", *common]) == 1
    finally:
        os.chdir(here)
    names = report_names(articles, ".html")
    return {
        "pages": {name: root / "out" / names[name] for name in articles},
        "index": root / "out" / "index.html",
        "findings": json.loads(buffer.getvalue())["findings"],
        "sources": {name: (root / name).read_text(encoding="utf-8") for name in articles},
    }


@pytest.fixture()
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.events = {"dialogs": [], "requests": [], "errors": []}  # type: ignore[attr-defined]
    page.on("dialog", lambda d: (page.events["dialogs"].append(d.message), d.dismiss()))
    page.on("request", lambda r: page.events["requests"].append(r.url))
    page.on("pageerror", lambda e: page.events["errors"].append(str(e)))
    yield page
    context.close()


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
      marks.push({ids: node.dataset.ids.split(' '), text: node.textContent, start,
                  off: node.classList.contains('off'),
                  background: getComputedStyle(node).backgroundColor});
    }
  };
  walk(text);
  const notes = Array.from(document.querySelectorAll('.note')).map(n => ({
    id: n.dataset.id, rule: n.querySelector('.rule').textContent,
    loc: n.querySelector('.loc').textContent, hidden: n.offsetParent === null,
    top: n.getBoundingClientRect().top,
    anchorTop: document.getElementById('hl-' + n.dataset.id).getBoundingClientRect().top}));
  return {text: text.textContent, marks, notes};
}"""


def read(page: Any) -> dict[str, Any]:
    result: dict[str, Any] = page.evaluate(READ_PAGE)
    return result


def open_report(page: Any, path: Path) -> dict[str, Any]:
    page.goto(path.as_uri())
    page.wait_for_selector("#filters:not([hidden])")  # the page script ran (its CSP hash held)
    return read(page)


def note_ids(state: dict[str, Any], findings: list[dict[str, Any]]) -> dict[int, str]:
    """Finding (index in `check` JSON) -> the id of the note showing the same rule and place."""
    by_place = {(n["rule"], n["loc"]): n["id"] for n in state["notes"]}
    return {
        i: by_place[(f["rule_id"], f"line {f['line']}, col {f['column']}")]
        for i, f in enumerate(findings)
    }


def test_every_highlight_is_exactly_at_its_finding(page: Any, reports: dict[str, Any]) -> None:
    for name, path in reports["pages"].items():
        source = reports["sources"][name]
        findings = [f for f in reports["findings"] if f["path"].endswith(name)]
        assert findings, name
        state = open_report(page, path)
        assert state["text"] == source  # the article, character for character
        ids = note_ids(state, findings)
        assert len(state["notes"]) == len(findings)
        lines = LineIndex(source)
        for i, finding in enumerate(findings):
            marks = [m for m in state["marks"] if ids[i] in m["ids"]]
            assert "".join(m["text"] for m in marks) == finding["excerpt"], finding
            assert marks[0]["start"] == lines.offset(finding["line"], finding["column"]), finding
        if name == "hostile.md":  # two house rules overlap on 'Tonic'
            assert any(len(m["ids"]) > 1 and m["text"] == "Tonic" for m in state["marks"])
        assert page.events["errors"] == []


def test_margin_notes_sit_beside_their_highlights(page: Any, reports: dict[str, Any]) -> None:
    state = open_report(page, reports["pages"]["ashwagandha-gummies.md"])
    first = state["notes"][0]
    assert abs(first["top"] - first["anchorTop"]) < 2
    assert all(n["top"] >= n["anchorTop"] - 2 for n in state["notes"])
    mark = page.locator("mark.hl").nth(3)
    mark.click()
    active = page.eval_on_selector_all(".note.active", "els => els.map(e => e.dataset.id)")
    assert active == mark.get_attribute("data-ids").split()
    # the summary links to each finding's place in the text
    row = page.locator(".finding-list tbody tr").nth(2)
    rule = row.locator("code").text_content()
    row.locator("td a").first.click()
    target = page.evaluate("location.hash")
    note = page.locator(f"#note-{target.removeprefix('#hl-')}")
    assert note.locator(".rule").text_content() == rule
    top = page.evaluate(f"document.querySelector('{target}').getBoundingClientRect().top")
    assert 0 <= top < 1000  # scrolled into the viewport
    if os.environ.get("SUPPLINT_SCREENSHOT") == "1":
        SCREENSHOT.parent.mkdir(exist_ok=True)
        page.evaluate("document.querySelector('.finding-list').open = false")
        page.screenshot(path=str(SCREENSHOT), full_page=True)


def test_filters_hide_and_show_findings(page: Any, reports: dict[str, Any]) -> None:
    findings = [f for f in reports["findings"] if f["path"].endswith("ashwagandha-gummies.md")]
    state = open_report(page, reports["pages"]["ashwagandha-gummies.md"])
    ids = note_ids(state, findings)
    family_of = {ids[i]: f["family"] for i, f in enumerate(findings)}
    severity_of = {ids[i]: f["severity"] for i, f in enumerate(findings)}
    assert "evidence" in family_of.values() and set(family_of.values()) != {"evidence"}

    def check(shown: set[str]) -> None:
        state = read(page)
        assert {n["id"] for n in state["notes"] if not n["hidden"]} == shown
        for mark in state["marks"]:
            visible = any(i in shown for i in mark["ids"])
            assert mark["off"] is not visible, mark
            assert (mark["background"] == "rgba(0, 0, 0, 0)") is not visible, mark
        rows = page.eval_on_selector_all(
            ".finding-list tbody tr", "rs => rs.filter(r => !r.hidden).map(r => r.dataset.id)"
        )
        assert set(rows) == shown
        assert page.text_content("#shown") == f"Showing {len(shown)} of {len(ids)} findings."

    everything = set(ids.values())
    check(everything)
    page.uncheck("input[data-axis=family][value=evidence]")
    check({i for i in everything if family_of[i] != "evidence"})
    page.uncheck("input[data-axis=severity][value=warning]")
    check({i for i in everything if family_of[i] != "evidence" and severity_of[i] != "warning"})
    page.check("input[data-axis=family][value=evidence]")
    page.check("input[data-axis=severity][value=warning]")
    check(everything)


def test_markup_in_an_article_never_runs(page: Any, reports: dict[str, Any]) -> None:
    state = open_report(page, reports["pages"]["hostile.md"])
    assert "<script>window.__supplintPwned" in state["text"]  # shown as text
    # the house rule's message carries a <script> too: also text
    assert "<script>window.__supplintPwned = 'message'</script>" in page.text_content(".note")
    page.hover("text=closing tag")
    page.click("text=javascript:window.__supplintPwned")
    assert page.evaluate("typeof window.__supplintPwned") == "undefined"
    assert page.events["dialogs"] == []
    tags = set(page.eval_on_selector_all(".text *", "els => els.map(e => e.tagName)"))
    assert tags <= {"SPAN", "MARK"}  # no img, script, b or a elements came from the article
    assert page.eval_on_selector_all("script", "els => els.length") == 2
    assert all(url.startswith("file://") for url in page.events["requests"])


def test_index_links_to_each_report(page: Any, reports: dict[str, Any]) -> None:
    page.goto(reports["index"].as_uri())
    hrefs = page.eval_on_selector_all("table.index a", "els => els.map(e => e.href)")
    assert sorted(hrefs) == sorted(p.as_uri() for p in reports["pages"].values())
    page.click("text=hostile.md")
    assert page.url == reports["pages"]["hostile.md"].as_uri()
