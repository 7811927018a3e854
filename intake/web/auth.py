"""Signing in and out of the desk, and the guard every staff page sits behind."""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable
from functools import wraps

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from intake.staff.accounts import LoginRefused, verify_login
from intake.staff.sessions import Session, end_session, start_session
from intake.storage import Store
from intake.web.desk import (
    LOGIN_COOKIE,
    SESSION_COOKIE,
    page,
    session_for,
    set_cookie,
    to_login,
    with_store,
)
from intake.web.security import token_matches

Form = dict[str, str]
Handler = Callable[[Request, Session, Store, Form], Response]


def staff_only(handler: Handler) -> Callable[[Request], Awaitable[Response]]:
    """Run ``handler`` (in the thread pool) with the session and the database.

    No session: to the login page, nothing else shown. A write must carry the
    session's CSRF token in its form.
    """

    @wraps(handler)
    async def guarded(request: Request) -> Response:
        form: Form = {}
        if request.method == "POST":
            form = {key: str(value) for key, value in (await request.form()).items()}

        def run(store: Store) -> Response:
            session, fresh = session_for(store, request)
            if session is None:
                return to_login(request)
            if request.method == "POST" and not token_matches(session.csrf, form.get("csrf")):
                return Response("missing or wrong form token", status_code=403)
            response = handler(request, session, store, form)
            if fresh:
                set_cookie(response, SESSION_COOKIE, fresh)
            return response

        return await with_store(request, run)

    return guarded


async def login_page(
    request: Request, error: str = "", status_code: int = 200, name: str = ""
) -> Response:
    """The sign-in form, with a one-off token that the POST must bring back (login CSRF)."""
    token = secrets.token_urlsafe(24)
    response = page(
        request,
        "login.html",
        status_code=status_code,
        session=None,
        error=error,
        name=name,
        login_token=token,
        next=_safe_next(request.query_params.get("next", "/")),
    )
    set_cookie(response, LOGIN_COOKIE, token, max_age=600)
    return response


async def login(request: Request) -> Response:
    form = await request.form()
    if not token_matches(request.cookies.get(LOGIN_COOKIE, ""), form.get("login_token")):
        return await login_page(request, "The sign-in form expired; please try again.", 400)
    name, password, code = (str(form.get(key, "")).strip() for key in ("name", "password", "code"))

    def check(store: Store) -> str:
        return start_session(store, verify_login(store, name, password, code))

    try:
        token = await with_store(request, check)
    except LoginRefused as exc:
        return await login_page(request, str(exc), 401, name=name)
    response = RedirectResponse(_safe_next(str(form.get("next", "/"))), status_code=303)
    set_cookie(response, SESSION_COOKIE, token)
    response.delete_cookie(LOGIN_COOKIE, path="/", secure=True, httponly=True, samesite="strict")
    return response


@staff_only
def logout(request: Request, session: Session, store: Store, form: Form) -> Response:
    end_session(store, session)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/", secure=True, httponly=True, samesite="strict")
    return response


def _safe_next(target: str) -> str:
    """Only a path on this site: never ``//elsewhere`` or a full URL (open redirect)."""
    if target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/"
