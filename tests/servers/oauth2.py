"""A tiny OAuth2 token introspection endpoint on loopback, for Dovecot's ``oauth2`` passdb.

Dovecot (``introspection_mode = get``) appends the bearer token to the introspection URL
and asks this endpoint whether it is good. Only tokens a test granted are accepted; every
token asked about is recorded, so a test can prove which token the client sent.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


class TokenEndpoint:
    """Accepts the tokens granted to users; any other token is inactive (RFC 7662)."""

    def __init__(self) -> None:
        self.granted: dict[str, str] = {}
        self.asked: list[str] = []
        self._lock = threading.Lock()
        self._http = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self._http.server_address[1]}/introspect?token="

    def grant(self, token: str, user: str) -> None:
        with self._lock:
            self.granted[token] = user

    def tokens_asked(self) -> list[str]:
        with self._lock:
            return list(self.asked)

    def _answer(self, path: str) -> tuple[int, dict[str, str]]:
        # Dovecot appends "&client_id=&client_secret=" after the token.
        token = parse_qs(urlsplit(path).query).get("token", [""])[0]
        with self._lock:
            self.asked.append(token)
            user = self.granted.get(token)
        if user is None:
            return 200, {"active": "false"}
        return 200, {"email": user, "active": "true"}

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        endpoint = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                status, body = endpoint._answer(self.path)
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, format: str, *args: object) -> None:
                """Quiet: the test reads ``asked`` instead."""

        return Handler

    @contextmanager
    def serving(self) -> Iterator[TokenEndpoint]:
        thread = threading.Thread(target=self._http.serve_forever, daemon=True)
        thread.start()
        try:
            yield self
        finally:
            self._http.shutdown()
            self._http.server_close()
            thread.join(timeout=5)
