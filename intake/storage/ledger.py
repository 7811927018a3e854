"""What the mailbox has handed us: read checkpoints, known messages and quarantined ones.

A source asks the ledger whether a message is known before downloading it, and
keeps its UIDVALIDITY / last-UID checkpoint here (the ``CheckpointStore`` seam).
"""

from __future__ import annotations

from intake.clock import iso, utcnow
from intake.config import MailboxConfig
from intake.storage.database import Store


def mailbox_key(cfg: MailboxConfig) -> str:
    """The mailbox's name in the ledger: ``imap:<folder>``, or ``maildir`` for the local one.

    Host names are left out on purpose: pointing the same database at a renamed server
    must not make its new mail look like a first start's backlog.
    """
    return f"imap:{cfg.folder}" if cfg.kind == "imap" else "maildir"


class Ledger:
    """Source bookkeeping over one store."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def is_known_source(self, source_key: str) -> bool:
        return bool(
            self.store.scalar("SELECT 1 FROM messages WHERE source_key = ?", (source_key,))
            or self.is_quarantined(source_key)
        )

    def is_quarantined(self, source_key: str) -> bool:
        return bool(
            self.store.scalar("SELECT 1 FROM quarantine WHERE source_key = ?", (source_key,))
        )

    def is_duplicate(self, raw_sha256: str, message_id: str | None, sender: str | None) -> bool:
        """Same bytes, or the same Message-ID from the same sender (a copy delivered twice)."""
        if self.store.scalar(
            "SELECT 1 FROM messages WHERE direction = 'in' AND raw_sha256 = ?", (raw_sha256,)
        ):
            return True
        return bool(
            message_id
            and sender
            and self.store.scalar(
                "SELECT 1 FROM messages WHERE direction = 'in' AND message_id = ? AND sender = ?",
                (message_id, sender),
            )
        )

    def record_quarantine(self, source_key: str, raw_sha256: str | None, error: str) -> None:
        self.store.db.table("quarantine").insert(
            {
                "source_key": source_key,
                "raw_sha256": raw_sha256,
                "error": error,
                "at": iso(utcnow()),
            },
            ignore=True,
        )

    def has_seen(self, mailbox: str) -> bool:
        """Tell whether a whole cycle has run against ``mailbox`` (see ``mailbox_key``)."""
        return bool(self.store.scalar("SELECT 1 FROM mailbox_seen WHERE mailbox = ?", (mailbox,)))

    def mark_seen(self, mailbox: str) -> None:
        with self.store.transaction():
            self.store.db.execute(
                "INSERT OR IGNORE INTO mailbox_seen (mailbox, at) VALUES (?, ?)",
                (mailbox, iso(utcnow())),
            )

    def load_checkpoint(self, mailbox: str) -> tuple[int, int] | None:
        row = self.store.db.execute(
            "SELECT uidvalidity, last_uid FROM mailbox_state WHERE mailbox = ?", (mailbox,)
        ).fetchone()
        return (int(row[0]), int(row[1])) if row else None

    def save_checkpoint(self, mailbox: str, uidvalidity: int, last_uid: int) -> None:
        with self.store.transaction():
            self.store.db.table("mailbox_state").upsert(
                {"mailbox": mailbox, "uidvalidity": uidvalidity, "last_uid": last_uid},
                pk="mailbox",
            )
