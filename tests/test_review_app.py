"""The review web app over HTTP (Starlette's TestClient): access, CSRF, decisions, re-runs,
escaping. Articles are real files in a temporary folder; the app lints them for real."""

from __future__ import annotations

import re
import shutil
import warnings
from pathlib import Path
from typing import Any

import pytest

from lint.config import Config
from lint.engine import Engine
from lint.review.store import Store
from lint.review.workspace import Workspace, default_db
from tests.conftest import ROOT

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # Starlette's note about httpx versions, not ours to fix
    from starlette.testclient import TestClient

from lint.review.app import create_app

TOKEN = "test-token-0123456789"
ORIGIN = "http://127.0.0.1:8765"
ARTICLE = (
    "# Ginkgo notes\n\n"
    "Our team tried a new tea this spring and liked its taste.\n\n"
    "Ginkgo treats ADHD in children, according to the seller.\n\n"
    "We drank it every morning with breakfast.\n"
)
HOSTILE = ROOT / "tests" / "data" / "report" / "hostile.md"


@pytest.fixture(scope="module")
def house_engine() -> Engine:
    """The built-in rules plus the report tests' house rules (a message carrying markup)."""
    return Engine(Config(rule_dirs=[HOSTILE.parent / "house"]))


@pytest.fixture()
def site(tmp_path: Path) -> Path:
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "a.md").write_text(ARTICLE, encoding="utf-8")
    shutil.copy(HOSTILE, folder / "hostile.md")
    return folder


def make_client(engine: Engine, site: Path) -> tuple[TestClient, Workspace]:
    files = [str(site / "a.md"), str(site / "hostile.md")]
    workspace = Workspace(engine, files, Store(default_db(None, str(site))), [])
    workspace.lint()
    client = TestClient(create_app(workspace, TOKEN, "tester"), base_url=ORIGIN)
    return client, workspace


@pytest.fixture()
def app(house_engine: Engine, site: Path) -> tuple[TestClient, Workspace]:
    return make_client(house_engine, site)


def login(client: TestClient) -> str:
    """Trade the URL token for a session; returns the page's CSRF token."""
    response = client.get(f"/?token={TOKEN}")
    assert response.status_code == 200
    found = re.search(r'name="csrf" value="([^"]+)"', response.text)
    assert found
    return found.group(1)


def note_form(page: str, rule: str) -> dict[str, str]:
    """The hidden fields of the decision form of the first note for `rule`."""
    block = page.split(f'<code class="rule">{rule}</code>', 1)[1].split("</article>", 1)[0]
    fields = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', block))
    assert fields["rule_id"] == rule
    return fields


def note_of(page: str, rule: str) -> str:
    start = page.index(f'<code class="rule">{rule}</code>')
    begin = page.rindex("<article", 0, start)
    return page[begin : page.index("</article>", start)]


def dismiss(client: TestClient, csrf: str, rule: str = "fda.disease-claim", **extra: str) -> Any:
    fields = note_form(client.get("/article/0").text, rule)
    data = {**fields, "csrf": csrf, "status": "dismissed", "reason": "quoting the seller", **extra}
    return client.post("/article/0/decide", data=data, follow_redirects=False)


