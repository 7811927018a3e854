"""The staff desk: a web review queue beside the daemon, sharing its database.

``build_app(config)`` is the ASGI application; ``serve`` runs it with uvicorn on a
loopback port or a unix socket. The desk only writes rows (statuses, notes, events,
field corrections, outbox rows); the daemon stays the only sender of mail.
"""

from __future__ import annotations

from intake.web.app import build_app
from intake.web.server import serve

__all__ = ["build_app", "serve"]
