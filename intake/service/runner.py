"""Wiring for a run: open the store, the source and the transport from a Config."""

from __future__ import annotations

import asyncio
import logging
import threading

from intake.config import Config
from intake.errors import IntakeError
from intake.logs import event
from intake.pipeline import CycleSummary
from intake.pipeline import run_cycle as run_pipeline
from intake.replies.outbox import FlushResult, flush_outbox
from intake.replies.sender import BackgroundSender
from intake.replies.transports import open_transport
from intake.service.health import record_cycle
from intake.service.timers import run_timers
from intake.sources import open_source
from intake.storage import Ledger, Store, open_store

log = logging.getLogger(__name__)


def run_once(config: Config) -> CycleSummary:
    """One poll cycle and one outbox flush; the summary of ``intake run --once``."""
    summary, flushed = run_cycle(config)
    summary.replies_sent = flushed.sent
    summary.replies_failed = flushed.failed
    return summary


def run_cycle(
    config: Config, stop: threading.Event | None = None
) -> tuple[CycleSummary, FlushResult]:
    """Store what the inbox holds while a second thread sends the replies as they commit."""
    with open_store(config, create=True) as store:
        with (
            BackgroundSender(config, stop) as sender,
            open_source(config.mailbox, Ledger(store)) as source,
        ):
            summary = run_pipeline(config, store, source, stop=stop, on_commit=sender.wake)
            if stop is None or not stop.is_set():
                _timers(store, config)
                sender.wake()
        flushed = sender.result()
        record_cycle(store, summary.fetched, flushed)
    return summary, flushed


def _timers(store: Store, config: Config) -> None:
    """Holds, reminders, closes, packs and proofs; trouble there never fails the poll."""
    try:
        done = run_timers(store, config).done
    except IntakeError as exc:
        log.warning("timers: %s", exc, extra=event("timer.error"))
        return
    if done:
        log.info("%s", " ".join(f"{k}={v}" for k, v in done.items()), extra=event("timer.done"))


def flush(config: Config, store: Store, stop: threading.Event | None = None) -> FlushResult:
    """Send the due outbox rows over one transport session; ``stop`` ends it early."""
    return asyncio.run(flush_outbox(store, open_transport(config.smtp), stop=stop))
