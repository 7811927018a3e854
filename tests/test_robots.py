"""Automated mail is recognised, rule by rule; a person's mail is not."""

from __future__ import annotations

import pytest

from intake.reading.parse import parse_message
from intake.reading.robots import GuardContext, automated_reason
from intake.replies.limits import ReplyCounts, limit_reason

CONTEXT = GuardContext(
    own_addresses=frozenset({"support@example.org"}),
    own_domain="example.org",
    authserv_id="mx.example.org",
)


def _reason(
    headers: str, sender: str = "person@example.net", content_type: str = "text/plain"
) -> str | None:
    raw = (
        f"From: {sender}\nTo: support@example.org\nSubject: hi\nContent-Type: {content_type}\n"
        f"{headers}\n\nhello\n"
    ).encode()
    return automated_reason(parse_message(raw), CONTEXT)


@pytest.mark.parametrize(
    ("headers", "sender", "expected"),
    [
        ("Return-Path: <>", "person@example.net", "empty_return_path"),
        ("", "MAILER-DAEMON@mx.example.net", "robot_sender"),
        ("", "no-reply@github.example", "robot_sender"),
        ("", "noreply@example.net", "robot_sender"),
        ("", "owner-pypi-list@lists.example.net", "robot_sender"),
        ("", "pypi-list-request@lists.example.net", "robot_sender"),
        ("", "support@example.org", "own_address"),
        ("List-Id: <pypi.lists.example.net>", "person@example.net", "mailing_list"),
        ("List-Unsubscribe: <mailto:x@example.net>", "person@example.net", "mailing_list"),
        ("Auto-Submitted: auto-replied", "person@example.net", "auto_submitted"),
        ("Auto-Submitted: auto-generated; owner=x", "person@example.net", "auto_submitted"),
        ("Precedence: bulk", "person@example.net", "precedence"),
        ("Precedence: junk", "person@example.net", "precedence"),
        ("X-Auto-Response-Suppress: DR, OOF", "person@example.net", "auto_response_suppress"),
        ("X-Autoreply: yes", "person@example.net", "autoreply_header"),
        ("X-Failed-Recipients: a@example.net", "person@example.net", "autoreply_header"),
        ("X-Loop: support@example.org", "person@example.net", "mail_loop"),
        (
            "Authentication-Results: mx.example.org; dmarc=fail header.from=example.net",
            "person@example.net",
            "dmarc_fail",
        ),
    ],
)
def test_automated_mail_is_recognised(headers: str, sender: str, expected: str) -> None:
    assert _reason(headers, sender) == expected


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        ("Automatic reply: Re: Your PyPI account recovery request", "autoreply_subject"),
        ("Out of Office: PyPI recovery", "autoreply_subject"),
        ("Abwesenheitsnotiz: Ihr PyPI-Konto", "autoreply_subject"),
        ("Re: Automatic reply: Re: Your PyPI account", None),
        ("Automatic replies from PyPI keep asking me for codes", None),
    ],
)
def test_an_out_of_office_subject_is_automated(subject: str, expected: str | None) -> None:
    raw = f"From: person@example.net\nTo: support@example.org\nSubject: {subject}\n\nhi\n"
    assert automated_reason(parse_message(raw.encode()), CONTEXT) == expected


def test_delivery_report_is_automated() -> None:
    assert (
        _reason("", content_type='multipart/report; report-type=delivery-status; boundary="b"')
        == "delivery_report"
    )


@pytest.mark.parametrize(
    "headers",
    [
        "",
        "Auto-Submitted: no",
        "X-Auto-Response-Suppress: DR, RN",
        "Precedence: first-class",
        "Authentication-Results: other.example.net; dmarc=fail",
        "Authentication-Results: mx.example.org; dmarc=pass",
    ],
)
def test_a_person_is_not_automated(headers: str) -> None:
    assert _reason(headers) is None


def test_limits_name_the_first_broken_one() -> None:
    counts = ReplyCounts(
        to_sender_today=5, for_case_today=1, unchanged_for_case_today=0, all_last_hour=3
    )
    args = {"per_sender_per_day": 5, "per_case_per_day": 10, "per_hour": 300}
    assert limit_reason(counts, changed=True, **args) == "sender_rate_limit"
    calm = ReplyCounts(1, 1, 1, 3)
    assert limit_reason(calm, changed=True, **args) is None
    assert limit_reason(calm, changed=False, **args) == "unchanged_follow_up_limit"
    assert limit_reason(ReplyCounts(0, 0, 0, 300), changed=True, **args) == "global_rate_limit"
