"""Read the requester's own text into labelled answers, checkboxes and prose sentences.

Requests arrive as ``Label: value`` lines, Markdown headings of a pasted issue
form (``### PyPI Username``), ``- [x]`` checkboxes, our fill-in block answered in
place, or plain prose. This module only recognises the shape; ``extract`` decides
what each piece means.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import takewhile

from intake.extraction.fields import TEMPLATE_PHRASES
from intake.extraction.questions import context_answers, interleaved_answers
from intake.extraction.values import is_option_list, yes_no

# Label text (lower case, parentheses removed) → the field it answers.
LABELS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern))
    for name, pattern in (
        (
            "username",
            r"(?:your |my |the )?(?:(?:pypi(?:\.org)?|index) )?(?:account )?"
            r"(?:user ?name|username|usernme|usrname|user|usr|user ?id|login(?: name| ?id)?|handle|"
            r"account(?: name)?|acct(?: name)?|handle on pypi)"
            r"(?: on (?:pypi|the index)| of the account| to recover)?"
            r"|(?:name|id) on pypi|pypi (?:name|id)|u/n"
            r"|what is (?:your|the) (?:pypi )?(?:user ?name|account(?: name)?)"
            r"|(?:which|what) (?:pypi )?account"
            r"|(?:the )?user ?name of (?:the|your|my) account(?: (?:you|i) (?:are|am) trying to "
            r"(?:recover|access))?",
        ),
        (
            "reason",
            r"(?:the )?reason(?: for (?:the |this |my )?(?:account )?(?:request|recovery))?"
            r"|why|what happened|what broke|problem|issue|description|explanation|situation"
            r"|motive|cause|circumstances|grounds|background|summary of events|incident"
            r"|tl ?dr|short version|the short version|in short|in a nutshell"
            r"|why (?:i'?m|i am) locked out|why i can'?t (?:log|sign) in"
            r"|why do you need (?:the )?(?:account )?recovery"
            r"|what'?s? (?:is )?(?:stopping|preventing) you from (?:logging|signing) in"
            r"|what (?:stops|prevents) you from (?:logging|signing) in"
            r"|why can'?t you (?:log|sign) in"
            r"|why are you unable to (?:log|sign) in|why (?:are you unable to|can'?t you) access "
            r"(?:your|the) account"
            r"|(?:the )?reason (?:why )?(?:i|you) "
            r"(?:cannot|can't|can not|are unable to|am unable to) (?:sign|log) in"
            r"|why (?:i|you) (?:cannot|can't|can not) (?:sign|log) in"
            r"|what happened\W+why can'?t you (?:log|sign) in"
            r"|(?:a |the )?description of (?:why|what happened|how)\b.{0,80}"
            r"|why (?:you are|i am|you're|i'm) unable to use (?:your|my) (?:two-factor|2fa)\b"
            r".{0,30}",
        ),
        (
            "credentials.username",
            r"(?:i |do you |do i )?(?:still )?(?:access to|have|have access to|know) "
            r"(?:the |your |my )?user ?name|username access"
            r"|user ?name (?:retained|known|kept|held)",
        ),
        (
            "credentials.password",
            r"(?:i |do you |do i )?(?:still )?(?:access to|have|has|have access to|know|knows) "
            r"(?:the |your |my )?password|password access"
            r"|(?:the |my )?(?:password|pw|pwd|pass ?phrase)"
            r"(?: ok| okay| fine| known| still known| status"
            r"| retained| kept| held)?",
        ),
        (
            "credentials.email",
            r"(?:i |do you |do i |can you |can i )?(?:still )?(?:can )?"
            r"(?:access to|have|have access to|access) "
            r"(?:to )?(?:the |your |my )?(?:account |account's |linked |registered )?e-?mail"
            r"(?: address| account| inbox)?(?: (?:of|on|for) (?:the |my )?account)?|e-?mail access"
            r"|e-?mail known"
            r"|(?:the |my )?(?:account |linked |registered )?e-?mail(?: address)?(?: (?:on|of|for) "
            r"(?:the |my )?account| on file)?(?: ok| okay| fine| works| working|"
            r"(?: still)? (?:accessible|reachable))?"
            r"|(?:can you |can i |do you |do i )?(?:still )?(?:receive|get|read) (?:e-?)?mail "
            r"(?:at|on|sent to) (?:that|this|the|your|my) (?:account'?s? )?(?:e-?mail )?address"
            r"(?: (?:on|of|for) (?:the|my|your) account)?"
            r"|(?:the |my )?(?:mailbox|inbox)(?: (?:on|of|for) (?:the|my) account| on file)?"
            r"(?: reachable| accessible| ok| okay| fine| works| working| status)?"
            r"|(?:e-?mail|mailbox|inbox) (?:status|access)"
            # "Can I still log into the mailbox?"
            r"|(?:can i |can you |do i |do you )?(?:still )?(?:log ?in|sign ?in|get) ?(?:to|into) "
            r"(?:the |my |your )?(?:mailbox|inbox|e-?mail(?: account)?)"
            r"|(?:still )?(?:read|access|check)s? (?:the |my )?(?:registered |account |linked )?"
            r"(?:mailbox|inbox|e-?mail(?: address)?)",
        ),
        (
            "credentials",
            r"(?:(?:do you |do i |i )?(?:still )?(?:have|know)(?: access to)? (?:the |your |my )?)?"
            r"(?:user ?name|password|e-?mail)"
            r"(?:,? ?(?:/|and|&|,) ?(?:user ?name|password|e-?mail))+"
            r"|(?:account )?credentials|creds|access to (?:the )?(?:account )?credentials"
            r"|(?:do (?:you|i) )?(?:still )?have access to (?:the |your |my )?"
            r"(?:account )?credentials"
            r"|credential access|account access|confirmation of access"
            r"|credentials held|what (?:i|we) (?:do )?(?:still )?(?:have|hold)"
            r"|which (?:of these|ones?|of them) (?:do (?:you|i) )?(?:still )?have"
            r"|(?:i |you )?(?:still )?have (?:my |your )?user ?name,? (?:my |your )?password,? and "
            r"(?:access to )?(?:the |my |your )?account'?s? e-?mail(?: address)?"
            r"|which of (?:your|my) user ?name,? password,? and (?:account )?e-?mail (?:you|i) "
            r"(?:still )?have"
            r"|do you (?:still )?have (?:access to )?(?:your |the )?(?:password|e-?mail)"
            r"(?: address)?"
            r"(?: and (?:access to )?(?:your |the )?(?:account )?(?:password|e-?mail)"
            r"(?: address)?)?"
            r"(?: on the account)?"
            r"|what (?:i|we)(?:'ve| have)? (?:still )?got"
            r"|(?:do you |do i |i )?(?:still )?(?:know|have|control)(?: access to)? "
            r"(?:your |the |my )?(?:user ?name|password|e-?mail)"
            r"(?:,? (?:your |the |my )?(?:user ?name|password|e-?mail))*"
            r",? (?:and|&) (?:your |the |my )?(?:account )?(?:user ?name|password|e-?mail)"
            r"(?: address)?(?: (?:on|of|for) (?:the|your|my) account)?",
        ),
        (
            "ownership_evidence",
            r"(?:other |additional )?(?:ownership )?(?:evidence|proof)(?: of ownership)?"
            r"(?: (?:it'?s|that it'?s|that i'?m|it is) (?:me|mine|my account))?"
            r"|(?:evidence|proof) that (?:i'?m|i am|we are|we're) the (?:rightful |real )?owners?"
            r"|things? that (?:tie|ties|link|links|connect|connects) (?:me|us) to (?:the|this|my) "
            r"account"
            r"|to show (?:that )?(?:the|these|those|my|our|this) (?:projects?|packages?|account) "
            r"(?:is|are) (?:mine|ours)"
            r"|(?:we are |we're |i am |i'm )?the (?:legitimate |rightful |real )?owners? of "
            r"(?:the |these |our |my )?(?:projects?|packages?)"
            r"|(?:these are |here are )?(?:the |my |our )?(?:packages?|projects?) "
            r"(?:(?:published|released|uploaded|maintained) )?"
            r"(?:on|in|under|of|from) (?:it|(?:the|this|that|my|our) (?:pypi )?account\b.{0,40})"
            r"|(?:package |project )?ownership|(?:i |we )?(?:maintains?|owns?|publish(?:es)?)"
            r"|(?:these are |here are |this is )?(?:the |my |owned |maintained )?"
            r"(?:packages?|projects?|pkgs?)"
            r"(?: of me| (?:that |which )?(?:i|you) (?:own|maintain|publish|release|upload)"
            r"| owned by me)?"
            r"(?: (?:under|on|from|with|in) (?:this|that|my|the) (?:pypi )?account| on pypi)?"
            r"|repositor(?:y|ies)|homepage|links?"
            r"|which (?:packages|projects) do you (?:maintain|own|publish)"
            r"|(?:.*\b)?(?:what|which|anything|something)\b.{0,40}\b(?:show|prove|demonstrate)\b"
            r".{0,40}\b(?:account|it)\b.{0,10}"
            r"\b(?:yours|mine|your own|my own)",
        ),
        (
            "recovery_codes",
            r"(?:those |the |my )?(?:pypi )?(?:recovery|backup|spare|emergency) codes?(?: status)?"
            r"|codes?(?: (?:of|for) recovery)?"
            r"|(?:do you |do i |i )?(?:still )?have (?:your |my |the )?(?:recovery|backup) codes"
            r"|(?:what is )?the status of (?:your |my |the )?(?:recovery|backup) codes",
        ),
        (
            "coc_agreed",
            r"(?:psf |pypi )?code of conduct(?: psf| of the psf)?(?: agreed| agreement)?|coc"
            r"|conduct(?: rules| code| policy)?"
            r"|(?:do you |do i |i )?agrees? to (?:follow )?(?:the )?(?:psf |pypi )?code of conduct"
            r"|(?:i |you )?(?:have )?read and agreed? to (?:the )?(?:psf |pypi )?code of conduct"
            r"|agreement (?:to|with) (?:the )?(?:psf |pypi )?code of conduct",
        ),
        (
            "time_acknowledged",
            r"acknowledge?ment|(?:long )?processing time|time acknowledge?ment"
            r"|(?:significant )?time"
            r"|waiting time|(?:significant |long )?wait"
            r"|(?:the )?long (?:wait|waiting|timeline|process)|wait(?:ing)? time|timescales?"
            r"|accept(?:ing)? (?:the )?(?:long )?(?:wait|waiting|delay|timeline)"
            r"|(?:long )?recovery time(?:frame)?|timeframe"
            r"|timeline|patience(?: clause)?|duration|waiting|(?:it )?takes time"
            # "Waiting OK?"
            r"|(?:is )?wait(?:ing)? (?:ok|okay|alright)"
            r"|(?:recovery |this |it )?(?:may|can|might|will) take "
            r"(?:a long |some |significant )?time"
            r"|(?:i |do you )?(?:acknowledges?|accepts?|understands?)\b.{0,60}\b(?:time|long|while)"
            r"|acknowledge?ment (?:that )?.{0,60}\b(?:time|long|while)",
        ),
    )
)

_CHECKBOX = re.compile(
    r"^(?:(?:[-*•+]|\d{1,2}[.)])\s*)?"
    r"(?:\[(?P<mark>[ xX✓✔✗*]?)\]|(?P<glyph>[☐☑☒✅❌⬜🔲])\ufe0f?)\s*(?P<text>.*)$"
)
# "✔ I know my password", "✘ Recovery codes (never made any)": a checklist line says its
# own answer, and is no value for the empty label above it.
_TICKED = re.compile(r"^(?:[-*•+]\s*)?[✔✓✘✗✖]\ufe0f?\s")
# Glyph boxes: "☐ I agree …" is left open, "☑ I agree …" ticked.
_OPEN_GLYPHS = frozenset("☐❌⬜🔲")
# "Recovery codes: ❌ never saved them": a mark on an answer, not a box to tick.
_ANSWER_GLYPHS = frozenset("✅❌")
_HEADING = re.compile(r"^#{1,6}(?!#)")
_WIKI_HEADING = re.compile(r"^(?P<marks>={1,6})\s*(?P<text>[^=]{2,60}?)\s*(?P=marks)\s*$")
_BOLD_LINE = re.compile(r"^\s*(?:\*\*|__)(?P<text>[^*_]{2,80})(?:\*\*|__)\s*:?\s*$")
# "[X] Username   [X] Password   [X] Email address": three boxes on one line.
_SEVERAL_BOXES = re.compile(r"\s+(?=\[[ xX✓✔✗*]?\]\s)")
_BOX_MARK = re.compile(r"\[[ xX✓✔✗*]?\]\s")
_LABEL_LINE = re.compile(
    # A label is one phrase: "address, which no longer exists. To show …:" is a sentence.
    r"^(?P<label>[^\W\d_](?:(?![.!]\s)[\w ()/'’.,?-]){0,108}?)\s*"
    r"(?:\s?(?:->|=>|→|>>|<-+)|:|=|\s-{2,3}\s|\s[-–—]\s|\s[-–—]$|\s\.{2,}"
    r"|\?(?=\s+[^\s=:<>→–—.-])(?![^:]*:))\s*"
    r"(?P<value>.*)$"
)
_BULLET = re.compile(r"^(?:[-*•+]|\d{1,2}[.)]|[a-h]\))\s+")
_LIST_MARK = re.compile(r"^[-*•+]\s+")
_TITLE_LINE = re.compile(
    r"^(?P<label>(?!(?:I|We|My|Our)\b)[A-Z][a-z]+(?: [a-z]+){0,2})\.\s+(?P<value>\S.*)$"
)
# A form's "_No response_", "N/A" or a dash answers nothing.
_NO_ANSWER = r"_?no response_?|n/?a|-+|\(?(?:left )?blank\)?|\(?empty\)?"
_NO_RESPONSE = re.compile(rf"^(?:{_NO_ANSWER})$", re.I)
_NEXT_LABEL = re.compile(
    r"^(?:anything else|other (?:info\w*|details|notes?)|notes?|comments?|additional "
    r"(?:info\w*|details|notes?))\s*:",
    re.I,
)
# Nor does a value left to fill in later: "TBD (checking whether my old mailbox still exists)".
_PLACEHOLDER = re.compile(
    rf"^(?:{_NO_ANSWER}|n\.a\.|tbd|tba|todo|\?+|to follow)\.?(?:\s*\(.*\))?$", re.I
)
# Only at the start of a run of marks, and without giving any back: a line of
# "!!!!…" is scanned once, not once per mark.
# "in a screenshot... on the phone": the dots pause before the sentence goes on.
_GOES_ON = re.compile(r"(?:on|in|at|inside|under|of|for|to|from|with|and|or)\b")
# "printed out... actually, scratch that": after the dots, the words take it back.
_TAKING_BACK = re.compile(r"(?:actually|no|nope|wait|scratch|sorry|hmm+|oops|or)\b")
_SENTENCE_BREAK = re.compile(r"(?<![.!?])[.!?]++[\"')]?\s+(?=[\"'(\[\w])")
# Reading is bounded so that the time per message grows with its size and no more:
# no request a person writes comes near these, and hostile mail stops here.
MAX_TEXT = 10_000  # characters of own text the rules read in full
MAX_LINE = 2_000  # a longer line is read as several
MAX_SENTENCE = 600  # a longer sentence is read in pieces
_REPEATABLE = 80  # a line or sentence up to this long may repeat and still count
_WORDS = re.compile(r"[^\W\d_]{2}")
_ABBREVIATIONS = frozenset("e.g i.e etc vs mr mrs ms dr prof approx incl st".split())
# "No. 5" abbreviates a number; "Email no. Codes lost" ends a sentence.
_NUMBER_WORDS = frozenset(("no", "nr"))


@dataclass(frozen=True, slots=True)
class Labelled:
    """A value given under a recognised label or form heading."""

    field: str
    value: str
    line: str


@dataclass(frozen=True, slots=True)
class Checkbox:
    """A ``[x]`` or ``[ ]`` line."""

    checked: bool
    text: str
    line: str


@dataclass(frozen=True, slots=True)
class Answers:
    """The requester's text by shape; ``sentences`` are prose not consumed by a label."""

    labelled: tuple[Labelled, ...]
    checkboxes: tuple[Checkbox, ...]
    sentences: tuple[str, ...]


