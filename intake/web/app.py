"""The desk as an ASGI application: routes, the security middleware, error pages."""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from intake.config import Config
from intake.errors import CaseNotFound, ConfigError, StoreError
from intake.web.auth import login, login_page, logout
from intake.web.desk import Desk, page
from intake.web.forms import act
from intake.web.pages import case_page, metrics, queue, stylesheet
from intake.web.security import SecurityHeaders


def build_app(config: Config, *, on_socket: bool = False) -> Starlette:
    """The desk for ``config``; a trusted SSO header is honoured only ``on_socket``."""
    header = config.web.trusted_user_header
    if header and not on_socket:
        raise ConfigError(
            f"web.trusted_user_header = {header!r}: trusted only behind a unix socket; "
            "start the desk with --socket PATH, or remove the key"
        )
    app = Starlette(
        routes=[
            Route("/", queue),
            Route("/login", login_page, methods=["GET"]),
            Route("/login", login, methods=["POST"]),
            Route("/logout", logout, methods=["POST"]),
            Route("/cases/{token}", case_page),
            Route("/cases/{token}/{action}", act, methods=["POST"]),
            Route("/static/desk.css", stylesheet),
            Route("/metrics", metrics),
        ],
        middleware=[Middleware(SecurityHeaders)],
        exception_handlers={CaseNotFound: _not_found, StoreError: _unavailable},
    )
    app.state.desk = Desk(config, header if on_socket else "")
    return app


async def _not_found(request: Request, exc: Exception) -> Response:
    return page(
        request, "error.html", status_code=404, session=None, message="There is no such case."
    )


async def _unavailable(request: Request, exc: Exception) -> Response:
    return page(
        request,
        "error.html",
        status_code=503,
        session=None,
        message="The case database is unavailable.",
    )
