"""``intake run`` without ``--once``: poll and send on a schedule until a signal.

APScheduler 3 runs the poll cycle every ``poll_interval`` seconds, the outbox flush
every ``OUTBOX_INTERVAL`` seconds and the retention purge daily; each job never
overlaps itself and missed runs coalesce. Where the IMAP server has IDLE, a second
connection waits in IDLE and wakes the poll job the moment mail arrives.
SIGTERM/SIGINT let the message in hand finish, then everything stops; a second signal
exits at once. SIGHUP reloads the configuration file, or keeps the running one.
"""

from __future__ import annotations

import logging
import os
import signal
import threading
from collections.abc import Callable
from datetime import datetime, timedelta
from types import FrameType

from apscheduler.schedulers.background import BackgroundScheduler

from intake.cases.retention import purge_expired
from intake.config import Config
from intake.config.wording import wording_for
from intake.errors import IntakeError
from intake.logs import event
from intake.replies.outbox import FlushResult
from intake.service.health import read_health, record, record_down, record_flush, status_line
from intake.service.lock import InstanceLock
from intake.service.reload import reload_config
from intake.service.runner import flush, run_cycle
from intake.service.systemd import notify, under_systemd, watchdog_interval
from intake.service.wording import refuse_broken_templates
from intake.sources import NoCheckpoints
from intake.storage import open_store
from intake.templating import use_wording

log = logging.getLogger(__name__)
OUTBOX_INTERVAL = 30
IDLE_SECONDS = 25 * 60
MAX_BACKOFF = 300.0
POLL_WAIT_SECONDS = 120.0
MIN_WAKE_SPACING = 0.5
SIGNAL_CHECK_SECONDS = 1.0
PURGE_DELAY = timedelta(minutes=5)  # the first purge waits until start-up is over


class Outages:
    """Log a failing server once per outage, and its recovery once.

    ``on_change(name, error)`` hears of each change: an error when ``name`` went down,
    None when it came back.
    """

    def __init__(self, on_change: Callable[[str, str | None], None]) -> None:
        self._failing: set[str] = set()
        self._lock = threading.Lock()
        self._on_change = on_change

    def run(self, name: str, job: Callable[[], None]) -> bool:
        """Run ``job``; return whether it succeeded."""
        try:
            job()
        except IntakeError as exc:
            with self._lock:
                first = name not in self._failing
                self._failing.add(name)
            if first:
                log.error("%s unavailable: %s (retrying)", name, exc, extra=event(f"{name}.down"))
                self._on_change(name, str(exc))
            return False
        with self._lock:
            recovered = name in self._failing
            self._failing.discard(name)
        if recovered:
            log.info("%s working again", name, extra=event(f"{name}.up"))
            self._on_change(name, None)
        return True


