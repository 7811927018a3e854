"""The systemd notify protocol (READY=1, STATUS=, WATCHDOG=1), without dependencies.

Outside systemd (no ``$NOTIFY_SOCKET``) every call does nothing.
"""

from __future__ import annotations

import os
import socket


def notify(*fields: str) -> bool:
    """Send ``KEY=value`` lines to systemd; return whether anything was sent."""
    address = os.environ.get("NOTIFY_SOCKET")
    if not address:
        return False
    if address.startswith("@"):
        address = "\0" + address[1:]  # abstract namespace
    payload = "\n".join(fields).encode("utf-8")
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
            sock.connect(address)
            sock.sendall(payload)
    except OSError:
        return False
    return True


def under_systemd() -> bool:
    """Tell whether systemd listens for notifications (``$NOTIFY_SOCKET`` is set)."""
    return bool(os.environ.get("NOTIFY_SOCKET"))


def watchdog_interval() -> float | None:
    """Seconds between WATCHDOG=1 pings (half of ``WatchdogSec``), or None when unset."""
    usec = os.environ.get("WATCHDOG_USEC")
    pid = os.environ.get("WATCHDOG_PID")
    if not usec or (pid and pid != str(os.getpid())):
        return None
    try:
        return max(1.0, int(usec) / 2_000_000)
    except ValueError:
        return None
