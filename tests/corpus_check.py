"""Compare `intake parse --json` output with a corpus file's expected JSON."""

from __future__ import annotations

from typing import Any


def compare(expected: dict[str, Any], got: dict[str, Any]) -> list[str]:
    """Return one line per mismatch: field, expected, got and the evidence line."""
    problems: list[str] = []
    fields = got["fields"]
    evidence = got["evidence"]
    for key, want in expected.get("fields", {}).items():
        have = fields.get(key)
        if not _matches(key, want, have):
            line = evidence.get(key) or next(
                (v for k, v in evidence.items() if k.startswith(f"{key}.")), None
            )
            problems.append(f"{key}: expected {want!r}, got {have!r} (evidence: {line!r})")
    for key in ("missing", "complete", "reply", "case_token"):
        if key in expected and expected[key] != got[key]:
            problems.append(f"{key}: expected {expected[key]!r}, got {got[key]!r}")
    if "automated" in expected and expected["automated"] != (got["automated_reason"] is not None):
        problems.append(
            f"automated: expected {expected['automated']!r}, got {got['automated_reason']!r}"
        )
    return problems


def _matches(key: str, want: Any, have: Any) -> bool:
    if key == "reason" and isinstance(want, str):
        return isinstance(have, str) and want.lower() in have.lower()
    if key == "ownership_evidence":
        items = [str(item).lower() for item in have or []]
        if not want:
            return not items
        return all(any(str(w).lower() in item for item in items) for w in want)
    if key == "username" and isinstance(want, str) and isinstance(have, str):
        return want.lower() == have.lower()
    return bool(want == have)
