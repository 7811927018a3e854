"""A case's history: every change, note and notable message is an event row."""

from __future__ import annotations

from typing import Any

from intake.clock import iso, utcnow
from intake.storage import Store


def add_event(store: Store, case_id: int, kind: str, detail: dict[str, Any]) -> None:
    """Append one event to case ``case_id`` (inside the caller's transaction, if any)."""
    store.insert(
        "events", {"case_id": case_id, "at": iso(utcnow()), "kind": kind, "detail": detail}
    )
