"""Compare `intake parse --json` output with a corpus file's expected JSON."""

from __future__ import annotations

import re
from typing import Any

CHECKED_KEYS = ("missing", "complete", "reply", "case_token")


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
    for key in CHECKED_KEYS:
        if key in expected and expected[key] != got.get(key):
            problems.append(f"{key}: expected {expected[key]!r}, got {got.get(key)!r}")
    if "language" in got and expected.get("language") != got["language"]:
        # English unless the request says otherwise: a false detection is a mistake too.
        problems.append(f"language: expected {expected.get('language')!r}, got {got['language']!r}")
    if "automated" in expected and expected["automated"] != (got["automated_reason"] is not None):
        problems.append(
            f"automated: expected {expected['automated']!r}, got {got['automated_reason']!r}"
        )
    return problems


def _matches(key: str, want: Any, have: Any) -> bool:
    if key == "reason" and isinstance(want, str):
        return isinstance(have, str) and want.lower() in have.lower()
    if key == "ownership_evidence":
        return _same_evidence(want, have or [])
    if key == "username" and isinstance(want, str) and isinstance(have, str):
        return want.lower() == have.lower()
    return bool(want == have)


def _same_evidence(want: list[str], have: list[Any]) -> bool:
    """Every wanted item is in one item, and no claim is listed twice."""
    items = [str(item).lower() for item in have]
    if not want:
        return not items
    keys = [_claim_key(item) for item in items]
    if len(set(keys)) < len(keys):
        return False
    return all(any(str(w).lower() in item for item in items) for w in want)


def _claim_key(item: str) -> str:
    """One spelling per claim: no scheme, no "www.", no trailing slash or ".git"."""
    item = re.sub(r"^(?:https?://)?(?:www\.)?", "", item.strip())
    return re.sub(r"(?:\.git)?/*$", "", item)
