"""Case statuses and the rules that move them without staff."""

from __future__ import annotations

OPEN_STATUSES = ("awaiting_details", "ready_for_review", "in_review")
AUTO_REPLY_STATUSES = ("awaiting_details", "ready_for_review")
STATUSES = ("awaiting_details", "ready_for_review", "in_review", "resolved", "rejected")
# Decided cases: mail on them is kept and shown to staff, never merged or answered.
CLOSED_STATUSES = ("resolved", "rejected")


def status_after(current: str | None, missing: list[str]) -> str:
    """Automatic status: only the two automated stages move by themselves."""
    if current not in (None, *AUTO_REPLY_STATUSES):
        return current or "awaiting_details"
    return "ready_for_review" if not missing else "awaiting_details"
