"""Hostile bodies: reading time grows with the size of a message and no faster.

A long run of one character once made ``intake parse`` take 24 s at 50 KB. Each
shape here is read at two sizes ten times apart: linear reading takes about ten
times longer, quadratic a hundred. The bound allows three times linear plus a
fixed allowance, so a busy shared machine does not fail it and a quadratic rule
does. A 5 MB single line must be read within an absolute, generous ceiling.
"""

from __future__ import annotations

import string
import time

import pytest

from intake.pipeline.triage import triage
from intake.reading.robots import GuardContext

CONTEXT = GuardContext(frozenset({"support@example.org"}), "example.org")
SHAPES = {
    **{f"run of {char!r}": char for char in string.punctuation},
    "spaces": " ",
    "spaces and tabs": " \t",
    "label prefixes": "Username: ",
    "label lines": "Access to password (yes/no):\n",
    "quote markers": ">",
    "quote lines": "> \n",
    "checkbox lines": "- [x] I agree to follow the code of conduct\n",
    "checkbox marks": "[ ]",
    "base32 characters": "7K3M9Q2XHD",
    "grouped codes": "ab12-",
    "sentence without end": "my recovery codes and my email are lost and ",
}
HTML_SHAPES = {"nested blockquotes": "<blockquote>a", "tags": "<div>", "entities": "&lt;"}


def _message(unit: str, size: int, subtype: str = "plain") -> bytes:
    body = (unit * (size // len(unit) + 1))[:size]
    head = f"From: h@example.net\nSubject: recovery\nContent-Type: text/{subtype}; charset=utf-8\n"
    return (head + "Content-Transfer-Encoding: 8bit\n\n" + body).encode()


def _seconds(raw: bytes) -> float:
    """The best of two readings, so that one pause of the machine does not count."""
    best = float("inf")
    for _ in range(2):
        started = time.perf_counter()
        triage(raw, CONTEXT)
        best = min(best, time.perf_counter() - started)
    return best


def _assert_linear(unit: str, subtype: str = "plain") -> None:
    small = _seconds(_message(unit, 20_000, subtype))
    large = _seconds(_message(unit, 200_000, subtype))
    assert large < 30 * small + 0.2, f"20 KB: {small:.3f}s, 200 KB: {large:.3f}s"


@pytest.mark.parametrize("unit", SHAPES.values(), ids=SHAPES.keys())
def test_reading_time_grows_linearly_with_a_repeated_shape(unit: str) -> None:
    _assert_linear(unit)


@pytest.mark.parametrize("unit", HTML_SHAPES.values(), ids=HTML_SHAPES.keys())
def test_html_reading_time_grows_linearly(unit: str) -> None:
    _assert_linear(unit, "html")


@pytest.mark.parametrize("unit", ["!", ".", "a", ">", "7K3M9Q2XHD", " "])
def test_a_5_mb_single_line_is_read_within_seconds(unit: str) -> None:
    started = time.perf_counter()
    triage(_message(unit, 5_000_000), CONTEXT)
    assert time.perf_counter() - started < 20


def test_a_long_hostile_line_still_has_its_secrets_redacted() -> None:
    raw = _message("!", 1_000_000) + b"\nmy password is Hunter2-very-secret\n"
    result = triage(raw, CONTEXT)
    assert "Hunter2" not in result.message.text and "[redacted]" in result.message.text
