"""Verification: the index's public data about an account, and branch proofs, for staff.

``refresh_pack`` asks the index (cached in SQLite) and stores the case's verification
pack; ``challenge`` asks the requester for an empty branch named after a fresh token on a
repository the account's releases name; ``check_proofs`` looks for those branches.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from intake.lazy import lazy_exports

if TYPE_CHECKING:
    from intake.verification.pack import build_pack
    from intake.verification.proofs import challenge, check_proofs
    from intake.verification.refresh import refresh_pack, refresh_stale_packs, stored_pack

_HOMES = {
    "build_pack": "intake.verification.pack",
    "challenge": "intake.verification.proofs",
    "check_proofs": "intake.verification.proofs",
    "refresh_pack": "intake.verification.refresh",
    "refresh_stale_packs": "intake.verification.refresh",
    "stored_pack": "intake.verification.refresh",
}
__getattr__ = lazy_exports(__name__, _HOMES)
__all__ = [
    "build_pack",
    "challenge",
    "check_proofs",
    "refresh_pack",
    "refresh_stale_packs",
    "stored_pack",
]
