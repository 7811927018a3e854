"""Wiring for a run: open the store, the source and the transport from a Config."""

from __future__ import annotations

import asyncio

from intake.config import Config
from intake.outbox import FlushResult, flush_outbox
from intake.pipeline import CycleSummary, Pipeline
from intake.sources import open_source
from intake.store import Store
from intake.transports import open_transport


def open_store(config: Config) -> Store:
    return Store(config.database.path, timeout=config.database.timeout)


def run_once(config: Config) -> CycleSummary:
    """One poll cycle and one outbox flush; the summary of ``intake run --once``."""
    with open_store(config) as store:
        pipeline = Pipeline(config, store)
        with open_source(config.mailbox, store) as source:
            summary = pipeline.run_cycle(source)
        flushed = flush(config, store)
    summary.replies_sent = flushed.sent
    summary.replies_failed = flushed.failed
    return summary


def flush(config: Config, store: Store) -> FlushResult:
    """Send the due outbox rows over one transport session."""
    return asyncio.run(flush_outbox(store, open_transport(config.smtp)))
