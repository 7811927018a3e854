"""An in-process SMTP server (aiosmtpd Controller) that records what it receives.

It can answer chosen error codes for the next messages, offer (and require) STARTTLS,
speak implicit TLS, and ask for a login, so the transport meets each case for real.
"""

from __future__ import annotations

import dataclasses
import email
import email.policy
import threading
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from email.message import EmailMessage
from typing import TYPE_CHECKING, Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session

from intake.config import SmtpConfig
from tests.servers.dovecot import free_port

if TYPE_CHECKING:  # loaded by conftest's pytest_plugins, so pytest can rewrite it
    from tests.servers.tls import TlsFiles

STAGES = ("mail", "rcpt", "data")


@dataclass(frozen=True, slots=True)
class ReceivedMessage:
    """One accepted message: the envelope as sent, the bytes and their parse."""

    mail_from: str
    rcpt_tos: tuple[str, ...]
    data: bytes
    message: EmailMessage
    secure: bool  # came over TLS (implicit or STARTTLS)
    login: str | None  # the AUTH user, if the client logged in
    peer: tuple[str, int]  # the client's address: one port per connection


class Recorder:
    """aiosmtpd handler: keeps every accepted message; fails on request."""

    def __init__(self, credentials: tuple[str, str] | None) -> None:
        self.received: list[ReceivedMessage] = []
        self.changed = threading.Condition()
        self._failures: dict[str, deque[str]] = {stage: deque() for stage in STAGES}
        self._credentials = credentials

    def fail_next(self, code: int, count: int, stage: str) -> None:
        reply = f"{code} {code // 100}.0.0 failure chosen by the test"
        with self.changed:
            self._failures[stage].extend([reply] * count)

    def _failure(self, stage: str) -> str | None:
        with self.changed:
            queue = self._failures[stage]
            return queue.popleft() if queue else None

    async def handle_MAIL(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: list[str]
    ) -> str:
        if failure := self._failure("mail"):
            return failure
        envelope.mail_from = address
        envelope.mail_options.extend(options)
        return "250 OK"

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: list[str]
    ) -> str:
        if failure := self._failure("rcpt"):
            return failure
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        if failure := self._failure("data"):
            return failure
        data = envelope.original_content or b""
        login = session.auth_data.login.decode() if session.auth_data else None
        received = ReceivedMessage(
            mail_from=str(envelope.mail_from),
            rcpt_tos=tuple(envelope.rcpt_tos),
            data=data,
            message=email.message_from_bytes(data, policy=email.policy.default),
            # session.ssl is set by STARTTLS only; implicit TLS shows on the transport
            secure=server.transport.get_extra_info("ssl_object") is not None,
            login=login,
            peer=tuple(session.peer),
        )
        with self.changed:
            self.received.append(received)
            self.changed.notify_all()
        return "250 OK: queued"

    def authenticate(
        self, server: SMTP, session: Session, envelope: Envelope, mechanism: str, data: Any
    ) -> AuthResult:
        """aiosmtpd authenticator: accept only the configured login and password."""
        ok = isinstance(data, LoginPassword) and self._credentials == (
            data.login.decode(),
            data.password.decode(),
        )
        # handled=False: aiosmtpd itself answers 535 to a failed login.
        return AuthResult(success=ok, handled=False, auth_data=data if ok else None)


class SmtpServer:
    """A running recorder on 127.0.0.1:``port``."""

    host = "127.0.0.1"

    def __init__(self, recorder: Recorder, port: int, tls: TlsFiles | None, implicit: bool):
        self.recorder = recorder
        self.port = port
        self.tls = tls
        self.implicit_tls = implicit

    @property
    def received(self) -> list[ReceivedMessage]:
        with self.recorder.changed:
            return list(self.recorder.received)

    def fail_next(self, code: int, count: int = 1, *, stage: str = "data") -> None:
        """Answer ``code`` at ``stage`` (mail, rcpt or data) for the next ``count`` messages."""
        if stage not in STAGES:
            raise ValueError(f"stage must be one of {STAGES}")
        self.recorder.fail_next(code, count, stage)

    def wait_for(self, count: int, timeout: float = 5.0) -> list[ReceivedMessage]:
        """Wait until ``count`` messages arrived (deadline ``timeout`` s); return them all."""
        with self.recorder.changed:
            arrived = self.recorder.changed.wait_for(
                lambda: len(self.recorder.received) >= count, timeout
            )
            received = list(self.recorder.received)
        assert arrived, f"expected {count} message(s) within {timeout}s, got {len(received)}"
        return received

    def smtp_config(self, **changes: Any) -> SmtpConfig:
        """Return an SmtpConfig for this server: plaintext, or TLS as it is started."""
        security = "none" if self.tls is None else "tls" if self.implicit_tls else "starttls"
        base = SmtpConfig(
            kind="smtp",
            host=self.host,
            port=self.port,
            security=security,
            ca_file=self.tls.ca_file if self.tls else None,
            timeout=5.0,
        )
        return dataclasses.replace(base, **changes)


@contextmanager
def running_smtp_server(
    *,
    tls: TlsFiles | None = None,
    implicit_tls: bool = False,
    credentials: tuple[str, str] | None = None,
) -> Iterator[SmtpServer]:
    """Run a recording SMTP server; with ``tls`` it requires STARTTLS (or implicit TLS).

    ``credentials`` (user, password) make it offer AUTH, over plaintext too.
    """
    recorder = Recorder(credentials)
    port = free_port()
    options: dict[str, Any] = {"server_hostname": "localhost"}
    if tls is not None and implicit_tls:
        options["ssl_context"] = tls.server_context()
    elif tls is not None:
        options |= {"tls_context": tls.server_context(), "require_starttls": True}
    if credentials is not None:
        options |= {"authenticator": recorder.authenticate, "auth_require_tls": False}
    controller = Controller(recorder, hostname="127.0.0.1", port=port, **options)
    controller.start()
    try:
        yield SmtpServer(recorder, port, tls, implicit_tls)
    finally:
        controller.stop()


@pytest.fixture
def smtp_server() -> Iterator[SmtpServer]:
    """A plaintext recording SMTP server (no STARTTLS, no AUTH)."""
    with running_smtp_server() as server:
        yield server


@pytest.fixture
def smtp_starttls_server(tls_files: TlsFiles) -> Iterator[SmtpServer]:
    """A recording SMTP server that requires STARTTLS with the test CA's certificate."""
    with running_smtp_server(tls=tls_files) as server:
        yield server
