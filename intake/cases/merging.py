"""Merging what a message says into its case, and judging the case's completeness.

A finding replaces the case's value when it ranks at least as high, or when it is
stated in the requester's own words: a later explicit answer outranks an earlier
one, and any explicit statement outranks a ticked form checkbox (the web form
forces the recovery-codes box, so "I found my codes, they work" in a follow-up must
be able to replace it). Inferred values and remarks only fill gaps.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from intake.extraction.evidence import distinct_claims
from intake.extraction.extract import ANSWER, STATEMENT, Extraction, Finding
from intake.extraction.fields import missing_requirements, nest_fields


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
    """Fold a message's findings into the case's; usernames that differ conflict."""
    merged = {key: dict(value) for key, value in old.items()}
    changes: list[dict[str, Any]] = []
    conflict = None
    for key, found in extraction.findings.items():
        entry = _entry(found, message_id)
        before = merged.get(key)
        if key == "ownership_evidence" and before:
            entry["value"] = distinct_claims([*before["value"], *found.value])
        if before is not None and not _differs(before["value"], entry["value"]):
            continue
        if before is not None and key == "username":
            conflict = {"field": key, "stored": before["value"], "new": found.value}
            continue
        if before is None or key == "ownership_evidence" or _outranks(key, found, before):
            merged[key] = entry
            changes.append(
                {"field": key, "from": before["value"] if before else None, "to": entry["value"]}
            )
    kind = _kind_change(old, merged)
    if kind and not any(change["field"] == "reason_kind" for change in changes):
        changes.append(kind)
    return Merge(merged, changes, conflict)


def _kind_change(
    old: Mapping[str, Mapping[str, Any]], merged: Mapping[str, Mapping[str, Any]]
) -> dict[str, Any] | None:
    """The case's kind as staff see it, when the message changed it without naming a new
    reason: codes that turn out rejected make a lost phone a codes case."""
    before = nest_fields({key: entry["value"] for key, entry in old.items()})["reason_kind"]
    after = nest_fields({key: entry["value"] for key, entry in merged.items()})["reason_kind"]
    return None if before == after else {"field": "reason_kind", "from": before, "to": after}


def _entry(found: Finding, message_id: str | None) -> dict[str, Any]:
    return {
        "value": found.value,
        "evidence": found.evidence,
        "rank": found.rank,
        "message_id": message_id,
    }


# Why the requester wrote is only replaced by a new answer to our reason question: a
# follow-up that goes on about the codes adds details, it does not change the story.
_ANSWER_ONLY = frozenset(("reason", "reason_kind"))


def _outranks(key: str, found: Finding, before: Mapping[str, Any]) -> bool:
    """A remark never replaces a value; an explicit statement replaces anything."""
    if found.value is None:
        return before["value"] is None
    if key in _ANSWER_ONLY and _rank(before) >= STATEMENT:
        return found.rank >= ANSWER
    return found.explicit or found.rank >= _rank(before)


def _rank(entry: Mapping[str, Any]) -> int:
    """Cases stored before ranks existed kept only whether a value was explicit."""
    if "rank" in entry:
        return int(entry["rank"])
    return ANSWER if entry.get("explicit") else STATEMENT


def _differs(before: Any, after: Any) -> bool:
    if isinstance(before, str) and isinstance(after, str):
        return before.strip().lower() != after.strip().lower()
    return bool(before != after)


def evaluate(findings: Mapping[str, Mapping[str, Any]]) -> tuple[dict[str, Any], list[str]]:
    """The nested fields of a case and its unmet requirements."""
    nested = nest_fields({key: entry["value"] for key, entry in findings.items()})
    return nested, missing_requirements(nested)
