"""Retention: what requesters wrote is kept only as long as it is needed.

Cases resolved or rejected longer ago than ``[retention] days`` lose their message
bodies and subjects, the evidence lines and free text of their fields, the text of
staff notes and the bytes of their outgoing mail. The case row (status, username,
what was confirmed), its status history and the counts stay, so reports still add up.
A VACUUM afterwards rewrites the file, so the removed text is gone from the disk too.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from intake.cases.history import add_event
from intake.cases.status import CLOSED_STATUSES
from intake.clock import iso, utcnow
from intake.logs import event
from intake.storage import Store

log = logging.getLogger(__name__)

PURGED = "[purged]"
# Event kinds whose detail may hold what a requester or staff member wrote.
_TEXT_EVENTS = ("note", "field_changed", "conflict")
_TEXT_FIELDS = ("reason", "ownership_evidence")


@dataclass(frozen=True, slots=True)
class PurgeResult:
    """How many cases, messages and outgoing mails lost their text."""

    cases: int = 0
    messages: int = 0
    outbox: int = 0


def purge_expired(
    store: Store, days: int, *, now: datetime | None = None, dry_run: bool = False
) -> PurgeResult:
    """Remove the text of cases decided more than ``days`` ago; 0 days keeps everything."""
    if days <= 0:
        return PurgeResult()
    cutoff = iso((now or utcnow()) - timedelta(days=days))
    case_ids = _expired(store, cutoff)
    counts = _counts(store, case_ids)
    if dry_run or not case_ids:
        return counts
    with store.transaction():
        for case_id in case_ids:
            _purge_case(store, case_id)
    store.db.execute("VACUUM")
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    log.info(
        "purged %d case(s) decided before %s: %d message(s), %d outgoing mail(s)",
        counts.cases,
        cutoff,
        counts.messages,
        counts.outbox,
        extra=event("retention.purged"),
    )
    return counts


def _expired(store: Store, cutoff: str) -> list[int]:
    """Decided, not yet purged cases whose last status change is older than ``cutoff``."""
    marks = ",".join("?" for _ in CLOSED_STATUSES)
    rows = store.rows(
        f"SELECT c.id FROM cases c WHERE c.status IN ({marks}) "
        "AND NOT EXISTS (SELECT 1 FROM events p WHERE p.case_id = c.id AND p.kind = 'purged') "
        "AND COALESCE((SELECT max(e.at) FROM events e WHERE e.case_id = c.id "
        "AND e.kind = 'status_changed'), c.updated_at) < ? ORDER BY c.id",
        (*CLOSED_STATUSES, cutoff),
    )
    return [int(row["id"]) for row in rows]


def _counts(store: Store, case_ids: list[int]) -> PurgeResult:
    if not case_ids:
        return PurgeResult()
    marks = ",".join("?" for _ in case_ids)
    return PurgeResult(
        cases=len(case_ids),
        messages=int(
            store.scalar(
                f"SELECT count(*) FROM messages WHERE case_id IN ({marks})", tuple(case_ids)
            )
        ),
        outbox=int(
            store.scalar(f"SELECT count(*) FROM outbox WHERE case_id IN ({marks})", tuple(case_ids))
        ),
    )


def _purge_case(store: Store, case_id: int) -> None:
    db = store.db
    db.execute(
        "UPDATE messages SET body_text = NULL, subject = ?, extracted = '{}', evidence = '{}' "
        "WHERE case_id = ?",
        (PURGED, case_id),
    )
    db.execute("UPDATE outbox SET raw = x'' WHERE case_id = ?", (case_id,))
    case = store.rows("SELECT fields, findings FROM cases WHERE id = ?", (case_id,))[0]
    store.update(
        "cases",
        case_id,
        {"fields": _purged_fields(case["fields"]), "findings": _purged_findings(case["findings"])},
    )
    for row in store.rows(
        f"SELECT id, detail FROM events WHERE case_id = ? AND kind IN "
        f"({','.join('?' for _ in _TEXT_EVENTS)})",
        (case_id, *_TEXT_EVENTS),
    ):
        kept = {key: row["detail"][key] for key in ("field",) if key in row["detail"]}
        store.update("events", row["id"], {"detail": {"purged": True, **kept}})
    add_event(store, case_id, "purged", {"at": iso(utcnow())})


def _purged_fields(fields: dict[str, Any]) -> dict[str, Any]:
    kept = dict(fields)
    for key in _TEXT_FIELDS:
        if kept.get(key):
            kept[key] = [] if isinstance(kept[key], list) else PURGED
    return kept


def _purged_findings(findings: dict[str, Any]) -> dict[str, Any]:
    kept = {}
    for key, finding in findings.items():
        entry = {**finding, "evidence": ""}
        if key in _TEXT_FIELDS:
            entry["value"] = [] if isinstance(entry["value"], list) else PURGED
        kept[key] = entry
    return kept
