"""SmtpTransport against a real SMTP server (aiosmtpd in-process); no mocks."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Iterator

import pytest

from intake.config import SmtpConfig
from intake.errors import DeliveryError
from intake.replies.transports.smtp import SmtpTransport
from tests.servers.dovecot import free_port
from tests.servers.smtp import SmtpServer, running_smtp_server
from tests.servers.tls import TlsFiles

pytestmark = pytest.mark.servers

REPLY = (
    b"From: Account Recovery <support@example.org>\r\n"
    b"To: requester@example.net\r\n"
    b"Subject: Re: lost 2FA [case PR-0123456789]\r\n"
    b"Message-ID: <reply-1@example.org>\r\n"
    b"Auto-Submitted: auto-replied\r\n"
    b"\r\n"
    b"We received your request.\r\n"
)


def send_all(cfg: SmtpConfig, *recipients: str) -> None:
    """Send REPLY to each recipient over one connection, from the null sender."""

    async def run() -> None:
        async with SmtpTransport(cfg) as transport:
            for recipient in recipients:
                await transport.send("", recipient, REPLY)

    asyncio.run(run())


def delivery_error(cfg: SmtpConfig, recipient: str = "requester@example.net") -> DeliveryError:
    with pytest.raises(DeliveryError) as caught:
        send_all(cfg, recipient)
    assert "\n" not in str(caught.value)
    return caught.value


def test_send_reaches_the_server_from_the_null_sender(smtp_server: SmtpServer) -> None:
    send_all(smtp_server.smtp_config(), "requester@example.net")

    [received] = smtp_server.wait_for(1)
    assert received.mail_from == "<>"
    assert received.rcpt_tos == ("requester@example.net",)
    assert received.message["Subject"] == "Re: lost 2FA [case PR-0123456789]"
    assert received.data.replace(b"\r\n", b"\n") == REPLY.replace(b"\r\n", b"\n")
    assert not received.secure


def test_one_connection_carries_every_message_of_a_session(smtp_server: SmtpServer) -> None:
    send_all(smtp_server.smtp_config(), "a@example.net", "b@example.net", "c@example.net")

    received = smtp_server.wait_for(3)
    assert [r.rcpt_tos for r in received] == [
        ("a@example.net",),
        ("b@example.net",),
        ("c@example.net",),
    ]
    assert len({r.peer for r in received}) == 1


@pytest.mark.parametrize(
    ("code", "stage", "permanent"),
    [
        (550, "rcpt", True),
        (554, "data", True),
        (553, "mail", True),
        (451, "rcpt", False),
        (452, "data", False),
        (421, "mail", False),
    ],
)
def test_5xx_is_permanent_and_4xx_temporary(
    smtp_server: SmtpServer, code: int, stage: str, permanent: bool
) -> None:
    smtp_server.fail_next(code, stage=stage)

    error = delivery_error(smtp_server.smtp_config())

    assert error.permanent is permanent
    assert str(code) in str(error)
    assert smtp_server.received == []


def test_a_refused_message_does_not_spoil_the_session(smtp_server: SmtpServer) -> None:
    smtp_server.fail_next(550, stage="rcpt")

    async def run() -> list[bool]:
        outcomes = []
        async with SmtpTransport(smtp_server.smtp_config()) as transport:
            for recipient in ("gone@example.net", "requester@example.net"):
                try:
                    await transport.send("", recipient, REPLY)
                    outcomes.append(True)
                except DeliveryError:
                    outcomes.append(False)
        return outcomes

    assert asyncio.run(run()) == [False, True]
    assert [r.rcpt_tos for r in smtp_server.wait_for(1)] == [("requester@example.net",)]


def test_connection_refused_is_temporary() -> None:
    cfg = SmtpConfig(kind="smtp", host="127.0.0.1", port=free_port(), security="none", timeout=5)

    error = delivery_error(cfg)

    assert error.permanent is False
    assert "refused" in str(error)


@pytest.fixture
def silent_port() -> Iterator[int]:
    """A port that accepts connections but never says a word."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        yield int(listener.getsockname()[1])


def test_a_server_that_never_answers_times_out_as_temporary(silent_port: int) -> None:
    cfg = SmtpConfig(kind="smtp", host="127.0.0.1", port=silent_port, security="none", timeout=1)

    error = delivery_error(cfg)

    assert error.permanent is False
    assert "no answer within 1 s" in str(error) or "Timed out" in str(error)


def test_starttls_required_but_not_offered_refuses_to_send(smtp_server: SmtpServer) -> None:
    error = delivery_error(smtp_server.smtp_config(security="starttls"))

    assert "STARTTLS" in str(error)
    assert error.permanent is False
    assert smtp_server.received == []


def test_a_server_wanting_starttls_first_is_a_temporary_error(
    smtp_starttls_server: SmtpServer,
) -> None:
    error = delivery_error(smtp_starttls_server.smtp_config(security="none"))

    assert "530" in str(error)
    assert error.permanent is False


def test_starttls_verifies_the_certificate_with_ca_file(
    smtp_starttls_server: SmtpServer,
) -> None:
    send_all(smtp_starttls_server.smtp_config(), "requester@example.net")

    [received] = smtp_starttls_server.wait_for(1)
    assert received.secure


def test_starttls_without_the_ca_refuses_the_certificate(
    smtp_starttls_server: SmtpServer,
) -> None:
    error = delivery_error(smtp_starttls_server.smtp_config(ca_file=None))

    assert "certificate" in str(error)
    assert smtp_starttls_server.received == []


def test_implicit_tls_with_ca_file(tls_files: TlsFiles) -> None:
    with running_smtp_server(tls=tls_files, implicit_tls=True) as server:
        send_all(server.smtp_config(), "requester@example.net")
        [received] = server.wait_for(1)
    assert received.secure


def test_login_with_the_password() -> None:
    with running_smtp_server(credentials=("support", "s3cret-Pa55")) as server:
        send_all(
            server.smtp_config(username="support", password="s3cret-Pa55"),
            "requester@example.net",
        )
        [received] = server.wait_for(1)
    assert received.login == "support"


def test_wrong_password_is_temporary_and_not_in_the_error() -> None:
    with running_smtp_server(credentials=("support", "right-one")) as server:
        error = delivery_error(server.smtp_config(username="support", password="wr0ng-Secret"))
        assert server.received == []
    assert error.permanent is False
    assert "login" in str(error)
    assert "wr0ng-Secret" not in str(error)
