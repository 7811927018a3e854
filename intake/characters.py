"""Invisible characters: stripped from the headers we write, made visible to staff.

Control characters and bidirectional overrides in attacker-written mail can break a
header we build from it, or make a subject or username read as something it is not
(``\\u202e`` turns "gpj.exe" into "exe.jpg"). Headers get them removed; staff views
show each as its escape (``\\u202e``), so what is there is what is seen.
"""

from __future__ import annotations

import re

# C0 and C1 controls, DEL, zero-width and joiner characters, bidi marks, embeddings,
# overrides and isolates, line and paragraph separators, and the byte-order mark.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]"
)
_BREAKS = re.compile("[\t\n\r]+")


def strip_controls(text: str) -> str:
    """Remove every invisible character; tabs and line breaks become one space (headers)."""
    return _INVISIBLE.sub("", _BREAKS.sub(" ", text))


def visible_controls(text: str) -> str:
    """Show every invisible character as its ``\\uXXXX`` escape; tabs and breaks stay."""
    return _INVISIBLE.sub(lambda found: f"\\u{ord(found.group(0)):04x}", text)
