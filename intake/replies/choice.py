"""Which reply a message gets: missing details, an acknowledgement, or none and why."""

from __future__ import annotations

from dataclasses import dataclass

from intake.cases.status import AUTO_REPLY_STATUSES


@dataclass(frozen=True, slots=True)
class Decision:
    """Which reply a message gets, and why none when it gets none."""

    reply: str
    why_none: str | None = None
    notify_staff: bool = False


def decide_reply(
    *,
    blocked_by: str | None,
    status_before: str | None,
    status: str,
    missing: list[str],
) -> Decision:
    """Choose the reply ``blocked_by`` names a guard or limit that forbids one."""
    became_ready = status == "ready_for_review" and status_before != "ready_for_review"
    if blocked_by:
        return Decision("none", blocked_by, notify_staff=became_ready)
    if status_before not in (None, *AUTO_REPLY_STATUSES):
        return Decision("none", f"case_{status_before}")
    kind = "missing_details" if missing else "acknowledgement"
    return Decision(kind, notify_staff=became_ready)
