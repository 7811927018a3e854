"""Reading a real Dovecot through ImapSource: the helpers the IMAP tests share."""

from __future__ import annotations

from collections.abc import Callable

from intake.config import MailboxConfig
from intake.sources.base import RawMessage
from intake.sources.imap import ImapSource
from tests.servers.dovecot import DovecotUser


class MemoryCheckpoints:
    """A CheckpointStore in a dict."""

    def __init__(self) -> None:
        self.saved: dict[str, tuple[int, int]] = {}

    def load_checkpoint(self, mailbox: str) -> tuple[int, int] | None:
        return self.saved.get(mailbox)

    def save_checkpoint(self, mailbox: str, uidvalidity: int, last_uid: int) -> None:
        self.saved[mailbox] = (uidvalidity, last_uid)


def request(n: int, body: str = "I lost my phone with the authenticator app.") -> bytes:
    return (
        f"From: Requester {n} <requester{n}@example.net>\r\n"
        f"To: support@example.test\r\n"
        f"Subject: account recovery {n}\r\n"
        f"Message-ID: <request-{n}@example.net>\r\n"
        f"\r\n{body}\r\n"
    ).encode()


def fill(dovecot: DovecotUser, count: int) -> dict[int, bytes]:
    """Append ``count`` requests to INBOX; return them by UID."""
    sent = {}
    for n in range(1, count + 1):
        data = request(n)
        sent[dovecot.append(data)] = data
    return sent


def collect(
    source: ImapSource,
    is_known: Callable[[str], bool] = lambda key: False,
    max_bytes: int = 10_000_000,
) -> list[RawMessage]:
    return [message for batch in source.batches(is_known, max_bytes) for message in batch]


def connect(cfg: MailboxConfig) -> None:
    """Enter and leave a source: only the connection and login are exercised."""
    with opened(cfg):
        pass


def opened(cfg: MailboxConfig, checkpoints: MemoryCheckpoints | None = None) -> ImapSource:
    return ImapSource(cfg, checkpoints if checkpoints is not None else MemoryCheckpoints())
