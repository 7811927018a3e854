"""``intake run`` without ``--once``: poll and send on a schedule until a signal.

APScheduler 3 runs two jobs, each never overlapping itself (``max_instances=1``)
and coalescing missed runs: the poll cycle every ``poll_interval`` seconds and
the outbox flush every ``OUTBOX_INTERVAL`` seconds. SIGTERM or SIGINT lets the
message in hand finish, then the scheduler stops.
"""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Callable
from datetime import datetime
from types import FrameType

from apscheduler.schedulers.blocking import BlockingScheduler

from intake.config import Config
from intake.errors import IntakeError
from intake.pipeline import Pipeline
from intake.runner import flush, open_store
from intake.sources import open_source

log = logging.getLogger(__name__)
OUTBOX_INTERVAL = 30


class _Jobs:
    """The two scheduled jobs; each opens its own store connection (thread-safe)."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.failing: set[str] = set()

    def poll(self) -> None:
        self._guarded("mailbox", self._poll)

    def send(self) -> None:
        self._guarded("outbox", self._send)

    def _poll(self) -> None:
        with open_store(self.config) as store, open_source(self.config.mailbox, store) as source:
            summary = Pipeline(self.config, store).run_cycle(source)
        if summary.fetched:
            log.info("cycle: %s", summary.as_dict())
        self._send()

    def _send(self) -> None:
        with open_store(self.config) as store:
            result = flush(self.config, store)
        if result.sent or result.failed:
            log.info("outbox: sent=%d failed=%d", result.sent, result.failed)

    def _guarded(self, name: str, job: Callable[[], None]) -> None:
        """Log a failing server once per outage, and its recovery once."""
        try:
            job()
        except IntakeError as exc:
            if name not in self.failing:
                log.error("%s: %s (retrying on schedule)", name, exc)
            self.failing.add(name)
            return
        if name in self.failing:
            log.info("%s: working again", name)
            self.failing.discard(name)


def run_daemon(config: Config) -> None:
    """Run until SIGTERM/SIGINT; a second signal exits at once."""
    jobs = _Jobs(config)
    scheduler = BlockingScheduler(
        job_defaults={"max_instances": 1, "coalesce": True, "misfire_grace_time": 30}
    )
    scheduler.add_job(
        jobs.poll,
        "interval",
        seconds=config.mailbox.poll_interval,
        id="poll",
        next_run_time=datetime.now().astimezone(),
    )
    scheduler.add_job(jobs.send, "interval", seconds=OUTBOX_INTERVAL, id="outbox")
    stopping = threading.Event()

    def stop(signum: int, frame: FrameType | None) -> None:
        if stopping.is_set():
            raise SystemExit(1)
        stopping.set()
        log.info("signal %d: finishing the message in hand, then stopping", signum)
        scheduler.shutdown(wait=False)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    log.info("intake running: polling every %ss", config.mailbox.poll_interval)
    scheduler.start()
