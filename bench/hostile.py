"""Seconds per KB for hostile message bodies: one shape at a time, growing sizes.

    python bench/hostile.py [--sizes 10,100,1000] [--timeout SECONDS] [--only NAME]

Each shape (a long run of one punctuation character, of spaces, of label-like
prefixes, of ``>`` quote markers, of checkbox lines, of base32-like characters, …)
is wrapped in a plain-text or HTML email and read the way ``intake parse`` reads
it (parse, redact, split quotes, extract). Each measurement runs in a child
process so that a shape that blows up is stopped after ``--timeout`` seconds and
its larger sizes are skipped. Prints one line per shape (seconds per KB at each
size, and ``growth``: seconds per KB at the largest size over the smallest size of
at least 100 KB, about 1 or less when reading is linear), then
``worst=<seconds per 100 KB>`` over every shape at sizes of 100 KB and more (target:
0.05), and ``worst_small=`` for the smaller sizes, where the fixed cost of reading a
message's first 10 000 characters (as much as a long genuine request) dominates.
"""

from __future__ import annotations

import argparse
import multiprocessing
import string
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from intake.pipeline.triage import triage  # noqa: E402
from intake.reading.robots import GuardContext  # noqa: E402

CONTEXT = GuardContext(frozenset({"support@example.org"}), "example.org")
HEAD = "From: Hostile <h@example.net>\nTo: support@example.org\nSubject: recovery\n"


def _repeat(unit: str) -> Callable[[int], str]:
    """A body of ``unit`` repeated up to ``size`` characters."""
    return lambda size: (unit * (size // len(unit) + 1))[:size]


def _framed(lead: str, unit: str) -> Callable[[int], str]:
    """``lead`` then a long run of ``unit``, then a word: rules anchored on the lead rescan."""
    return lambda size: lead + _repeat(unit)(size) + " end"


SHAPES: dict[str, tuple[str, Callable[[int], str]]] = {
    **{f"punct {char!r}": ("plain", _repeat(char)) for char in string.punctuation},
    "spaces": ("plain", _framed("my password", " ")),
    "tabs and spaces": ("plain", _repeat(" \t")),
    "word run": ("plain", _repeat("a")),
    "label prefixes": ("plain", _repeat("Username: ")),
    "label lines": ("plain", _repeat("Access to password (yes/no):\n")),
    "quote markers": ("plain", _repeat(">")),
    "quote lines": ("plain", _repeat("> \n")),
    "checkbox lines": ("plain", _repeat("- [x] I agree to follow the code of conduct\n")),
    "checkbox run": ("plain", _repeat("[ ]")),
    "base32 run": ("plain", _repeat("7K3M9Q2XHD")),
    "grouped codes": ("plain", _framed("recovery codes ", "ab12-")),
    "digits": ("plain", _framed("2fa code ", "1234 ")),
    "one long sentence": ("plain", _repeat("my recovery codes and my email are lost and ")),
    "password words": ("plain", _repeat("password is password ")),
    "headings": ("plain", _repeat("### ")),
    "bullets": ("plain", _repeat("- ")),
    "dots and spaces": ("plain", _repeat(". ")),
    "html tags": ("html", _repeat("<div>")),
    "html blockquotes": ("html", _repeat("<blockquote>a")),
    "html text": ("html", _repeat("&lt;")),
}


def _message(kind: str, body: str) -> bytes:
    content_type = "text/html" if kind == "html" else "text/plain"
    header = f"{HEAD}Content-Type: {content_type}; charset=utf-8\n"
    return (header + "Content-Transfer-Encoding: 8bit\n\n" + body).encode("utf-8")


def _measure(name: str, size: int, result: multiprocessing.SimpleQueue[float]) -> None:
    kind, build = SHAPES[name]
    raw = _message(kind, build(size))
    # The daemon reads in a long-lived process: compiling patterns is paid once, not here.
    triage(_message(kind, "I lost my phone. Username: warm-up"), CONTEXT)
    started = time.perf_counter()
    triage(raw, CONTEXT)
    result.put(time.perf_counter() - started)


def measure(name: str, size: int, timeout: float) -> float | None:
    """Seconds to read one message of ``size`` bytes of this shape; None when timed out."""
    queue: multiprocessing.SimpleQueue[float] = multiprocessing.SimpleQueue()
    child = multiprocessing.Process(target=_measure, args=(name, size, queue))
    child.start()
    child.join(timeout)
    if child.is_alive():
        child.kill()
        child.join()
        return None
    return queue.get() if not queue.empty() else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10,100,1000", help="sizes in KB")
    parser.add_argument("--timeout", type=float, default=30.0)
    parser.add_argument("--only", action="append", help="shape name (repeatable)")
    args = parser.parse_args()
    sizes = [int(kb) for kb in args.sizes.split(",")]
    worst = {"large": 0.0, "small": 0.0}
    for name in args.only or SHAPES:
        cells, per_kb = [], {}
        for kb in sizes:
            seconds = measure(name, kb * 1000, args.timeout)
            band = "large" if kb >= 100 else "small"
            if seconds is None:
                cells.append(f"{kb}KB: >{args.timeout:.0f}s (timeout)")
                worst[band] = float("inf")
                break
            per_kb[kb] = seconds / kb
            cells.append(f"{kb}KB: {seconds / kb:.6f} s/KB")
            worst[band] = max(worst[band], seconds / kb * 100)
        large = [kb for kb in per_kb if kb >= 100]
        if len(large) > 1:
            cells.append(f"growth={per_kb[max(large)] / per_kb[min(large)]:.2f}")
        print(f"{name:<22} " + "  ".join(cells), flush=True)
    print(f"worst={worst['large']:.4f} s per 100 KB at 100 KB and more (target 0.05)")
    print(f"worst_small={worst['small']:.4f} s per 100 KB below 100 KB")


if __name__ == "__main__":
    main()
