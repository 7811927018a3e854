"""Health: what the service last did, kept in the database, and what ``intake status`` says.

The daemon records each successful poll and each outage as it happens; ``read_health``
reads that back with the queue figures, so a monitor can ask without credentials and
without touching the mailbox.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from typing import Any

from intake.clock import iso, utcnow
from intake.config import Config
from intake.replies.outbox import FlushResult
from intake.storage import Store

POLL_OK = "poll.ok"
STALE_POLLS = 3  # a last successful poll older than this many intervals is a problem


def record(store: Store, name: str, value: str | None) -> None:
    """Set one health value (``None`` clears it), stamped with the time."""
    with store.transaction():
        if value is None:
            store.db.execute("DELETE FROM service_state WHERE name = ?", (name,))
            return
        store.db.execute(
            "INSERT INTO service_state (name, value, at) VALUES (?, ?, ?) "
            "ON CONFLICT (name) DO UPDATE SET value = excluded.value, at = excluded.at",
            (name, value, iso(utcnow())),
        )


def record_down(store: Store, name: str, error: str) -> None:
    """Note that ``name`` (mailbox, outbox) failed; the first failure's time is kept."""
    if store.scalar("SELECT 1 FROM service_state WHERE name = ?", (f"{name}.down",)) is None:
        record(store, f"{name}.down", error[:300])


def record_cycle(store: Store, fetched: int, flushed: FlushResult) -> None:
    """After a cycle: the poll worked; the outbox is down, or up again once it sent."""
    record(store, POLL_OK, str(fetched))
    record(store, "mailbox.down", None)
    record_flush(store, flushed)


def record_flush(store: Store, flushed: FlushResult) -> None:
    if flushed.error:
        record_down(store, "outbox", flushed.error)
    elif flushed.sent or flushed.staff_sent or flushed.failed:
        record(store, "outbox.down", None)


@dataclass(frozen=True, slots=True)
class Health:
    """The figures of ``intake status``; ``problems`` empty means healthy."""

    last_poll_ok_at: str | None
    last_poll_age_seconds: int | None
    read_at_last_poll: int | None
    mailbox_down_since: str | None
    mailbox_error: str | None
    outbox_down_since: str | None
    outbox_error: str | None
    replies_pending: int
    replies_retrying: int
    replies_failed_last_day: int
    quarantined: int
    robot_mail_stored: int
    cases_by_status: dict[str, int]
    oldest_ready_for_review: dict[str, Any] | None
    schema_version: int
    problems: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def read_health(store: Store, config: Config, now: datetime | None = None) -> Health:
    """Read the recorded service state and the queue figures."""
    moment = now or utcnow()
    state = {row["name"]: row for row in store.rows("SELECT name, value, at FROM service_state")}
    poll = state.get(POLL_OK)
    age = int((moment - datetime.fromisoformat(poll["at"])).total_seconds()) if poll else None
    day_ago = iso(moment - timedelta(days=1))
    outbox = store.db.execute(
        "SELECT count(*) FILTER (WHERE status = 'pending'),"
        " count(*) FILTER (WHERE status = 'pending' AND attempts > 0),"
        " count(*) FILTER (WHERE status = 'failed' AND created_at >= ?) FROM outbox",
        (day_ago,),
    ).fetchone()
    oldest = store.rows(
        "SELECT token, created_at FROM cases WHERE status = 'ready_for_review' "
        "ORDER BY created_at, id LIMIT 1"
    )
    health = Health(
        last_poll_ok_at=poll["at"] if poll else None,
        last_poll_age_seconds=age,
        read_at_last_poll=int(poll["value"]) if poll and poll["value"] else None,
        mailbox_down_since=_since(state, "mailbox.down"),
        mailbox_error=_value(state, "mailbox.down"),
        outbox_down_since=_since(state, "outbox.down"),
        outbox_error=_value(state, "outbox.down"),
        replies_pending=outbox[0],
        replies_retrying=outbox[1],
        replies_failed_last_day=outbox[2],
        quarantined=int(store.scalar("SELECT count(*) FROM quarantine")),
        robot_mail_stored=int(
            store.scalar("SELECT count(*) FROM messages WHERE automated_reason IS NOT NULL")
        ),
        cases_by_status={
            row["status"]: row["n"]
            for row in store.rows("SELECT status, count(*) AS n FROM cases GROUP BY status")
        },
        oldest_ready_for_review=oldest[0] if oldest else None,
        schema_version=store.schema_version,
    )
    health.problems.extend(_problems(health, config.mailbox.poll_interval))
    return health


def _since(state: dict[str, dict[str, Any]], name: str) -> str | None:
    row = state.get(name)
    return str(row["at"]) if row else None


def _value(state: dict[str, dict[str, Any]], name: str) -> str | None:
    row = state.get(name)
    return str(row["value"]) if row else None


def _problems(health: Health, poll_interval: int) -> list[str]:
    problems = []
    if health.last_poll_age_seconds is None:
        problems.append("no successful poll recorded yet")
    elif health.last_poll_age_seconds > STALE_POLLS * poll_interval:
        problems.append(
            f"last successful poll {health.last_poll_age_seconds}s ago, more than "
            f"{STALE_POLLS} poll intervals ({STALE_POLLS * poll_interval}s)"
        )
    if health.mailbox_down_since:
        problems.append(f"mailbox down since {health.mailbox_down_since}: {health.mailbox_error}")
    if health.replies_failed_last_day:
        problems.append(f"{health.replies_failed_last_day} replies failed in the last day")
    if health.replies_retrying:
        problems.append(
            f"{health.replies_retrying} replies waiting for a retry"
            + (f" (outgoing mail down: {health.outbox_error})" if health.outbox_error else "")
        )
    return problems


def status_line(health: Health) -> str:
    """The short form for systemd's STATUS=: the worst problem, or what is going on."""
    if health.mailbox_down_since:
        return f"mailbox down since {health.mailbox_down_since}: {health.mailbox_error}"
    if health.outbox_down_since:
        return f"outgoing mail down since {health.outbox_down_since}: {health.outbox_error}"
    ready = health.cases_by_status.get("ready_for_review", 0)
    return (
        f"last poll {health.last_poll_ok_at or 'never'}; {health.replies_pending} replies "
        f"pending; {ready} cases ready for review"
    )
