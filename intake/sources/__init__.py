"""Where requests come from: one module per kind of support mailbox."""

from __future__ import annotations

from intake.config import MailboxConfig
from intake.sources.base import CheckpointStore, NoCheckpoints, RawMessage, Source


def open_source(cfg: MailboxConfig, checkpoints: CheckpointStore) -> Source:
    """Build the source the configuration names (not yet connected)."""
    if cfg.kind == "imap":
        from intake.sources.imap import ImapSource

        return ImapSource(cfg, checkpoints)
    from intake.sources.maildir import MaildirSource

    return MaildirSource(cfg)


__all__ = ["CheckpointStore", "NoCheckpoints", "RawMessage", "Source", "open_source"]
