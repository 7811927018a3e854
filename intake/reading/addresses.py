"""Strict email address validation.

The stdlib's ``parseaddr`` accepts hostile input and can return an address that
was never the intended one (CVE-2023-27043), so anything that decides where a
reply goes is checked here against a deliberately narrow grammar.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from email.header import decode_header, make_header

_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_LOCAL = rf"{_ATOM}(?:\.{_ATOM})*"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_DOMAIN = rf"{_LABEL}(?:\.{_LABEL})+|localhost"
ADDR_SPEC = re.compile(rf"(?P<local>{_LOCAL})@(?P<domain>{_DOMAIN})")
_MAILBOX = re.compile(
    r"""^\s*(?:
        (?P<name>"(?:[^"\\\r\n]|\\.)*"|[^<>",;:()\\\r\n]*?)\s*<(?P<angle>[^<>\s]+)>
        |(?P<bare>[^<>\s"(),;:\\]+)\s*(?:\((?P<comment>[^()\\\r\n]*)\))?
    )\s*$""",
    re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class Address:
    """One validated mailbox: display name (may be empty) and addr-spec."""

    name: str
    email: str

    @property
    def local_part(self) -> str:
        return self.email.rsplit("@", 1)[0]

    @property
    def domain(self) -> str:
        return self.email.rsplit("@", 1)[1]

    def formatted(self) -> str:
        """Render for a header, quoting the display name when needed."""
        if not self.name:
            return self.email
        escaped = self.name.replace("\\", "\\\\").replace('"', '\\"')
        return f'"{escaped}" <{self.email}>'


def is_addr_spec(value: str) -> bool:
    """Tell whether ``value`` is exactly one plain address ``local@domain``."""
    return len(value) <= 254 and ADDR_SPEC.fullmatch(value) is not None


def parse_mailbox(value: str) -> Address | None:
    """Parse one mailbox header value; ``None`` unless it is exactly one valid address."""
    if any(ch in value for ch in "\r\n\0") or len(value) > 998:
        return None
    match = _MAILBOX.match(value)
    if match is None:
        return None
    email = match.group("angle") or match.group("bare") or ""
    if not is_addr_spec(email):
        return None
    name = _decode_words((match.group("name") or match.group("comment") or "").strip())
    if name.startswith('"') and name.endswith('"') and len(name) >= 2:
        name = re.sub(r"\\(.)", r"\1", name[1:-1])
    if any(ch in name for ch in "\r\n\0"):
        return None
    return Address(name=name.strip(), email=_normalise(email))


def _normalise(email: str) -> str:
    local, domain = email.rsplit("@", 1)
    return f"{local}@{domain.lower()}"


def _decode_words(text: str) -> str:
    if "=?" not in text:
        return text
    try:
        return str(make_header(decode_header(text)))
    except (ValueError, LookupError, UnicodeError):
        return text


# Names that never reach a mailbox on the public internet (RFC 2606, RFC 6761, RFC 6762,
# RFC 8375 and the .internal reservation): mail to them would go to a host of ours.
_PRIVATE_SUFFIXES = ("localhost", "local", "internal", "invalid", "test", "example", "home.arpa")


def is_public_domain(domain: str, allowed: frozenset[str] = frozenset()) -> bool:
    """Tell whether ``domain`` can be a public mail domain; ``allowed`` suffixes pass anyway.

    Single labels, IP addresses and the reserved names above are not public.
    """
    name = domain.lower().rstrip(".")
    if any(name == suffix or name.endswith("." + suffix) for suffix in allowed):
        return True
    labels = name.split(".")
    if len(labels) < 2 or all(label.isdigit() for label in labels):
        return False
    return not any(name == suffix or name.endswith("." + suffix) for suffix in _PRIVATE_SUFFIXES)
