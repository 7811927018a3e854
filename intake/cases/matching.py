"""Thread matching: which case an incoming message belongs to, first hit wins.

Headers naming a message we sent or stored, then a token in the subject, then one in
the body, then the same sender's open case from the last 30 days. A match by header
or token from another address is a foreign sender: attached, never merged or answered.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from intake.cases.tokens import find_token

FOLLOW_UP_WINDOW_DAYS = 30
# Matches that show the message answers one of ours (not merely the same sender).
THREADED = frozenset({"references", "subject_token", "body_token"})


@dataclass(frozen=True, slots=True)
class CaseRecord:
    """A stored case, as matching and merging need it."""

    id: int
    token: str
    requester: str
    username: str | None
    status: str
    findings: Mapping[str, Mapping[str, Any]]
    flags: tuple[str, ...] = ()


class CaseLookup(Protocol):
    """The queries thread matching needs (``StoredCases`` answers them from the database)."""

    def case_by_message_ids(self, message_ids: list[str]) -> CaseRecord | None: ...

    def case_by_token(self, token: str) -> CaseRecord | None: ...

    def open_case_for_sender(self, sender: str, days: int) -> CaseRecord | None: ...


@dataclass(frozen=True, slots=True)
class Match:
    """How a message relates to an existing case (``case`` None: a new case)."""

    case: CaseRecord | None
    how: str
    foreign_sender: bool = False


def match_case(
    *,
    sender: str | None,
    references: list[str],
    subject: str,
    body: str,
    username: str | None,
    lookup: CaseLookup,
) -> Match:
    """Find the case a message belongs to, first hit wins."""
    found = _by_headers_or_token(references, subject, body, lookup)
    if found is not None:
        case, how = found
        foreign = sender is None or sender.lower() != case.requester.lower()
        return Match(case, how, foreign_sender=foreign)
    if sender:
        recent = lookup.open_case_for_sender(sender, FOLLOW_UP_WINDOW_DAYS)
        if recent is not None and not _names_other_username(recent, username):
            return Match(recent, "sender")
    return Match(None, "new")


def _names_other_username(case: CaseRecord, username: str | None) -> bool:
    return bool(username and case.username and username.lower() != case.username.lower())


def _by_headers_or_token(
    references: list[str], subject: str, body: str, lookup: CaseLookup
) -> tuple[CaseRecord, str] | None:
    if references:
        case = lookup.case_by_message_ids(references)
        if case is not None:
            return case, "references"
    for how, text in (("subject_token", subject), ("body_token", body)):
        token = find_token(text)
        case = lookup.case_by_token(token) if token else None
        if case is not None:
            return case, how
    return None
