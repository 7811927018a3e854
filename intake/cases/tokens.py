"""Case tokens: the public reference ``PR-`` + 10 Crockford base32 characters from a CSPRNG.

The token travels in reply subjects and bodies and in our Message-IDs, so a reply
finds its case even when a mail client drops the threading headers.
"""

from __future__ import annotations

import re
import secrets

TOKEN_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
TOKEN_PATTERN = re.compile(r"\bPR-([0-9A-HJKMNP-TV-Z]{10})\b", re.I)


def new_token() -> str:
    """A fresh public case reference: ``PR-`` and 10 Crockford base32 characters."""
    return "PR-" + "".join(secrets.choice(TOKEN_ALPHABET) for _ in range(10))


def find_token(text: str) -> str | None:
    """The first case reference in ``text``, normalised to upper case."""
    match = TOKEN_PATTERN.search(text)
    return f"PR-{match.group(1).upper()}" if match else None
