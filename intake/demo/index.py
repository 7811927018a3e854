"""The demo's own package index and git host: static files on a loopback port.

The index holds one account with one project whose release names a repository on the
same server; the repository is a real bare git repository served over git's dumb HTTP
protocol, so the daemon checks a branch proof exactly as it would on a public host.
"""

from __future__ import annotations

import json
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from intake.errors import IntakeError

ACCOUNT = "tkowalski-dev"
PROJECT = "fastcsv"
_GIT = (
    "git",
    "-c",
    "user.name=Demo",
    "-c",
    "user.email=demo@example.org",
    "-c",
    "init.defaultBranch=main",
)


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        return None


@contextmanager
def running_index(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1; yield its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(directory)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def publish(site: Path, base_url: str) -> str:
    """Write the account, its project and a bare repository under ``site``; return its URL."""
    repository = f"{base_url}/git/{PROJECT}.git"
    _write(
        site / "user" / ACCOUNT / "index.html",
        f'<a class="snippet" href="/project/{PROJECT}/">{PROJECT}</a>',
    )
    releases = {"1.2.0": [{"upload_time_iso_8601": "2024-05-02T09:00:00Z"}]}
    info = {"name": PROJECT, "version": "1.2.0", "project_urls": {"Source": repository}}
    _write(
        site / "pypi" / PROJECT / "json",
        json.dumps(
            {
                "info": info,
                "releases": releases,
                "ownership": {"roles": [{"role": "Owner", "user": ACCOUNT}]},
            }
        ),
    )
    _write(site / "pypi" / PROJECT / "1.2.0" / "json", json.dumps({"info": info}))
    bare, work = site / "git" / f"{PROJECT}.git", site.parent / "requester-clone"
    _git("init", "-q", "--bare", str(bare))
    _git("init", "-q", str(work))
    _git("-C", str(work), "commit", "-q", "--allow-empty", "-m", "first release")
    _git("-C", str(work), "remote", "add", "origin", str(bare))
    _git("-C", str(work), "push", "-q", "origin", "main")
    _git("-C", str(bare), "update-server-info")
    return repository


def push_branch(site: Path, branch: str) -> str:
    """What the requester does: push an empty branch named ``branch``; return the commit."""
    work = site.parent / "requester-clone"
    _git("-C", str(work), "checkout", "-q", "-b", branch)
    _git("-C", str(work), "commit", "-q", "--allow-empty", "-m", "account recovery")
    _git("-C", str(work), "push", "-q", "origin", branch)
    _git("-C", str(site / "git" / f"{PROJECT}.git"), "update-server-info")
    return _git("-C", str(work), "rev-parse", "HEAD").strip()


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _git(*args: str) -> str:
    try:
        done = subprocess.run(
            [*_GIT, *args], capture_output=True, text=True, timeout=60, check=True
        )
    except FileNotFoundError:
        raise IntakeError("the demo's branch proof needs git: apt-get install git") from None
    except subprocess.CalledProcessError as exc:
        raise IntakeError(f"git {args[0]} failed: {exc.stderr.strip()}") from None
    return done.stdout
