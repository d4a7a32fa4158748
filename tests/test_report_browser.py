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
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from lint.cli import main
from lint.commands.report_files import report_names
from lint.positions import LineIndex
from tests.browser import assert_fits, assert_notes_beside_highlights, browser, read
from tests.conftest import ROOT

__all__ = ["browser"]  # a fixture, used by name

DATA = ROOT / "tests" / "data" / "report"
SCREENSHOT = ROOT / "docs" / "report-screenshot.png"


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
def new_page(browser: Any) -> Iterator[Callable[[int], Any]]:
    """Pages of a given viewport width, recording dialogs, requests and script errors."""
    contexts: list[Any] = []

    def make(width: int) -> Any:
        context = browser.new_context(viewport={"width": width, "height": 1000})
        contexts.append(context)
        page = context.new_page()
        page.events = {"dialogs": [], "requests": [], "errors": []}
        page.on("dialog", lambda d: (page.events["dialogs"].append(d.message), d.dismiss()))
        page.on("request", lambda r: page.events["requests"].append(r.url))
        page.on("pageerror", lambda e: page.events["errors"].append(str(e)))
        return page

    yield make
    for context in contexts:
        context.close()


@pytest.fixture()
def page(new_page: Callable[[int], Any]) -> Any:
    return new_page(1400)


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
    link = page.locator(".text .link", has_text="the proof")
    assert link.get_attribute("title") == "javascript:window.__supplintPwned='link'"
    link.hover()
    link.click()  # a link shown as text: its URL is only a tooltip, never followed
    assert page.evaluate("typeof window.__supplintPwned") == "undefined"
    assert page.events["dialogs"] == []
    tags = set(page.eval_on_selector_all(".text *", "els => els.map(e => e.tagName)"))
    # the page's own elements only: no img, script, b or a came from the article
    assert tags <= {"SPAN", "MARK", "DIV", "EM", "STRONG", "CODE"}
    assert page.eval_on_selector_all("script", "els => els.length") == 2
    assert all(url.startswith("file://") for url in page.events["requests"])


def test_index_links_to_each_report(page: Any, reports: dict[str, Any]) -> None:
    page.goto(reports["index"].as_uri())
    hrefs = page.eval_on_selector_all("table.index a", "els => els.map(e => e.href)")
    assert sorted(hrefs) == sorted(p.as_uri() for p in reports["pages"].values())
    page.click("text=hostile.md")
    assert page.url == reports["pages"]["hostile.md"].as_uri()


def test_the_article_reads_as_prose(page: Any, reports: dict[str, Any]) -> None:
    """Headings, links and front matter rendered, while the page text stays the source."""
    state = open_report(page, reports["pages"]["ashwagandha-gummies.md"])
    shown = state["shown"]
    assert "---" not in shown and "\n# " not in shown and "## " not in shown
    # markup is hidden, except where a finding sits in it (here: the affiliate link's markup)
    hidden = page.eval_on_selector_all(
        ".text .mu", "els => els.map(e => e.getClientRects().length === 0)"
    )
    assert len(hidden) > 5 and all(hidden)
    assert "](https://amzn.to/4kQpXyz)" in page.inner_text("mark.hl >> text=amzn.to")
    headings = page.eval_on_selector_all(
        ".text [role=heading]", "els => els.map(e => [e.getAttribute('aria-level'), e.innerText])"
    )
    assert headings[0] == ["1", "Ashwagandha Gummies, Tested: Calm in a Candy?"]
    assert ["2", "What the label claims"] in headings
    link = page.locator(".text .link", has_text="order the gummies here")
    assert link.get_attribute("title") == "https://amzn.to/4kQpXyz"
    keys = page.eval_on_selector_all(".text .meta .fm-key", "els => els.map(e => e.innerText)")
    values = page.eval_on_selector_all(".text .meta .fm-value", "els => els.map(e => e.innerText)")
    rows = list(zip(keys, values, strict=True))
    assert rows[1] == ("author", "Priya Castellano")
    assert "Calm in a Candy" in rows[0][1]
    size = page.eval_on_selector(".text [aria-level='1']", "e => getComputedStyle(e).fontSize")
    body = page.eval_on_selector(".text .blk.p", "e => getComputedStyle(e).fontSize")
    assert float(size[:-2]) > 1.4 * float(body[:-2])
    # every highlight is on screen: none lost inside hidden markup
    assert all(m["visible"] for m in state["marks"]), state["marks"]


def test_proposed_edits_show_as_a_diff_in_context(page: Any, reports: dict[str, Any]) -> None:
    source = reports["sources"]["ashwagandha-gummies.md"]
    open_report(page, reports["pages"]["ashwagandha-gummies.md"])
    edits = page.eval_on_selector_all(
        ".note .edit",
        """els => els.map(e => ({text: e.innerText, ins: e.querySelector('ins')?.innerText,
            del: e.querySelector('del')?.innerText, ctx: Array.from(e.querySelectorAll('.ctx'))
            .map(c => c.textContent)}))""",
    )
    assert edits
    assert not any("insert at line" in e["text"] for e in edits)
    for edit in edits:
        before, after = edit["ctx"]
        # the context is the article's own text, on both sides of the change
        assert before + (edit["del"] or "") + after in source, edit
        assert before or after, edit


@pytest.mark.parametrize("width", [1280, 400])
def test_layout_at_desktop_and_phone_width(
    new_page: Callable[[int], Any], reports: dict[str, Any], width: int
) -> None:
    for name, path in reports["pages"].items():
        page = new_page(width)
        state = open_report(page, path)
        assert_fits(state, width)
        if width >= 1280:
            assert_notes_beside_highlights(state)
        else:  # one column: the notes come after the text, a tap on a highlight reaches them
            assert all(n["top"] >= state["textBottom"] for n in state["notes"]), name
            mark = page.locator("mark.hl").nth(2)
            mark.click()
            first = mark.get_attribute("data-ids").split()[0]  # its first note is scrolled to
            assert page.get_attribute(f"#note-{first}", "class").endswith("active")
            top = page.eval_on_selector(f"#note-{first}", "e => e.getBoundingClientRect().top")
            assert 0 <= top < 1000, name  # scrolled to the note
        assert page.events["errors"] == [], name
