"""A package index and a git host on loopback, for the verification tests.

The index answers the paths intake reads (``/user/<name>/``, ``/pypi/<project>/json``,
``/pypi/<project>/<version>/json``) with documents shaped like the real ones, and can be
told to fail (a status) or to stall (a delay) on any path. Bare git repositories under
``/git/`` are served over git's dumb HTTP protocol, so ``git ls-remote`` works against
them unchanged; pushes happen on disk.
"""

from __future__ import annotations

import json
import subprocess
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

GIT = (
    "git",
    "-c",
    "user.name=Test",
    "-c",
    "user.email=test@example.org",
    "-c",
    "init.defaultBranch=main",
)


@dataclass
class Route:
    status: int = 200
    body: str = ""
    delay: float = 0.0


@dataclass
class LoopbackIndex:
    """The fake index and git host; ``requests`` lists every path asked for."""

    root: Path
    port: int = 0
    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def host(self) -> str:
        return f"127.0.0.1:{self.port}"

    def add_user(self, name: str, projects: list[str]) -> None:
        links = "".join(
            f'<a class="package-snippet" href="/project/{p}/">{p}</a>' for p in projects
        )
        self.routes[f"/user/{name}/"] = Route(body=f"<html><body>{links}</body></html>")

    def add_project(
        self,
        name: str,
        releases: list[tuple[str, str, str | None]],
        roles: list[tuple[str, str]] | None = None,
    ) -> None:
        """``releases``: (version, upload time, repository URL or None), oldest first."""
        document: dict[str, Any] = {
            "info": {"name": name, "project_urls": _urls(releases[-1][2])},
            "releases": {v: [{"upload_time_iso_8601": t}] for v, t, _ in releases},
        }
        if roles is not None:
            document["ownership"] = {"roles": [{"role": r, "user": u} for r, u in roles]}
        self.routes[f"/pypi/{name}/json"] = Route(body=json.dumps(document))
        for version, _, repository in releases:
            release = {
                "info": {"name": name, "version": version, "project_urls": _urls(repository)}
            }
            self.routes[f"/pypi/{name}/{version}/json"] = Route(body=json.dumps(release))

    def fail(self, path: str, status: int = 500) -> None:
        self.routes[path] = Route(status=status, body="no")

    def stall(self, path: str, seconds: float) -> None:
        self.routes[path] = Route(status=200, body="{}", delay=seconds)

    def repository(self, name: str) -> str:
        """Create a bare repository with one commit on main; return its URL."""
        bare = self.root / "git" / f"{name}.git"
        work = self.root / "work" / name
        _git("init", "--bare", str(bare))
        _git("init", str(work))
        _git("-C", str(work), "commit", "--allow-empty", "-m", "first")
        _git("-C", str(work), "remote", "add", "origin", str(bare))
        _git("-C", str(work), "push", "-q", "origin", "main")
        _git("-C", str(bare), "update-server-info")
        return f"{self.url}/git/{name}.git"

    def push_branch(self, name: str, branch: str) -> str:
        """Push an empty commit on ``branch`` (what the requester does); return its id."""
        work = self.root / "work" / name
        _git("-C", str(work), "checkout", "-q", "-b", branch)
        _git("-C", str(work), "commit", "--allow-empty", "-m", "account recovery")
        _git("-C", str(work), "push", "-q", "origin", branch)
        _git("-C", str(self.root / "git" / f"{name}.git"), "update-server-info")
        return _git("-C", str(work), "rev-parse", "HEAD").strip()

    def push_tag(self, name: str, tag: str) -> None:
        work = self.root / "work" / name
        _git("-C", str(work), "tag", tag)
        _git("-C", str(work), "push", "-q", "origin", tag)
        _git("-C", str(self.root / "git" / f"{name}.git"), "update-server-info")


def _urls(repository: str | None) -> dict[str, str]:
    urls = {"Documentation": "https://docs.example.org/"}
    if repository:
        urls["Source"] = repository
    return urls


def _git(*args: str) -> str:
    done = subprocess.run([*GIT, *args], capture_output=True, text=True, timeout=60, check=True)
    return done.stdout


class _Handler(SimpleHTTPRequestHandler):
    index: LoopbackIndex

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        self.index.requests.append(path)
        route = self.index.routes.get(path)
        if route is None:
            if path.startswith("/git/"):
                super().do_GET()
                return
            route = Route(status=404, body="not found")
        time.sleep(route.delay)
        body = route.body.encode()
        self.send_response(route.status)
        self.send_header(
            "Content-Type", "application/json" if path.endswith("json") else "text/html"
        )
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        return None


@pytest.fixture
def loopback_index(tmp_path: Path) -> Iterator[LoopbackIndex]:
    index = LoopbackIndex(tmp_path / "index-root")
    (index.root / "git").mkdir(parents=True)
    handler = type("Handler", (_Handler,), {"index": index})
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(index.root)))
    server.daemon_threads = True
    index.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield index
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
