"""Running the desk with uvicorn: on a loopback address, or on a unix socket for a proxy."""

from __future__ import annotations

from pathlib import Path

import uvicorn

from intake.config import Config, is_loopback
from intake.errors import ConfigError
from intake.web.app import build_app


def serve(config: Config, *, listen: str | None = None, socket: Path | None = None) -> None:
    """Serve until interrupted; ``listen`` (host:port) and ``socket`` override ``[web]``."""
    path = socket or (None if listen else config.web.socket)
    app = build_app(config, on_socket=path is not None)
    if path is not None:
        uvicorn.run(app, uds=str(path), log_level="warning", proxy_headers=False)
        return
    host, port = parse_listen(listen or config.web.listen)
    uvicorn.run(app, host=host, port=port, log_level="warning", proxy_headers=False)


def parse_listen(value: str) -> tuple[str, int]:
    """``127.0.0.1:8080`` → (host, port); only loopback: TLS belongs to the proxy in front."""
    host, _, port = value.rpartition(":")
    host = host.strip("[]")
    if not port.isdigit() or not host:
        raise ConfigError(f"web.listen = {value!r}: expected host:port, e.g. 127.0.0.1:8080")
    if not is_loopback(host):
        raise ConfigError(
            f"web.listen = {value!r}: the desk listens on loopback only; put a TLS "
            "reverse proxy in front of it, or use --socket"
        )
    return host, int(port)
