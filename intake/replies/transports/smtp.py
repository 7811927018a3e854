"""Replies over SMTP with aiosmtplib: TLS verified, STARTTLS required when configured.

Every failure is a DeliveryError with one line; ``permanent`` only for a 5xx answer to
the message itself (sender, recipient or data), since retrying that cannot help. Login
failures and connection trouble are temporary: fixing the server or the password helps.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import ssl
from types import TracebackType
from typing import Self

import aiosmtplib

from intake.config import SmtpConfig, is_loopback
from intake.config.credentials import read_secret
from intake.config.tls import tls_context
from intake.errors import ConfigError, DeliveryError
from intake.logs import event

log = logging.getLogger(__name__)

_CONNECTION_TROUBLE = (aiosmtplib.SMTPException, OSError, TimeoutError)
# How long to let a closed connection finish closing (a TLS close takes a few loop turns).
CLOSE_WAIT = 1.0
# 5xx codes saying "log in / use TLS first": a setting to fix, not a bad message.
_SESSION_CODES = frozenset({530, 534, 535, 538})


class SmtpTransport:
    """Delivers replies over one SMTP connection per ``async with``.

    A connection that dropped between messages is opened again by the next ``send``.
    """

    def __init__(self, cfg: SmtpConfig) -> None:
        self._cfg = cfg
        self._where = f"SMTP {cfg.host}:{cfg.port}"
        self._client: aiosmtplib.SMTP | None = None
        self._entered = False
        self._secret = ""  # kept only to scrub it out of server text

    async def __aenter__(self) -> Self:
        await self._connect()
        self._entered = True
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._entered = False
        client, self._client = self._client, None
        if client is not None:
            await _close(client, quit_timeout=self._cfg.timeout)

    async def send(self, envelope_from: str, recipient: str, data: bytes) -> None:
        """Deliver ``data`` to ``recipient``; ``envelope_from=""`` sends ``MAIL FROM:<>``."""
        if not self._entered:
            raise RuntimeError("SmtpTransport used outside 'async with'")
        if self._client is None or not self._client.is_connected:
            log.info("%s: connecting again", self._where, extra=event("smtp.reconnect"))
            await self._connect()
        client = self._client
        assert client is not None
        try:
            async with asyncio.timeout(self._cfg.timeout):
                await client.sendmail(envelope_from, [recipient], data)
        except aiosmtplib.SMTPRecipientsRefused as exc:
            refused = exc.recipients[0]
            raise self._refused(f"recipient <{recipient}>", refused.code, refused.message) from None
        except aiosmtplib.SMTPSenderRefused as exc:
            raise self._refused(f"sender <{envelope_from}>", exc.code, exc.message) from None
        except aiosmtplib.SMTPResponseException as exc:
            raise self._refused("message", exc.code, exc.message) from None
        except ValueError as exc:  # an address that cannot go on an SMTP command line
            raise DeliveryError(f"{self._where}: cannot send: {exc}", permanent=True) from None
        except _CONNECTION_TROUBLE as exc:
            self._client = None
            await _close(client)  # the session is in an unknown state
            raise DeliveryError(f"{self._where}: sending failed: {self._reason(exc)}") from None

    async def _connect(self) -> None:
        """Connect, secure and log in; on failure nothing stays open."""
        cfg = self._cfg
        if cfg.security == "none" and not is_loopback(cfg.host):
            raise ConfigError(
                f'smtp.security = "none": plaintext is allowed only to a loopback host, '
                f"not {cfg.host!r}"
            )
        client = aiosmtplib.SMTP(
            hostname=cfg.host,
            port=cfg.port,
            use_tls=cfg.security == "tls",
            # False, not None: None would mean "STARTTLS if offered", silently plaintext.
            start_tls=cfg.security == "starttls",
            tls_context=None if cfg.security == "none" else tls_context("smtp", cfg.ca_file),
            timeout=cfg.timeout,
        )
        try:
            async with asyncio.timeout(cfg.timeout):
                await client.connect()
            if cfg.username:
                await self._login(client)
        except _CONNECTION_TROUBLE as exc:
            await _close(client)
            raise DeliveryError(f"{self._where}: {self._reason(exc)}") from None
        except BaseException:
            client.close()
            raise
        self._client = client

    async def _login(self, client: aiosmtplib.SMTP) -> None:
        cfg = self._cfg
        secret = read_secret(
            "smtp",
            password=cfg.password,
            password_file=cfg.password_file,
            password_command=cfg.password_command,
        )
        if secret is None:
            raise ConfigError("smtp.username is set but no password_file or password_command")
        self._secret = secret
        try:
            async with asyncio.timeout(cfg.timeout):
                await client.login(cfg.username, secret)
        except aiosmtplib.SMTPAuthenticationError as exc:
            reason = self._scrub(f"{exc.code} {exc.message}")
            raise DeliveryError(
                f"{self._where}: login as {cfg.username!r} refused: {reason}"
            ) from None

    def _refused(self, what: str, code: int, message: str) -> DeliveryError:
        permanent = 500 <= code < 600 and code not in _SESSION_CODES
        reason = self._scrub(f"{code} {message}")
        return DeliveryError(f"{self._where}: {what} refused: {reason}", permanent=permanent)

    def _reason(self, exc: BaseException) -> str:
        """Say what went wrong in one line, without the secret."""
        cause = exc.__cause__ if isinstance(exc.__cause__, OSError) else exc
        if isinstance(cause, ssl.SSLCertVerificationError):
            text = f"TLS certificate not trusted ({cause.verify_message}); is ca_file set?"
        elif isinstance(cause, ssl.SSLError):
            text = f"TLS handshake failed ({cause.reason or cause}); is security right?"
        elif isinstance(exc, TimeoutError):
            text = f"no answer within {self._cfg.timeout:g} s"
        elif "STARTTLS extension not supported" in str(exc):
            text = 'the server does not offer STARTTLS (security = "starttls"); not sending'
        elif isinstance(cause, ConnectionRefusedError):
            text = "connection refused (is the server running on that port?)"
        else:
            text = str(exc) or type(exc).__name__
        return self._scrub(text)

    def _scrub(self, text: str) -> str:
        if self._secret:
            text = text.replace(self._secret, "[redacted]")
        return " ".join(text.split())


async def _close(client: aiosmtplib.SMTP, *, quit_timeout: float | None = None) -> None:
    """Say QUIT (given a timeout), close, and wait until the socket is really closed.

    A TLS close takes a few loop turns; an asyncio.run() ending first would leak the socket.
    """
    transport = client.transport
    sock = transport.get_extra_info("socket") if transport is not None else None
    if quit_timeout is not None and client.is_connected:
        with contextlib.suppress(*_CONNECTION_TROUBLE):
            async with asyncio.timeout(quit_timeout):
                await client.quit()
    client.close()
    with contextlib.suppress(TimeoutError):
        async with asyncio.timeout(CLOSE_WAIT):
            while sock is not None and sock.fileno() != -1:
                await asyncio.sleep(0.001)