def test_every_page_needs_the_token(app: tuple[TestClient, Workspace]) -> None:
    client, _ = app
    for path in ("/", "/article/0", "/history", "/static/review.js"):
        assert client.get(path).status_code == 403
    assert client.get("/?token=wrong").status_code == 403
    response = client.get(f"/article/0?token={TOKEN}&state=open", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/article/0?state=open"  # the token leaves the URL
    cookie = response.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie
    assert client.get("/article/0").status_code == 200  # the session cookie now suffices


def test_state_changes_need_session_csrf_and_same_origin(app: tuple[TestClient, Workspace]) -> None:
    client, workspace = app
    outsider = TestClient(client.app, base_url=ORIGIN)
    assert outsider.post("/rerun", data={"next": "/"}).status_code == 403  # no session
    csrf = login(client)
    runs = workspace.runs
    assert client.post("/rerun", data={"next": "/"}).status_code == 403  # no CSRF token
    assert client.post("/rerun", data={"csrf": "forged", "next": "/"}).status_code == 403
    evil = {"origin": "http://evil.example"}
    response = client.post("/rerun", data={"csrf": csrf}, headers=evil, follow_redirects=False)
    assert response.status_code == 403
    cross = {"sec-fetch-site": "cross-site"}
    assert client.post("/rerun", data={"csrf": csrf}, headers=cross).status_code == 403
    assert dismiss(client, "forged").status_code == 403
    assert workspace.store.history() == [] and workspace.runs == runs
    ok = client.post(
        "/rerun", data={"csrf": csrf}, headers={"origin": ORIGIN}, follow_redirects=False
    )
    assert ok.status_code == 303 and workspace.runs == runs + 1


def test_every_post_route_checks_csrf(app: tuple[TestClient, Workspace]) -> None:
    client, _ = app
    login(client)
    posts = [r.path.replace("{number}", "0") for r in client.app.routes if "POST" in r.methods]
    assert len(posts) == 3
    for path in posts:
        assert client.post(path, data={"status": "accepted"}).status_code == 403, path


def test_dismiss_persists_across_a_restart(engine: Engine, site: Path) -> None:
    client, _ = make_client(engine, site)
    csrf = login(client)
    response = dismiss(client, csrf, note="seen by legal")
    assert response.status_code == 303
    assert response.headers["location"].startswith("/article/0#k-")
    # a new app on the same database (the editor restarted `supplint review`)
    again, _ = make_client(engine, site)
    login(again)
    note = note_of(again.get("/article/0").text, "fda.disease-claim")
    assert "state-dismissed" in note
    assert "quoting the seller" in note and "seen by legal" in note and "tester" in note
    history = again.get("/history").text
    assert "quoting the seller" in history and "fda.disease-claim" in history


def test_dismiss_needs_a_reason(app: tuple[TestClient, Workspace]) -> None:
    client, workspace = app
    csrf = login(client)
    assert dismiss(client, csrf, reason="  ").status_code == 400
    assert workspace.store.history() == []


def test_decision_only_on_a_finding_of_the_latest_run(app: tuple[TestClient, Workspace]) -> None:
    client, workspace = app
    csrf = login(client)
    data = {"csrf": csrf, "status": "accepted", "fingerprint": "0" * 20, "rule_id": "fda.x"}
    assert client.post("/article/0/decide", data=data).status_code == 409
    assert client.post("/article/7/decide", data=data).status_code == 404
    assert client.get("/article/../../etc/passwd").status_code == 404
    for name in ("report.html", "..%2F..%2Fpyproject.toml", "review%2Fbase.html"):
        assert client.get(f"/static/{name}").status_code == 404  # only the two named files
    assert client.get("/static/review.js").status_code == 200
    assert workspace.store.history() == []


def test_rerun_after_edits_keeps_or_flags_the_decision(
    app: tuple[TestClient, Workspace], site: Path
) -> None:
    client, _ = app
    csrf = login(client)
    assert dismiss(client, csrf).status_code == 303
    article = site / "a.md"
    # an edit elsewhere that also moves the claim two lines down
    moved = ARTICLE.replace("liked its taste.", "liked its taste.\n\nIt was cheap.")
    article.write_text(moved, encoding="utf-8")
    client.post("/article/0/rerun", data={"csrf": csrf})
    page = client.get("/article/0").text
    note = note_of(page, "fda.disease-claim")
    assert "state-dismissed" in note and "line 7, col 8" in note
    # the claim's own words change: the old decision is shown, not reused
    article.write_text(moved.replace("treats ADHD", "treats autism"), encoding="utf-8")
    client.post("/rerun", data={"csrf": csrf, "next": "/article/0"})
    note = note_of(client.get("/article/0").text, "fda.disease-claim")
    assert "state-stale" in note and "needs a new look" in note
    assert "treats ADHD" in note  # the text the decision was taken on
    queue = client.get("/").text
    assert re.search(r'<td class="num waiting">\d+</td>\s*<td class="num">1</td>', queue)


def test_the_app_never_writes_an_article(app: tuple[TestClient, Workspace], site: Path) -> None:
    client, _ = app
    before = {p.name: p.read_bytes() for p in site.iterdir() if p.is_file()}
    csrf = login(client)
    dismiss(client, csrf)
    client.post("/rerun", data={"csrf": csrf})
    assert {p.name: p.read_bytes() for p in site.iterdir() if p.is_file()} == before
    assert sorted(p.name for p in (site / ".supplint").iterdir()) == ["review.db"]


def test_hostile_article_and_messages_are_escaped(app: tuple[TestClient, Workspace]) -> None:
    client, _ = app
    csrf = login(client)
    page = client.get("/article/1")
    assert page.status_code == 200
    assert page.headers["content-security-policy"].startswith(
        "default-src 'none'; script-src 'self'"
    )
    html = page.text
    assert "<script>window.__supplintPwned" not in html
    assert "&lt;script&gt;window.__supplintPwned" in html
    assert "<img src=" not in html and 'onerror="window' not in html
    assert "</textarea><b" not in html
    # a reason with markup is stored as typed and shown inert
    assert "<script>window.__supplintPwned = 'message'" not in html  # the house rule's message
    assert "Product named: &lt;script&gt;window.__supplintPwned" in html
    fields = note_form(html, "house.tonic-cure")
    hostile = '<img src=x onerror="alert(1)">'
    data = {**fields, "csrf": csrf, "status": "dismissed", "reason": hostile}
    assert client.post("/article/1/decide", data=data).status_code == 200
    for path in ("/article/1", "/history"):
        text = client.get(path).text
        assert hostile not in text and "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in text


def waiting_total(page: str) -> int:
    found = re.search(r"<strong>(\d+) findings? waiting", page)
    assert found
    return int(found.group(1))


def test_queue_counts_and_filters(app: tuple[TestClient, Workspace]) -> None:
    client, workspace = app
    csrf = login(client)
    findings = [f for a in workspace.articles for f in a.result.findings]
    fda = sum(1 for f in findings if f.family == "fda")
    assert fda >= 2 and len(findings) > fda
    assert waiting_total(client.get("/").text) == len(findings)
    assert waiting_total(client.get("/?family=fda").text) == fda
    dismiss(client, csrf)
    assert waiting_total(client.get("/").text) == len(findings) - 1
    assert waiting_total(client.get("/?family=fda").text) == fda - 1
    errors = sum(1 for f in findings if f.severity == "error") - 1
    assert waiting_total(client.get("/?severity=error").text) == errors
    page = client.get("/article/0?state=dismissed").text
    assert page.count('class="note review-note') == 1
    assert '<code class="rule">fda.disease-claim</code>' in page
    page = client.get("/article/0?state=waiting").text
    assert '<code class="rule">fda.disease-claim</code>' not in page
    assert page.count('class="note review-note') == len(workspace.articles[0].result.findings) - 1


def test_next_after_rerun_stays_on_this_site(app: tuple[TestClient, Workspace]) -> None:
    client, _ = app
    csrf = login(client)
    for target in ("//evil.example/", "https://evil.example/", "/\\evil.example"):
        response = client.post(
            "/rerun", data={"csrf": csrf, "next": target}, follow_redirects=False
        )
        assert response.headers["location"] == "/"


def test_marked_fixed_but_still_there_after_a_rerun_waits_again(
    app: tuple[TestClient, Workspace],
) -> None:
    client, _ = app
    csrf = login(client)
    fields = note_form(client.get("/article/0").text, "fda.disease-claim")
    data = {**fields, "csrf": csrf, "status": "fixed"}
    client.post("/article/0/decide", data=data)
    note = note_of(client.get("/article/0").text, "fda.disease-claim")
    assert "state-fixed" in note  # taken on this run: the writer has not re-run yet
    client.post("/article/0/rerun", data={"csrf": csrf})  # the text was not changed
    note = note_of(client.get("/article/0").text, "fda.disease-claim")
    assert "state-unfixed" in note and "marked fixed, still present" in note
    assert "fda.disease-claim" in client.get("/article/0?state=waiting").text


def test_other_host_names_are_refused(app: tuple[TestClient, Workspace]) -> None:
    """A page on another name that resolves to 127.0.0.1 (DNS rebinding) gets nothing."""
    client, _ = app
    rebound = TestClient(client.app, base_url="http://evil.example:8765")
    assert rebound.get(f"/?token={TOKEN}").status_code == 403
    assert (
        TestClient(client.app, base_url="http://localhost:8765").get(f"/?token={TOKEN}").status_code
        == 200
    )
