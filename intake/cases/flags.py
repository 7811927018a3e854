"""What each flag on a case or a message means, spelled out for staff."""

from __future__ import annotations

CASE_FLAGS = {
    "conflict": "a later message named a different username than before: check which is right",
    "backlog": "was already in the mailbox at the first start: stored, never answered",
    "reopened_by_requester": "the requester wrote again after the case was decided",
    "foreign_sender": "a message came from another address than the requester",
}
MESSAGE_FLAGS = {
    "foreign_sender": "sent from another address than the requester: not merged, not answered",
    "reopened_by_requester": "arrived after the case was decided: not merged, not answered",
}
NO_REPLY_REASONS = {
    "backlog": "it was in the mailbox before the first start",
    "global_rate_limit": "auto-replies were paused by the hourly limit",
    "sender_rate_limit": "this address had its daily number of replies",
    "case_rate_limit": "this case had its daily number of replies",
    "unchanged_follow_up_limit": "it changed nothing and a reply already went out today",
}


def describe_flag(flag: str, *, on_message: bool = False) -> str:
    """The sentence staff read for ``flag`` (unknown flags are shown as they are)."""
    if flag.startswith("no_reply:"):
        reason = flag.removeprefix("no_reply:")
        if reason.startswith("case_"):
            return f"not answered: the case is {reason.removeprefix('case_')}"
        return f"not answered: {NO_REPLY_REASONS.get(reason, reason)}"
    table = MESSAGE_FLAGS if on_message else CASE_FLAGS
    return table.get(flag) or CASE_FLAGS.get(flag) or flag
