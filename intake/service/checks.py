"""``intake check-config``: each check names what it tried and what went wrong."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator

from intake.config import Config
from intake.errors import IntakeError
from intake.replies.transports import open_transport
from intake.sources import NoCheckpoints, open_source
from intake.storage import Store


def check_all(config: Config) -> Iterator[tuple[str, str | None]]:
    """Yield (check, problem or None) for the config, database, mailbox and transport."""
    yield f"configuration {config.source_file}", None
    yield from _check("database " + str(config.database.path), lambda: _database(config))
    yield from _check(f"mailbox ({config.mailbox.kind})", lambda: _mailbox(config))
    yield from _check(f"outgoing mail ({config.smtp.kind})", lambda: _transport(config))


def _check(name: str, action: Callable[[], str]) -> Iterator[tuple[str, str | None]]:
    try:
        detail = action()
    except IntakeError as exc:
        yield name, str(exc)
    else:
        yield (f"{name}: {detail}" if detail else name), None


def _database(config: Config) -> str:
    with Store(config.database.path, timeout=config.database.timeout) as store:
        return f"schema version {store.schema_version}"


def _mailbox(config: Config) -> str:
    with open_source(config.mailbox, NoCheckpoints()) as source:
        folders = source.folders()
    shown = ", ".join(
        f"{name}{'' if exists else ' (missing; created on first run)'}"
        for name, exists in folders.items()
    )
    return f"reachable; folders {shown}"


def _transport(config: Config) -> str:
    async def connect() -> None:
        async with open_transport(config.smtp):
            return None

    asyncio.run(connect())
    return "connected" if config.smtp.kind == "smtp" else f"writes to {config.smtp.path}"
