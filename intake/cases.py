"""Cases: matching a message to its case, merging what it says, deciding the reply.

Pure functions over plain data; ``store`` supplies the lookups and keeps the results.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from intake.extract import Extraction
from intake.fields import missing_requirements, nest_fields

TOKEN_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
TOKEN_PATTERN = re.compile(r"\bPR-([0-9A-HJKMNP-TV-Z]{10})\b", re.I)
OPEN_STATUSES = ("awaiting_details", "ready_for_review", "in_review")
AUTO_REPLY_STATUSES = ("awaiting_details", "ready_for_review")
STATUSES = ("awaiting_details", "ready_for_review", "in_review", "resolved", "rejected")
FOLLOW_UP_WINDOW_DAYS = 30


def new_token() -> str:
    """A fresh public case reference: ``PR-`` and 10 Crockford base32 characters."""
    return "PR-" + "".join(secrets.choice(TOKEN_ALPHABET) for _ in range(10))


def find_token(text: str) -> str | None:
    """The first case reference in ``text``, normalised to upper case."""
    match = TOKEN_PATTERN.search(text)
    return f"PR-{match.group(1).upper()}" if match else None


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
    """The queries thread matching needs (implemented by the store)."""

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
    """Find the case a message belongs to, first hit wins (DESIGN §3)."""
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


@dataclass(frozen=True, slots=True)
class Merge:
    """The case's findings after a message, and what changed."""

    findings: dict[str, dict[str, Any]]
    changes: list[dict[str, Any]] = field(default_factory=list)
    conflict: dict[str, Any] | None = None

    @property
    def changed(self) -> bool:
        return bool(self.changes)


def merge_findings(
    old: Mapping[str, Mapping[str, Any]], extraction: Extraction, message_id: str | None
) -> Merge:
    """New values fill gaps; an explicit new answer replaces an old one; usernames conflict."""
    merged = {key: dict(value) for key, value in old.items()}
    changes: list[dict[str, Any]] = []
    conflict = None
    for key, found in extraction.findings.items():
        entry = {
            "value": found.value,
            "evidence": found.evidence,
            "explicit": found.explicit,
            "message_id": message_id,
        }
        before = merged.get(key)
        if key == "ownership_evidence" and before:
            entry["value"] = list(dict.fromkeys([*before["value"], *found.value]))
        if before is None:
            merged[key] = entry
            changes.append({"field": key, "from": None, "to": entry["value"]})
        elif _differs(before["value"], entry["value"]):
            if key == "username":
                conflict = {"field": key, "stored": before["value"], "new": found.value}
                continue
            if found.explicit or not before.get("explicit") or key == "ownership_evidence":
                merged[key] = entry
                changes.append({"field": key, "from": before["value"], "to": entry["value"]})
    return Merge(merged, changes, conflict)


def _differs(before: Any, after: Any) -> bool:
    if isinstance(before, str) and isinstance(after, str):
        return before.strip().lower() != after.strip().lower()
    return bool(before != after)


def evaluate(findings: Mapping[str, Mapping[str, Any]]) -> tuple[dict[str, Any], list[str]]:
    """The nested fields of a case and its unmet requirements."""
    nested = nest_fields({key: entry["value"] for key, entry in findings.items()})
    return nested, missing_requirements(nested)


def status_after(current: str | None, missing: list[str]) -> str:
    """Automatic status: only the two automated stages move by themselves."""
    if current not in (None, *AUTO_REPLY_STATUSES):
        return current or "awaiting_details"
    return "ready_for_review" if not missing else "awaiting_details"


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
    """Choose the reply (DESIGN §4). ``blocked_by`` names a guard or limit that forbids one."""
    became_ready = status == "ready_for_review" and status_before != "ready_for_review"
    if blocked_by:
        return Decision("none", blocked_by, notify_staff=became_ready)
    if status_before not in (None, *AUTO_REPLY_STATUSES):
        return Decision("none", f"case_{status_before}")
    kind = "missing_details" if missing else "acknowledgement"
    return Decision(kind, notify_staff=became_ready)
