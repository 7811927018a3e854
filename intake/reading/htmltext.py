"""HTML mail to plain text: read, never rendered.

Block elements become line breaks, ``<blockquote>`` becomes ``> `` quoting (so
the quote splitter treats quoted HTML like quoted plain text), list items become
``- `` bullets and form checkboxes become ``[x]`` / ``[ ]``. Scripts, styles and
the document head are dropped.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "div",
        "dl",
        "dt",
        "dd",
        "fieldset",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tr",
        "ul",
    ]
)
_SKIPPED = frozenset(("script", "style", "head", "title", "template"))
_HEADINGS = {f"h{n}": "#" * n + " " for n in range(1, 7)}


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self._current: list[str] = []
        self._quote_depth = 0
        self._skip_depth = 0
        self._in_pre = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self._skip_depth += 1
        elif tag == "br":
            self._break()
        elif tag == "blockquote":
            self._break()
            self._quote_depth += 1
        elif tag == "li":
            self._break()
            self._current.append("- ")
        elif tag == "input" and dict(attrs).get("type") == "checkbox":
            self._current.append("[x] " if "checked" in dict(attrs) else "[ ] ")
        elif tag == "td":
            self._current.append(" ")
        elif tag in _BLOCKS:
            self._break()
            if tag in _HEADINGS:
                self._current.append(_HEADINGS[tag])
            if tag == "pre":
                self._in_pre += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag == "blockquote":
            self._break()
            self._quote_depth = max(0, self._quote_depth - 1)
        elif tag in _BLOCKS or tag == "li":
            self._break()
            if tag == "pre":
                self._in_pre = max(0, self._in_pre - 1)

    def handle_data(self, data: str) -> None:
        if self._skip_depth:
            return
        if self._in_pre:
            first, *rest = data.split("\n")
            self._current.append(first)
            for line in rest:
                self._break()
                self._current.append(line)
            return
        self._current.append(re.sub(r"\s+", " ", data))

    def _break(self) -> None:
        text = "".join(self._current).strip()
        self._current = []
        if not text:
            if self.lines and self.lines[-1] != "":
                self.lines.append("")
            return
        prefix = "> " * self._quote_depth
        self.lines.append(prefix + text)

    def text(self) -> str:
        self._break()
        return "\n".join(self.lines).strip()


def html_to_text(html: str) -> str:
    """Convert an HTML body to plain text lines."""
    collector = _TextCollector()
    try:
        collector.feed(html)
        collector.close()
    except (AssertionError, ValueError):
        # HTMLParser can give up on badly broken markup; keep what was read.
        pass
    return collector.text()
