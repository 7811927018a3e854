"""The support mailbox on an IMAP server: new mail by UID, read without ``\\Seen``, moved away.

imapclient objects and protocol errors stay in this module: callers get RawMessage values,
plain ints and bools, and MailboxError with one line saying what failed.
"""

from __future__ import annotations

import imaplib
import logging
import re
import socket
import ssl
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from types import TracebackType
from typing import Any, Self

from imapclient import IMAPClient
from imapclient.exceptions import CapabilityError, LoginError

from intake.config import MailboxConfig, is_loopback
from intake.config.credentials import read_secret, run_secret_command
from intake.config.tls import tls_context
from intake.errors import ConfigError, MailboxError
from intake.logs import event
from intake.sources.base import CheckpointStore, RawMessage

log = logging.getLogger(__name__)

# RFC 2177: servers may end an IDLE after 30 minutes, so never wait longer than 25.
IDLE_MAX_SECONDS = 25 * 60
# Bodies downloaded for one batch: 200 messages near the 10 MB limit must not all sit in memory.
BATCH_BYTES = 32 * 1024 * 1024
# UIDs per command: servers cap the command line (Dovecot at 64 KiB).
UIDS_PER_COMMAND = 1000

_ProtocolError = imaplib.IMAP4.error
_ConnectionLost = (imaplib.IMAP4.abort, OSError)


