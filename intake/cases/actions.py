"""What staff do to a case: change its status, add notes. Every change is an event."""

from __future__ import annotations

from intake.cases.history import add_event
from intake.cases.lookup import find_case
from intake.clock import iso, utcnow
from intake.errors import IntakeError
from intake.reading.redact import redact
from intake.storage import Store


def set_status(store: Store, ref: str, status: str) -> str:
    """Set the status of case ``ref``; return the status it had."""
    with store.transaction():
        case = find_case(store, ref)
        store.update("cases", case["id"], {"status": status, "updated_at": iso(utcnow())})
        add_event(
            store,
            case["id"],
            "status_changed",
            {"from": case["status"], "to": status, "by": "staff"},
        )
    return str(case["status"])


def add_note(store: Store, ref: str, text: str) -> None:
    """Attach a staff note to case ``ref`` (secrets redacted like everything else)."""
    note = redact(text.strip()).text
    if not note:
        raise IntakeError("the note is empty")
    with store.transaction():
        case = find_case(store, ref)
        add_event(store, case["id"], "note", {"text": note})
        store.update("cases", case["id"], {"updated_at": iso(utcnow())})
