"""Access to the review app: a start-up token, a session cookie, CSRF tokens, same-origin writes.

The printed URL carries a random token (as Jupyter's). Opening it once trades the token for a
session cookie (HttpOnly, SameSite=Strict) and strips it from the address bar. Every request
needs that session; every state-changing one also needs the session's CSRF token (form field or
X-CSRF-Token header) and is refused when its Origin or Sec-Fetch-Site says it came from another
site. Pages carry a strict Content-Security-Policy: only the app's own script runs.
"""

from __future__ import annotations

import hmac
import secrets
from typing import Any
from urllib.parse import urlencode

from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response

SAFE_METHODS = ("GET", "HEAD")
LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "::1"})
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",  # no-referrer would make Chromium send Origin: null
    "Cache-Control": "no-store",
}


def new_token() -> str:
    return secrets.token_urlsafe(32)


class Sessions:
    """Session id -> CSRF token, in memory: restarting the app asks for the URL token again.

    `hosts`: the Host names a request may carry (None: any), so a page on another name that
    resolves to 127.0.0.1 (DNS rebinding) is refused before anything else."""

    def __init__(self, token: str, cookie: str, hosts: frozenset[str] | None = None):
        self.token = token
        self.cookie = cookie
        self.hosts = hosts
        self._csrf: dict[str, str] = {}

    def token_ok(self, candidate: str | None) -> bool:
        return candidate is not None and hmac.compare_digest(candidate, self.token)

    def open(self) -> str:
        session = secrets.token_urlsafe(32)
        self._csrf[session] = secrets.token_urlsafe(32)
        return session

    def csrf(self, session: str | None) -> str | None:
        if session is None:
            return None
        for known, csrf in self._csrf.items():  # constant-time per entry; sessions are few
            if hmac.compare_digest(known, session):
                return csrf
        return None


def _same_origin(request: Request) -> bool:
    site = request.headers.get("sec-fetch-site")
    if site is not None and site not in ("same-origin", "none"):
        return False
    origin = request.headers.get("origin")
    if origin is None:
        return True
    own = f"{request.url.scheme}://{request.headers.get('host', '')}"
    return origin == own


class AccessMiddleware(BaseHTTPMiddleware):
    def __init__(self, app: Any, sessions: Sessions):
        super().__init__(app)
        self.sessions = sessions

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        response = await self._check(request, call_next)
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    async def _check(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        sessions = self.sessions
        if sessions.hosts is not None and request.url.hostname not in sessions.hosts:
            return PlainTextResponse("supplint review: unknown host name\n", 403)
        if request.method in SAFE_METHODS and sessions.token_ok(request.query_params.get("token")):
            query = urlencode(
                [(k, v) for k, v in request.query_params.multi_items() if k != "token"]
            )
            target = request.url.path + (f"?{query}" if query else "")
            response = RedirectResponse(target, status_code=303)
            response.set_cookie(
                sessions.cookie, sessions.open(), httponly=True, samesite="strict", path="/"
            )
            return response
        csrf = sessions.csrf(request.cookies.get(sessions.cookie))
        if csrf is None:
            return PlainTextResponse(
                "supplint review: open the URL with its token, as printed at start-up\n", 403
            )
        if request.method not in SAFE_METHODS and not _same_origin(request):
            return PlainTextResponse("supplint review: cross-origin request refused\n", 403)
        request.state.csrf = csrf
        return await call_next(request)


async def checked_form(request: Request) -> FormData:
    """The form of a state-changing request, after its CSRF token is verified."""
    form = await request.form()
    sent = form.get("csrf") or request.headers.get("x-csrf-token")
    if not isinstance(sent, str) or not hmac.compare_digest(sent, request.state.csrf):
        raise HTTPException(403, "supplint review: missing or wrong CSRF token")
    return form
