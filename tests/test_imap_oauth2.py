"""XOAUTH2 login for real: Dovecot's oauth2 passdb asks a loopback endpoint about the token."""

from __future__ import annotations

import json
import secrets
import shlex
from collections.abc import Iterator
from pathlib import Path

import pytest

from intake.errors import MailboxError
from tests.commands import intake
from tests.imap_helpers import collect, connect, fill, opened
from tests.servers.config import write_server_config
from tests.servers.dovecot import DovecotServer, DovecotUser, running_dovecot
from tests.servers.oauth2 import TokenEndpoint
from tests.servers.smtp import SmtpServer

pytestmark = pytest.mark.servers


@pytest.fixture(scope="module")
def endpoint() -> Iterator[TokenEndpoint]:
    with TokenEndpoint().serving() as serving:
        yield serving


@pytest.fixture(scope="module")
def oauth2_dovecot(endpoint: TokenEndpoint) -> Iterator[DovecotServer]:
    with running_dovecot(introspection_url=endpoint.url) as server:
        yield server


@pytest.fixture
def user(oauth2_dovecot: DovecotServer) -> DovecotUser:
    return oauth2_dovecot.add_user()


def token_file(tmp_path: Path, token: str) -> tuple[Path, str]:
    """Write ``token`` to a file; return it and a command that prints it."""
    path = tmp_path / "token"
    path.write_text(token + "\n")
    return path, f"cat {shlex.quote(str(path))}"


def test_the_commands_token_is_sent_and_the_mailbox_is_read(
    user: DovecotUser, endpoint: TokenEndpoint, tmp_path: Path
) -> None:
    token = "ya29." + secrets.token_urlsafe(24)
    endpoint.grant(token, user.user)
    sent = fill(user, 2)
    _, command = token_file(tmp_path, token)

    with opened(user.mailbox_config(password="", oauth2_token_command=command)) as source:
        assert [m.data for m in collect(source)] == list(sent.values())

    assert token in endpoint.tokens_asked()


def test_a_refused_token_is_a_clear_error_without_the_token(
    user: DovecotUser, endpoint: TokenEndpoint, tmp_path: Path
) -> None:
    token = "expired-" + secrets.token_urlsafe(24)
    _, command = token_file(tmp_path, token)

    with pytest.raises(MailboxError) as caught:
        connect(user.mailbox_config(password="", oauth2_token_command=command))

    text = str(caught.value)
    assert f"login as '{user.user}' refused" in text
    assert "AUTHENTICATIONFAILED" in text
    assert token not in text
    assert token in endpoint.tokens_asked()  # it was the command's token that was refused


def test_a_reconnect_runs_the_command_again_for_a_fresh_token(
    user: DovecotUser, endpoint: TokenEndpoint, tmp_path: Path
) -> None:
    first, second = secrets.token_urlsafe(16), secrets.token_urlsafe(16)
    endpoint.grant(first, user.user)
    endpoint.grant(second, user.user)
    path, command = token_file(tmp_path, first)
    fill(user, 1)

    with opened(user.mailbox_config(password="", oauth2_token_command=command)) as source:
        assert source.folders()["INBOX"]
        path.write_text(second + "\n")
        user.server.doveadm("kick", user.user)
        with pytest.raises(MailboxError, match="connection lost"):
            collect(source)
        assert len(collect(source)) == 1

    asked = endpoint.tokens_asked()
    assert asked.index(second) > asked.index(first)


def test_check_config_names_a_refused_token_command_without_its_output(
    user: DovecotUser, smtp_server: SmtpServer, tmp_path: Path
) -> None:
    token = "stale-" + secrets.token_urlsafe(16)
    _, command = token_file(tmp_path, token)
    config = write_server_config(
        tmp_path, user, smtp_server.port, login=f"oauth2_token_command = {json.dumps(command)}"
    )

    done = intake("check-config", "--config", str(config))

    assert done.returncode != 0
    assert f"login as '{user.user}' refused: [AUTHENTICATIONFAILED]" in done.stdout
    assert token not in done.stderr + done.stdout
