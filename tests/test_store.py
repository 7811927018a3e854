"""The SQLite store on its own: migrations, and writers in several threads."""

from __future__ import annotations

import logging
import sqlite3
import threading
from pathlib import Path

import pytest

from intake.storage import Store
from intake.storage.schema import MIGRATIONS


def _version_1_database(path: Path) -> None:
    with sqlite3.connect(path) as connection:
        connection.executescript(MIGRATIONS[0])
        connection.execute(
            "INSERT INTO outbox (message_id, recipient, kind, raw, next_attempt_at, created_at)"
            " VALUES ('<r1@example.org>', 'a@example.net', 'acknowledgement', x'00', 't', 't')"
        )
        connection.execute("PRAGMA user_version = 1")


def test_an_older_database_is_upgraded_with_a_message_and_keeps_its_rows(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "intake.db"
    _version_1_database(path)

    with caplog.at_level(logging.INFO), Store(path) as store:
        version = store.schema_version
        pending = store.scalar("SELECT count(*) FROM outbox WHERE status = 'pending'")
        indexes = {row["name"] for row in store.rows("PRAGMA index_list(outbox)")}

    assert version == len(MIGRATIONS)
    assert pending == 1
    assert "outbox_pending" in indexes
    assert f"schema upgraded from version 1 to {len(MIGRATIONS)}" in caplog.text


def test_a_current_database_opens_without_an_upgrade_message(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    Store(tmp_path / "intake.db").close()
    with caplog.at_level(logging.INFO):
        Store(tmp_path / "intake.db").close()
    assert "upgraded" not in caplog.text


def test_threads_that_read_then_write_never_see_a_locked_database(tmp_path: Path) -> None:
    """Each transaction reads a count and then writes: the pattern of a message's handling."""
    path = tmp_path / "intake.db"
    Store(path).close()
    errors: list[BaseException] = []

    def writer(name: str) -> None:
        try:
            with Store(path, timeout=5) as store:
                for n in range(150):
                    with store.transaction():
                        seen = store.scalar("SELECT count(*) FROM notices")
                        store.db.execute(
                            "INSERT INTO notices (kind, at) VALUES (?, ?)", (f"{name}-{n}", seen)
                        )
        except BaseException as exc:  # handed to the test thread
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(f"w{i}",)) for i in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    with Store(path) as store:
        assert store.scalar("SELECT count(*) FROM notices") == 450
