"""Throw-away Dovecot IMAP servers: one per test session, a fresh user (mailbox) per test.

Started from ``dovecot.conf.in`` next to this file on a free 127.0.0.1 port, in a temp
folder removed at teardown. Without ``/usr/sbin/dovecot`` the tests that need it are
skipped, or fail when ``INTAKE_REQUIRE_SERVERS=1`` (CI).
"""

from __future__ import annotations

import dataclasses
import grp
import os
import pwd
import re
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from imapclient import IMAPClient

from intake.config import MailboxConfig
from tests.servers import missing_server

if TYPE_CHECKING:
    from tests.servers.tls import TlsFiles

DOVECOT = Path("/usr/sbin/dovecot")
TEMPLATE = Path(__file__).with_name("dovecot.conf.in")
START_TIMEOUT = 10.0
STOP_TIMEOUT = 10.0
# Dovecot re-reads the users file at most once a second, so users are made up front.
USERS = 300


def require_dovecot() -> None:
    """Skip the test when Dovecot is not installed; fail instead when CI requires it."""
    if os.access(DOVECOT, os.X_OK):
        return
    reason = f"{DOVECOT} is missing: apt-get install dovecot-imapd (or: make servers)"
    missing_server(reason)


def free_port() -> int:
    """Return a 127.0.0.1 TCP port that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class DovecotServer:
    """A running Dovecot; ``port`` speaks plain IMAP (and STARTTLS when TLS is on)."""

    host = "127.0.0.1"

    def __init__(self, directory: Path, port: int, tls_port: int | None) -> None:
        self.directory = directory
        self.port = port
        self.tls_port = tls_port  # implicit TLS (imaps), when started with certificates
        self.conf = directory / "dovecot.conf"
        self.process: subprocess.Popen[bytes] | None = None
        self._unused = [
            (f"user{n}@example.test", secrets.token_urlsafe(12)) for n in range(USERS, 0, -1)
        ]
        self._users_text = "".join(f"{u}:{{PLAIN}}{p}\n" for u, p in self._unused)

    def add_user(self) -> DovecotUser:
        """Hand out a user nobody has used yet: an empty mailbox, a random password."""
        if not self._unused:
            raise RuntimeError(f"all {USERS} test users are taken; raise USERS")
        user, password = self._unused.pop()
        return DovecotUser(self, user, password)

    def doveadm(self, *args: str) -> str:
        """Run ``doveadm -c <conf> ARGS`` and return its output."""
        done = subprocess.run(
            ["doveadm", "-c", str(self.conf), *args], capture_output=True, timeout=30, check=False
        )
        if done.returncode != 0:
            raise RuntimeError(f"doveadm {' '.join(args)}: {done.stderr.decode(errors='replace')}")
        return done.stdout.decode()

    def log_tail(self, lines: int = 20) -> str:
        found = [self.directory / "dovecot.log", self.directory / "stderr.log"]
        text = "".join(p.read_text(errors="replace") for p in found if p.exists())
        return "\n".join(text.splitlines()[-lines:])


@dataclass(frozen=True, slots=True)
class DovecotUser:
    """One test's mailbox on the server, with helpers that look at it from outside."""

    server: DovecotServer
    user: str
    password: str

    @property
    def host(self) -> str:
        return self.server.host

    @property
    def port(self) -> int:
        return self.server.port

    def mailbox_config(self, **changes: Any) -> MailboxConfig:
        """Return a MailboxConfig logging in as this user over plaintext (loopback).

        Mail already in the mailbox at the first cycle is answered (``backlog="answer"``):
        most tests deliver first and run after.
        """
        base = MailboxConfig(
            kind="imap",
            host=self.host,
            port=self.port,
            security="none",
            username=self.user,
            password=self.password,
            timeout=5.0,
            backlog="answer",
        )
        return dataclasses.replace(base, **changes)

    @contextmanager
    def client(self, folder: str | None = None) -> Iterator[Any]:
        """Log in with imapclient; select ``folder`` read-only when given."""
        with IMAPClient(self.host, self.port, ssl=False, timeout=5) as client:
            client.login(self.user, self.password)
            if folder is not None:
                client.select_folder(folder, readonly=True)
            yield client

    def append(self, data: bytes, folder: str = "INBOX") -> int:
        """Store a message in ``folder`` (no flags) and return its UID."""
        with self.client() as client:
            answer = client.append(folder, data)
        match = re.search(rb"APPENDUID \d+ (\d+)", answer)
        assert match, f"no APPENDUID in {answer!r}"
        return int(match.group(1))

    def messages(self, folder: str = "INBOX") -> dict[int, bytes]:
        """Return the messages of ``folder`` by UID, without setting \\Seen."""
        with self.client(folder) as client:
            found = client.fetch(client.search(["ALL"]), ["BODY.PEEK[]"])
        return {int(uid): bytes(item[b"BODY[]"]) for uid, item in found.items()}

    def uids(self, folder: str = "INBOX") -> list[int]:
        with self.client(folder) as client:
            return sorted(int(uid) for uid in client.search(["ALL"]))

    def flags(self, folder: str = "INBOX") -> dict[int, set[bytes]]:
        with self.client(folder) as client:
            found = client.get_flags(client.search(["ALL"]))
        return {int(uid): set(flags) for uid, flags in found.items()}

    def folder_exists(self, name: str) -> bool:
        with self.client() as client:
            return bool(client.folder_exists(name))

    def delete_folder(self, name: str) -> None:
        self.server.doveadm("mailbox", "delete", "-u", self.user, name)

    def uidvalidity(self, folder: str = "INBOX") -> int:
        status = self.server.doveadm("mailbox", "status", "-u", self.user, "uidvalidity", folder)
        return int(status.split("=")[1])

    def change_uidvalidity(self, folder: str = "INBOX") -> int:
        """Give ``folder`` a new UIDVALIDITY (INBOX cannot be deleted and recreated)."""
        new = self.uidvalidity(folder) + 1
        self.server.doveadm(
            "mailbox", "update", "-u", self.user, "--uid-validity", str(new), folder
        )
        return new


