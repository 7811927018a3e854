"""The pages staff read: the queue, one case, the style sheet."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from intake.cases.flags import CASE_FLAGS, describe_flag
from intake.cases.queue import QueueFilter, list_cases
from intake.cases.report import build_report, prometheus
from intake.cases.status import STATUSES, TRANSITIONS
from intake.cases.summary import case_detail, field_rows
from intake.config import is_loopback
from intake.extraction.fields import FLAT_KEYS
from intake.replies.staff_templates import STAFF_TEMPLATES
from intake.staff.audit import audit
from intake.staff.sessions import Session
from intake.storage import Store
from intake.templating import templates_dir
from intake.web.auth import Form, staff_only
from intake.web.desk import page, session_for, with_store

PAGE_SIZE = 50
# What the case page says after each action (a fixed text: the URL only names the action).
DONE = {
    "reply": "reply queued; the daemon sends it",
    "status": "status changed",
    "field": "field corrected",
    "note": "note added",
    "hold": "case put on hold",
    "challenge": "branch proof asked for; the daemon looks for the branch",
}
FLAG_NAMES = {flag: flag.replace("_", " ") for flag in CASE_FLAGS}


@staff_only
def queue(request: Request, session: Session, store: Store, form: Form) -> Response:
    """Cases by status, oldest first unless asked otherwise, with search and paging."""
    params = request.query_params
    status = params.get("status") or None
    status = status if status in STATUSES else None
    search = (params.get("q") or "").strip()[:100] or None
    number = max(1, _int(params.get("page"), 1))
    newest = params.get("order") == "newest"
    wanted = QueueFilter(status, search, None, not newest, PAGE_SIZE + 1, (number - 1) * PAGE_SIZE)

    counts = {
        row["status"]: row["n"]
        for row in store.rows("SELECT status, count(*) AS n FROM cases GROUP BY status")
    }
    rows = list_cases(store, wanted)
    return page(
        request,
        "queue.html",
        session=session,
        cases=rows[:PAGE_SIZE],
        more=len(rows) > PAGE_SIZE,
        counts=counts,
        statuses=STATUSES,
        status=status,
        search=search or "",
        number=number,
        newest=newest,
        flag_names=FLAG_NAMES,
    )


@staff_only
def case_page(request: Request, session: Session, store: Store, form: Form) -> Response:
    return show_case(request, session, store)


def show_case(
    request: Request, session: Session, store: Store, error: str = "", status_code: int = 200
) -> Response:
    """One case in full, with the forms that act on it; every view is audited."""
    detail = case_detail(store, request.path_params["token"])
    with store.transaction():
        audit(store, session.staff.name, "view_case", detail["case"]["id"])
    case = detail["case"]
    return page(
        request,
        "case.html",
        status_code=status_code,
        session=session,
        case=case,
        flags=[(flag, describe_flag(flag)) for flag in case["flags"]],
        rows=field_rows(case),
        messages=[_message(m) for m in detail["messages"]],
        history=[_event_line(e) for e in detail["events"] if e["kind"] != "note"],
        notes=[e for e in detail["events"] if e["kind"] == "note"],
        previous=detail["previous_cases"],
        pack=detail["verification"],
        proofs=detail["proofs"],
        provable=[
            p["name"]
            for p in (detail["verification"] or {}).get("projects", [])
            if p.get("repository")
        ],
        moves=TRANSITIONS.get(case["status"], ()),
        templates=[t for t in STAFF_TEMPLATES.values() if t.offered],
        fields=FLAT_KEYS,
        error=error,
        done=DONE.get(request.query_params.get("done", ""), ""),
    )


async def metrics(request: Request) -> Response:
    """The report in Prometheus format: for a scraper on this machine, or signed-in staff.

    Only counts and durations; a request that came through a proxy must be signed in.
    """

    def run(store: Store) -> Response:
        if not _direct_from_loopback(request) and session_for(store, request)[0] is None:
            return Response("sign in, or scrape from this machine", status_code=403)
        text = prometheus(build_report(store))
        return Response(text, media_type="text/plain; version=0.0.4")

    return await with_store(request, run)


def _direct_from_loopback(request: Request) -> bool:
    forwarded = any(h in request.headers for h in ("forwarded", "x-forwarded-for", "x-real-ip"))
    return bool(request.client and is_loopback(request.client.host)) and not forwarded


async def stylesheet(request: Request) -> Response:
    css = (templates_dir() / "desk" / "desk.css").read_text(encoding="utf-8")
    return Response(css, media_type="text/css", headers={"Cache-Control": "max-age=3600"})


def _message(message: dict[str, Any]) -> dict[str, Any]:
    return {
        **message,
        "flag_texts": [describe_flag(f, on_message=True) for f in message["flags"] or []],
    }


def _event_line(event: dict[str, Any]) -> tuple[str, str]:
    """One line of history: what happened, by whom, from what to what, and why."""
    detail = event["detail"]
    text = event["kind"].replace("_", " ")
    if detail.get("field"):
        text += f" {detail['field']}"
    if "from" in detail and "to" in detail:
        text += f": {detail['from']} → {detail['to']}"
    if detail.get("by"):
        text += f" by {detail['by']}"
    if detail.get("reason"):
        text += f" ({detail['reason']})"
    return event["at"], text


def _int(value: str | None, default: int) -> int:
    try:
        return int(value or default)
    except ValueError:
        return default
