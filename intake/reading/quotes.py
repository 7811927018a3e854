"""Split a plain-text body into the requester's own words and everything else.

Quoted lines (``>``), the quoted original below an attribution ("On … wrote:")
or an Outlook header block, signatures, "Sent from my phone" lines and legal
disclaimers are not the requester's answer, so only ``own`` is ever read for
fields. One exception keeps inline answering working: text typed on the line
after a quoted fill-in label (``> Username:`` then ``alice``) is the answer to
that label and comes back as ``Username: alice``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from intake.reading.addresses import parse_mailbox

_QUOTED = re.compile(r"^\s*>")
_ATTRIBUTION_VERBS = (
    "wrote",
    "writes",
    "schrieb",
    "a écrit",
    "escribió",
    "scrisse",
    "napisał",
    "schreef",
)
_ATTRIBUTION_START = re.compile(r"^\s*(on|am|le|el|il|w dniu|op)\s", re.I)
_ORIGINAL_MARKERS = re.compile(
    r"^\s*(-{2,}\s*original message\s*-{2,}|-{2,}\s*ursprüngliche nachricht\s*-{2,}"
    r"|_{10,}\s*$|begin forwarded message:?\s*$)",
    re.I,
)
_FORWARD_MARKER = re.compile(r"^\s*-{3,}\s*forwarded message\s*-{3,}\s*$", re.I)
_HEADER_LINE = re.compile(r"^\s*\*?(from|sent|date|to|cc|subject|reply-to)\*?\s*:", re.I)
_SIGNATURE = re.compile(r"^(--|-- |__)\s*$")
_PHONE_FOOTER = re.compile(
    r"^\s*(sent from my \w+|sent from (outlook|yahoo mail|mail for windows)|"
    r"get outlook for \w+|sent from proton ?mail.*|sent with proton ?mail.*)\s*\.?\s*$",
    re.I,
)
# A disclaimer may open with the firm's name: "X LLP is registered … This email and any
# attachments are confidential …".
_DISCLAIMER = re.compile(
    r"^.{0,300}?\b(this (e-?mail|message) and any attachments (are|is) confidential"
    r"|if you are not the intended recipient)"
    r"|^\s*(confidentiality notice|disclaimer|this (e-?mail|message) and any attachments"
    r"|this (e-?mail|message) (is|may be) confidential|the information (contained )?in this"
    r" (e-?mail|message))",
    re.I,
)
# A quoted label or question ("> Username:", "> Do you still have your password?"): the
# requester's own line after it answers it.
_QUOTED_LABEL = re.compile(
    r"^\s*(?:>\s*)+(?:\d{1,2}[.)]\s+)?(?:(?P<label>[^>:?]{2,120}?)\s*:"
    # "> Which of these do you still have: username, password, account email?"
    r"|(?P<question>[^>:?]{2,120}?)(?::\s*(?P<options>[^>:?]{2,80}?))?\s*\?)\s*$"
)
# An item of a help-page checklist the requester quotes to answer ("> 4. The status of
# your recovery codes", "> Tell us why you can't log in.", "> Please provide your PyPI
# username (e.g. Username: example-user)"): a numbered item, or a request to the reader.
_QUOTED_ITEM = re.compile(
    r"^\s*(?:>\s*)+(?:[-*•]\s+)?(?:\d{1,2}[.)]\s+(?P<label>[^>:?]{2,120}?)"
    # "> - Whether you have your recovery codes": an item of a bulleted checklist.
    r"|(?<=[-*•] )(?P<item>(?:whether|that you|why you|confirmation|your)\b[^>:?]{2,120}?)"
    r"|(?P<ask>(?:please\s+)?(?:provide|tell us|describe|give us|state|explain|let us know|"
    r"reply with|respond with|send us)\b"
    r"[^>:?(]{2,120}?)(?:\s*\([^)]*\))?\.?"
    # "> Your PyPI username"
    r"|(?P<noun>(?-i:Y)our\s+(?:pypi\s+)?(?:user ?name|account name|login)))\s*$",
    re.I,
)


@dataclass(frozen=True, slots=True)
class SplitText:
    """A body split into the requester's own words and the rest."""

    own: str
    quoted: str


