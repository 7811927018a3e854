"""Sending the outbox from its own thread while a cycle stores mail.

Replies to the first messages of a long batch leave while later ones are still being
read, and waiting on the SMTP server overlaps with reading. The thread has its own
database connection and sees a reply once the cycle has committed it.
"""

from __future__ import annotations

import asyncio
import threading
from types import TracebackType
from typing import Self

from intake.config import Config
from intake.replies.outbox import FlushResult, flush_outbox
from intake.replies.transports import open_transport
from intake.storage import open_store


class BackgroundSender:
    """Sends due outbox rows until the ``with`` block ends, then sends what is left.

    Call ``wake`` after a commit. ``stop`` (a signal) ends sending between two
    messages; otherwise leaving the block waits for the last replies to go.
    """

    def __init__(self, config: Config, stop: threading.Event | None = None) -> None:
        self._config = config
        self._stop = stop
        self._wake = threading.Event()
        self._finished = threading.Event()
        self._last_look = False
        self._result = FlushResult()
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="sender", daemon=True)

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._finished.set()
        self._wake.set()
        self._thread.join()

    def wake(self) -> None:
        """Tell the sender that more replies may be due."""
        self._wake.set()

    def result(self) -> FlushResult:
        """What was sent; raises what stopped the sender, if anything did."""
        if self._thread.is_alive():
            raise RuntimeError("BackgroundSender.result() before its block ended")
        if self._error is not None:
            raise self._error
        return self._result

    def _run(self) -> None:
        try:
            with open_store(self._config) as store:
                transport = open_transport(self._config.smtp)
                self._result = asyncio.run(
                    flush_outbox(store, transport, stop=self._stop, more=self._more)
                )
        except BaseException as exc:  # handed to the caller by result()
            self._error = exc

    async def _more(self) -> bool:
        """Wait for a wake-up; once the block has ended, allow one last look."""
        if self._last_look:
            return False
        await asyncio.to_thread(self._wake.wait)
        self._wake.clear()
        self._last_look = self._finished.is_set()
        return True
