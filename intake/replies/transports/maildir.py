"""Replies written to a local Maildir folder instead of being sent (embedded default)."""

from __future__ import annotations

import mailbox
from pathlib import Path
from types import TracebackType
from typing import Self

from intake.errors import DeliveryError


class MaildirTransport:
    """Delivers each reply as a new message in the Maildir at ``path``."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._box: mailbox.Maildir | None = None

    async def __aenter__(self) -> Self:
        try:
            self._box = mailbox.Maildir(self._path, create=True)
        except OSError as exc:
            raise DeliveryError(f"outbox folder {self._path}: {exc.strerror}") from None
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._box = None

    async def send(self, envelope_from: str, recipient: str, data: bytes) -> None:
        if self._box is None:
            raise DeliveryError("maildir transport used outside 'async with'")
        envelope = f"Return-Path: <{envelope_from}>\r\nDelivered-To: {recipient}\r\n".encode()
        try:
            self._box.add(envelope + data)
        except OSError as exc:
            raise DeliveryError(f"outbox folder {self._path}: {exc.strerror}") from None
