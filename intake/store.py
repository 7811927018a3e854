"""SQLite: the schema, its migrations and every query on cases and messages.

WAL mode, foreign keys on, a busy timeout, and one ``transaction()`` per
message: the message row, its case and its outbox rows commit together or not
at all. Migrations are numbered; ``PRAGMA user_version`` records the last one run.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any

import sqlite_utils

from intake.cases import OPEN_STATUSES, CaseRecord
from intake.clock import iso, utcnow
from intake.config import Config
from intake.errors import CaseNotFound, StoreError
from intake.logs import event

log = logging.getLogger(__name__)

MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE cases (
        id INTEGER PRIMARY KEY,
        token TEXT NOT NULL UNIQUE,
        requester TEXT NOT NULL,
        username TEXT,
        status TEXT NOT NULL,
        fields TEXT NOT NULL DEFAULT '{}',
        missing TEXT NOT NULL DEFAULT '[]',
        flags TEXT NOT NULL DEFAULT '[]',
        findings TEXT NOT NULL DEFAULT '{}',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX cases_requester ON cases (requester COLLATE NOCASE, updated_at);
    CREATE INDEX cases_status ON cases (status);
    CREATE TABLE messages (
        id INTEGER PRIMARY KEY,
        case_id INTEGER REFERENCES cases (id),
        direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
        message_id TEXT,
        in_reply_to TEXT,
        "references" TEXT NOT NULL DEFAULT '[]',
        sender TEXT,
        recipient TEXT,
        subject TEXT,
        date TEXT,
        body_text TEXT,
        extracted TEXT NOT NULL DEFAULT '{}',
        evidence TEXT NOT NULL DEFAULT '{}',
        attachments TEXT NOT NULL DEFAULT '[]',
        raw_sha256 TEXT,
        source_key TEXT,
        automated_reason TEXT,
        flags TEXT NOT NULL DEFAULT '[]',
        reply TEXT,
        received_at TEXT NOT NULL
    );
    CREATE UNIQUE INDEX messages_source_key ON messages (source_key);
    CREATE UNIQUE INDEX messages_inbound_sha ON messages (raw_sha256) WHERE direction = 'in';
    CREATE INDEX messages_message_id ON messages (message_id);
    CREATE INDEX messages_case ON messages (case_id);
    CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases (id),
        at TEXT NOT NULL,
        kind TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT '{}'
    );
    CREATE INDEX events_case ON events (case_id);
    CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        case_id INTEGER REFERENCES cases (id),
        message_id TEXT NOT NULL UNIQUE,
        recipient TEXT NOT NULL,
        kind TEXT NOT NULL,
        trigger TEXT NOT NULL DEFAULT 'new',
        raw BLOB NOT NULL,
        status TEXT NOT NULL DEFAULT 'pending',
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL,
        last_error TEXT,
        created_at TEXT NOT NULL,
        sent_at TEXT
    );
    CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
    CREATE INDEX outbox_recipient ON outbox (recipient COLLATE NOCASE, created_at);
    CREATE INDEX outbox_created ON outbox (created_at);
    CREATE INDEX outbox_case ON outbox (case_id, created_at);
    CREATE TABLE mailbox_state (
        mailbox TEXT PRIMARY KEY,
        uidvalidity INTEGER NOT NULL,
        last_uid INTEGER NOT NULL
    );
    CREATE TABLE notices (
        kind TEXT PRIMARY KEY,
        at TEXT NOT NULL
    );
    CREATE TABLE quarantine (
        id INTEGER PRIMARY KEY,
        source_key TEXT NOT NULL UNIQUE,
        raw_sha256 TEXT,
        error TEXT NOT NULL,
        at TEXT NOT NULL
    );
    """,
    # Due replies are found in id order among pending rows only; sent rows, however
    # many, are never scanned, and paging needs no sort.
    """
    CREATE INDEX outbox_pending ON outbox (id) WHERE status = 'pending';
    """,
)
JSON_COLUMNS = frozenset(
    (
        "fields",
        "missing",
        "flags",
        "findings",
        "references",
        "extracted",
        "evidence",
        "attachments",
        "detail",
    )
)