_ASKED_LEAD = re.compile(
    r"^\s*(?:confirmation (?:that )?|please confirm (?:that )?|whether |if |that (?=you\b)|"
    r"why (?=you\b)"
    r"|(?:please )?(?:provide|tell us|describe|give us|state|explain|let us know|reply with|"
    r"respond with|send us)\s+)"
)
_REMARK = re.compile(r"\s*(?:in case|if|for|so that|just|to help|should you)\b")


@lru_cache(maxsize=1024)
def label_field(label: str) -> str | None:
    """Map a label or heading text to the field it answers, or None."""
    # "password_known", "time_ack": a config-style key is its words.
    text = re.sub(r"\([^)]*\)", " ", clean_markup(label).lower().replace("_", " "))
    # "Projects I maintain, in case you want to verify": the label ends at the comma.
    # "Whether you still know your password", "Confirmation that you agree to …": the
    # help page's wording of a label, read as the requester's own.
    text, asked = _ASKED_LEAD.subn("", text)
    if asked:
        text = re.sub(r"\byour\b", "my", re.sub(r"\byou\b", "i", text))
    head, comma, remark = text.partition(",")
    remark_only = comma and _REMARK.match(remark)
    for part in dict.fromkeys((text, head if remark_only else text)):
        part = re.sub(r"[^\w/' .-]", " ", part)
        part = re.sub(r"\s+", " ", part).strip(" .-?:")
        for candidate in dict.fromkeys((part, _spelled_out(part))):
            for name, pattern in LABELS:
                if pattern.fullmatch(candidate):
                    return name
    return None


