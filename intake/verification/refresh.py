"""Keeping each case's verification pack: built by whoever has the network, read by all."""

from __future__ import annotations

import json
import logging
from datetime import datetime, timedelta
from typing import Any

from intake.cases.lookup import find_case
from intake.cases.status import CLOSED_STATUSES
from intake.clock import iso, utcnow
from intake.config import Config
from intake.logs import event
from intake.storage import Store
from intake.verification.index import IndexClient
from intake.verification.pack import build_pack

log = logging.getLogger(__name__)


def refresh_pack(store: Store, config: Config, ref: str | int) -> dict[str, Any] | None:
    """Ask the index about case ``ref``'s account now; store and return the pack.

    None when the case names no username yet.
    """
    case = find_case(store, ref)
    if not case["username"]:
        return None
    claims = case["fields"].get("ownership_evidence") or []
    pack = build_pack(
        IndexClient(config.index, store), case["username"], case["created_at"], claims
    )
    pack["built_at"] = iso(utcnow())
    with store.transaction():
        store.db.execute(
            "INSERT INTO verification (case_id, pack, built_at) VALUES (?, ?, ?) "
            "ON CONFLICT (case_id) DO UPDATE SET "
            "pack = excluded.pack, built_at = excluded.built_at",
            (case["id"], _json(pack), pack["built_at"]),
        )
    return pack


def stored_pack(store: Store, case_id: int) -> dict[str, Any] | None:
    """The pack as last built, or None."""
    rows = store.rows("SELECT pack FROM verification WHERE case_id = ?", (case_id,))
    pack: dict[str, Any] | None = rows[0]["pack"] if rows else None
    return pack


def refresh_stale_packs(
    store: Store, config: Config, now: datetime | None = None, limit: int = 20
) -> int:
    """Build packs for open cases with a username whose pack is missing or older than the
    cache, a few per run so a long queue never holds up a poll. Returns how many."""
    moment = now or utcnow()
    stale = iso(moment - timedelta(hours=config.index.cache_hours))
    marks = ",".join("?" for _ in CLOSED_STATUSES)
    rows = store.rows(
        "SELECT c.id FROM cases c LEFT JOIN verification v ON v.case_id = c.id "
        f"WHERE c.username IS NOT NULL AND c.status NOT IN ({marks}) "
        "AND (v.built_at IS NULL OR v.built_at < ? OR v.built_at < c.updated_at) "
        "ORDER BY c.id LIMIT ?",
        (*CLOSED_STATUSES, stale, limit),
    )
    for row in rows:
        pack = refresh_pack(store, config, row["id"])
        if pack and pack["problems"]:
            log.warning("%s", pack["problems"][0], extra=event("index.unavailable"))
    return len(rows)


def _json(pack: dict[str, Any]) -> str:
    return json.dumps(pack, ensure_ascii=False, sort_keys=True)
