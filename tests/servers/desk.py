"""The staff desk as a real server (``intake web``) on a free loopback port, for tests.

``DeskClient`` is a small HTTP client that keeps cookies itself: the desk's cookies are
``Secure``, which httpx's jar never sends over plain http, while browsers do for loopback.
"""

from __future__ import annotations

import re
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path

import httpx
import pyotp
import pytest

from intake.config import load_config
from intake.service.runner import run_once
from intake.staff import add_staff
from intake.storage import open_store
from tests.commands import INTAKE
from tests.servers.dovecot import free_port

PASSWORD = "correct horse battery staple"


@dataclass
class Desk:
    """A running desk: its address, its config, and one staff account to sign in with."""

    url: str
    config: Path
    name: str
    totp: pyotp.TOTP
    log: Path

    def code(self) -> str:
        """A one-time code not used yet: the desk refuses a code twice, and accepts the
        next time step's code (clock drift), so a second sign-in need not wait."""
        step = max(int(time.time()) // 30, self._used + 1)
        while step > int(time.time()) // 30 + 1:
            time.sleep(0.5)
        self._used = step
        return self.totp.at(step * 30)

    _used: int = field(default=-1, repr=False)
    _clients: list[DeskClient] = field(default_factory=list, repr=False)

    def client(self) -> DeskClient:
        """A new client (its own cookies), closed when the test ends."""
        made = DeskClient(self.url)
        self._clients.append(made)
        return made

    def close_clients(self) -> None:
        for made in self._clients:
            made.http.close()


def read_inbox(config: Path) -> None:
    """One cycle of the daemon over the workspace, run in this process.

    The same code as ``intake run --once``, without a new interpreter per seeded case.
    """
    run_once(load_config(config))


def add_account(config: Path, name: str) -> pyotp.TOTP:
    with open_store(load_config(config)) as store:
        uri = add_staff(store, name, f"{name}@pypi-support.example", PASSWORD)
    secret = re.search(r"secret=([A-Z2-7]+)", uri)
    assert secret is not None
    return pyotp.TOTP(secret.group(1))


@pytest.fixture
def desk(workspace: Path) -> Iterator[Desk]:
    """``intake web`` on the embedded default's database, with staff member ada."""
    config = workspace / "config.toml"
    read_inbox(config)
    totp = add_account(config, "ada")
    port = free_port()
    log = workspace / "web.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [INTAKE, "web", "--config", str(config), "--listen", f"127.0.0.1:{port}"],
            stdout=out,
            stderr=out,
        )
        try:
            _wait_for(port, process)
            running = Desk(f"http://127.0.0.1:{port}", config, "ada", totp, log)
            yield running
            running.close_clients()
        finally:
            process.terminate()
            process.wait(timeout=10)


def _wait_for(port: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        assert process.poll() is None, "intake web exited"
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.05)
    raise AssertionError("intake web did not start listening")


class DeskClient:
    """Requests to the desk, carrying its cookies as a browser on loopback would."""

    def __init__(self, url: str) -> None:
        self.http = httpx.Client(base_url=url, follow_redirects=False, timeout=10)
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, **kwargs: object) -> httpx.Response:
        headers = dict(kwargs.pop("headers", {}) or {})  # type: ignore[call-overload]
        if self.cookies:
            headers["cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        response = self.http.request(method, path, headers=headers, **kwargs)  # type: ignore[arg-type]
        for value in response.headers.get_list("set-cookie"):
            for name, morsel in SimpleCookie(value).items():
                if morsel["max-age"] == "0" or not morsel.value:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        return response

    def get(self, path: str, **kwargs: object) -> httpx.Response:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, **kwargs: object) -> httpx.Response:
        return self.request("POST", path, **kwargs)

    def sign_in(self, desk: Desk, *, code: str | None = None) -> httpx.Response:
        form = self.get("/login").text
        token = re.search(r'name="login_token" value="([^"]+)"', form)
        assert token is not None
        return self.post(
            "/login",
            data={
                "login_token": token.group(1),
                "name": desk.name,
                "password": PASSWORD,
                "code": code or desk.code(),
                "next": "/",
            },
        )

    def csrf(self, path: str) -> str:
        found = re.search(r'name="csrf" value="([^"]+)"', self.get(path).text)
        assert found is not None
        return found.group(1)
