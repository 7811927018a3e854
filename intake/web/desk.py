"""What every desk handler shares: the configuration, the database, pages, the session.

A request's whole work (session check, queries, rendering) runs in one hop to the thread
pool, on that thread's own connection, so a query waiting for a lock never stalls the
event loop and no request pays for more than one hop.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, TypeVar
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from intake.config import Config
from intake.staff.accounts import find_staff
from intake.staff.sessions import Session, current_session, start_session
from intake.storage import Store, open_store
from intake.templating import environment

T = TypeVar("T")
SESSION_COOKIE = "__Host-intake-session"
LOGIN_COOKIE = "__Host-intake-login"


@dataclass(frozen=True, slots=True)
class Desk:
    """The desk's settings; ``trusted_user_header`` only ever set when on a unix socket."""

    config: Config
    trusted_user_header: str = ""

    @property
    def idle(self) -> timedelta:
        return timedelta(minutes=self.config.web.session_idle_minutes)

    @property
    def lifetime(self) -> timedelta:
        return timedelta(hours=self.config.web.session_hours)


def desk_of(request: Request) -> Desk:
    desk: Desk = request.app.state.desk
    return desk


async def with_store(request: Request, work: Callable[[Store], T]) -> T:
    """Run ``work`` in the thread pool with that thread's connection to the database.

    Each pool thread keeps one connection open: opening one (and checking the schema)
    per request cost more than most pages' queries.
    """
    config = desk_of(request).config
    return await run_in_threadpool(lambda: work(_thread_store(config)))


_local = threading.local()


def _thread_store(config: Config) -> Store:
    store: Store | None = getattr(_local, "store", None)
    if store is None or store.path != config.database.path:
        store = open_store(config)
        _local.store = store
    return store


def page(request: Request, template: str, status_code: int = 200, **context: Any) -> Response:
    """Render a desk page (autoescaped HTML: mail content is only ever text)."""
    html = environment().get_template(f"desk/{template}").render(request=request, **context)
    return HTMLResponse(html, status_code=status_code)


def set_cookie(response: Response, name: str, value: str, max_age: int | None = None) -> None:
    """``__Host-`` cookies: Secure, HttpOnly, SameSite=Strict, the whole site, no domain."""
    response.set_cookie(
        name, value, max_age=max_age, path="/", secure=True, httponly=True, samesite="strict"
    )


def session_for(store: Store, request: Request) -> tuple[Session | None, str | None]:
    """The request's session; with a trusted SSO header, one is started for that staff.

    Returns the session and, when one was just started, the cookie token to set.
    """
    desk = desk_of(request)
    token = request.cookies.get(SESSION_COOKIE, "")
    header = desk.trusted_user_header
    found = current_session(store, token, idle=desk.idle, lifetime=desk.lifetime) if token else None
    if not header:
        return found, None
    claimed = request.headers.get(header, "").strip()
    if found is not None and found.staff.name == claimed:
        return found, None
    member = find_staff(store, claimed) if claimed else None
    if member is None or member.disabled:
        return None, None
    fresh = start_session(store, member)
    return current_session(store, fresh), fresh


def to_login(request: Request) -> Response:
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return RedirectResponse(f"/login?next={quote(target, safe='')}", status_code=303)
