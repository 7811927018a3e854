"""Ownership evidence: every claim once, whatever shape it came in.

A claim is a package or project name, a repository, profile or project link, or
the email address commits are made with. The same claim written twice (with and
without ``https://``, a trailing slash, or as a name beside its PyPI page) is one
item.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from intake.extraction.mentions import ownership_items
from intake.extraction.values import yes_no

NONE_ANSWER = re.compile(r"^(?:no|none|nothing|n/a|na|-|no other proof|not really)\.?$", re.I)
_PARTS = re.compile(r"[\n;]|,\s+|\s+and\s+|\s+[-–—]\s+", re.I)
_PYPI_PROJECT = re.compile(r"pypi\.org/project/([^/\s]+)", re.I)
_BESIDE_LINK = re.compile(r"\([^()]*\)|\S+(?:://|\.(?:com|org|io|net)/)\S*", re.I)
_PACKAGE_NAME = re.compile(r"[A-Za-z0-9][\w.]*[-_.\d][\w.-]*[A-Za-z0-9]")


def answered_items(value: str) -> list[str]:
    """Claims in a value given under an evidence label or to a staff question.

    A part holding links or a claim gives those; a bare part ("quickplot-ch") is a
    package name or other proof in the requester's words.
    """
    if NONE_ANSWER.match(value.strip()):
        return []
    items: list[str] = []
    for part in (p.strip(" -*•.") for p in _PARTS.split(value)):
        if not part or yes_no(part) is not None:
            continue
        claims = ownership_items(part)
        items.extend(claims or [part])
        first = re.split(r"(?<=[.!?])\s+", part, maxsplit=1)[0]
        rest = _BESIDE_LINK.sub(" ", first).strip(" -*•.,")
        if claims and _PACKAGE_NAME.fullmatch(rest) and rest.lower() not in claims[0].lower():
            items.append(rest)  # "stripe-verify (github.com/…)": the name and its link
    return items


def claim_key(item: str) -> str:
    """One spelling per claim: lower case, no scheme, no "www.", no trailing slash or ".git"."""
    item = re.sub(r"^(?:https?://)?(?:www\.)?", "", item.strip().lower())
    return re.sub(r"(?:\.git)?/*$", "", item)


def distinct_claims(items: Iterable[str]) -> list[str]:
    """Items without repeats; a package name is dropped when its PyPI page is listed."""
    unique: dict[str, str] = {}
    for item in items:
        unique.setdefault(claim_key(item), item)
    pages = {name.lower() for key in unique for name in _PYPI_PROJECT.findall(key)}
    return [item for key, item in unique.items() if key not in pages]
