"""The queue staff work from: cases filtered, searched and ordered, with their age."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from intake.clock import iso, utcnow
from intake.storage import Store

QUEUE_COLUMNS = (
    "id",
    "token",
    "status",
    "requester",
    "username",
    "missing",
    "flags",
    "created_at",
    "updated_at",
)


@dataclass(frozen=True, slots=True)
class QueueFilter:
    """Which cases to show: ``search`` matches username, requester address or token."""

    status: str | None = None
    search: str | None = None
    older_than_days: int | None = None
    oldest_first: bool = False
    limit: int | None = None
    offset: int = 0


def list_cases(
    store: Store, wanted: QueueFilter, now: datetime | None = None
) -> list[dict[str, Any]]:
    """Cases as ``wanted`` says, each with ``age_days`` since it was opened."""
    moment = now or utcnow()
    where, params = _conditions(wanted, moment)
    order = "ASC" if wanted.oldest_first else "DESC"
    sql = (
        f"SELECT {', '.join(QUEUE_COLUMNS)} FROM cases"
        + (f" WHERE {' AND '.join(where)}" if where else "")
        + f" ORDER BY created_at {order}, id {order}"
    )
    if wanted.limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [wanted.limit, wanted.offset]
    rows = store.rows(sql, tuple(params))
    for row in rows:
        row["age_days"] = (moment - datetime.fromisoformat(row["created_at"])).days
    return rows


def _conditions(wanted: QueueFilter, moment: datetime) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if wanted.status:
        where.append("status = ?")
        params.append(wanted.status)
    if wanted.search:
        pattern = "%" + _escape_like(wanted.search.strip()) + "%"
        where.append(
            "(username LIKE ? ESCAPE '\\' OR requester LIKE ? ESCAPE '\\' "
            "OR token LIKE ? ESCAPE '\\')"
        )
        params += [pattern, pattern, pattern]
    if wanted.older_than_days is not None:
        where.append("created_at < ?")
        params.append(iso(moment - timedelta(days=wanted.older_than_days)))
    return where, params


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
