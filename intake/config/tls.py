"""TLS for the mail servers: certificates are always verified."""

from __future__ import annotations

import ssl
from pathlib import Path

from intake.errors import ConfigError


def tls_context(section: str, ca_file: Path | None) -> ssl.SSLContext:
    """The system trust store, plus ``ca_file`` when configured; hostnames are checked."""
    context = ssl.create_default_context()
    if ca_file is not None:
        try:
            context.load_verify_locations(cafile=str(ca_file))
        except (OSError, ssl.SSLError) as exc:
            reason = getattr(exc, "strerror", None) or str(exc)
            raise ConfigError(
                f"{section}.ca_file = {str(ca_file)!r}: cannot load: {reason}"
            ) from None
    return context
