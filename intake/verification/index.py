"""The package index's public data about an account: its projects, roles and repositories.

Reads the public user page (``/user/<name>/``) for the account's projects and the JSON
API (``/pypi/<project>/json`` and ``/pypi/<project>/<version>/json``) for roles and the
project URLs each release named. Every answer is cached in SQLite with the time it was
fetched. Network calls have a timeout and are retried with backoff; a failure becomes an
``IndexUnavailable`` that says what could not be checked, never a wrong answer.
"""

from __future__ import annotations

import json
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from intake.clock import iso, utcnow
from intake.config import IndexConfig
from intake.errors import IntakeError
from intake.storage import Store

MAX_BODY = 5 * 1024 * 1024
RELEASES_READ = 5  # the latest releases before the request whose metadata is read
_PROJECT_LINK = re.compile(r'href="/project/([A-Za-z0-9][A-Za-z0-9._-]{0,99})/"')
_USER_AGENT = "recovery-intake (account recovery verification)"


class IndexUnavailable(IntakeError):
    """The index could not be asked, or did not answer usefully."""


@dataclass(frozen=True, slots=True)
class Answer:
    """One fetched page: the HTTP status and the body (cached)."""

    status: int
    body: str
    fetched_at: str


class IndexClient:
    """Cached, retried reads from the index at ``cfg.api``."""

    def __init__(self, cfg: IndexConfig, store: Store, *, offline: bool = False) -> None:
        """``offline``: answer from the cache only (the desk has no network)."""
        self.cfg = cfg
        self.store = store
        self.offline = offline

    def user_projects(self, username: str) -> list[str] | None:
        """The account's projects, or None when the index has no such account."""
        answer = self._get(f"/user/{urllib.parse.quote(username)}/")
        if answer.status == 404:
            return None
        return sorted(dict.fromkeys(_PROJECT_LINK.findall(answer.body)))

    def project(self, name: str) -> dict[str, Any] | None:
        """The project's JSON document, or None when the index has no such project."""
        return self._json(f"/pypi/{urllib.parse.quote(name)}/json")

    def release(self, name: str, version: str) -> dict[str, Any] | None:
        return self._json(f"/pypi/{urllib.parse.quote(name)}/{urllib.parse.quote(version)}/json")

    def _json(self, path: str) -> dict[str, Any] | None:
        answer = self._get(path)
        if answer.status == 404:
            return None
        try:
            document = json.loads(answer.body)
        except ValueError:
            raise IndexUnavailable(f"{path}: the index sent something that is not JSON") from None
        if not isinstance(document, dict):
            raise IndexUnavailable(f"{path}: the index sent an unexpected document")
        return document

    def _get(self, path: str) -> Answer:
        url = self.cfg.api.rstrip("/") + path
        cached = self._cached(url)
        if cached is not None:
            return cached
        if self.offline:
            raise IndexUnavailable(f"{path}: not fetched yet (the daemon fetches it)")
        answer = self._fetch(url, path)
        with self.store.transaction():
            self.store.db.execute(
                "INSERT INTO index_cache (url, status, body, fetched_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (url) DO UPDATE SET status = excluded.status, "
                "body = excluded.body, fetched_at = excluded.fetched_at",
                (url, answer.status, answer.body, answer.fetched_at),
            )
        return answer

    def _cached(self, url: str) -> Answer | None:
        rows = self.store.rows(
            "SELECT status, body, fetched_at FROM index_cache WHERE url = ?", (url,)
        )
        if not rows:
            return None
        answer = Answer(**rows[0])
        fresh = utcnow() - datetime.fromisoformat(answer.fetched_at) < timedelta(
            hours=self.cfg.cache_hours
        )
        return answer if fresh or self.offline else None

    def _fetch(self, url: str, path: str) -> Answer:
        """GET with retries: 0.5 s, 1 s, 2 s … between attempts; 404 is an answer."""
        problem = ""
        for attempt in range(self.cfg.retries + 1):
            if attempt:
                time.sleep(0.5 * 2 ** (attempt - 1))
            try:
                return self._once(url)
            except urllib.error.HTTPError as exc:
                if exc.code == 404:
                    return Answer(404, "", iso(utcnow()))
                problem = f"HTTP {exc.code}"
                if exc.code < 500 and exc.code != 429:
                    break
            except (urllib.error.URLError, TimeoutError, OSError) as exc:
                reason = getattr(exc, "reason", exc)
                problem = "no answer in time" if "timed out" in str(reason) else str(reason)
        raise IndexUnavailable(f"{path}: {problem}")

    def _once(self, url: str) -> Answer:
        request = urllib.request.Request(url, headers={"User-Agent": _USER_AGENT})
        with urllib.request.urlopen(request, timeout=self.cfg.timeout) as response:
            body = response.read(MAX_BODY + 1)
        if len(body) > MAX_BODY:
            raise IndexUnavailable(f"{url}: the answer is over {MAX_BODY} bytes")
        return Answer(200, body.decode("utf-8", "replace"), iso(utcnow()))