class Store:
    """The case database. Use as a context manager; it closes the connection on exit."""

    def __init__(self, path: Path, *, timeout: float = 10.0) -> None:
        self.path = path
        self._write_lock = _write_lock_for(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(str(path), timeout=timeout)
            self.db = sqlite_utils.Database(connection)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.execute("PRAGMA synchronous=NORMAL")
            ran = self.migrate()
        except sqlite3.Error as exc:
            raise StoreError(f"database {path}: {exc}") from None
        except OSError as exc:
            raise StoreError(f"database {path}: {exc.strerror}") from None
        if ran and self.schema_version > ran:
            log.info(
                "database %s: schema upgraded from version %d to %d",
                path,
                self.schema_version - ran,
                self.schema_version,
                extra=event("database.upgraded"),
            )

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    def backup(self, destination: Path) -> None:
        """Copy the live database to ``destination`` (SQLite online backup, then rename)."""
        partial = destination.with_name(destination.name + ".partial")
        try:
            destination.parent.mkdir(parents=True, exist_ok=True)
            with sqlite3.connect(str(partial)) as target:
                self.db.conn.backup(target)
            target.close()
            partial.replace(destination)
        except (sqlite3.Error, OSError) as exc:
            partial.unlink(missing_ok=True)
            raise StoreError(f"backup to {destination} failed: {exc}") from None

    @property
    def schema_version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    def migrate(self) -> int:
        """Run the migrations this database has not seen; return how many ran."""
        current = self.schema_version
        if current > len(MIGRATIONS):
            raise StoreError(
                f"database {self.path} has schema version {current}, newer than this "
                f"release understands ({len(MIGRATIONS)}); upgrade recovery-intake"
            )
        for version, script in enumerate(MIGRATIONS[current:], start=current + 1):
            with self.transaction():
                for statement in filter(str.strip, script.split(";")):
                    self.db.execute(statement)
                self.db.execute(f"PRAGMA user_version = {version}")
        return len(MIGRATIONS) - current

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Everything inside commits together or rolls back together.

        The outermost level takes the write lock up front (BEGIN IMMEDIATE): a
        transaction that reads first and writes later fails at once, without waiting,
        when another connection wrote in between. Nested levels are savepoints.
        """
        conn = self.db.conn
        if conn.in_transaction:
            with self.db.atomic():
                yield
            return
        with self._write_lock:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.rollback()
                raise

    def insert(self, table: str, row: dict[str, Any]) -> int:
        """Insert one row (JSON columns encoded); return its id.

        Plain SQL: sqlite-utils' ``insert`` inspects the table on every call, which
        cost more than the insert itself on the per-message path.
        """
        columns = ", ".join(f'"{name}"' for name in row)
        marks = ", ".join("?" for _ in row)
        values = [_encode(name, value) for name, value in row.items()]
        sql = f'INSERT INTO "{table}" ({columns}) VALUES ({marks})'
        if self.db.conn.in_transaction:
            return int(self.db.conn.execute(sql, values).lastrowid or 0)
        with self.transaction():
            return int(self.db.conn.execute(sql, values).lastrowid or 0)

    def update(self, table: str, row_id: int, values: dict[str, Any]) -> None:
        """Update one row by id (JSON columns encoded)."""
        with self.transaction():
            self.db.table(table).update(row_id, {k: _encode(k, v) for k, v in values.items()})

    def rows(self, sql: str, params: tuple[Any, ...] | dict[str, Any] = ()) -> list[dict[str, Any]]:
        """Run a query; JSON columns come back decoded."""
        return [{k: _decode(k, v) for k, v in row.items()} for row in self.db.query(sql, params)]

    def scalar(self, sql: str, params: tuple[Any, ...] = ()) -> Any:
        row = self.db.execute(sql, params).fetchone()
        return row[0] if row else None

    # Source bookkeeping -------------------------------------------------------

    def is_known_source(self, source_key: str) -> bool:
        return bool(
            self.scalar("SELECT 1 FROM messages WHERE source_key = ?", (source_key,))
            or self.scalar("SELECT 1 FROM quarantine WHERE source_key = ?", (source_key,))
        )

    def is_quarantined(self, source_key: str) -> bool:
        return bool(self.scalar("SELECT 1 FROM quarantine WHERE source_key = ?", (source_key,)))

    def is_duplicate(self, raw_sha256: str, message_id: str | None, sender: str | None) -> bool:
        """Same bytes, or the same Message-ID from the same sender (a copy delivered twice)."""
        if self.scalar(
            "SELECT 1 FROM messages WHERE direction = 'in' AND raw_sha256 = ?", (raw_sha256,)
        ):
            return True
        return bool(
            message_id
            and sender
            and self.scalar(
                "SELECT 1 FROM messages WHERE direction = 'in' AND message_id = ? AND sender = ?",
                (message_id, sender),
            )
        )

    def record_quarantine(self, source_key: str, raw_sha256: str | None, error: str) -> None:
        self.db.table("quarantine").insert(
            {
                "source_key": source_key,
                "raw_sha256": raw_sha256,
                "error": error,
                "at": iso(utcnow()),
            },
            ignore=True,
        )

    def load_checkpoint(self, mailbox: str) -> tuple[int, int] | None:
        row = self.db.execute(
            "SELECT uidvalidity, last_uid FROM mailbox_state WHERE mailbox = ?", (mailbox,)
        ).fetchone()
        return (int(row[0]), int(row[1])) if row else None

    def save_checkpoint(self, mailbox: str, uidvalidity: int, last_uid: int) -> None:
        with self.transaction():
            self.db.table("mailbox_state").upsert(
                {"mailbox": mailbox, "uidvalidity": uidvalidity, "last_uid": last_uid},
                pk="mailbox",
            )

    # Case lookups (the CaseLookup protocol) -------------------------------------

    def case_by_message_ids(self, message_ids: list[str]) -> CaseRecord | None:
        marks = ",".join("?" for _ in message_ids)
        found = self.rows(
            f"SELECT c.* FROM cases c JOIN messages m ON m.case_id = c.id "
            f"WHERE m.message_id IN ({marks}) ORDER BY m.id DESC LIMIT 1",
            tuple(message_ids),
        ) or self.rows(
            f"SELECT c.* FROM cases c JOIN outbox o ON o.case_id = c.id "
            f"WHERE o.message_id IN ({marks}) ORDER BY o.id DESC LIMIT 1",
            tuple(message_ids),
        )
        return _record(found[0]) if found else None

    def case_by_token(self, token: str) -> CaseRecord | None:
        found = self.rows("SELECT * FROM cases WHERE token = ?", (token,))
        return _record(found[0]) if found else None

    def open_case_for_sender(self, sender: str, days: int) -> CaseRecord | None:
        since = iso(utcnow() - timedelta(days=days))
        marks = ",".join("?" for _ in OPEN_STATUSES)
        found = self.rows(
            f"SELECT * FROM cases WHERE requester = ? COLLATE NOCASE AND updated_at >= ? "
            f"AND status IN ({marks}) ORDER BY updated_at DESC LIMIT 1",
            (sender, since, *OPEN_STATUSES),
        )
        return _record(found[0]) if found else None

    def find_case(self, ref: str | int) -> dict[str, Any]:
        """A case by number or token; raise CaseNotFound."""
        text = str(ref).strip()
        if text.isdigit():
            found = self.rows("SELECT * FROM cases WHERE id = ?", (int(text),))
        else:
            token = text.upper() if text.upper().startswith("PR-") else f"PR-{text.upper()}"
            found = self.rows("SELECT * FROM cases WHERE token = ?", (token,))
        if not found:
            raise CaseNotFound(f"no case {text!r}: give a case number or a token like PR-…")
        return found[0]

    def claim_notice(self, kind: str, every: timedelta) -> bool:
        """True at most once per ``every`` for ``kind``: staff are told once, not each time."""
        last = self.scalar("SELECT at FROM notices WHERE kind = ?", (kind,))
        if last and last >= iso(utcnow() - every):
            return False
        self.db.table("notices").upsert({"kind": kind, "at": iso(utcnow())}, pk="kind")
        return True

    def add_event(self, case_id: int, kind: str, detail: dict[str, Any]) -> None:
        self.insert(
            "events", {"case_id": case_id, "at": iso(utcnow()), "kind": kind, "detail": detail}
        )


def open_store(config: Config) -> Store:
    """The configured database, opened (and migrated)."""
    return Store(config.database.path, timeout=config.database.timeout)


_WRITE_LOCKS: dict[str, threading.RLock] = {}
_WRITE_LOCKS_GUARD = threading.Lock()


def _write_lock_for(path: Path) -> threading.RLock:
    """One lock per database file in this process, shared by all its connections.

    Threads of one process (the cycle and the sender) then queue for the write lock
    at once instead of in SQLite's busy handler, which sleeps a millisecond or more
    per retry.
    """
    key = os.path.realpath(path)
    with _WRITE_LOCKS_GUARD:
        return _WRITE_LOCKS.setdefault(key, threading.RLock())


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


def _encode(column: str, value: Any) -> Any:
    if column in JSON_COLUMNS and not isinstance(value, str | bytes | type(None)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


def _decode(column: str, value: Any) -> Any:
    if column in JSON_COLUMNS and isinstance(value, str):
        return json.loads(value)
    return value
