"""Reply limits: how many replies went out recently, and which limit a new one would break.

Limits stop a mail loop with a person or a robot that slipped past the automated-mail
rules, and keep a flood from making us a spam source.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from intake.clock import iso, utcnow
from intake.config import LimitsConfig
from intake.storage import Store


@dataclass(frozen=True, slots=True)
class ReplyCounts:
    """Replies already queued in the windows the limits look at."""

    to_sender_today: int
    for_case_today: int
    unchanged_for_case_today: int
    all_last_hour: int


def limit_reason(
    counts: ReplyCounts,
    *,
    per_sender_per_day: int,
    per_case_per_day: int,
    per_hour: int,
    changed: bool,
) -> str | None:
    """Name the reply limit a new reply would break, or None."""
    checks = (
        ("global_rate_limit", counts.all_last_hour >= per_hour),
        ("sender_rate_limit", counts.to_sender_today >= per_sender_per_day),
        ("case_rate_limit", counts.for_case_today >= per_case_per_day),
        ("unchanged_follow_up_limit", not changed and counts.unchanged_for_case_today >= 1),
    )
    return next((name for name, broken in checks if broken), None)


def limit_reached(
    store: Store,
    limits: LimitsConfig,
    recipient: str,
    case_id: int | None,
    all_last_hour: int,
    *,
    changed: bool,
) -> str | None:
    """Name the limit a reply to ``recipient`` on ``case_id`` would break now, or None."""
    return limit_reason(
        reply_counts(store, recipient, case_id, all_last_hour),
        per_sender_per_day=limits.replies_per_sender_per_day,
        per_case_per_day=limits.replies_per_case_per_day,
        per_hour=limits.replies_per_hour,
        changed=changed,
    )


_REPLY_KINDS_SQL = "kind IN ('acknowledgement', 'missing_details')"


def replies_in_last_hour(store: Store) -> int:
    """Replies queued in the last hour, over all senders (the global limit's window)."""
    hour = iso(utcnow() - timedelta(hours=1))
    return int(
        store.scalar(
            f"SELECT count(*) FROM outbox WHERE {_REPLY_KINDS_SQL} AND created_at >= ?", (hour,)
        )
    )


def reply_counts(
    store: Store, recipient: str, case_id: int | None, all_last_hour: int
) -> ReplyCounts:
    """Replies queued to this sender and for this case in the last day (one indexed query)."""
    day = iso(utcnow() - timedelta(days=1))
    row = store.db.execute(
        "SELECT count(*) FILTER (WHERE recipient = ? COLLATE NOCASE),"
        " count(*) FILTER (WHERE case_id = ?),"
        " count(*) FILTER (WHERE case_id = ? AND trigger = 'unchanged')"
        f" FROM outbox WHERE {_REPLY_KINDS_SQL} AND created_at >= ?"
        " AND (recipient = ? COLLATE NOCASE OR case_id = ?)",
        (recipient, case_id, case_id, day, recipient, case_id),
    ).fetchone()
    return ReplyCounts(
        to_sender_today=row[0],
        for_case_today=row[1],
        unchanged_for_case_today=row[2],
        all_last_hour=all_last_hour,
    )
