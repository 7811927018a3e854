"""The audit log: who looked at or changed which case, when. Rows are never changed.

The table refuses UPDATE and DELETE by trigger, so not even the retention purge can
rewrite what staff did; details hold names and ids, never a requester's text.
"""

from __future__ import annotations

from typing import Any

from intake.clock import iso, utcnow
from intake.storage import Store


def audit(
    store: Store, staff: str, action: str, case_id: int | None, detail: dict[str, Any] | None = None
) -> None:
    """Append one entry (inside the caller's transaction when there is one)."""
    store.insert(
        "audit",
        {
            "at": iso(utcnow()),
            "staff": staff,
            "action": action,
            "case_id": case_id,
            "detail": detail or {},
        },
    )


def read_audit(store: Store, *, limit: int = 200, staff: str | None = None) -> list[dict[str, Any]]:
    """The newest entries first, with each case's token."""
    where = " WHERE a.staff = ?" if staff else ""
    return store.rows(
        "SELECT a.id, a.at, a.staff, a.action, c.token, a.detail FROM audit a "
        f"LEFT JOIN cases c ON c.id = a.case_id{where} ORDER BY a.id DESC LIMIT ?",
        ((staff,) if staff else ()) + (limit,),
    )
