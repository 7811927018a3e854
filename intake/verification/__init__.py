"""Verification: the index's public data about an account, and branch proofs, for staff.

``refresh_pack`` asks the index (cached in SQLite) and stores the case's verification
pack; ``challenge`` asks the requester for an empty branch named after a fresh token on a
repository the account's releases name; ``check_proofs`` looks for those branches.
"""

from __future__ import annotations

from intake.verification.pack import build_pack
from intake.verification.proofs import challenge, check_proofs
from intake.verification.refresh import refresh_pack, refresh_stale_packs, stored_pack

__all__ = [
    "build_pack",
    "challenge",
    "check_proofs",
    "refresh_pack",
    "refresh_stale_packs",
    "stored_pack",
]