class Daemon:
    """The scheduled jobs, the IDLE watcher, reloads and the stop logic."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.stopping = threading.Event()
        self.reload_wanted = threading.Event()
        self.attention = threading.Event()  # set by signals: stop or reload
        self.polled = threading.Event()
        # One sender at a time, or two could both send a row before either marks it.
        self.sending = threading.Lock()
        self.outages = Outages(self._outage_changed)
        self.scheduler = BackgroundScheduler(
            job_defaults={"max_instances": 1, "coalesce": True, "misfire_grace_time": 60}
        )

    def poll(self) -> None:
        try:
            with self.sending:
                self.outages.run("mailbox", self._poll)
        finally:
            self.polled.set()
            self._publish_status()

    def send(self) -> None:
        """Send due replies, unless a poll is under way: its own sender sends them."""
        if not self.sending.acquire(blocking=False):
            return
        try:
            self.outages.run("outbox", self._send)
        finally:
            self.sending.release()

    def purge(self) -> None:
        """Daily: remove the text of cases decided longer ago than the retention period."""
        with self.sending, open_store(self.config) as store:
            purge_expired(store, self.config.retention.days)

    def _poll(self) -> None:
        summary, result = run_cycle(self.config, stop=self.stopping)
        if summary.fetched or summary.quarantined:
            counts = " ".join(f"{k}={v}" for k, v in summary.as_dict().items())
            log.info("%s", counts, extra=event("cycle.done"))
        _log_sent(result)

    def _send(self) -> None:
        with open_store(self.config) as store:
            result = flush(self.config, store, stop=self.stopping)
            record_flush(store, result)
        _log_sent(result)

    def _outage_changed(self, name: str, error: str | None) -> None:
        """Keep the outage in the database for ``intake status`` (best effort)."""
        try:
            with open_store(self.config) as store:
                if error is None:
                    record(store, f"{name}.down", None)
                else:
                    record_down(store, name, error)
        except IntakeError as exc:
            log.debug("cannot record the %s outage: %s", name, exc, extra=event("health.lost"))

    def _publish_status(self) -> None:
        if not under_systemd():
            return
        try:
            with open_store(self.config) as store:
                line = status_line(read_health(store, self.config))
        except IntakeError as exc:
            line = f"database unavailable: {exc}"
        notify(f"STATUS={line}")

    def _wake_and_wait(self) -> None:
        """Run the poll job now and let it finish before watching again.

        Mail stays in the inbox until the poll job has stored and moved it; watching
        again before that would only see the same mail and wake the job in a loop.
        """
        self.polled.clear()
        self.scheduler.modify_job("poll", next_run_time=datetime.now().astimezone())
        self.polled.wait(timeout=POLL_WAIT_SECONDS)
        self.stopping.wait(MIN_WAKE_SPACING)

    def watch_idle(self) -> None:
        """Wait in IMAP IDLE and wake the poll job on new mail; reconnect with backoff."""
        from intake.sources.imap import ImapSource

        delay = 1.0
        while not self.stopping.is_set():
            try:
                with ImapSource(self.config.mailbox, NoCheckpoints()) as watcher:
                    delay = 1.0
                    log.info("waiting for mail in IDLE", extra=event("idle.connected"))
                    while not self.stopping.is_set():
                        if watcher.wait_for_mail(IDLE_SECONDS):
                            self._wake_and_wait()
            except IntakeError as exc:
                log.debug("%s; reconnecting in %.0fs", exc, delay, extra=event("idle.lost"))
                self.stopping.wait(delay)
                delay = min(delay * 2, MAX_BACKOFF)

    def run(self) -> None:
        self._schedule()
        self.scheduler.start()
        if self.config.mailbox.kind == "imap" and self.config.mailbox.idle:
            threading.Thread(target=self.watch_idle, name="idle", daemon=True).start()
        notify("READY=1", f"STATUS=polling every {self.config.mailbox.poll_interval}s")
        log.info("intake running (pid %d)", os.getpid(), extra=event("daemon.ready"))
        ping = watchdog_interval()
        while not self.stopping.is_set():
            # A signal the kernel hands to another thread runs its Python handler only when
            # the main thread next wakes: wake often enough that SIGHUP and SIGTERM are
            # never left waiting for the watchdog interval.
            self.attention.wait(min(ping or SIGNAL_CHECK_SECONDS, SIGNAL_CHECK_SECONDS))
            self.attention.clear()
            if self.reload_wanted.is_set() and not self.stopping.is_set():
                self.reload_wanted.clear()
                self._reload()
            if ping:
                notify("WATCHDOG=1")
        notify("STOPPING=1")
        self.scheduler.shutdown(wait=True)
        log.info("intake stopped", extra=event("daemon.stopped"))

    def _schedule(self) -> None:
        now = datetime.now().astimezone()
        self.scheduler.add_job(
            self.poll,
            "interval",
            seconds=self.config.mailbox.poll_interval,
            id="poll",
            next_run_time=now,
        )
        self.scheduler.add_job(self.send, "interval", seconds=OUTBOX_INTERVAL, id="outbox")
        self.scheduler.add_job(
            self.purge, "interval", hours=24, id="retention", next_run_time=now + PURGE_DELAY
        )

    def _reload(self) -> None:
        """Take the configuration file as it is now, or keep the running one."""
        try:
            new = reload_config(self.config)
        except IntakeError as exc:
            use_wording(wording_for(self.config))  # the check may have switched it
            log.error("%s; keeping the running configuration", exc, extra=event("config.rejected"))
            return
        old, self.config = self.config, new
        if new.mailbox.poll_interval != old.mailbox.poll_interval:
            self.scheduler.reschedule_job(
                "poll", trigger="interval", seconds=new.mailbox.poll_interval
            )
        log.info(
            "configuration %s reloaded; it applies from the next poll",
            new.source_file,
            extra=event("config.reloaded"),
        )

    def handle_signal(self, signum: int, frame: FrameType | None) -> None:
        if self.stopping.is_set():
            os._exit(1)
        log.info(
            "signal %d: finishing the message in hand, then stopping",
            signum,
            extra=event("daemon.stopping"),
        )
        self.stopping.set()
        self.attention.set()

    def handle_hangup(self, signum: int, frame: FrameType | None) -> None:
        """SIGHUP: reload the configuration (in the main loop, not in the handler)."""
        self.reload_wanted.set()
        self.attention.set()


def _log_sent(result: FlushResult) -> None:
    if result.sent or result.failed or result.staff_sent:
        log.info(
            "sent=%d failed=%d staff=%d",
            result.sent,
            result.failed,
            result.staff_sent,
            extra=event("outbox.sent"),
        )


def run_daemon(config: Config) -> None:
    """Run until SIGTERM/SIGINT (SIGHUP reloads); refuse a second daemon on the database."""
    refuse_broken_templates(config)
    with InstanceLock(config.database.path):
        with open_store(config, create=True) as store:
            log.info(
                "database %s at schema version %d",
                store.path,
                store.schema_version,
                extra=event("database.opened"),
            )
        daemon = Daemon(config)
        signal.signal(signal.SIGTERM, daemon.handle_signal)
        signal.signal(signal.SIGINT, daemon.handle_signal)
        signal.signal(signal.SIGHUP, daemon.handle_hangup)
        daemon.run()
