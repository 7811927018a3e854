"""Redaction: secrets go, and the words around them that say something stay."""

from __future__ import annotations

import pytest

from intake.reading.redact import MARK, redact


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Password: (hunter2)", "hunter2"),
        ("Password: [s3cr3t-pass]", "s3cr3t-pass"),
        ("Password: yes (it is Tr0ub4dor)", "Tr0ub4dor"),
        ("password-Tr0ub4dor&3", "Tr0ub4dor"),
        ("password-Safe#2024", "Safe#2024"),
        ("Password: honestly sunflower", "sunflower"),
        ("Password: actually it is bluebird", "bluebird"),
        ("Password: known (sunflower)", "sunflower"),
        ("Password: dont h4ck3r", "h4ck3r"),
        ("my password is 1PASSWORD", "1PASSWORD"),
        ("Password: I've got it: hunter22", "hunter22"),
        ("Password: we've got Sunfl0wer", "Sunfl0wer"),
        ("Password: I've got it, it's Blueberry", "Blueberry"),
        ("Password: got ZebraCrossing", "ZebraCrossing"),
        ("Password: I've got it. The new one is Quokka.", "Quokka"),
        ("Password: yes, it's Blueberry", "Blueberry"),
        ("Passowrd: yes, it is Tr0ub4dor&3", "Tr0ub4dor"),
        ("Pasword: Sunfl0wer", "Sunfl0wer"),
        ("Password: I have hunter2", "hunter2"),
        ("Password: we use Hunter2!", "Hunter2"),
        ("Password: my own, Tr0ub4dor&3", "Tr0ub4dor"),
    ],
)
def test_a_secret_in_brackets_or_after_a_hyphen_is_redacted(text: str, secret: str) -> None:
    redacted = redact(text)
    assert secret not in redacted.text and MARK in redacted.text
    assert redacted.kinds == ("password",)


@pytest.mark.parametrize(
    "text",
    [
        "I kept my TOTP secrets in a password-manager vault, and that vault file was corrupted.",
        "Password: known (kept in our team vault)",
        "Password: yes (in 1Password)",
        "Password: (see below)",
        "Password: honestly, I've forgotten it",
        "Password: don't have it anymore, it was in the phone's keychain",
        "The login is password-less for our CI, the token does it.",
        "I can still log in with my password - it's the second factor that blocks me.",
        "I still have my password - scratch that, I reset it and lost it.",
        "Password is safely in my head.",
        "Password: I've got it. Email: yes, same address I'm writing from.",
        "Password: yes, it is fine.",
        "Password: no",
        "Password: I have it",
        "my password is in the vault",
        "Password - yes. The email is the problem, so no. To prove the account is mine: I am "
        "the author.",
    ],
)
def test_words_about_the_password_are_kept(text: str) -> None:
    assert redact(text).text == text