@contextmanager
def running_dovecot(
    *,
    tls: TlsFiles | None = None,
    capabilities: str | None = None,
    introspection_url: str | None = None,
) -> Iterator[DovecotServer]:
    """Start Dovecot in a temp folder; stop it and remove the folder afterwards.

    ``tls`` turns on STARTTLS on the plain port and adds an imaps port.
    ``capabilities`` replaces what the server announces after login (to hide MOVE).
    ``introspection_url`` adds XOAUTH2 and OAUTHBEARER logins whose bearer tokens are
    checked by a GET to that URL with the token appended.
    """
    require_dovecot()
    directory = Path(tempfile.mkdtemp(prefix="dovetest-"))
    server = DovecotServer(directory, free_port(), free_port() if tls else None)
    with _sigterm_as_interrupt():
        try:
            _write_config(server, tls, capabilities, introspection_url)
            with (directory / "stderr.log").open("wb") as stderr:
                server.process = subprocess.Popen(
                    [str(DOVECOT), "-F", "-c", str(server.conf)],
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.DEVNULL,
                    stderr=stderr,
                )
            _wait_until_listening(server)
            yield server
        finally:
            with _sigterm_held():
                _stop(server.process)
                shutil.rmtree(directory)


@contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """Turn SIGTERM (e.g. from ``timeout``) into KeyboardInterrupt so teardown still runs.

    Otherwise a killed test run leaves Dovecot running with its temp folder. Someone
    else's SIGTERM handler is left alone.
    """
    previous = signal.getsignal(signal.SIGTERM)
    main = threading.current_thread() is threading.main_thread()
    if not main or previous not in (signal.SIG_DFL, _interrupt):
        yield
        return
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextmanager
def _sigterm_held() -> Iterator[None]:
    """Hold SIGTERM back during cleanup so that an interrupt cannot cut it short."""
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


def _write_config(
    server: DovecotServer,
    tls: TlsFiles | None,
    capabilities: str | None,
    introspection_url: str | None,
) -> None:
    directory = server.directory
    for sub in ("run", "state", "mail"):
        (directory / sub).mkdir()
    if os.geteuid() == 0:
        # Dovecot refuses root for mail and login processes; they must enter the folder.
        user = group = "dovecot"
        login_user = "dovenull"
        directory.chmod(0o755)
        shutil.chown(directory / "mail", user, group)
    else:
        user = login_user = pwd.getpwuid(os.getuid()).pw_name
        group = grp.getgrgid(os.getgid()).gr_name
    values = {"DIR": str(directory), "USER": user, "GROUP": group}
    values |= {"LOGIN_USER": login_user, "PORT": str(server.port)}
    text = re.sub(r"@([A-Z_]+)@", lambda m: values[m.group(1)], TEMPLATE.read_text())
    if tls is not None:
        text += _tls_settings(tls, server.tls_port)
    if capabilities is not None:
        text += f"imap_capability = {capabilities}\n"
    if introspection_url is not None:
        text += _oauth2_settings(directory, introspection_url)
    server.conf.write_text(text)
    (directory / "users").write_text(server._users_text, encoding="ascii")


def _tls_settings(tls: TlsFiles, tls_port: int | None) -> str:
    return f"""
ssl = yes
ssl_cert = <{tls.cert_file}
ssl_key = <{tls.key_file}
service imap-login {{
  inet_listener imaps {{
    address = 127.0.0.1
    port = {tls_port}
  }}
}}
"""


def _oauth2_settings(directory: Path, introspection_url: str) -> str:
    oauth2_conf = directory / "oauth2.conf.ext"
    oauth2_conf.write_text(
        f"introspection_mode = get\nintrospection_url = {introspection_url}\n"
        "force_introspection = yes\nusername_attribute = email\n"
        "active_attribute = active\nactive_value = true\n"
    )
    return f"""
auth_mechanisms = plain login xoauth2 oauthbearer
passdb {{
  driver = oauth2
  mechanisms = xoauth2 oauthbearer
  args = {oauth2_conf}
}}
"""


def _wait_until_listening(server: DovecotServer) -> None:
    assert server.process is not None
    ports = [p for p in (server.port, server.tls_port) if p is not None]
    deadline = time.monotonic() + START_TIMEOUT
    while ports:
        if server.process.poll() is not None:
            pytest.fail(f"dovecot exited with {server.process.returncode}:\n{server.log_tail()}")
        if time.monotonic() > deadline:
            pytest.fail(f"dovecot did not listen within {START_TIMEOUT}s:\n{server.log_tail()}")
        try:
            socket.create_connection((server.host, ports[0]), timeout=1).close()
            ports.pop(0)
        except OSError:
            time.sleep(0.01)  # poll interval, bounded by the deadline above


def _stop(process: subprocess.Popen[bytes] | None) -> None:
    """SIGTERM the master only: it stops its children itself."""
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(STOP_TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(STOP_TIMEOUT)


@pytest.fixture(scope="session")
def dovecot_server() -> Iterator[DovecotServer]:
    """One plain Dovecot for the whole run (starting one costs ~1 s to stop)."""
    with running_dovecot() as server:
        yield server


@pytest.fixture
def dovecot(dovecot_server: DovecotServer) -> DovecotUser:
    """A fresh user with an empty mailbox on the session's Dovecot."""
    return dovecot_server.add_user()
