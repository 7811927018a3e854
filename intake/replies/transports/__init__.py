"""How replies leave: one module per kind of outgoing transport."""

from __future__ import annotations

from intake.config import SmtpConfig
from intake.replies.transports.base import Transport


def open_transport(cfg: SmtpConfig) -> Transport:
    """Build the transport the configuration names (not yet connected)."""
    if cfg.kind == "smtp":
        from intake.replies.transports.smtp import SmtpTransport

        return SmtpTransport(cfg)
    from intake.replies.transports.maildir import MaildirTransport

    return MaildirTransport(cfg.path)


__all__ = ["Transport", "open_transport"]
