"""The desk's defences that every request passes: headers, cross-site checks, CSRF.

Pages show personal data and attacker-written mail, so: a Content-Security-Policy
without any script, no framing, no caching, no referrer; state-changing requests must
come from our own pages (``Sec-Fetch-Site`` and ``Origin``) and carry the session's
CSRF token.
"""

from __future__ import annotations

import secrets
from urllib.parse import urlsplit

from starlette.datastructures import MutableHeaders
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
        "frame-ancestors 'none'; base-uri 'none'"
    ),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    "Cache-Control": "no-store",
}
SAFE_METHODS = frozenset(("GET", "HEAD"))


class SecurityHeaders:
    """ASGI middleware: refuse cross-site writes; put the security headers on every answer."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        if request.method not in SAFE_METHODS and not same_site(request):
            refused = Response("cross-site request refused", status_code=403)
            await refused(scope, receive, _with_headers(send))
            return
        await self.app(scope, receive, _with_headers(send))


def _with_headers(send: Send) -> Send:
    async def sending(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = MutableHeaders(scope=message)
            for name, value in SECURITY_HEADERS.items():
                if name not in headers:
                    headers[name] = value
        await send(message)

    return sending


def same_site(request: Request) -> bool:
    """Tell whether the request came from one of our own pages (or straight from the user).

    Browsers say so in ``Sec-Fetch-Site``. Without it, an ``Origin`` must name this host;
    with neither (a script, an old browser) the CSRF token alone decides.
    """
    fetch_site = request.headers.get("sec-fetch-site")
    if fetch_site is not None:
        return fetch_site in ("same-origin", "none")
    origin = request.headers.get("origin")
    if origin is None:
        return True
    return origin != "null" and urlsplit(origin).netloc == request.headers.get("host", "")


def token_matches(expected: str, given: object) -> bool:
    """Constant-time comparison of a form's token with the one we issued."""
    return isinstance(given, str) and bool(given) and secrets.compare_digest(expected, given)