# Label words typed in a hurry ("Usernmae", "Recovry codes") that no other word is one
# slip away from ("Conduit", "Protects" and "Accounts" are words; a misspelt password
# label is read only where the redaction knows its spelling).
_LABEL_WORDS = ("username", "reason", "recovery", "ownership", "evidence", "acknowledgement")
_SHORTEST_TYPO = 5


def _spelled_out(label: str) -> str:
    """The label with each word one slip away from a label word replaced by that word."""
    return " ".join(_nearest_word(word) for word in label.split())


def _nearest_word(word: str) -> str:
    if len(word) < _SHORTEST_TYPO or word in _LABEL_WORDS:
        return word
    return next((known for known in _LABEL_WORDS if _one_slip(word, known)), word)


def _one_slip(typed: str, known: str) -> bool:
    """One letter missing, added, changed, or two neighbours swapped, past the first letter
    (a different first letter makes another word: "season", "nodes")."""
    if abs(len(typed) - len(known)) > 1 or typed == known or typed[0] != known[0]:
        return False
    pairs = zip(typed, known, strict=False)
    start = next((i for i, (a, b) in enumerate(pairs) if a != b), None)
    if start is None:
        return True  # one letter added or missing at the end
    a, b = typed[start:], known[start:]
    return (
        a[1:] == b[1:]
        or a[1:] == b
        or a == b[1:]
        or (len(a) > 1 and len(b) > 1 and a[:2] == b[1::-1] and a[2:] == b[2:])
    )


