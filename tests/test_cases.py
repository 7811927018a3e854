"""Thread matching, merging and status against a real SQLite store."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from intake.cases import TOKEN_PATTERN, find_token, match_case, merge_findings, new_token
from intake.cases.lookup import StoredCases
from intake.extraction.extract import extract_fields
from intake.storage import Store


def test_tokens_are_crockford_base32_and_found_in_text() -> None:
    tokens = {new_token() for _ in range(200)}
    assert len(tokens) == 200
    assert all(re.fullmatch(r"PR-[0-9ABCDEFGHJKMNPQRSTVWXYZ]{10}", t) for t in tokens)
    assert find_token("Re: x [case pr-7k3m9q2xhd]") == "PR-7K3M9Q2XHD"
    assert find_token("PR-7K3M9Q2XHI") is None  # I is not Crockford
    assert TOKEN_PATTERN.search("see PR-7K3M9Q2XHD.") is not None


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with Store(tmp_path / "cases.db") as opened:
        yield opened  # type: ignore[misc]


def _case(
    store: Store,
    token: str,
    requester: str,
    username: str | None = None,
    status: str = "awaiting_details",
) -> int:
    case_id = store.insert(
        "cases",
        {
            "token": token,
            "requester": requester,
            "username": username,
            "status": status,
            "created_at": "2026-11-25T00:00:00+00:00",
            "updated_at": "2099-01-01T00:00:00+00:00",
        },
    )
    store.insert(
        "messages",
        {
            "case_id": case_id,
            "direction": "out",
            "message_id": f"<{token}.1@example.org>",
            "received_at": "2026-11-25T00:00:00+00:00",
        },
    )
    return case_id


def test_match_order_headers_then_subject_then_body_then_sender(store: Store) -> None:
    first = _case(store, "PR-AAAAAAAAAA", "a@example.org")
    second = _case(store, "PR-BBBBBBBBBB", "a@example.org")
    common = {"sender": "a@example.org", "username": None, "lookup": StoredCases(store)}
    by_header = match_case(
        references=["<PR-AAAAAAAAAA.1@example.org>"],
        subject="[case PR-BBBBBBBBBB]",
        body="",
        **common,
    )
    assert (by_header.case.id, by_header.how) == (first, "references")  # type: ignore[union-attr]
    by_subject = match_case(
        references=[], subject="[case PR-BBBBBBBBBB]", body="PR-AAAAAAAAAA", **common
    )
    assert (by_subject.case.id, by_subject.how) == (second, "subject_token")  # type: ignore[union-attr]
    by_body = match_case(references=[], subject="hello", body="> ref PR-AAAAAAAAAA", **common)
    assert (by_body.case.id, by_body.how) == (first, "body_token")  # type: ignore[union-attr]
    by_sender = match_case(references=[], subject="hello", body="", **common)
    assert by_sender.how == "sender" and by_sender.case is not None


def test_sender_match_needs_the_same_username_and_an_open_case(store: Store) -> None:
    _case(store, "PR-CCCCCCCCCC", "c@example.org", username="carol")
    _case(store, "PR-DDDDDDDDDD", "d@example.org", username="dave", status="resolved")
    other = match_case(
        sender="c@example.org",
        references=[],
        subject="",
        body="",
        username="someone-else",
        lookup=StoredCases(store),
    )
    assert other.case is None and other.how == "new"
    closed = match_case(
        sender="d@example.org",
        references=[],
        subject="",
        body="",
        username=None,
        lookup=StoredCases(store),
    )
    assert closed.case is None


def test_token_from_another_address_is_a_foreign_sender(store: Store) -> None:
    _case(store, "PR-EEEEEEEEEE", "e@example.org")
    found = match_case(
        sender="x@example.net",
        references=[],
        subject="[case PR-EEEEEEEEEE]",
        body="",
        username=None,
        lookup=StoredCases(store),
    )
    assert found.foreign_sender and found.case is not None


def test_never_matched_on_subject_text_alone(store: Store) -> None:
    _case(store, "PR-FFFFFFFFFF", "f@example.org")
    found = match_case(
        sender="g@example.org",
        references=[],
        subject="Re: Account recovery",
        body="",
        username=None,
        lookup=StoredCases(store),
    )
    assert found.case is None


def test_merge_fills_gaps_replaces_explicit_answers_and_flags_username_conflicts() -> None:
    first = merge_findings(
        {}, extract_fields("Username: alice\nAccess to account email (yes/no): no"), "<1@x>"
    )
    assert first.findings["credentials.email"]["value"] is False and len(first.changes) == 3
    second = merge_findings(
        first.findings,
        extract_fields("Access to account email (yes/no): yes\nUsername: bob"),
        "<2@x>",
    )
    assert second.findings["credentials.email"]["value"] is True
    assert second.findings["username"]["value"] == "alice"
    assert second.conflict == {"field": "username", "stored": "alice", "new": "bob"}
    assert {"field": "credentials.email", "from": False, "to": True} in second.changes
    unchanged = merge_findings(second.findings, extract_fields("thanks!"), "<3@x>")
    assert not unchanged.changed


_FORM_CODES_BOX = (
    "### Recovery Codes\n\n"
    "- [x] I never generated or have lost access to the recovery codes for my account\n"
)


def test_an_explicit_statement_later_outranks_the_forced_form_checkbox() -> None:
    first = merge_findings({}, extract_fields(_FORM_CODES_BOX), "<1@x>")
    assert first.findings["recovery_codes"]["value"] == "lost"
    found = merge_findings(
        first.findings, extract_fields("I found my recovery codes, they work."), "<2@x>"
    )
    assert found.findings["recovery_codes"]["value"] == "have"
    assert {"field": "recovery_codes", "from": "lost", "to": "have"} in found.changes
    boxed_again = merge_findings(found.findings, extract_fields(_FORM_CODES_BOX), "<3@x>")
    assert boxed_again.findings["recovery_codes"]["value"] == "have" and not boxed_again.changed


def test_a_later_explicit_answer_outranks_an_earlier_one_in_any_shape() -> None:
    first = merge_findings({}, extract_fields("Access to account email (yes/no): no"), "<1@x>")
    corrected = merge_findings(
        first.findings, extract_fields("Correction: I can read the account email."), "<2@x>"
    )
    assert corrected.findings["credentials.email"]["value"] is True
    assert {"field": "credentials.email", "from": False, "to": True} in corrected.changes


def test_remarks_and_inferred_values_only_fill_gaps() -> None:
    first = merge_findings({}, extract_fields("I can still read the account email."), "<1@x>")
    remark = merge_findings(
        first.findings, extract_fields("The email was never verified."), "<2@x>"
    )
    assert remark.findings["credentials.email"]["value"] is True and not remark.changed
    unknown = merge_findings({}, extract_fields("My email is not verified."), "<3@x>")
    assert unknown.findings["credentials.email"]["value"] is None
    assert unknown.findings["credentials.email"]["evidence"] == "My email is not verified."


def test_a_follow_up_about_the_codes_keeps_the_reason_the_requester_gave() -> None:
    first = merge_findings({}, extract_fields("I lost my phone with the authenticator."), "<1@x>")
    more = merge_findings(
        first.findings, extract_fields("I tried the backup codes, they are rejected."), "<2@x>"
    )
    assert more.findings["reason"]["value"] == "I lost my phone with the authenticator."
    assert more.findings["recovery_codes"]["value"] == "not_working"


def test_claims_given_twice_are_one_evidence_item() -> None:
    first = merge_findings(
        {}, extract_fields("Ownership evidence: https://github.com/o/tool/"), "<1@x>"
    )
    again = merge_findings(
        first.findings,
        extract_fields("My repo is github.com/o/tool and I maintain tool-cli."),
        "<2@x>",
    )
    assert again.findings["ownership_evidence"]["value"] == [
        "https://github.com/o/tool/",
        "tool-cli",
    ]
