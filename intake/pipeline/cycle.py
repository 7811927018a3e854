"""One poll cycle: read new mail in batches, store each message, then move it out.

Messages are stored a group at a time, one transaction per group and a savepoint per
message, and only moved out of the inbox after their group commits. A crash anywhere
neither loses nor doubles a case: on restart a stored message is recognised (by its
source key, its bytes, or its Message-ID and sender) and only moved.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from intake.config import Config
from intake.logs import event
from intake.pipeline.batch_reader import BatchReader
from intake.pipeline.recording import MessageRecorder
from intake.sources import RawMessage, Source
from intake.storage import Ledger, Store, mailbox_key

log = logging.getLogger(__name__)
SETTLE_EVERY = 1000
COMMIT_EVERY = 20


@dataclass(slots=True)
class CycleSummary:
    """Counts for one cycle; the JSON line of ``intake run --once``."""

    fetched: int = 0
    new_cases: int = 0
    follow_ups: int = 0
    automated: int = 0
    quarantined: int = 0
    backlog: int = 0
    replies_sent: int = 0
    replies_failed: int = 0

    def as_dict(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in self.__slots__}

    def count(self, outcome: str) -> None:
        if outcome in ("new_cases", "follow_ups", "automated", "quarantined"):
            setattr(self, outcome, getattr(self, outcome) + 1)


@dataclass(slots=True)
class _Settled:
    """Stored messages waiting to be moved out of the inbox (keys only, no bodies).

    Moving in larger groups matters on IMAP: every MOVE makes the server expunge,
    which costs time in proportion to the folder, not to the messages moved.
    """

    processed: list[RawMessage] = field(default_factory=list)
    quarantined: list[RawMessage] = field(default_factory=list)

    @property
    def size(self) -> int:
        return len(self.processed) + len(self.quarantined)

    def add(self, raw: RawMessage, *, quarantined: bool) -> None:
        target = self.quarantined if quarantined else self.processed
        target.append(RawMessage(raw.source_key, raw.size, None))

    def flush(self, source: Source) -> _Settled:
        if self.size:
            source.settle(self.processed, self.quarantined)
        return _Settled()


def run_cycle(
    config: Config,
    store: Store,
    source: Source,
    *,
    stop: threading.Event | None = None,
    on_commit: Callable[[], None] | None = None,
) -> CycleSummary:
    """Process everything in the inbox, batch by batch; ``stop`` ends it between messages.

    ``on_commit`` runs after each commit (it wakes the sender).
    """
    ledger = Ledger(store)
    mailbox = mailbox_key(config.mailbox)
    first = not ledger.has_seen(mailbox)
    recorder = MessageRecorder(config, store, backlog=first and config.mailbox.backlog == "store")
    summary = CycleSummary()
    limit = config.limits.max_message_bytes
    settled = _Settled()
    try:
        with BatchReader(recorder.guard, limit, config.limits.read_timeout) as reader:
            for batch in source.batches(ledger.is_known_source, limit):
                for raw, outcome in _store_batch(store, recorder, batch, reader, stop, on_commit):
                    summary.fetched += raw.data is not None
                    summary.count(outcome)
                    settled.add(raw, quarantined=outcome == "quarantined")
                if stop is not None and stop.is_set():
                    break
                if settled.size >= SETTLE_EVERY:
                    settled = settled.flush(source)
    finally:
        settled.flush(source)
    summary.backlog = recorder.backlogged
    if first and (stop is None or not stop.is_set()):
        _first_cycle_done(ledger, mailbox, recorder.backlog, summary.backlog)
    return summary


def _first_cycle_done(ledger: Ledger, mailbox: str, backlog: bool, stored: int) -> None:
    """Remember the mailbox: mail arriving from now on is answered."""
    ledger.mark_seen(mailbox)
    if backlog:
        log.warning(
            "first cycle on %s: %d message(s) already there stored as backlog, not answered "
            '(mailbox.backlog = "store"); new mail is answered from now on',
            mailbox,
            stored,
            extra=event("mailbox.backlog"),
        )


def _store_batch(
    store: Store,
    recorder: MessageRecorder,
    batch: list[RawMessage],
    reader: BatchReader,
    stop: threading.Event | None,
    on_commit: Callable[[], None] | None,
) -> list[tuple[RawMessage, str]]:
    """Handle a batch a group at a time: one transaction per group, a savepoint per message.

    A group is read before the write lock is taken, so the sender can mark replies
    sent while the helper reads. Nothing is moved or answered before its group
    commits, so a crash only means reading that group again.
    """
    handled: list[tuple[RawMessage, str]] = []
    reads = reader.read(batch)
    for start in range(0, len(batch), COMMIT_EVERY):
        group = batch[start : start + COMMIT_EVERY]
        group_reads = [next(reads) for _ in group]
        with store.transaction():
            for raw, read in zip(group, group_reads, strict=True):
                if stop is not None and stop.is_set():
                    return handled
                handled.append((raw, recorder.handle(raw, read)))
        if on_commit is not None:
            on_commit()
    return handled
