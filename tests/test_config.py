"""Configuration: every bad value is named with the key, the value and what is allowed."""

from __future__ import annotations

from pathlib import Path

import pytest

from intake.config import load_config
from intake.errors import ConfigError

ROOT = Path(__file__).parent.parent
MINIMAL = '[reply]\nfrom = "Recovery <support@example.org>"\n'


def _load(tmp_path: Path, text: str) -> object:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return load_config(path)


def test_example_config_documents_a_valid_configuration() -> None:
    config = load_config(ROOT / "config.example.toml")
    assert config.mailbox.kind == "imap" and config.smtp.security == "starttls"
    assert config.limits.replies_per_sender_per_day == 5


def test_defaults_are_the_embedded_maildir_setup(tmp_path: Path) -> None:
    config = _load(tmp_path, MINIMAL)
    assert config.mailbox.kind == "maildir"  # type: ignore[attr-defined]
    assert config.mailbox.path == tmp_path / "var" / "inbox"  # type: ignore[attr-defined]
    assert config.database.path == tmp_path / "var" / "intake.db"  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[mailbox]\nport = "993"\n', "mailbox.port = '993': expected a whole number"),
        (
            "[mailbox]\nkind = 'pop3'\n",
            'mailbox.kind = \'pop3\': expected one of "maildir", "imap"',
        ),
        ("[mailbox]\npoll_interval = 0\n", "mailbox.poll_interval = 0: expected at least 1"),
        ("[mailbox]\npolling = 5\n", "mailbox.polling: unknown key; expected one of"),
        ("[mailbox]\nidle = 'yes'\n", "mailbox.idle = 'yes': expected true or false"),
        ("[smtpd]\n", "unknown section [smtpd]"),
        (
            "[limits]\nreplies_per_hour = true\n",
            "limits.replies_per_hour = True: expected a whole number",
        ),
        (
            '[reply]\nfrom = "not an address"\n',
            "reply.from = 'not an address': expected one email address",
        ),
        (
            '[reply]\nfrom = "a@example.org"\nstaff = ["ok@example.org", "x"]\n',
            "reply.staff[1] = 'x'",
        ),
        ("", "reply.from is required"),
        (
            MINIMAL + '[mailbox]\nkind = "imap"\nhost = "imap.example.org"\nsecurity = "none"\n',
            'mailbox.security = "none": plaintext is allowed only towards a loopback host',
        ),
        (MINIMAL + '[smtp]\nkind = "smtp"\n', 'smtp.host is required when smtp.kind = "smtp"'),
        ("[mailbox\n", "is not valid TOML"),
        (
            MINIMAL + '[smtp]\nkind = "smtp"\nhost = "mx.example.org"\npassword_file = "p"\n'
            'password_command = "pass smtp"\n',
            "smtp: password_file, password_command are all set; expected only one way to log in",
        ),
    ],
)
def test_bad_values_are_named(tmp_path: Path, text: str, message: str) -> None:
    if text and "reply" not in text and "is not valid" not in message:
        text = MINIMAL + text
    with pytest.raises(ConfigError) as raised:
        _load(tmp_path, text)
    assert message in str(raised.value)


def test_plaintext_towards_loopback_is_allowed(tmp_path: Path) -> None:
    config = _load(
        tmp_path, MINIMAL + '[mailbox]\nkind = "imap"\nhost = "127.0.0.1"\nsecurity = "none"\n'
    )
    assert config.mailbox.security == "none"  # type: ignore[attr-defined]


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        load_config(tmp_path / "nope.toml")


def test_password_is_not_shown_in_repr(tmp_path: Path) -> None:
    config = _load(tmp_path, MINIMAL + '[mailbox]\npassword = "s3cr3t-value"\n')
    assert "s3cr3t-value" not in repr(config)
