"""Staff accounts: an argon2id password hash and a TOTP secret each, made from the CLI.

Signing in needs both. Five failed attempts in 15 minutes lock the name for 15 minutes,
checked before any hashing, so a locked name costs an attacker nothing to try and us
nothing to refuse. A one-time code is accepted once: the time step it belongs to is
remembered, and codes from that step or earlier are refused afterwards.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from typing import Any

import pyotp
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from intake.clock import iso, utcnow
from intake.errors import IntakeError
from intake.reading.addresses import is_addr_spec
from intake.storage import Store

LOCK_AFTER = 5
LOCK_WINDOW = timedelta(minutes=15)
ISSUER = "Recovery Intake"
_NAME = re.compile(r"[a-z0-9][a-z0-9._-]{0,39}")
_HASHER = PasswordHasher()  # argon2id with the library's current parameters
MIN_PASSWORD = 12


class LoginRefused(IntakeError):
    """Signing in failed; the message never says which part was wrong."""


@dataclass(frozen=True, slots=True)
class StaffMember:
    """A staff account as the desk and the audit log name it."""

    id: int
    name: str
    email: str
    disabled: bool


def add_staff(store: Store, name: str, email: str, password: str) -> str:
    """Create an account; return the otpauth:// URI for the authenticator (shown once)."""
    if not _NAME.fullmatch(name):
        raise IntakeError(f"staff name {name!r}: use 1-40 lower-case letters, digits, . _ -")
    if not is_addr_spec(email):
        raise IntakeError(f"staff email {email!r}: expected one address like name@example.org")
    if len(password) < MIN_PASSWORD:
        raise IntakeError(f"the password must have at least {MIN_PASSWORD} characters")
    if store.scalar("SELECT 1 FROM staff WHERE name = ?", (name,)):
        raise IntakeError(f"staff member {name!r} exists already")
    secret = pyotp.random_base32()
    store.insert(
        "staff",
        {
            "name": name,
            "email": email,
            "password_hash": _HASHER.hash(password),
            "totp_secret": secret,
            "created_at": iso(utcnow()),
        },
    )
    return pyotp.TOTP(secret).provisioning_uri(name=name, issuer_name=ISSUER)


def list_staff(store: Store) -> list[StaffMember]:
    return [_member(row) for row in store.rows("SELECT * FROM staff ORDER BY name")]


def find_staff(store: Store, name: str) -> StaffMember | None:
    rows = store.rows("SELECT * FROM staff WHERE name = ?", (name,))
    return _member(rows[0]) if rows else None


def disable_staff(store: Store, name: str) -> None:
    """Disable an account and end all of its sessions at once."""
    member = find_staff(store, name)
    if member is None:
        raise IntakeError(f"no staff member {name!r}")
    with store.transaction():
        store.db.execute(
            "UPDATE staff SET disabled_at = ? WHERE id = ?", (iso(utcnow()), member.id)
        )
        store.db.execute(
            "UPDATE sessions SET revoked_at = ? WHERE staff_id = ? AND revoked_at IS NULL",
            (iso(utcnow()), member.id),
        )


def verify_login(
    store: Store, name: str, password: str, code: str, now: datetime | None = None
) -> StaffMember:
    """Check name, password and one-time code; raise LoginRefused, recording the attempt."""
    moment = now or utcnow()
    if _recent_failures(store, name, moment) >= LOCK_AFTER:
        raise LoginRefused("too many failed attempts; try again in 15 minutes")
    rows = store.rows("SELECT * FROM staff WHERE name = ? AND disabled_at IS NULL", (name,))
    row = rows[0] if rows else None
    step = _password_and_code(row, password, code, moment)
    with store.transaction():
        if row is not None and step is not None and not _claim_step(store, row["id"], step):
            step = None  # the same code was used a moment ago by another login
        store.insert("login_attempts", {"name": name, "at": iso(moment), "ok": step is not None})
    if row is None or step is None:
        raise LoginRefused("wrong name, password or code")
    return _member(row)


def _claim_step(store: Store, staff_id: int, step: int) -> bool:
    """Record ``step`` as used, unless it (or a later one) already was: no code twice."""
    done = store.db.execute(
        "UPDATE staff SET totp_last_step = ? WHERE id = ? AND totp_last_step < ?",
        (step, staff_id, step),
    )
    return done.rowcount == 1


def _password_and_code(
    row: dict[str, Any] | None, password: str, code: str, moment: datetime
) -> int | None:
    """The TOTP time step the code belongs to, when the password and the code are right."""
    try:
        _HASHER.verify(row["password_hash"] if row else _dummy_hash(), password)
    except (VerificationError, InvalidHashError):
        return None
    if row is None:
        return None
    totp = pyotp.TOTP(row["totp_secret"])
    current = int(moment.timestamp()) // totp.interval
    for step in (current - 1, current, current + 1):  # one step of clock drift either way
        if step > row["totp_last_step"] and secrets.compare_digest(totp.generate_otp(step), code):
            return step
    return None


@cache
def _dummy_hash() -> str:
    """Verified when the name is unknown, so a wrong name takes as long as a wrong password.

    Made on first use: an argon2 hash takes 64 MiB, which no process but the desk needs.
    """
    return _HASHER.hash(secrets.token_urlsafe(16))


def _recent_failures(store: Store, name: str, moment: datetime) -> int:
    since = iso(moment - LOCK_WINDOW)
    return int(
        store.scalar(
            "SELECT count(*) FROM login_attempts WHERE name = ? AND at >= ? AND ok = 0 AND id > "
            "COALESCE((SELECT max(id) FROM login_attempts WHERE name = ? AND ok = 1), 0)",
            (name, since, name),
        )
    )


def _member(row: dict[str, Any]) -> StaffMember:
    return StaffMember(row["id"], row["name"], row["email"], row["disabled_at"] is not None)
