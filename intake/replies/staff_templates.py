"""The replies staff can send from a template, and the status each leaves the case in."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class StaffTemplate:
    """A reply staff can send: what it is for, and the status it leaves the case in."""

    name: str
    title: str
    status: str | None
    offered: bool = True  # False: sent by an operation (a branch proof), not picked by staff


STAFF_TEMPLATES = {
    t.name: t
    for t in (
        StaffTemplate("ask_more_proof", "Ask for more proof of ownership", "waiting_on_requester"),
        StaffTemplate(
            "ask_account_address",
            "Ask to write from the account's email address",
            "waiting_on_requester",
        ),
        StaffTemplate("resolved", "Access restored: resolve the case", "resolved"),
        StaffTemplate("rejected", "Could not verify: reject the case", "rejected"),
        StaffTemplate("closed_no_response", "No answer: close the case", "closed_no_response"),
        StaffTemplate(
            "branch_proof", "Ask for a branch proof", "waiting_on_requester", offered=False
        ),
        StaffTemplate("reminder", "Remind the requester of our question", None, offered=False),
    )
}