class ImapSource:
    """The support mailbox on an IMAP server; one logged-in connection per ``with``.

    After a dropped connection the next call raises MailboxError; the call after that
    (normally the caller's retry) connects again.
    """

    def __init__(self, cfg: MailboxConfig, checkpoints: CheckpointStore) -> None:
        self._cfg = cfg
        self._checkpoints = checkpoints
        self._where = f"IMAP {cfg.host}:{cfg.port}"
        self._client: Any = None
        self._entered = False
        self._secret = ""  # kept only to scrub it out of server text
        self._uidvalidity: int | None = None  # of cfg.folder, while it is selected
        self._folders_ready = False
        self._listed_up_to: int | None = None  # highest UID handed out by batches()

    def __enter__(self) -> Self:
        self._connect()
        self._entered = True
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._entered = False
        client, self._client = self._client, None
        if client is not None:
            try:
                client.logout()
            except (*_ConnectionLost, _ProtocolError):
                _shutdown(client)

    def folders(self) -> dict[str, bool]:
        """Map each folder this source uses (inbox, processed, quarantine) to whether it exists.

        Read-only, for ``intake check-config``: missing folders are created by
        ``create_folders()``, ``batches()`` and ``settle()``, not here.
        """
        cfg = self._cfg
        names = dict.fromkeys((cfg.folder, cfg.processed_folder, cfg.quarantine_folder))
        with self._talking("listing folders") as client:
            return {name: bool(client.folder_exists(name)) for name in names}

    def create_folders(self) -> list[str]:
        """Create whichever of the three folders are missing (``check-config --create-folders``)."""
        missing = [name for name, exists in self.folders().items() if not exists]
        with self._talking("creating folders") as client:
            for name in missing:
                self._create(client, name)
        self._folders_ready = True
        return missing

    def batches(
        self, is_known: Callable[[str], bool], max_bytes: int
    ) -> Iterator[list[RawMessage]]:
        """Yield the folder's messages in batches, oldest first.

        The checkpoint (UIDVALIDITY, last UID) is saved when the consumer asks for the
        next batch, i.e. after it has stored the previous one. Messages at or below the
        checkpoint that are still here were stored but not moved (a crash between the
        two): they are listed again, and ``is_known`` keeps their bodies from being
        downloaded, so the pipeline only moves them.
        """
        self._ensure_folders()
        uidvalidity = self._select()
        self._listed_up_to = self._resume_point(uidvalidity)
        uids = self._new_uids(0)
        for start in range(0, len(uids), self._cfg.batch_size):
            chunk = uids[start : start + self._cfg.batch_size]
            found = self._fetch(chunk, "RFC822.SIZE", "reading message sizes")
            sizes = {uid: int(size) for uid, size in found.items()}
            wanted = {
                uid
                for uid, size in sizes.items()
                if size <= max_bytes and not is_known(self._key(uidvalidity, uid))
            }
            for group in _plan(sorted(sizes), sizes, wanted):
                yield self._download(group, sizes, wanted, uidvalidity)
                self._checkpoints.save_checkpoint(self._cfg.folder, uidvalidity, group[-1])
                self._listed_up_to = group[-1]

    def settle(self, processed: Sequence[RawMessage], quarantined: Sequence[RawMessage]) -> None:
        """Move stored messages to the processed folder and bad ones to quarantine.

        Keys from another folder or an older UIDVALIDITY are skipped with a warning:
        their UIDs may now name different messages.
        """
        self._ensure_folders()
        uidvalidity = self._uidvalidity if self._uidvalidity is not None else self._select()
        for messages, target in (
            (processed, self._cfg.processed_folder),
            (quarantined, self._cfg.quarantine_folder),
        ):
            uids = self._uids_of(messages, uidvalidity)
            for start in range(0, len(uids), UIDS_PER_COMMAND):
                self._move(uids[start : start + UIDS_PER_COMMAND], target)

    def wait_for_mail(self, timeout: float) -> bool:
        """Block until new mail arrives or ``timeout`` seconds pass; True if mail arrived.

        Uses IDLE, at most 25 minutes per call (the caller calls again). Mail that
        came after the last ``batches()`` or the last True counts as arrived, once.
        Servers without IDLE: waits ``timeout`` and then looks once.
        """
        if self._uidvalidity is None:
            self._select()
        if self._has_new_mail():
            return True
        deadline = time.monotonic() + min(timeout, IDLE_MAX_SECONDS)
        with self._talking("checking for IDLE") as client:
            can_idle = bool(client.has_capability("IDLE"))
        if not can_idle:
            time.sleep(max(0.0, deadline - time.monotonic()))
            return self._has_new_mail()
        try:
            with self._talking("waiting for new mail (IDLE)") as client:
                client.idle()
                arrived = _idle_until(client, deadline)
                _text, responses = client.idle_done()
        except BaseException:
            self._drop()  # a connection stuck in IDLE is of no further use
            raise
        # EXISTS also follows mail that is gone again: only mail still there counts.
        return (arrived or any(map(_is_exists, responses))) and self._has_new_mail()

    def _connect(self) -> None:
        """Open, secure and log in; on failure nothing stays open."""
        client = self._open()
        try:
            if self._cfg.security == "starttls":
                self._starttls(client)
            self._login(client)
        except BaseException:
            _shutdown(client)
            raise
        self._client = client
        self._uidvalidity = None

    def _open(self) -> Any:
        cfg = self._cfg
        if cfg.security == "none" and not is_loopback(cfg.host):
            raise MailboxError(f"{self._where}: plaintext IMAP is allowed only to a loopback host")
        context = None if cfg.security == "none" else tls_context("mailbox", cfg.ca_file)
        tls = cfg.security == "tls"  # "starttls" upgrades a plain connection after the greeting
        try:
            return IMAPClient(cfg.host, cfg.port, ssl=tls, ssl_context=context, timeout=cfg.timeout)
        except (*_ConnectionLost, _ProtocolError) as exc:
            raise MailboxError(f"{self._where}: {self._reason(exc)}") from None

    def _starttls(self, client: Any) -> None:
        try:
            client.starttls(tls_context("mailbox", self._cfg.ca_file))
        except CapabilityError:
            raise MailboxError(
                f'{self._where}: the server does not offer STARTTLS (security = "starttls"); '
                "refusing to log in over plaintext"
            ) from None
        except (*_ConnectionLost, _ProtocolError) as exc:
            raise MailboxError(f"{self._where}: STARTTLS failed: {self._reason(exc)}") from None

    def _login(self, client: Any) -> None:
        cfg = self._cfg
        if cfg.oauth2_token_command:
            token = run_secret_command("mailbox.oauth2_token_command", cfg.oauth2_token_command)
            self._secret, login = token, client.oauth2_login
        else:
            secret = read_secret(
                "mailbox",
                password=cfg.password,
                password_file=cfg.password_file,
                password_command=cfg.password_command,
            )
            if secret is None:
                raise ConfigError(
                    "mailbox: no credentials; set password_file, password_command "
                    "or oauth2_token_command"
                )
            self._secret, login = secret, client.login
        try:
            login(cfg.username, self._secret)
        except LoginError as exc:
            raise MailboxError(
                f"{self._where}: login as {cfg.username!r} refused: {self._reason(exc)}"
            ) from None
        except (*_ConnectionLost, _ProtocolError) as exc:
            raise MailboxError(f"{self._where}: login failed: {self._reason(exc)}") from None

    @contextmanager
    def _talking(self, action: str) -> Iterator[Any]:
        """Yield the client (reconnecting if it was dropped); errors become MailboxError."""
        if not self._entered:
            raise RuntimeError("ImapSource used outside 'with'")
        if self._client is None:
            log.info("%s: connecting again", self._where, extra=event("mailbox.reconnect"))
            self._connect()
        try:
            yield self._client
        except _ConnectionLost as exc:
            self._drop()
            raise MailboxError(
                f"{self._where}: connection lost while {action}: {self._reason(exc)}"
            ) from None
        except _ProtocolError as exc:
            raise MailboxError(f"{self._where}: {action} failed: {self._reason(exc)}") from None

    def _drop(self) -> None:
        client, self._client = self._client, None
        self._uidvalidity = None
        if client is not None:
            _shutdown(client)

    def _reason(self, exc: BaseException) -> str:
        """Say what went wrong in one line, without the secret."""
        text = _describe(exc, self._cfg.timeout)
        if self._secret:
            text = text.replace(self._secret, "[redacted]")
        return text

    def _ensure_folders(self) -> None:
        """Create the processed and quarantine folders once per source (servers lack them)."""
        if self._folders_ready:
            return
        with self._talking("creating folders") as client:
            for name in (self._cfg.processed_folder, self._cfg.quarantine_folder):
                if not client.folder_exists(name):
                    self._create(client, name)
        self._folders_ready = True

    def _create(self, client: Any, name: str) -> None:
        client.create_folder(name)
        client.subscribe_folder(name)
        log.info("%s: created folder %r", self._where, name, extra=event("mailbox.folder"))

    def _select(self) -> int:
        """Select the inbox folder and return its UIDVALIDITY."""
        folder = self._cfg.folder
        with self._talking(f"opening folder {folder!r}") as client:
            if not client.folder_exists(folder):
                raise MailboxError(f"{self._where}: folder {folder!r} does not exist")
            info = client.select_folder(folder)
        if b"UIDVALIDITY" not in info:
            raise MailboxError(f"{self._where}: folder {folder!r} reports no UIDVALIDITY")
        self._uidvalidity = int(info[b"UIDVALIDITY"])
        return self._uidvalidity

    def _resume_point(self, uidvalidity: int) -> int:
        """Return the last UID already listed; 0 (everything) when UIDVALIDITY changed."""
        folder = self._cfg.folder
        saved = self._checkpoints.load_checkpoint(folder)
        if saved is not None and saved[0] == uidvalidity:
            return saved[1]
        if saved is not None:
            # Stored messages are recognised by content (sha256, Message-ID) and only moved.
            log.warning(
                "%s: UIDVALIDITY of %r changed; listing all again",
                self._where,
                folder,
                extra=event("mailbox.uidvalidity"),
            )
        self._checkpoints.save_checkpoint(folder, uidvalidity, 0)
        return 0

    def _new_uids(self, last_uid: int) -> list[int]:
        # "UID n:*" always matches the highest UID, even one below n: filter here.
        criteria = ["UNDELETED", "UID", f"{last_uid + 1}:*"] if last_uid else ["UNDELETED"]
        with self._talking("listing messages") as client:
            found = client.search(criteria)
        return sorted(int(uid) for uid in found if int(uid) > last_uid)

    def _has_new_mail(self) -> bool:
        """Tell whether mail came above the last UID listed or reported, and remember it.

        Without a checkpoint all mail counts at the first look (it may have come just
        now); after that each message is reported once, so a watcher never spins on it.
        """
        # NOOP makes the server show this session what other sessions added meanwhile.
        with self._talking("checking for new mail") as client:
            client.noop()
        if self._listed_up_to is None:
            saved = self._checkpoints.load_checkpoint(self._cfg.folder)
            self._listed_up_to = saved[1] if saved and saved[0] == self._uidvalidity else 0
        new = self._new_uids(self._listed_up_to)
        if new:
            self._listed_up_to = new[-1]
        return bool(new)

    def _fetch(self, uids: Sequence[int], item: str, action: str) -> dict[int, Any]:
        """Fetch one item per message, a few commands at most; vanished UIDs are absent."""
        key = item.replace(".PEEK", "").encode()  # BODY.PEEK[] comes back named BODY[]
        found: dict[int, Any] = {}
        for start in range(0, len(uids), UIDS_PER_COMMAND):
            part = list(uids[start : start + UIDS_PER_COMMAND])
            with self._talking(action) as client:
                response = client.fetch(part, [item])
            found.update({int(u): d[key] for u, d in response.items() if key in d})
        return found

    def _download(
        self, group: list[int], sizes: dict[int, int], wanted: set[int], uidvalidity: int
    ) -> list[RawMessage]:
        """Download the wanted bodies of ``group``; the others come without data."""
        bodies = self._fetch([u for u in group if u in wanted], "BODY.PEEK[]", "downloading")
        batch = []
        for uid in group:
            if uid in wanted and uid not in bodies:
                continue  # expunged by someone else since the listing
            data = bytes(bodies[uid]) if uid in wanted else None
            batch.append(RawMessage(self._key(uidvalidity, uid), sizes[uid], data))
        return batch

    def _key(self, uidvalidity: int, uid: int) -> str:
        return f"imap:{self._cfg.folder}:{uidvalidity}:{uid}"

    def _uids_of(self, messages: Sequence[RawMessage], uidvalidity: int) -> list[int]:
        prefix = self._key(uidvalidity, 0)[:-1]
        uids = set()
        for message in messages:
            tail = message.source_key.removeprefix(prefix)
            if message.source_key.startswith(prefix) and tail.isdigit():
                uids.add(int(tail))
            else:
                log.warning(
                    "%s: not moving: stale key",
                    self._where,
                    extra=event("mailbox.stale_key", key=message.source_key),
                )
        return sorted(uids)

    def _move(self, uids: list[int], folder: str) -> None:
        """UID MOVE, or COPY + \\Deleted + EXPUNGE on servers without MOVE."""
        with self._talking(f"moving {len(uids)} message(s) to {folder!r}") as client:
            if client.has_capability("MOVE"):
                client.move(uids, folder)
                return
            client.copy(uids, folder)
            client.add_flags(uids, [rb"\Deleted"], silent=True)
            if client.has_capability("UIDPLUS"):
                client.uid_expunge(uids)
            else:
                client.expunge()  # without UIDPLUS only the whole folder can be expunged


