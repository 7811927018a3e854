"""Online backup of the case database, safe while the daemon writes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from intake.errors import StoreError
from intake.storage.database import Store


def backup_database(store: Store, destination: Path) -> None:
    """Copy the live database to ``destination`` (SQLite online backup, then rename)."""
    partial = destination.with_name(destination.name + ".partial")
    try:
        destination.parent.mkdir(parents=True, exist_ok=True)
        with sqlite3.connect(str(partial)) as target:
            store.db.conn.backup(target)
        target.close()
        partial.replace(destination)
    except (sqlite3.Error, OSError) as exc:
        partial.unlink(missing_ok=True)
        raise StoreError(f"backup to {destination} failed: {exc}") from None
