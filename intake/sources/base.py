"""The seam between the pipeline and a support mailbox."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import Protocol, Self


@dataclass(frozen=True, slots=True)
class RawMessage:
    """One message as the mailbox holds it.

    ``source_key`` is stable across restarts (``maildir:<key>`` or
    ``imap:<mailbox>:<uidvalidity>:<uid>``). ``data`` is ``None`` when the body
    was not downloaded: the message is already known, or it is over the size limit.
    """

    source_key: str
    size: int
    data: bytes | None


class CheckpointStore(Protocol):
    """Where a source keeps how far it has read a mailbox (UIDVALIDITY, last UID)."""

    def load_checkpoint(self, mailbox: str) -> tuple[int, int] | None: ...

    def save_checkpoint(self, mailbox: str, uidvalidity: int, last_uid: int) -> None: ...


class NoCheckpoints:
    """For connections that only look (IDLE watcher, check-config): never moves a checkpoint."""

    def load_checkpoint(self, mailbox: str) -> tuple[int, int] | None:
        return None

    def save_checkpoint(self, mailbox: str, uidvalidity: int, last_uid: int) -> None:
        return None


class Source(Protocol):
    """A support mailbox: lists new mail in batches and moves it away once stored."""

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

    def folders(self) -> dict[str, bool]:
        """Each folder this source uses (inbox, processed, quarantine) and whether it exists."""
        ...

    def create_folders(self) -> list[str]:
        """Create whichever of the folders this source uses are missing; return their names."""
        ...

    def batches(
        self, is_known: Callable[[str], bool], max_bytes: int
    ) -> Iterator[list[RawMessage]]:
        """Yield the inbox's messages in batches, oldest first.

        Bodies of messages for which ``is_known(source_key)`` is true, or whose
        size exceeds ``max_bytes``, are not downloaded (``data`` is ``None``).
        """
        ...

    def settle(self, processed: Sequence[RawMessage], quarantined: Sequence[RawMessage]) -> None:
        """Move stored messages to the processed folder and bad ones to quarantine."""
        ...