def _plan(uids: list[int], sizes: dict[int, int], wanted: set[int]) -> Iterator[list[int]]:
    """Split ``uids`` so that no group downloads more than BATCH_BYTES (one message may)."""
    group: list[int] = []
    load = 0
    for uid in uids:
        cost = sizes[uid] if uid in wanted else 0
        if group and load + cost > BATCH_BYTES:
            yield group
            group, load = [], 0
        group.append(uid)
        load += cost
    if group:
        yield group


def _idle_until(client: Any, deadline: float) -> bool:
    """Read IDLE responses until EXISTS (True) or the deadline (False)."""
    while (remaining := deadline - time.monotonic()) > 0:
        responses = client.idle_check(timeout=remaining)
        if any(map(_is_exists, responses)):
            return True
        closed = any(isinstance(r, tuple) and r[:1] == (b"BYE",) for r in responses)
        # idle_check() returns nothing both on timeout and on EOF: early and empty is EOF.
        if closed or (not responses and time.monotonic() < deadline - 0.005):
            raise imaplib.IMAP4.abort("the server closed the connection")
    return False


def _is_exists(response: Any) -> bool:
    return isinstance(response, tuple) and len(response) >= 2 and response[1] == b"EXISTS"


def _describe(exc: BaseException, timeout: float) -> str:
    if isinstance(exc, ssl.SSLCertVerificationError):
        return f"TLS certificate not trusted ({exc.verify_message}); is ca_file set?"
    if isinstance(exc, ssl.SSLError):
        return f"TLS handshake failed ({exc.reason or exc}); is security right for this port?"
    if isinstance(exc, socket.gaierror):
        return f"cannot resolve the host name ({exc.strerror})"
    if isinstance(exc, TimeoutError):
        return f"no answer within {timeout:g} s"
    if isinstance(exc, ConnectionRefusedError):
        return "connection refused (is the server running on that port?)"
    if isinstance(exc, OSError):
        return f"network error ({exc.strerror or exc})"
    # imaplib shows server text as bytes reprs: b'[AUTHENTICATIONFAILED] ...'
    text = re.sub(r"""\bb(['"])(.*?)\1""", r"\2", str(exc))
    return " ".join(text.split()) or type(exc).__name__


def _shutdown(client: Any) -> None:
    """Close the socket without a word to the server (it may be gone already)."""
    try:
        client.shutdown()
    except (*_ConnectionLost, _ProtocolError):
        log.debug("closing the IMAP socket failed", exc_info=True)
