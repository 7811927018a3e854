"""Case statuses, the moves between them, and the moves that happen without staff.

The statuses follow the real process: the request is completed by mail
(``awaiting_details`` → ``ready_for_review``), staff review it (``in_review``), ask the
requester something (``waiting_on_requester``) or run a waiting period (``on_hold``,
until a date), and decide (``resolved``, ``rejected``, or ``closed_no_response`` when
the requester went silent). ``TRANSITIONS`` is the one table of allowed moves.
"""

from __future__ import annotations

from intake.errors import IntakeError

STATUSES = (
    "awaiting_details",
    "ready_for_review",
    "in_review",
    "waiting_on_requester",
    "on_hold",
    "resolved",
    "rejected",
    "closed_no_response",
)
# Cases a requester's new mail from the same address joins without a token.
OPEN_STATUSES = STATUSES[:5]
# The stages the mail itself moves; only there do requesters get automatic replies.
AUTO_REPLY_STATUSES = ("awaiting_details", "ready_for_review")
# Decided cases: mail on them is kept and shown to staff, never merged or answered.
CLOSED_STATUSES = ("resolved", "rejected", "closed_no_response")

_DECIDE = ("resolved", "rejected", "closed_no_response")
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "awaiting_details": ("ready_for_review", "in_review", "waiting_on_requester", *_DECIDE),
    "ready_for_review": (
        "awaiting_details",
        "in_review",
        "waiting_on_requester",
        "on_hold",
        *_DECIDE,
    ),
    "in_review": ("ready_for_review", "waiting_on_requester", "on_hold", *_DECIDE),
    "waiting_on_requester": ("ready_for_review", "in_review", "on_hold", *_DECIDE),
    "on_hold": ("ready_for_review", "in_review", "waiting_on_requester", *_DECIDE),
    "resolved": ("in_review",),
    "rejected": ("in_review",),
    "closed_no_response": ("in_review",),
}


class TransitionRefused(IntakeError):
    """A status move the process does not allow."""


def check_transition(current: str, wanted: str) -> None:
    """Raise TransitionRefused unless ``current`` → ``wanted`` is an allowed move."""
    if wanted not in STATUSES:
        raise TransitionRefused(f"unknown status {wanted!r}; expected one of {', '.join(STATUSES)}")
    if wanted == current:
        raise TransitionRefused(f"the case is already {current}")
    if wanted not in TRANSITIONS.get(current, ()):
        allowed = ", ".join(TRANSITIONS.get(current, ())) or "nothing"
        raise TransitionRefused(f"a {current} case can move to {allowed}, not to {wanted}")


def status_after(current: str | None, missing: list[str]) -> str:
    """The status after a requester's message: the mail moves only its own stages.

    A reply to a question staff asked (``waiting_on_requester``) hands the case back
    to review; every other status stays until staff move it.
    """
    if current == "waiting_on_requester":
        return "in_review"
    if current not in (None, *AUTO_REPLY_STATUSES):
        return current or "awaiting_details"
    return "ready_for_review" if not missing else "awaiting_details"
