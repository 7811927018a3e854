"""The seam between the outbox and whatever carries replies away."""

from __future__ import annotations

from types import TracebackType
from typing import Protocol, Self


class Transport(Protocol):
    """Delivers rendered messages; one session (connection) per ``async with``."""

    async def __aenter__(self) -> Self: ...

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

    async def send(self, envelope_from: str, recipient: str, data: bytes) -> None:
        """Deliver ``data`` to one recipient.

        Raises DeliveryError; ``permanent=True`` means retrying cannot help (5xx).
        An empty ``envelope_from`` is the null sender ``<>`` used for auto-replies.
        """
        ...
