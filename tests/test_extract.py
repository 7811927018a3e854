"""Extraction rules that a user would notice, one sentence each."""

from __future__ import annotations

from typing import Any

import pytest

from intake.extraction.extract import extract_fields


def _field(text: str, key: str) -> Any:
    found = extract_fields(text).findings.get(key)
    return None if found is None else found.value


@pytest.mark.parametrize(
    ("text", "key", "expected"),
    [
        ("My account is locked since Monday.", "username", None),
        ("My account has been disabled.", "username", None),
        ("my PyPI account iineolineii is locked", "username", "iineolineii"),
        ("My GitHub username is orbit-gh, PyPI is orbit.", "username", "orbit"),
        ("Username: <your username>", "username", None),
        ("Username: jdoe@example.com", "username", None),
        ("Username: `j.doe` (jdoe@example.com)", "username", "j.doe"),
        ("I do not have access to my email any more.", "credentials.email", False),
        ("I think I might still have the password, not sure.", "credentials.password", None),
        ("I lost my phone but I still have my password.", "credentials.password", True),
        ("Never share your password with anyone.", "credentials.password", None),
        ("My 2FA codes are rejected.", "recovery_codes", None),
        ("My recovery codes are rejected.", "recovery_codes", "not_working"),
        ("I never saved the recovery codes.", "recovery_codes", "never_saved"),
        (
            "I have not lost my recovery codes, but none of them is accepted.",
            "recovery_codes",
            "not_working",
        ),
        ("- [ ] I agree to follow the PSF Code of Conduct", "coc_agreed", False),
        ("- [x] I agree to follow the PSF Code of Conduct", "coc_agreed", True),
        ("I never agreed to the code of conduct.", "coc_agreed", None),
        ("I guess I agree to the code of conduct.", "coc_agreed", None),
        ("I don't want to wait weeks for this.", "time_acknowledged", False),
        ("I understand that it may take a significant amount of time.", "time_acknowledged", True),
    ],
)
def test_rule(text: str, key: str, expected: object) -> None:
    assert _field(text, key) == expected


def test_prose_about_codes_beats_the_forced_checkbox() -> None:
    text = (
        "### Recovery Codes\n\n"
        "- [x] I never generated or have lost access to the recovery codes for my account\n\n"
        "My recovery codes are rejected when I paste them in."
    )
    assert _field(text, "recovery_codes") == "not_working"
    assert (
        _field(
            "- [x] I never generated or have lost access to the recovery codes", "recovery_codes"
        )
        == "lost"
    )


def test_every_value_names_the_line_it_came_from() -> None:
    findings = extract_fields("Hello.\nUsername: alice\nI still know my password.").findings
    assert findings["username"].evidence == "Username: alice"
    assert findings["credentials.password"].evidence == "I still know my password."