def split_quotes(text: str, sender: str = "") -> SplitText:
    """Separate the requester's own lines from quotes, signatures and disclaimers.

    ``sender`` (the From header) tells a request the requester forwards from
    somebody else's, which is context and fills nothing.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    own: list[str] = []
    quoted: list[str] = []
    pending_label: str | None = None
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.lstrip().startswith(">"):  # the common case first: no other rule fits it
            quoted.append(line)
            asks = line.rstrip().endswith((":", "?"))
            label = _QUOTED_LABEL.match(line) if asks else _QUOTED_ITEM.match(line)
            pending_label = _pending_label(label) if label else None
            index += 1
            continue
        if _starts_quoted_tail(lines, index):
            quoted.extend(lines[index:])
            break
        if _ends_own_text(line):
            own.extend(_signed_usernames(lines[index + 1 : index + 9]))
            break
        if _FORWARD_MARKER.match(line) or line.strip().lower().startswith("begin forwarded"):
            start = _skip_forward_header(lines, index + 1)
            if not _forwarded_own(lines[index + 1 : start], lines[start:], sender):
                quoted.extend(lines[index:])  # a colleague's note: context, not an answer
                break
            index = start
            continue
        if _is_attribution(lines, index):
            quoted.append(line)
            pending_label = None
        elif pending_label and line.strip():
            own.append(f"{pending_label}: {line.strip()}")
            pending_label = None
        elif not _PHONE_FOOTER.match(line):
            own.append(line)
            pending_label = None if line.strip() else pending_label
        index += 1
    return SplitText(own=_tidy(own), quoted=_tidy(quoted))


def _pending_label(found: re.Match[str]) -> str | None:
    """The label a quoted question or item gives the requester's answer below it."""
    named = found.groupdict()
    label = (
        named.get("label")
        or named.get("question")
        or named.get("ask")
        or named.get("noun")
        or named.get("item")
    )
    if not label:
        return None
    options = named.get("options")
    return f"{label.strip()} ({options.strip()})" if options else label.strip()


def _starts_quoted_tail(lines: list[str], index: int) -> bool:
    """Tell whether an unquoted original message starts at ``index`` (Outlook style)."""
    line = lines[index]
    if _ORIGINAL_MARKERS.match(line) and not line.strip().lower().startswith("begin forwarded"):
        return True
    if not _HEADER_LINE.match(line) or not line.strip().lower().lstrip("*").startswith("from"):
        return False
    if _after_forward_marker(lines, index):
        return False
    window = [entry.strip().lower().lstrip("*") for entry in lines[index + 1 : index + 5]]
    has_date = any(entry.startswith(("sent:", "date:")) for entry in window)
    has_subject = any(entry.startswith(("subject:", "to:")) for entry in window)
    return has_date and has_subject


# A forwarded request speaks of "my account"; a note forwarded to explain ("the phone
# that held the authenticator got reset") is somebody else's words.
_OWN_REQUEST = re.compile(
    r"\b(?:my|our)\s+(?:pypi\s+)?(?:account|user ?name|login)\b|\bi(?:'m| am)\s+locked out\b"
    r"|^\s*(?:pypi\s+)?user ?name\s*:",
    re.I | re.M,
)


def _forwarded_own(header: list[str], body: list[str], sender: str) -> bool:
    """Whether a forwarded message is the requester's own: sent from their address or
    name, or (when its header names nobody) a request that speaks of "my account"."""
    author_line = next((line.split(":", 1)[1] for line in header if _FROM_LINE.match(line)), "")
    author = parse_mailbox(author_line.replace("*", "").strip())
    own = parse_mailbox(sender)
    if author and own:
        same_name = bool(author.name) and author.name.casefold() == own.name.casefold()
        return author.email == own.email or same_name
    return bool(_OWN_REQUEST.search("\n".join(body)))


_FROM_LINE = re.compile(r"^\s*\*?from\*?\s*:", re.I)


def _skip_forward_header(lines: list[str], index: int) -> int:
    """Step over the From/Date/Subject/To lines that head a forwarded message."""
    while index < len(lines) and (_HEADER_LINE.match(lines[index]) or not lines[index].strip()):
        index += 1
    return index


def _after_forward_marker(lines: list[str], index: int) -> bool:
    for back in range(index - 1, max(-1, index - 3), -1):
        if _FORWARD_MARKER.match(lines[back]) or lines[back].lower().startswith("begin forwarded"):
            return True
        if lines[back].strip():
            return False
    return False


# "PyPI: rhea-kallis | GitHub: @rkallis" in a signature names the account.
SIGNED_USERNAME = re.compile(r"^\W*pypi(?:\.org)?(?:\s+user(?:name)?)?\s*[:=]\s*\S", re.I)


def _signed_usernames(signature: list[str]) -> list[str]:
    """The lines of a signature that give the requester's PyPI username (stop at a quote)."""
    found = []
    for line in signature:
        if line.lstrip().startswith(">") or _is_attribution([line], 0):
            break
        if SIGNED_USERNAME.match(line):
            found.append(line.strip())
    return found


def _ends_own_text(line: str) -> bool:
    return bool(_SIGNATURE.match(line) or _DISCLAIMER.match(line))


def _is_attribution(lines: list[str], index: int) -> bool:
    """An "On <date>, <name> wrote:" line, possibly wrapped onto the next line."""
    line = lines[index]
    if _ends_attribution(line):
        return True
    if not _ATTRIBUTION_START.match(line) or index + 1 >= len(lines):
        return False
    following = lines[index + 1]
    return _ends_attribution(following) and not _QUOTED.match(following)


def _ends_attribution(line: str) -> bool:
    """ "… wrote:" at the end of a line (string tests: this runs on every line)."""
    line = line.rstrip()
    return line.endswith(":") and line[:-1].rstrip().lower().endswith(_ATTRIBUTION_VERBS)


def _tidy(lines: list[str]) -> str:
    return "\n".join(line.rstrip() for line in lines).strip("\n")
