"""Recovery Intake: turns a support mailbox into an account-recovery desk."""

from __future__ import annotations

__version__ = "0.1.0"
