"""``intake check-config``: each check names what it tried and what went wrong.

Checks only look: they create no file, folder or database, so a mistyped path is
reported instead of quietly becoming a new empty mailbox. ``create_folders`` makes the
missing mail folders, and nothing else.
"""

from __future__ import annotations

import asyncio
import mailbox
import os
from collections.abc import Callable, Iterator
from pathlib import Path

from intake.config import Config
from intake.errors import IntakeError, StoreError
from intake.replies.transports import open_transport
from intake.service.wording import template_problems
from intake.sources import NoCheckpoints, open_source
from intake.sources.maildir import is_maildir
from intake.storage.schema import MIGRATIONS

Check = tuple[str, str | None]
_SQLITE_MAGIC = b"SQLite format 3\0"


def check_all(config: Config, *, create_folders: bool = False) -> Iterator[Check]:
    """Yield (check, problem or None) for the config, database, mailbox and transport."""
    yield f"configuration {config.source_file}", None
    yield from _check("templates", lambda: _templates(config))
    yield from _check(f"database {config.database.path}", lambda: _database(config.database.path))
    yield from _check(f"mailbox ({config.mailbox.kind})", lambda: _mailbox(config, create_folders))
    yield from _check(
        f"outgoing mail ({config.smtp.kind})", lambda: _transport(config, create_folders)
    )


def _check(name: str, action: Callable[[], str]) -> Iterator[Check]:
    try:
        detail = action()
    except IntakeError as exc:
        yield name, str(exc)
    else:
        yield (f"{name}: {detail}" if detail else name), None


def _templates(config: Config) -> str:
    problems = template_problems(config)
    if problems:
        raise IntakeError(
            "; ".join(f"{name} does not render: {problem}" for name, problem in problems)
        )
    where = config.reply.templates
    return f"every text template renders{f' (overrides from {where})' if where else ''}"


def _database(path: Path) -> str:
    """Read the schema version from the file header; never open (and so create) it."""
    if not path.parent.is_dir():
        raise StoreError(f"directory {path.parent} does not exist")
    if not path.exists():
        if not os.access(path.parent, os.W_OK):
            raise StoreError(f"does not exist, and {path.parent} is not writable to create it")
        return "does not exist yet; intake run creates it"
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as exc:
        raise StoreError(f"cannot read: {exc.strerror}") from None
    if len(header) < 100 or not header.startswith(_SQLITE_MAGIC):
        raise StoreError("is not an SQLite database")
    version = int.from_bytes(header[60:64], "big")
    if version > len(MIGRATIONS):
        raise StoreError(f"schema version {version} is newer than this release ({len(MIGRATIONS)})")
    if version < len(MIGRATIONS):
        return f"schema version {version}; upgraded to {len(MIGRATIONS)} at the next start"
    return f"schema version {version}"


def _mailbox(config: Config, create_folders: bool) -> str:
    with open_source(config.mailbox, NoCheckpoints()) as source:
        created = source.create_folders() if create_folders else []
        folders = source.folders()
    missing = [name for name, exists in folders.items() if not exists]
    if missing:
        raise IntakeError(
            f"folder {', '.join(missing)} missing; create it, or run check-config "
            "with --create-folders"
        )
    made = f" (created {', '.join(created)})" if created else ""
    return f"reachable; folders {', '.join(folders)}{made}"


def _transport(config: Config, create_folders: bool) -> str:
    if config.smtp.kind == "maildir":
        return _outbox_folder(config.smtp.path, create_folders)

    async def connect() -> None:
        async with open_transport(config.smtp):
            return None

    asyncio.run(connect())
    return "connected"


def _outbox_folder(path: Path, create: bool) -> str:
    if is_maildir(path):
        return f"writes to {path}"
    if not create:
        raise IntakeError(
            f"outbox folder {path} missing; create it, or run check-config with --create-folders"
        )
    try:
        mailbox.Maildir(path, create=True)
    except OSError as exc:
        raise IntakeError(f"outbox folder {path}: {exc.strerror}") from None
    return f"writes to {path} (created)"
