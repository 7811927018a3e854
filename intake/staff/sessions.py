"""Desk sessions, kept server-side: the cookie holds a random token, the table its hash.

A session ends after ``idle`` without a request or ``lifetime`` after sign-in, whichever
comes first, and at once when revoked (sign-out, or the account disabled).
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from intake.clock import iso, utcnow
from intake.staff.accounts import StaffMember
from intake.storage import Store

IDLE = timedelta(minutes=15)
LIFETIME = timedelta(hours=8)
_TOUCH_EVERY = timedelta(seconds=30)  # seen_at is rewritten at most this often


@dataclass(frozen=True, slots=True)
class Session:
    """A signed-in staff member and the CSRF token their forms carry."""

    staff: StaffMember
    csrf: str
    token_hash: str


def start_session(store: Store, member: StaffMember) -> str:
    """Create a session for ``member``; return the token for the cookie."""
    token = secrets.token_urlsafe(32)
    now = iso(utcnow())
    store.insert(
        "sessions",
        {
            "token_hash": _hash(token),
            "staff_id": member.id,
            "csrf": secrets.token_urlsafe(32),
            "created_at": now,
            "seen_at": now,
        },
    )
    return token


def current_session(
    store: Store,
    token: str,
    *,
    idle: timedelta = IDLE,
    lifetime: timedelta = LIFETIME,
    now: datetime | None = None,
) -> Session | None:
    """The live session for a cookie token, or None (unknown, revoked, expired, disabled)."""
    moment = now or utcnow()
    rows = store.rows(
        "SELECT s.token_hash, s.csrf, s.created_at, s.seen_at, t.id, t.name, t.email "
        "FROM sessions s JOIN staff t ON t.id = s.staff_id WHERE s.token_hash = ? "
        "AND s.revoked_at IS NULL AND t.disabled_at IS NULL",
        (_hash(token),),
    )
    if not rows:
        return None
    row = rows[0]
    seen = datetime.fromisoformat(row["seen_at"])
    if moment - seen > idle or moment - datetime.fromisoformat(row["created_at"]) > lifetime:
        return None
    if moment - seen > _TOUCH_EVERY:
        with store.transaction():
            store.db.execute(
                "UPDATE sessions SET seen_at = ? WHERE token_hash = ?",
                (iso(moment), row["token_hash"]),
            )
    member = StaffMember(row["id"], row["name"], row["email"], disabled=False)
    return Session(member, row["csrf"], row["token_hash"])


def end_session(store: Store, session: Session) -> None:
    with store.transaction():
        store.db.execute(
            "UPDATE sessions SET revoked_at = ? WHERE token_hash = ?",
            (iso(utcnow()), session.token_hash),
        )


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
