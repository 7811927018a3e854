"""What staff do from a case page: each form calls the same operation as the CLI."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from intake.cases.actions import add_note, hold, set_field, set_status
from intake.config import Config
from intake.errors import IntakeError
from intake.replies.staff_replies import reply_to_requester
from intake.staff.sessions import Session
from intake.storage import Store
from intake.verification import challenge
from intake.web.auth import Form, staff_only
from intake.web.desk import desk_of
from intake.web.pages import show_case

Action = Callable[[Store, Config, str, str, Form], None]


def _reply(store: Store, config: Config, token: str, staff: str, form: Form) -> None:
    template = form.get("template") or None
    reply_to_requester(store, config, token, staff, template=template, text=form.get("text", ""))


def _status(store: Store, config: Config, token: str, staff: str, form: Form) -> None:
    set_status(store, token, form.get("status", ""), staff, form.get("reason", ""))


def _field(store: Store, config: Config, token: str, staff: str, form: Form) -> None:
    set_field(store, token, form.get("field", ""), form.get("value", ""), staff)


def _note(store: Store, config: Config, token: str, staff: str, form: Form) -> None:
    add_note(store, token, form.get("text", ""), staff)


def _hold(store: Store, config: Config, token: str, staff: str, form: Form) -> None:
    days = form.get("days", "")
    if not days.isdigit():
        raise IntakeError("give the number of days to hold the case")
    hold(store, token, int(days), staff, form.get("reason", ""))


def _challenge(store: Store, config: Config, token: str, staff: str, form: Form) -> None:
    challenge(store, config, token, form.get("project", ""), staff)


ACTIONS: dict[str, Action] = {
    "challenge": _challenge,
    "reply": _reply,
    "status": _status,
    "field": _field,
    "note": _note,
    "hold": _hold,
}


@staff_only
def act(request: Request, session: Session, store: Store, form: Form) -> Response:
    """POST /cases/{token}/{action}: do it, then back to the case (303) saying what happened."""
    token, name = request.path_params["token"], request.path_params["action"]
    action = ACTIONS.get(name)
    if action is None:
        return Response("no such action", status_code=404)
    try:
        action(store, desk_of(request).config, token, session.staff.name, form)
    except IntakeError as exc:
        return show_case(request, session, store, error=str(exc), status_code=400)
    return RedirectResponse(f"/cases/{token}?done={quote(name)}", status_code=303)
