"""Log lines: one per event on stderr, shaped for journald and for grep.

    INFO message.stored case=PR-7K3F9QX2MD key=imap:INBOX:1700000000:42 new case, ...

Each line carries the level, an event name, and where it applies the case token and
the message key, so that ``journalctl -u intake | grep case=PR-…`` follows one case.
Under systemd (``JOURNAL_STREAM`` names our stderr) a ``<N>`` prefix gives journald the
priority and journald adds the time; elsewhere each line starts with a UTC timestamp.
Callers never pass a body or a secret: values are tokens, keys, counts and addresses.
"""

from __future__ import annotations

import logging
import os
import sys
import time

_PRIORITY = {"CRITICAL": 2, "ERROR": 3, "WARNING": 4, "INFO": 6, "DEBUG": 7}
# Libraries that narrate every connection, or at DEBUG every protocol line; their
# warnings still show.
_QUIET = ("imapclient", "imaplib", "apscheduler", "aiosmtplib", "asyncio")


def event(name: str, *, case: str | None = None, key: str | None = None) -> dict[str, object]:
    """The ``extra=`` of a log call: the event's name, its case token and message key."""
    return {"event": name, "case": case, "key": key}


class EventFormatter(logging.Formatter):
    """``LEVEL event [case=…] [key=…] message``, with a journald priority or a timestamp."""

    def __init__(self, *, journald: bool) -> None:
        super().__init__()
        self._journald = journald

    def format(self, record: logging.LogRecord) -> str:
        parts = [record.levelname, getattr(record, "event", None) or record.name]
        for field in ("case", "key"):
            value = getattr(record, field, None)
            if value:
                parts.append(f"{field}={value}")
        parts.append(record.getMessage())
        line = " ".join(parts)
        if record.exc_info:
            line += "\n" + self.formatException(record.exc_info)
        if self._journald:
            return f"<{_PRIORITY.get(record.levelname, 6)}>{line}"
        return f"{time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime(record.created))} {line}"


def configure(*, verbose: bool) -> None:
    """Send log lines to stderr: INFO and up, and intake's own DEBUG lines with ``verbose``.

    Other libraries stay at INFO, and the mail libraries at WARNING, whatever ``verbose``
    says: their debug output is a protocol transcript, with bodies and passwords in it.
    """
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(EventFormatter(journald=stderr_is_journal()))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.INFO)
    logging.getLogger("intake").setLevel(logging.DEBUG if verbose else logging.INFO)
    for name in _QUIET:
        logging.getLogger(name).setLevel(logging.WARNING)


def stderr_is_journal() -> bool:
    """Tell whether stderr is the journal stream systemd set up (``JOURNAL_STREAM``)."""
    device, _, inode = os.environ.get("JOURNAL_STREAM", "").partition(":")
    try:
        status = os.fstat(sys.stderr.fileno())
    except (OSError, ValueError):
        return False
    return f"{status.st_dev}:{status.st_ino}" == f"{device}:{inode}"