def clean_markup(text: str) -> str:
    """Drop Markdown emphasis and code marks that are not part of a value."""
    text = re.sub(r"(\*\*|__|\*|`)", "", text)
    return text.strip()


def label_text(line: str) -> str:
    """The label of a ``Label: value`` line ("Username / password / email — yes" gives
    "Username / password / email"), or "" for a line without one."""
    found = _LABEL_LINE.match(clean_markup(_BULLET.sub("", line)))
    return found.group("label") if found else ""


def read_answers(own_text: str) -> Answers:
    """Split own text into labelled values, checkboxes and prose sentences.

    Labelled values and form-section content are also kept as prose, because
    requesters put statements there ("Reason: my recovery codes are rejected").
    """
    reader = _Reader(_once(_own_lines(own_text)))
    reader.run()
    sentences = [
        s
        for s in _once(_sentences(reader.prose))
        if _WORDS.search(s) and not (_TAKEN_BACK.search(s) and not _ONLY_TAKEN_BACK.match(s))
    ]
    return Answers(tuple(reader.labelled), tuple(reader.checkboxes), tuple(sentences))


# "I have the recovery codes, so this is easy - sorry, scratch that.": said, then withdrawn.
_TAKEN_BACK = re.compile(r"\b(?:scratch|strike|ignore|disregard|forget) (?:that|this)\W*$", re.I)
# "Scratch that." alone takes back the sentence before it: the username rule reads it.
_ONLY_TAKEN_BACK = re.compile(r"^\W*(?:sorry,?\s+)?(?:scratch|strike) (?:that|this)\W*$", re.I)


def _once(items: list[str]) -> list[str]:
    """Long lines or sentences said again add nothing; short ones ("yes") are answers."""
    seen: set[str] = set()
    kept = []
    for item in items:
        if len(item) > _REPEATABLE:
            if item in seen:
                continue
            seen.add(item)
        kept.append(item)
    return kept


def answers_in_context(own_text: str, quoted_text: str, body: str = "") -> Answers:
    """Bare answers ("yes, yes, no") as labelled values of the questions ``quoted_text`` asks;
    in ``body`` (the text with its quotes in place), answers typed under each question."""
    found = interleaved_answers(body[:MAX_TEXT]) or context_answers(
        _own_lines(own_text), quoted_text[:MAX_TEXT]
    )
    return Answers(tuple(Labelled(a.field, a.value, a.line) for a in found), (), ())


# Past MAX_TEXT, only paragraphs that speak of something we ask for are read, up to
# MAX_TEXT characters more: a long story often states the username or the codes last.
_CUES = re.compile(
    r"user ?name|account|password|e-?mail|recovery|codes?\b|conduct|\btime\b|github|gitlab"
    r"|pypi|packages?\b|projects?\b|maintain",
    re.I,
)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def _readable(own_text: str) -> str:
    """The part of own text the rules read: all of it up to MAX_TEXT, then the cued paragraphs."""
    if len(own_text) <= MAX_TEXT:
        return own_text
    kept = [own_text[:MAX_TEXT]]
    budget = MAX_TEXT
    for paragraph in _paragraphs(own_text, MAX_TEXT):
        if budget <= 0:
            break
        if _CUES.search(paragraph):
            kept.append(paragraph[:budget])
            budget -= len(paragraph)
    return "\n\n".join(kept)


def _paragraphs(text: str, start: int) -> Iterator[str]:
    """The paragraphs of ``text`` from ``start`` on, each cut to MAX_LINE characters."""
    for found in _PARAGRAPH_BREAK.finditer(text, start):
        yield text[start : min(found.start(), start + MAX_LINE)]
        start = found.end()
    yield text[start : start + MAX_LINE]


def _own_lines(own_text: str) -> list[str]:
    lines = [
        _normalise(piece)
        for line in _columns(_without_comments(_readable(own_text)).split("\n"))
        for piece in pieces(line, MAX_LINE)
        for piece in _slashed_labels(piece)
    ]
    return [line for line in _as_label_lines(lines) if not _is_template_line(line)]


