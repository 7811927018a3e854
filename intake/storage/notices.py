"""Once-per-interval notices: staff are told about a condition once, not at every message."""

from __future__ import annotations

from datetime import timedelta

from intake.clock import iso, utcnow
from intake.storage.database import Store


def claim_notice(store: Store, kind: str, every: timedelta) -> bool:
    """True at most once per ``every`` for ``kind`` (inside the caller's transaction)."""
    last = store.scalar("SELECT at FROM notices WHERE kind = ?", (kind,))
    if last and last >= iso(utcnow() - every):
        return False
    store.db.table("notices").upsert({"kind": kind, "at": iso(utcnow())}, pk="kind")
    return True
