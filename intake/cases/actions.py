"""What staff do to a case: move its status, correct a field, add a note, put it on hold.

The command line and the desk call these same functions. Each records an event naming
the staff member (the case's history) and an audit entry (the log of who did what).
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

from intake.cases.history import add_event
from intake.cases.lookup import find_case
from intake.cases.merging import evaluate
from intake.cases.status import AUTO_REPLY_STATUSES, check_transition, status_after
from intake.clock import iso, utcnow
from intake.errors import IntakeError
from intake.extraction.fields import FLAT_KEYS, REASON_KINDS, RECOVERY_CODE_STATES
from intake.extraction.values import USERNAME
from intake.reading.redact import redact
from intake.staff.audit import audit
from intake.storage import Store

_YES = frozenset(("yes", "y", "true"))
_NO = frozenset(("no", "n", "false"))
_UNKNOWN = frozenset(("unknown", "none", "-", ""))
_WORKING = ("in_review", "waiting_on_requester", "on_hold")


def set_status(store: Store, ref: str | int, status: str, staff: str, reason: str = "") -> str:
    """Move case ``ref`` to ``status`` if the process allows it; return the status it had."""
    with store.transaction():
        case = find_case(store, ref)
        check_transition(case["status"], status)
        values: dict[str, Any] = {"status": status, "updated_at": iso(utcnow())}
        if case["status"] == "on_hold":
            values["hold_until"] = None
        if status in _WORKING and not case["assigned_to"]:
            values["assigned_to"] = staff  # whoever takes the case up first keeps it
        store.update("cases", case["id"], values)
        detail = {"from": case["status"], "to": status, "by": staff}
        if reason.strip():
            detail["reason"] = redact(reason.strip()).text
        add_event(store, case["id"], "status_changed", detail)
        audit(store, staff, "set_status", case["id"], {"from": case["status"], "to": status})
    return str(case["status"])


def hold(store: Store, ref: str | int, days: int, staff: str, reason: str = "") -> str:
    """Put case ``ref`` on hold for ``days``; the daemon brings it back to review after."""
    if days < 1:
        raise IntakeError("a hold lasts at least one day")
    until = iso(utcnow() + timedelta(days=days))
    with store.transaction():
        set_status(store, ref, "on_hold", staff, reason or f"on hold for {days} days")
        case = find_case(store, ref)
        store.update("cases", case["id"], {"hold_until": until})
    return until


def add_note(store: Store, ref: str | int, text: str, staff: str) -> None:
    """Attach a staff note to case ``ref`` (secrets redacted like everything else)."""
    note = redact(text.strip()).text
    if not note:
        raise IntakeError("the note is empty")
    with store.transaction():
        case = find_case(store, ref)
        add_event(store, case["id"], "note", {"text": note, "by": staff})
        store.update("cases", case["id"], {"updated_at": iso(utcnow())})
        audit(store, staff, "add_note", case["id"])


def set_field(store: Store, ref: str | int, field: str, text: str, staff: str) -> None:
    """Correct one field of case ``ref`` ("unknown" clears it); the case is re-evaluated."""
    value = parse_field_value(field, text)
    with store.transaction():
        case = find_case(store, ref)
        findings = {key: dict(entry) for key, entry in case["findings"].items()}
        before = findings.get(field, {}).get("value")
        if value is None:
            findings.pop(field, None)
        else:
            findings[field] = {
                "value": value,
                "evidence": f"set by {staff}",
                "explicit": True,
                "message_id": None,
            }
        fields, missing = evaluate(findings)
        status = (
            status_after(case["status"], missing)
            if case["status"] in AUTO_REPLY_STATUSES
            else case["status"]
        )
        store.update(
            "cases",
            case["id"],
            {
                "findings": findings,
                "fields": fields,
                "missing": missing,
                "status": status,
                "username": fields.get("username"),
                "updated_at": iso(utcnow()),
            },
        )
        add_event(
            store,
            case["id"],
            "field_corrected",
            {"field": field, "from": before, "to": value, "by": staff},
        )
        if status != case["status"]:
            add_event(
                store,
                case["id"],
                "status_changed",
                {"from": case["status"], "to": status, "by": staff},
            )
        audit(store, staff, "set_field", case["id"], {"field": field})


def parse_field_value(field: str, text: str) -> Any:
    """Read what staff typed for ``field``; raise IntakeError naming what is allowed."""
    if field not in FLAT_KEYS:
        raise IntakeError(f"unknown field {field!r}; expected one of {', '.join(FLAT_KEYS)}")
    value = redact(text.strip()).text
    if value.lower() in _UNKNOWN:
        return None
    if field == "username":
        if not USERNAME.fullmatch(value):
            raise IntakeError(f"username {value!r}: letters, digits, '.', '_', '-' only")
        return value
    if field == "recovery_codes":
        return _choice(field, value, RECOVERY_CODE_STATES)
    if field == "reason_kind":
        return _choice(field, value, REASON_KINDS)
    if field == "ownership_evidence":
        return [item.strip() for item in re.split(r"[;\n]", value) if item.strip()]
    if field in ("reason",):
        return value
    return _yes_no(field, value)


def _choice(field: str, value: str, allowed: tuple[str, ...]) -> str:
    wanted = value.lower().replace(" ", "_")
    if wanted not in allowed:
        raise IntakeError(f"{field} {value!r}: expected one of {', '.join(allowed)} or unknown")
    return wanted


def _yes_no(field: str, value: str) -> bool:
    if value.lower() in _YES:
        return True
    if value.lower() in _NO:
        return False
    raise IntakeError(f"{field} {value!r}: expected yes, no or unknown")
