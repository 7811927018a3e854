"""Online backup of the case database, safe while the daemon writes.

The copy holds everything the database does (requests, addresses), so it is created
readable by its owner only, never over the live database, and never over an existing
file unless asked.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from intake.errors import StoreError
from intake.storage.database import Store


def backup_database(store: Store, destination: Path, *, force: bool = False) -> None:
    """Copy the live database to ``destination`` (SQLite online backup, then rename)."""
    _refuse_unsafe(store.path, destination, force)
    partial = destination.with_name(destination.name + ".partial")
    try:
        destination.parent.mkdir(parents=True, exist_ok=True)
        partial.unlink(missing_ok=True)
        os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        with sqlite3.connect(str(partial)) as target:
            store.db.conn.backup(target)
        target.close()
        os.chmod(partial, 0o600)
        partial.replace(destination)
    except (sqlite3.Error, OSError) as exc:
        partial.unlink(missing_ok=True)
        raise StoreError(f"backup to {destination} failed: {exc}") from None


def _refuse_unsafe(source: Path, destination: Path, force: bool) -> None:
    if not destination.exists():
        return
    if destination.samefile(source):
        raise StoreError(f"backup destination {destination} is the live database itself")
    if not force:
        raise StoreError(f"backup destination {destination} exists; pass --force to replace it")