# Layouts whose label and value are parted by room, not a colon: "username     kmori",
# "Username  | eprice", "| 3 | Know username | ✅ |", and a label with its value indented
# on the lines below it.
_ALIGNED = re.compile(
    r"^\s*(?P<label>[^\W\d_][\w'/ -]{1,40}?)(?:\s{3,}|\t+|\s*\|\s*)"
    r"(?P<value>[^\s|:=>–—-][^|]*?)\s*$"
)
_NUMBERED_ROW = re.compile(
    r"^\|\s*(?:#|\d{1,2}|[a-z])\s*\|\s*(?P<label>[^|]+?)\s*\|\s*(?P<value>[^|]*?)\s*\|$"
)
_INDENTED = re.compile(r"^(?: {2,}|\t)\S")
_SHORT_ITEM = 3


_SLASHED_LABEL = re.compile(r"\s+/\s+(?=(?P<label>[^\W\d_][\w ]{1,30}):\s)")
_SENTENCE_LABEL = re.compile(r"(?<=[.!;])\s+(?=(?P<label>[^\W\d_][\w ]{1,30}):\s)")
_INNER_SENTENCE = re.compile(r"[.!?]\s+\S")


def _slashed_labels(line: str) -> list[str]:
    """ "Password: known / Email: this one", "CoC: agreed. Time: fine": two labels on one
    line, one answer each; after a full stop only when every answer is one sentence."""
    parts = _labels_cut(line, _SENTENCE_LABEL)
    if len(parts) > 1 and not any(_INNER_SENTENCE.search(part.rstrip()) for part in parts):
        return parts
    return _labels_cut(line, _SLASHED_LABEL)


def _labels_cut(line: str, separator: re.Pattern[str]) -> list[str]:
    cuts = [found for found in separator.finditer(line) if label_field(found.group("label"))]
    if not cuts or not _LABEL_LINE.match(line):
        return [line]
    starts = [0, *(found.end() for found in cuts)]
    ends = [*(found.start() for found in cuts), len(line)]
    parts = [line[start:end] for start, end in zip(starts, ends, strict=True)]
    # "Username / password / email: yes": one label naming three parts, not three labels
    answered = all(re.search(r":\s*\S", part) for part in parts)
    return parts if answered else [line]


def _columns(lines: list[str]) -> list[str]:
    """Column and indented layouts as ``Label: value`` lines; other lines as they are."""
    found: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        row = _NUMBERED_ROW.match(line) or _ALIGNED.match(line)
        if row and label_field(row.group("label")):
            found.append(f"{row.group('label').strip()}: {row.group('value')}")
            index += 1
            continue
        block = list(takewhile(_INDENTED.match, lines[index + 1 : index + 1 + MAX_BLOCK]))
        bare = line.strip()
        if block and bare and not line[:1].isspace() and _bare_label(bare, block):
            found.extend(_indented_block(bare, [item.strip() for item in block]))
            index += 1 + len(block)
            continue
        found.append(line)
        index += 1
    return found


def _bare_label(line: str, block: list[str]) -> bool:
    """A known label with no colon over indented plain values (a list under "Projects:" is
    read as a list)."""
    plain = not any(_BULLET.match(item.strip()) or _CHECKBOX.match(item.strip()) for item in block)
    return plain and not line.endswith(":") and label_field(line) is not None


def _indented_block(label: str, items: list[str]) -> list[str]:
    """ "Packages" over "    levant-calendar" / "    haddad-sdk" is "Packages: levant-calendar,
    haddad-sdk"; "Access to" over "    username - yes" lines is those lines."""
    if all(label_field(label_text(item)) for item in items):
        return items
    short = all(len(item.split()) <= _SHORT_ITEM for item in items)
    return [f"{label}: {(', ' if short else ' ').join(items)}"]


def _without_comments(text: str) -> str:
    """The text without ``<!-- … -->``: an issue form's hints ("<!-- Your PyPI username,
    not your email address -->") are the template's words. One pass, so an unclosed
    ``<!--`` keeps the rest."""
    kept, start = [], 0
    while (opened := text.find("<!--", start)) != -1:
        closed = text.find("-->", opened + 4)
        if closed == -1:
            break
        kept.append(text[start:opened])
        start = closed + 3
    kept.append(text[start:])
    return "".join(kept)


_ANSWER_MARK = re.compile(r"\s<-+\s*\S")


def _answered_checklist(lines: list[str]) -> list[str]:
    """Lines of a paragraph holding "<-- answer" marks, without the items left unanswered:
    those are the help page's own words ("I understand that recovery may take …")."""
    if sum(1 for line in lines if _ANSWER_MARK.search(line)) < 2:
        return lines
    kept: list[str] = []
    block: list[str] = []
    for line in [*lines, ""]:
        if line.strip():
            block.append(line)
            continue
        if sum(1 for entry in block if _ANSWER_MARK.search(entry)) >= 2:
            block = [entry for entry in block if _ANSWER_MARK.search(entry)]
        kept.extend([*block, line])
        block = []
    return kept[:-1]


MAX_BLOCK = 20  # indented lines read as one label's value
_BRACKET_LABEL = re.compile(r"^\[(?P<label>[^\]]{2,40})\]\s*(?P<value>\S.*)$")
_TABLE_ROW = re.compile(r"^\|\s*(?P<label>[^|]+?)\s*\|\s*(?P<value>[^|]*?)\s*\|$")
_TABLE_RULE = re.compile(r"^\+[-+=]+\+$")
# "Q: …" / "A: …", and a pasted checklist item ("4. Whether you have …") / "Answer: …".
_QUESTION_LINE = re.compile(r"^(?:Q\d{0,2}|\d{1,2})\s*[:.)]\s*(?P<question>\S.*)$", re.I)
_ANSWER_LINE = re.compile(
    r"^(?:A\d{0,2}|Answer|Ans|Reply|Response)\s*[:.)]\s*(?P<answer>.*)$", re.I
)


