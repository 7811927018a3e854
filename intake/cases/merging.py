"""Merging what a message says into its case, and judging the case's completeness."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from intake.extraction.extract import Extraction
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
