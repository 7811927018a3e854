"""Case summaries for staff: what was said, by whom, with the line it came from."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from intake.cases.flags import describe_flag
from intake.cases.lookup import find_case
from intake.storage import Store
from intake.templating import render_text

_FIELD_LABELS = (
    ("username", "username"),
    ("reason", "reason"),
    ("reason_kind", "reason kind"),
    ("credentials.username", "has username"),
    ("credentials.password", "has password"),
    ("credentials.email", "has account email"),
    ("ownership_evidence", "ownership evidence"),
    ("recovery_codes", "recovery codes"),
    ("coc_agreed", "code of conduct"),
    ("time_acknowledged", "accepts the wait"),
)


@dataclass(frozen=True, slots=True)
class FieldRow:
    label: str
    value: str
    evidence: str


def case_detail(store: Store, ref: str | int) -> dict[str, Any]:
    """The case with its messages and events (the JSON of ``intake cases show``).

    ``previous_cases`` are the requester's earlier cases, newest first, and
    ``previous_case`` names the newest of them (its token), or is None.
    """
    case = find_case(store, ref)
    messages = store.rows(
        'SELECT id, direction, message_id, in_reply_to, "references", sender, recipient, '
        "subject, date, body_text, extracted, evidence, attachments, source_key, "
        "automated_reason, flags, reply, received_at FROM messages WHERE case_id = ? ORDER BY id",
        (case["id"],),
    )
    events = store.rows(
        "SELECT at, kind, detail FROM events WHERE case_id = ? ORDER BY id", (case["id"],)
    )
    previous = store.rows(
        "SELECT id, token, status, created_at FROM cases "
        "WHERE requester = ? COLLATE NOCASE AND id < ? ORDER BY id DESC LIMIT 20",
        (case["requester"], case["id"]),
    )
    pack = store.rows("SELECT pack FROM verification WHERE case_id = ?", (case["id"],))
    proofs = store.rows(
        "SELECT project, repository, branch, status, created_at, expires_at, checked_at, "
        "commit_id, verified_at, last_error FROM proofs WHERE case_id = ? ORDER BY id",
        (case["id"],),
    )
    return {
        "case": _public_case(case),
        "messages": messages,
        "events": events,
        "previous_cases": previous,
        "previous_case": previous[0]["token"] if previous else None,
        "verification": pack[0]["pack"] if pack else None,
        "proofs": proofs,
    }


def _public_case(case: Mapping[str, Any]) -> dict[str, Any]:
    shown = dict(case)
    findings = shown.pop("findings")
    shown["evidence"] = {key: entry.get("evidence") for key, entry in findings.items()}
    refused = findings.get("username_refused", {}).get("value")
    # Escaped, so look-alike letters read as what they are: "\u0440aypal", not "paypal".
    shown["refused_username"] = (
        refused.encode("ascii", "backslashreplace").decode() if refused else None
    )
    return shown


def render_summary(detail: Mapping[str, Any]) -> str:
    """The readable summary of one case (also the body of staff notifications)."""
    case = detail["case"]
    return render_text(
        "case_summary.txt.j2",
        case=case,
        case_flags=[(flag, describe_flag(flag)) for flag in case["flags"]],
        field_rows=field_rows(case),
        messages=[_shown_message(message) for message in detail["messages"]],
        events=detail["events"],
        previous_cases=detail.get("previous_cases", []),
        pack=detail.get("verification"),
        proofs=detail.get("proofs", []),
    )


def _shown_message(message: Mapping[str, Any]) -> dict[str, Any]:
    shown = dict(message)
    shown["flag_texts"] = [describe_flag(flag, on_message=True) for flag in message["flags"] or []]
    shown["text_lines"] = (message["body_text"] or "").splitlines()
    return shown


def field_rows(case: Mapping[str, Any]) -> list[FieldRow]:
    fields = case["fields"]
    credentials = fields.get("credentials") or {}
    flat = {
        **{k: fields.get(k) for k, _ in _FIELD_LABELS if "." not in k},
        **{f"credentials.{part}": value for part, value in credentials.items()},
    }
    evidence = case.get("evidence") or {}
    rows = []
    for key, label in _FIELD_LABELS:
        value = _shown(flat.get(key))
        line = " / ".join((evidence.get(key) or "").splitlines())
        derived = key == "reason_kind" or line == value
        rows.append(FieldRow(label, value, "" if derived else line))
    return rows


def _shown(value: Any) -> str:
    if value is None or value == []:
        return "(not given)"
    if value is True:
        return "yes"
    if value is False:
        return "no"
    if isinstance(value, list):
        return "; ".join(str(item) for item in value)
    return str(value)