def _as_label_lines(lines: list[str]) -> list[str]:
    """Rows of a plain-text table and "Q: …" / "A: …" pairs as ``Label: value`` lines;
    a pasted checklist answered with "<--" keeps only the lines answered."""
    found: list[str] = []
    for line in _answered_checklist(lines):
        row = _TABLE_ROW.match(line) or _BRACKET_LABEL.match(line)
        answer = _ANSWER_LINE.match(line)
        asked = _QUESTION_LINE.match(found[-1]) if found else None
        if _TABLE_RULE.match(line):
            continue
        if row:
            # an empty cell answers nothing; it must not take the next row as its value
            label = row.group("label").rstrip(" :")  # "| Acct: | harrow-pell |"
            found.append(f"{label}: {row.group('value') or '(left blank)'}")
        elif answer and asked:
            found[-1] = f"{asked.group('question').rstrip(' ?:.')}: {answer.group('answer')}"
        else:
            found.append(line)
    return found


def _list_after_blank(lines: list[str], index: int) -> bool:
    return index + 1 < len(lines) and not lines[index].strip() and _is_free_value(lines[index + 1])


def pieces(text: str, size: int) -> list[str]:
    """``text`` cut into parts of at most ``size`` characters, at a space where there is one."""
    parts = []
    start = 0
    while len(text) - start > size:
        cut = text.rfind(" ", start + size // 2, start + size)
        cut = start + size if cut < 0 else cut
        parts.append(text[start:cut])
        start = cut
    parts.append(text[start:])
    return parts


class _Reader:
    """One pass over the lines; a form section collects content up to the next heading."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.cased = _capitalised(lines)
        self.labelled: list[Labelled] = []
        self.checkboxes: list[Checkbox] = []
        self.prose: list[list[str]] = [[]]
        self.section: str | None = None
        self.section_entry: int | None = None
        self.after_value = False

    def run(self) -> None:
        index = 0
        while index < len(self.lines):
            index = self._step(index)

    def _step(self, index: int) -> int:
        line = self.lines[index]
        if self.after_value and (line[:1].isupper() or _BULLET.match(line)):
            self.prose.append([])
        self.after_value = False
        if not line:
            self.prose.append([])
            return index + 1
        several = len(_BOX_MARK.findall(line)) > 1
        boxes = [_CHECKBOX.match(part) for part in _SEVERAL_BOXES.split(line)] if several else []
        boxes = boxes or [_CHECKBOX.match(line)]
        labelled = self._labelled_box(boxes[0], line, index) if len(boxes) == 1 else None
        if labelled is not None:
            return labelled
        if boxes[0]:
            for box in boxes:
                if box:
                    self.checkboxes.append(Checkbox(_ticked(box), box.group("text"), box.group(0)))
            return index + 1
        heading = _heading_field(line, self.lines, index + 1)
        if heading is not None:
            self.section, self.section_entry = heading or None, None
            self.prose.append([])
            return index + 1
        label = line_label = _LABEL_LINE.match(clean_markup(_BULLET.sub("", line)))
        field = label_field(label.group("label")) if label else None
        if field is None:
            # "Recovery codes. These were stored in …": a title, then its paragraph.
            label = _TITLE_LINE.match(line)
            field = label_field(label.group("label")) if label else None
        if label and field and _goes_on_as_prose(label.group("label"), label.group("value")):
            field = None
        label = label or (
            line_label if line_label and _CHECKBOX.match(line_label["value"]) else None
        )
        boxed = _CHECKBOX.match(label.group("value")) if label else None
        box_like = boxed is not None and boxed.group("glyph") not in _ANSWER_GLYPHS
        box_text = boxed.group("text").strip() if boxed else ""
        if label and boxed and box_like and (field or len(box_text.split()) >= 3 or not box_text):
            # "Code of Conduct: ☐ I agree to the PSF Code of Conduct": a box after its label;
            # "Acknowledge long wait ....... [ ]": the label is what the box says.
            text = f"{label.group('label')}: {box_text}" if box_text else label.group("label")
            self.checkboxes.append(Checkbox(_ticked(boxed), text, line))
            return index + 1
        if label and field:
            return self._labelled_line(field, clean_markup(label.group("value")), line, index + 1)
        if label and _PLACEHOLDER.match(clean_markup(label.group("value"))):
            return index + 1  # "Email still accessible: N/A": an unknown label, left unanswered
        asked = self._question_above_answer(line, index)
        if asked:
            # "1. What is your PyPI username?" with the answer on the line below it
            return self._labelled_line(asked, "", line, index + 1)
        if self.section is not None and not _NO_RESPONSE.match(clean_markup(line)):
            self._section_content(line)
        self.prose[-1].append(line)
        return index + 1

    def _labelled_box(self, box: re.Match[str] | None, line: str, index: int) -> int | None:
        """ "- [x] Username: jeklund": a checklist item that holds its answer is a label line;
        the mark only says the item was done."""
        label = _LABEL_LINE.match(clean_markup(box.group("text"))) if box else None
        field = label_field(label.group("label")) if label else None
        if label is None or field not in _VALUE_FIELDS or not label.group("value").strip():
            return None
        return self._labelled_line(field, clean_markup(label.group("value")), line, index + 1)

    def _labelled_line(self, field: str, value: str, line: str, index: int) -> int:
        if not value and field == "ownership_evidence" and _list_after_blank(self.lines, index):
            index += 1  # "Projects I upload:", a blank line, then the list
        if not value and index < len(self.lines) and _is_free_value(self.lines[index]):
            value, index = _continuation(self.lines, index)
            line = f"{line} {value}"
        while value and not value.endswith(_ENDS) and self._wrapped_on(index):
            # "2. Circumstances: The hardware key registered as my only second" / "factor was …"
            more = self.lines[index]
            value, line, index = f"{value} {more}", f"{line} {more}", index + 1
        if _NEXT_LABEL.match(value):
            value = ""  # "Recovery codes: Anything else: …": left empty, the next label follows
        if value and not _PLACEHOLDER.match(value):
            self.labelled.append(Labelled(field, value, line))
            self.prose.append([value.replace("\n", " ")])
            # A value hard-wrapped onto the next line ("Codes: lost. I understand it may
            # take a" / "significant amount of time.") goes on without a capital.
            self.after_value = not value.endswith(_ENDS)
        self.section = None
        return index

    def _question_above_answer(self, line: str, index: int) -> str | None:
        """The field a question line asks when its answer is the line below, else None."""
        text = clean_markup(_BULLET.sub("", line))
        below = self.lines[index + 1] if index + 1 < len(self.lines) else ""
        if not text.endswith("?") or not below or below.endswith("?"):
            return None
        return label_field(text) if _is_free_value(below) else None

    def _wrapped_on(self, index: int) -> bool:
        """Whether the line at ``index`` goes on with the value above it."""
        if index >= len(self.lines):
            return False
        line, above = self.lines[index], self.lines[index - 1]
        # A wrapped line goes on; so does a lower-case one under a sentence being written
        # ("Grounds. The authenticator application was" / "installed on …"), not under a
        # short answer ("username: fabio-serra" / "my phone is broken").
        sentence_above = len(above) >= _WRAP_WIDTH[0] * 2 // 3 and len(above.split()) >= 5
        lower_goes_on = self.cased and line[:1].islower() and sentence_above
        if not (_goes_on(above) or lower_goes_on):
            return False
        label = _LABEL_LINE.match(clean_markup(line))
        if label and len(label.group("label").split()) <= 4:
            return False  # "Still got -> …": the next label of a list, even an unknown one
        return (
            _is_free_value(line)
            and not _BULLET.match(line)
            and _heading_field(line, self.lines, index + 1) is None
        )

    def _section_content(self, line: str) -> None:
        text = clean_markup(line)
        if self.section_entry is None:
            self.section_entry = len(self.labelled)
            self.labelled.append(Labelled(self.section or "", text, line))
            return
        previous = self.labelled[self.section_entry]
        self.labelled[self.section_entry] = Labelled(
            previous.field, f"{previous.value}\n{text}", f"{previous.line}\n{line}"
        )


def _ticked(box: re.Match[str]) -> bool:
    if box.group("glyph"):
        return box.group("glyph") not in _OPEN_GLYPHS
    return box.group("mark") not in ("", " ")


# Fields whose answer is a value of its own, not a yes or a tick.
_VALUE_FIELDS = frozenset(("username", "reason", "ownership_evidence", "recovery_codes"))
_QUOTE_MARKS = str.maketrans(
    {"’": "'", "‘": "'", "“": '"', "”": '"', "«": '"', "»": '"', "„": '"', "\t": " "}
)


# "I still have my password - they don't seem to have changed it": a statement with an
# aside, not a label; "I still have my password: yes" is one.
_STATEMENT_LABEL = re.compile(r"^(?:i|we)\s", re.I)


def _goes_on_as_prose(label: str, value: str) -> bool:
    return bool(_STATEMENT_LABEL.match(label)) and yes_no(value) is None and len(value) > 3


def _normalise(line: str) -> str:
    line = _STRUCK.sub("", line.translate(_QUOTE_MARKS)).strip()
    return re.sub(r"\s{2,}", " ", line)


# "~~- [ ] I never generated … codes~~": Markdown strikethrough, words the writer took back.
_STRUCK = re.compile(r"~~[^~\n]+~~")


def _is_template_line(line: str) -> bool:
    lowered = line.lower()
    return any(phrase in lowered for phrase in TEMPLATE_PHRASES)


def _heading_field(line: str, lines: list[str], index: int) -> str | None:
    """The field a heading line starts ("" for an unknown heading), or None if not a heading.

    Markdown headings count, and so does a bare line that is exactly a known label
    (an issue form copied from the rendered page loses its ``###``).
    """
    heading = _heading_text(line)
    if heading:
        return label_field(heading) or ""
    bare = clean_markup(line)
    # "RECOVERY CODES" on a line of its own heads what follows, blank line or not.
    shouted = label_field(bare) if bare.isupper() else None
    if shouted:
        return shouted
    if len(bare) > 40 or bare.endswith((".", ",", ";")) or " " not in bare.strip():
        return None
    if _LIST_MARK.match(line):
        return None  # "- I understand this can take a long time": an item, not a heading
    labelled = _LABEL_LINE.match(bare)
    if labelled and labelled.group("value").strip():
        return None  # "Password: known" answers its label; it heads nothing
    field = label_field(bare)
    if field and index < len(lines) and not lines[index]:
        return field
    return None


def _heading_text(line: str) -> str | None:
    """The text of a Markdown heading ("### PyPI Username ###", "**Recovery codes**"),
    None for other lines."""
    bold = _BOLD_LINE.match(line)
    if bold:  # a bold line is a heading only when it names a field; else it is a value
        return bold.group("text").strip() if label_field(bold.group("text")) else None
    wiki = _WIKI_HEADING.match(line)
    if wiki:
        return wiki.group("text")
    if not _HEADING.match(line):
        return None
    return line.strip("#").strip().rstrip("#").strip() or None


def _is_free_value(line: str) -> bool:
    if not line or _CHECKBOX.match(line) or _TICKED.match(line) or _heading_text(line):
        return False
    label = _LABEL_LINE.match(clean_markup(_BULLET.sub("", line)))
    return not (label and label_field(label.group("label")))


def _continuation(lines: list[str], index: int) -> tuple[str, int]:
    """Collect the lines under an empty label up to the next blank line or label.

    Each line stays a line ("Packages I maintain:" then one bullet per package).
    """
    taken: list[str] = []
    while index < len(lines) and _is_free_value(lines[index]) and not _next_question(lines[index]):
        taken.append(clean_markup(_BULLET.sub("", lines[index])))
        index += 1
    return "\n".join(taken), index


def _next_question(line: str) -> bool:
    """ "2. What happened?" or "Backup codes?" under an answer: the next question, not more
    of the answer."""
    text = clean_markup(line)
    return text.endswith("?") and bool(_BULLET.match(text) or label_field(_BULLET.sub("", text)))


_ENDS = (".", "!", "?", ":")
# A line this long was broken by the mail client, and the next line goes on with it;
# a shorter or a longer one ("username mossbank" under a long unwrapped line) ends there.
_WRAP_WIDTH = (60, 100)


def _goes_on(line: str) -> bool:
    """Whether the next line continues ``line``: it was wrapped, or it is a piece of a line
    longer than MAX_LINE (pieces are at least half of it)."""
    return _WRAP_WIDTH[0] <= len(line) <= _WRAP_WIDTH[1] or len(line) >= MAX_LINE // 2


def _row(line: str) -> bool:
    """A line that starts with a field's name ("code of conduct agreed"): a row of a table
    or a list, never the rest of the line above."""
    words = line.lower().split()
    if line.endswith(".") or len(words) < 2:
        return False  # "registered email address." ends the sentence above
    return any(label_field(" ".join(words[:count])) for count in (1, 2, 3))


def _capitalised(paragraph: list[str]) -> bool:
    """Whether every sentence of the paragraph starts with a capital letter."""
    starts = [m.group(1) for m in _SENTENCE_START.finditer("\n".join(paragraph))]
    return bool(starts) and all(start.isupper() for start in starts)


_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+)(?:\d{1,2}[.)]\s+|[-*•+]\s+|\(\w\)\s+)?([^\W\d_])")


def _evenly_wrapped(paragraph: list[str]) -> bool:
    """A mail client wrapped the paragraph: every line but the last is about as long as
    the longest. Short lines among long ones ("username is x" after a long line) are the
    writer's own breaks."""
    lines = [line for line in paragraph if not _BULLET.match(line)]
    widest = max((len(line) for line in lines), default=0)
    return widest >= _WRAP_WIDTH[0] and all(len(line) >= widest * 0.75 for line in lines[:-1])


def _sentences(paragraphs: list[list[str]]) -> list[str]:
    """Join hard-wrapped lines, keep bullets apart, and split into sentences.

    Bullets under a line ending in ":" carry that line ("What I still have:" then
    "- the password" reads "What I still have: the password"), across a blank line too.
    """
    result: list[str] = []
    introduced = ""
    for paragraph in filter(None, paragraphs):
        units: list[str] = []
        # a numbered list after "Hi, following the list on the help page:" answers it
        header = introduced if _LIST_MARK.match(paragraph[0]) else ""
        previous = ""
        # Where sentences start with a capital, a lower-case line goes on with the line above
        # ("Grounds. The authenticator application was" / "installed on a company handset").
        cased, even = _capitalised(paragraph), _evenly_wrapped(paragraph)
        in_bullet = False
        for line in paragraph:
            goes_on = (
                cased and line[:1].islower() and not previous.endswith(_ENDS) and not _row(line)
            )
            wrapped = goes_on or (even and _goes_on(previous)) or len(previous) >= MAX_LINE // 2
            previous = line
            if _BULLET.match(line):
                item = _BULLET.sub("", line).strip()
                units.append(f"{header}: {item}" if header else item)
                in_bullet = True
            elif units and wrapped and (in_bullet or not header):
                units[-1] = f"{units[-1]} {line}"  # a wrapped line goes on, in a bullet too
                if _introduces(line) and not in_bullet:
                    header = (split_sentences(units[-1].rstrip(":")) or [""])[-1]
            elif _introduces(line):
                units.append(line)
                header, in_bullet = (split_sentences(line.rstrip(":")) or [""])[-1], False
            else:
                units.append(line)
                header, in_bullet = "", False
        introduced = header if _introduces(paragraph[-1]) else ""
        for unit in units:
            result.extend(
                piece for sentence in split_sentences(unit) for piece in _slashed(sentence)
            )
    return result


def _slashed(sentence: str) -> list[str]:
    """ "user x / lost phone / pw ok / never saved codes": a line of statements parted by
    slashes is read as one sentence each; "lost / not working / never saved" is a choice,
    and "Access to username / password / email: yes / yes / no" a label's answers."""
    piped = [piece.strip() for piece in sentence.split(" | ")]
    if len(piped) >= 3 and not sentence.lstrip().startswith("|"):
        return [piece for piece in piped if piece]  # "u/n: x | phone wiped | agree coc"
    pieces = [piece.strip() for piece in sentence.split(" / ")]
    if len(pieces) < 3 or ":" in sentence or is_option_list(sentence):
        return [sentence]
    return [piece for piece in pieces if piece]


def _introduces(line: str) -> bool:
    """A line ending in ":" introduces what follows, unless the colon is inside a
    parenthesis the next line closes ("my PyPI account (username:" / "habara), which")."""
    return line.endswith(":") and line.count("(") <= line.count(")")


def split_sentences(text: str) -> list[str]:
    """Split at . ! ? followed by space, but not after abbreviations or initials."""
    sentences: list[str] = []
    start = 0
    for found in _SENTENCE_BREAK.finditer(text):
        words = text[max(start, found.start() - 40) : found.start()].split()
        last = words[-1].lower().rstrip(".") if words else ""
        numbered = last in _NUMBER_WORDS and text[found.end() : found.end() + 1].isdigit()
        # "in a screenshot... on the phone": dots that pause, not a sentence's end
        # "… saved in a notes app on... the same phone": the sentence goes on in lower case.
        lower = text[found.end() : found.end() + 1].islower()
        going_on = bool(_GOES_ON.match(text, found.end())) or (
            lower and not _TAKING_BACK.match(text, found.end())
        )
        trailing_off = found.group(0).startswith("..") and going_on
        if (
            numbered
            or trailing_off
            or last in _ABBREVIATIONS
            or (len(last) == 1 and last.isalpha() and last != "i")
        ):
            continue
        sentences.append(text[start : found.end()].strip())
        start = found.end()
    sentences.append(text[start:].strip())
    return [piece for sentence in sentences if sentence for piece in pieces(sentence, MAX_SENTENCE)]
