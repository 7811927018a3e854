"""Staff: accounts (argon2id password and TOTP), desk sessions, and the audit log.

Accounts are made from the command line (``intake staff add``); the desk signs staff
in with password and one-time code, keeps sessions server-side so they can be revoked,
and writes every case view and action to an append-only audit log.
"""

from __future__ import annotations

from intake.staff.accounts import StaffMember, add_staff, disable_staff, find_staff, list_staff
from intake.staff.audit import audit, read_audit

__all__ = [
    "StaffMember",
    "add_staff",
    "audit",
    "disable_staff",
    "find_staff",
    "list_staff",
    "read_audit",
]
