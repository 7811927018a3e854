"""HTML mail to plain text: read, never rendered.

Block elements become line breaks, ``<blockquote>`` becomes ``> `` quoting (so
the quote splitter treats quoted HTML like quoted plain text), list items become
``- `` bullets and form checkboxes become ``[x]`` / ``[ ]``. Scripts, styles and
the document head are dropped.

The markup is cut into tokens by one regular expression that never looks past the
next ``<``, so the time grows with the size of the HTML and nothing else
(``html.parser`` spends several microseconds per tag, which a flood of tags turns
into seconds).
"""

from __future__ import annotations

import html as entities
import re

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
# Deeper quotes are still quotes; writing each level out would make the text grow
# with the square of the nesting.
MAX_QUOTE_DEPTH = 10
_WEB = ("http://", "https://")
_SKIPPED = frozenset(("script", "style", "head", "title", "template"))
_HEADINGS = {f"h{n}": "#" * n + " " for n in range(1, 7)}


_TOKEN = re.compile(
    r"(?P<comment><!--.*?(?:-->|\Z)|<[!?][^<>]{0,2000}>)"
    r"|(?P<tag><(?P<end>/)?(?P<name>[A-Za-z][^\s/<>]{0,100})"
    r"(?P<attrs>(?:[^<>\"']|\"[^\"<]{0,500}\"|'[^'<]{0,500}'){0,200})>)"
    r"|(?P<text>[^<]+)"
    r"|(?P<lt><)",
    re.S,
)
_ATTRIBUTE = re.compile(r"([^\s=/]+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s\"']+))?")
_RAW_TEXT = {tag: re.compile(rf"</{tag}\s*>", re.I) for tag in ("script", "style")}


def _attributes(text: str) -> list[tuple[str, str | None]]:
    return [
        (name.lower(), value.strip("\"'") if value else None)
        for name, value in _ATTRIBUTE.findall(text)
    ]


class _TextCollector:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self._current: list[str] = []
        self._quote_depth = 0
        self._skip_depth = 0
        self._cells = 0  # cells so far in the table row
        self._in_pre = 0
        self._term = False  # a <dt> just ended: its <dd> continues the line
        self._link: tuple[str, int] | None = None  # an open <a>: its href, where its text starts

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
        elif tag == "a":
            href = dict(attrs).get("href") or ""
            self._link = (href, len(self._current)) if href.startswith(_WEB) else None
        elif tag == "dd" and self._term:
            # A definition list reads as "Label: value" lines, like a two-column table.
            term = "".join(self._current).rstrip()
            self._current = [term, " " if term.endswith(":") else ": "]
            self._term = False
        elif tag in ("td", "th"):
            # A two-column table reads as "Label: value" lines.
            labelled = "".join(self._current).rstrip().endswith(":")
            self._current.append(": " if self._cells and not labelled else " ")
            self._cells += 1
        elif tag in _BLOCKS:
            self._break()
            self._cells = 0
            if tag in _HEADINGS:
                self._current.append(_HEADINGS[tag])
            if tag == "pre":
                self._in_pre += 1

    def handle_endtag(self, tag: str) -> None:
        self._term = tag == "dt"
        if tag == "dt":
            return
        if tag == "a" and self._link:
            self._close_link(*self._link)
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

    def _close_link(self, href: str, start: int) -> None:
        """A link whose text hides its address keeps it: "<a href=…/x>x</a>" reads "x (…/x)"."""
        self._link = None
        text = "".join(self._current[start:])
        if text.strip() and href.rstrip("/") not in text:
            self._current.append(f" ({href})")

    def _break(self) -> None:
        text = "".join(self._current).strip()
        self._current = []
        if not text:
            if self.lines and self.lines[-1] != "":
                self.lines.append("")
            return
        prefix = "> " * min(self._quote_depth, MAX_QUOTE_DEPTH)
        self.lines.append(prefix + text)

    def feed(self, markup: str) -> None:
        position = 0
        while position < len(markup):
            token = _TOKEN.match(markup, position)
            assert token is not None, "the last alternative matches any '<'"
            position = token.end()
            kind = token.lastgroup
            if kind == "text":
                self.handle_data(entities.unescape(token.group("text")))
            elif kind == "lt":
                self.handle_data("<")
            elif kind == "tag" and token.group("end"):
                self.handle_endtag(token.group("name").lower())
            elif kind == "tag":
                position = self._start(token, markup, position)

    def _start(self, token: re.Match[str], markup: str, position: int) -> int:
        """Handle a start tag; the text of a script or style is skipped whole."""
        tag = token.group("name").lower()
        raw = _RAW_TEXT.get(tag)
        if raw is not None:
            closing = raw.search(markup, position)
            return closing.end() if closing else len(markup)
        # Only a form checkbox needs its attributes read.
        wanted = tag in ("input", "a")
        self.handle_starttag(tag, _attributes(token.group("attrs")) if wanted else [])
        return position

    def text(self) -> str:
        self._break()
        return "\n".join(self.lines).strip()


def html_to_text(html: str) -> str:
    """Convert an HTML body to plain text lines."""
    collector = _TextCollector()
    collector.feed(html)
    return collector.text()
