"""Finding stored cases: by the messages of their thread, by token, by requester, by number."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from intake.cases.matching import CaseRecord
from intake.cases.status import OPEN_STATUSES
from intake.clock import iso, utcnow
from intake.errors import CaseNotFound
from intake.storage import Store


class StoredCases:
    """The queries thread matching needs (``CaseLookup``), answered from the store."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def case_by_message_ids(self, message_ids: list[str]) -> CaseRecord | None:
        marks = ",".join("?" for _ in message_ids)
        found = self.store.rows(
            f"SELECT c.* FROM cases c JOIN messages m ON m.case_id = c.id "
            f"WHERE m.message_id IN ({marks}) ORDER BY m.id DESC LIMIT 1",
            tuple(message_ids),
        ) or self.store.rows(
            f"SELECT c.* FROM cases c JOIN outbox o ON o.case_id = c.id "
            f"WHERE o.message_id IN ({marks}) ORDER BY o.id DESC LIMIT 1",
            tuple(message_ids),
        )
        return _record(found[0]) if found else None

    def case_by_token(self, token: str) -> CaseRecord | None:
        found = self.store.rows("SELECT * FROM cases WHERE token = ?", (token,))
        return _record(found[0]) if found else None

    def open_case_for_sender(self, sender: str, days: int) -> CaseRecord | None:
        since = iso(utcnow() - timedelta(days=days))
        marks = ",".join("?" for _ in OPEN_STATUSES)
        found = self.store.rows(
            f"SELECT * FROM cases WHERE requester = ? COLLATE NOCASE AND updated_at >= ? "
            f"AND status IN ({marks}) ORDER BY updated_at DESC LIMIT 1",
            (sender, since, *OPEN_STATUSES),
        )
        return _record(found[0]) if found else None

    def our_last_words(self, case_id: int, replied_to: list[str]) -> str | None:
        """The text of the message of ours a follow-up answers: the one it names, else the last.

        A requester who deleted our quoted reply still answers its questions
        ("yes, yes, lost"); this is where those questions are read from.
        """
        marks = ",".join("?" for _ in replied_to) or "NULL"
        found = self.store.rows(
            f"SELECT m.body_text FROM messages m JOIN cases c ON c.id = m.case_id "
            f"WHERE m.case_id = ? AND m.direction = 'out' AND m.body_text IS NOT NULL "
            f"AND m.recipient = c.requester COLLATE NOCASE "
            f"ORDER BY m.message_id IN ({marks}) DESC, m.id DESC LIMIT 1",
            (case_id, *replied_to),
        )
        return found[0]["body_text"] if found else None


def find_case(store: Store, ref: str | int) -> dict[str, Any]:
    """A case row by number or token; raise CaseNotFound."""
    text = str(ref).strip()
    if text.isdigit():
        found = store.rows("SELECT * FROM cases WHERE id = ?", (int(text),))
    else:
        token = text.upper() if text.upper().startswith("PR-") else f"PR-{text.upper()}"
        found = store.rows("SELECT * FROM cases WHERE token = ?", (token,))
    if not found:
        raise CaseNotFound(f"no case {text!r}: give a case number or a token like PR-…")
    return found[0]


def _record(row: dict[str, Any]) -> CaseRecord:
    return CaseRecord(
        id=row["id"],
        token=row["token"],
        requester=row["requester"],
        username=row["username"],
        status=row["status"],
        findings=row["findings"],
        flags=tuple(row["flags"]),
    )
