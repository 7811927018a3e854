"""Reading a batch of mail, on other cores when the batch is large, within a deadline.

Triage (parse, redact, extract) needs nothing but the bytes and is most of the CPU a
message costs. For a large batch it runs in helper processes (two on a machine with two
cores or more) a few messages ahead of the loop that stores the results, so they
overlap. A batch holding a large message goes to the helpers too, whatever its length:
only there can a message that takes too long be stopped. Each message has ``deadline``
seconds; one over it is stopped and comes back as Unreadable ("reading timed out"), so
it is quarantined and the batch goes on. If a helper dies, the rest of the batch is read
here; nothing is lost.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import traceback
from collections.abc import Iterator
from dataclasses import dataclass
from multiprocessing.pool import Pool

from intake.errors import MessageError
from intake.logs import event
from intake.pipeline.triage import Triage, triage
from intake.reading.robots import GuardContext
from intake.sources import RawMessage

log = logging.getLogger(__name__)

HELPER_FROM = 50  # messages to read in one batch before a helper process pays off
LARGE = 32 * 1024  # a message this big is read in the helper, where a deadline holds
CHUNK = 10  # messages per round trip to the helper
# Two readers keep up with storing and sending on a two-core machine (one did not, with
# the long requests real mail holds); more only add memory.
HELPERS = min(2, os.cpu_count() or 1)
TIMED_OUT = "reading timed out"


@dataclass(frozen=True, slots=True)
class Unreadable:
    """Why a message could not be read: a rule it breaks, or a bug (with its traceback)."""

    reason: str
    bug: str = ""


Read = Triage | Unreadable


def read_one(data: bytes, guard: GuardContext, max_bytes: int) -> Read:
    """Triage one message; every failure becomes an Unreadable, never an exception."""
    try:
        return triage(data, guard, max_bytes=max_bytes)
    except MessageError as exc:
        return Unreadable(str(exc))
    except Exception:  # a bug must cost one message, not the batch or the daemon
        return Unreadable("internal error while reading; see the log", traceback.format_exc())


_settings: tuple[GuardContext, int] | None = None  # the helper's copy, set when it starts


def _helper_started(guard: GuardContext, max_bytes: int) -> None:
    """Keep the settings; leave Ctrl-C to the main process, which stops the helper."""
    global _settings
    _settings = (guard, max_bytes)
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _read_in_helper(chunk: list[bytes]) -> list[Read]:
    assert _settings is not None, "helper used before it started"
    return [read_one(data, *_settings) for data in chunk]


class BatchReader:
    """Triages batches in order; use as a context manager so the helper is stopped."""

    def __init__(self, guard: GuardContext, max_bytes: int, deadline: float = 5.0) -> None:
        self._guard = guard
        self._max_bytes = max_bytes
        self._deadline = deadline
        self._helper: Pool | None = None

    def __enter__(self) -> BatchReader:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stop_helper()

    def read(self, batch: list[RawMessage]) -> Iterator[Read | None]:
        """Each message's triage in batch order; None for messages without bytes."""
        todo = [raw.data for raw in batch if raw.data is not None]
        helped = len(todo) >= HELPER_FROM or any(len(data) > LARGE for data in todo)
        found = self._in_helper(todo) if helped else self._here(todo)
        for raw in batch:
            yield None if raw.data is None else next(found)

    def _here(self, todo: list[bytes]) -> Iterator[Read]:
        return (read_one(data, self._guard, self._max_bytes) for data in todo)

    def _in_helper(self, todo: list[bytes]) -> Iterator[Read]:
        """Chunks through the helper; a chunk that overruns is read again one by one."""
        chunks = [todo[start : start + CHUNK] for start in range(0, len(todo), CHUNK)]
        index = 0
        while index < len(chunks):
            answers = self._start().imap(_read_in_helper, chunks[index:])
            try:
                for chunk in chunks[index:]:
                    yield from answers.next(timeout=self._deadline * len(chunk))
                    index += 1
            except multiprocessing.TimeoutError:
                self._stop_helper()  # it is stuck on one of this chunk's messages
                yield from self._one_by_one(chunks[index])
                index += 1
            except OSError as exc:
                yield from self._read_here_instead(exc, [d for c in chunks[index:] for d in c])
                return

    def _one_by_one(self, chunk: list[bytes]) -> Iterator[Read]:
        """Each message of ``chunk`` alone in the helper; the one that overruns times out."""
        for data in chunk:
            waiting = self._start().apply_async(_read_in_helper, ([data],))
            try:
                yield from waiting.get(timeout=self._deadline)
            except multiprocessing.TimeoutError:
                self._stop_helper()
                log.warning(
                    "a message took more than %.1fs to read; stopped it",
                    self._deadline,
                    extra=event("reading.timed_out"),
                )
                yield Unreadable(TIMED_OUT)
            except OSError as exc:
                yield from self._read_here_instead(exc, [data])

    def _read_here_instead(self, exc: BaseException, todo: list[bytes]) -> Iterator[Read]:
        log.warning(
            "helper process failed (%s); reading here instead",
            type(exc).__name__,
            extra=event("reading.helper_failed"),
        )
        self._stop_helper()
        yield from self._here(todo)

    def _stop_helper(self) -> None:
        helper, self._helper = self._helper, None
        if helper is not None:
            helper.terminate()  # whatever it still reads is no longer wanted
            helper.join()

    def _start(self) -> Pool:
        if self._helper is None:
            # forkserver: the daemon has threads, and forking a threaded process is unsafe.
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["intake.pipeline.batch_reader"])
            self._helper = context.Pool(
                HELPERS, initializer=_helper_started, initargs=(self._guard, self._max_bytes)
            )
            self._helper.apply(_read_in_helper, ([],))  # started: deadlines count reading only
        return self._helper
