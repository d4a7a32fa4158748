"""The review web app (Starlette): queue, article, decisions, re-run, history.

Articles are addressed by their number in the workspace's fixed file list, never by a path from
the request; decisions are only taken on findings of the latest run, and the text a decision
stores comes from that run, not from the form.
"""

from __future__ import annotations

from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from lint import __version__
from lint.report.templating import environment, render_template
from lint.review.pages import article_page, filter_values, queue
from lint.review.security import LOOPBACK_NAMES, AccessMiddleware, Sessions, checked_form
from lint.review.store import STATUSES
from lint.review.triage import STATE_LABELS, STATES
from lint.review.workspace import Article, Workspace

MAX_TEXT = 2000  # characters kept of a reason or note
STATIC = {"review.js": "application/javascript", "review.css": "text/css"}


def create_app(
    workspace: Workspace,
    token: str,
    author: str,
    cookie: str = "supplint_review",
    hosts: frozenset[str] | None = LOOPBACK_NAMES,
) -> Starlette:
    env = environment()
    sessions = Sessions(token, cookie, hosts)

    def page(request: Request, name: str, context: dict[str, Any], status: int = 200) -> Response:
        context = {
            **context,
            "csrf": request.state.csrf,
            "version": __version__,
            "runs": workspace.runs,
            "author": author,
            "state_labels": STATE_LABELS,
            "states": STATES,
            "unreadable": workspace.errors,
        }
        return HTMLResponse(render_template(env, f"review/{name}", context), status)

    def article_or_404(request: Request) -> Article:
        try:
            number = int(request.path_params["number"])
        except ValueError:
            raise HTTPException(404) from None
        article = workspace.article(number)
        if article is None:
            raise HTTPException(404)
        return article

    async def queue_page(request: Request) -> Response:
        filters = filter_values(request.query_params)
        return page(request, "queue.html", {"queue": queue(workspace, filters), "filters": filters})

    async def show_article(request: Request) -> Response:
        article = article_or_404(request)
        filters = filter_values(request.query_params)
        view = article_page(workspace, article, filters)
        return page(request, "article.html", {"page": view, "filters": filters})

    async def decide(request: Request) -> Response:
        form = await checked_form(request)
        article = article_or_404(request)
        status = str(form.get("status", ""))
        reason = str(form.get("reason", "")).strip()[:MAX_TEXT]
        if status not in STATUSES:
            raise HTTPException(400, "unknown decision")
        if status == "dismissed" and not reason:
            raise HTTPException(400, "a dismissal needs a reason")
        key = workspace.key_of(
            article, str(form.get("fingerprint", "")), str(form.get("rule_id", ""))
        )
        if key is None:
            raise HTTPException(409, "that finding is not in the latest run: reload the page")
        who = str(form.get("author", "")).strip()[:80] or author
        note = str(form.get("note", "")).strip()[:MAX_TEXT]
        workspace.record(key, status, reason, note, who)
        return RedirectResponse(f"/article/{article.number}{_keep(form)}#k-{key.fingerprint}", 303)

    async def rerun(request: Request) -> Response:
        form = await checked_form(request)
        await run_in_threadpool(workspace.lint)  # pages stay served while spaCy works
        return RedirectResponse(_next(form), 303)

    async def rerun_article(request: Request) -> Response:
        form = await checked_form(request)
        article = article_or_404(request)
        await run_in_threadpool(workspace.lint, [article.number])
        return RedirectResponse(f"/article/{article.number}{_keep(form)}", 303)

    async def history(request: Request) -> Response:
        names = {workspace.path_key(a.path): a for a in workspace.articles}
        decisions = workspace.store.history(limit=1000)
        return page(request, "history.html", {"decisions": decisions, "articles": names})

    async def static(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in STATIC:
            raise HTTPException(404)
        text = render_template(env, f"review/{name}", {})
        if name == "review.css":  # the report's style first: one look for report and workspace
            text = render_template(env, "report.css", {}) + "\n" + text
        return Response(text, media_type=STATIC[name])

    routes = [
        Route("/", queue_page),
        Route("/article/{number}", show_article),
        Route("/article/{number}/decide", decide, methods=["POST"]),
        Route("/article/{number}/rerun", rerun_article, methods=["POST"]),
        Route("/rerun", rerun, methods=["POST"]),
        Route("/history", history),
        Route("/static/{name}", static),
    ]
    return Starlette(routes=routes, middleware=[Middleware(AccessMiddleware, sessions=sessions)])


def _next(form: Any) -> str:
    """Where to go after a re-run: a path of this app only (no //host, no scheme)."""
    target = str(form.get("next", "/"))
    safe = target.startswith("/") and not target.startswith("//") and "\\" not in target
    return target if safe else "/"


def _keep(form: Any) -> str:
    """The article page's filters, carried through a decision."""
    from urllib.parse import urlencode

    kept = {k: str(form.get(k, ""))[:40] for k in ("state", "family", "severity") if form.get(k)}
    return f"?{urlencode(kept)}" if kept else ""
