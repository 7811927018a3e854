"""The SQLite connection: opening, transactions and plain row access.

WAL mode, foreign keys on, a busy timeout, and ``transaction()`` blocks that
commit together or roll back together. Queries that know a table's meaning live
with their stage (``storage.ledger``, ``cases.lookup``, ``replies.outbox``, …);
this module only knows how to talk to the file.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlite_utils

from intake.config import Config
from intake.errors import StoreError
from intake.logs import event
from intake.storage.schema import JSON_COLUMNS, migrate

log = logging.getLogger(__name__)


class Store:
    """The case database. Use as a context manager; it closes the connection on exit."""

    def __init__(self, path: Path, *, timeout: float = 10.0, create: bool = True) -> None:
        """Open (``create``: and if need be create) the database at ``path`` and migrate it.

        Without ``create`` a missing file is a StoreError, and nothing is written to disk
        before the file is found: commands that only read must not leave an empty
        database behind a mistyped path.
        """
        self.path = path
        self._write_lock = _write_lock_for(path)
        if not create and not path.is_file():
            raise StoreError(
                f"database {path} does not exist; check [database] path "
                "(intake run creates it on its first cycle)"
            )
        try:
            if create:
                path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(_uri(path, create), uri=True, timeout=timeout)
            self.db = sqlite_utils.Database(connection)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.execute("PRAGMA synchronous=NORMAL")
            ran = migrate(self)
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

    @property
    def schema_version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

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


def open_store(config: Config, *, create: bool = False) -> Store:
    """The configured database, opened and migrated; ``create`` it only where a run starts."""
    return Store(config.database.path, timeout=config.database.timeout, create=create)


def _uri(path: Path, create: bool) -> str:
    """A ``file:`` URI; ``mode=rw`` makes SQLite itself refuse to create a missing file."""
    return f"{path.resolve().as_uri()}?mode={'rwc' if create else 'rw'}"


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


def _encode(column: str, value: Any) -> Any:
    if column in JSON_COLUMNS and not isinstance(value, str | bytes | type(None)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


def _decode(column: str, value: Any) -> Any:
    if column in JSON_COLUMNS and isinstance(value, str):
        return json.loads(value)
    return value
