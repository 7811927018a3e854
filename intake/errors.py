"""The one exception hierarchy: the CLI turns each into a single line on stderr."""

from __future__ import annotations


class IntakeError(Exception):
    """Base of every error the product raises on purpose."""


class ConfigError(IntakeError):
    """The configuration file is missing, unreadable or holds a bad value."""


class MailboxError(IntakeError):
    """The support mailbox (IMAP or Maildir) cannot be read or changed."""


class DeliveryError(IntakeError):
    """A reply could not be handed to the outgoing transport."""

    def __init__(self, message: str, *, permanent: bool = False) -> None:
        super().__init__(message)
        self.permanent = permanent


class MessageError(IntakeError):
    """An email cannot be parsed or breaks a size or structure limit."""


class StoreError(IntakeError):
    """The case database cannot be opened, migrated or written."""


class CaseNotFound(IntakeError):
    """No case has the given number or token."""
