"""Remove secrets from text before anything stores, logs, prints or quotes it.

Three kinds: passwords given after a password word, one-time codes near 2FA
words, and tokens shaped like recovery codes. Answers such as "Password: yes"
are kept, because they say whether the requester has the password, not what it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MARK = "[redacted]"

_ANSWER_WORDS = frozenset(
    [
        "yes",
        "y",
        "no",
        "n",
        "true",
        "false",
        "ok",
        "okay",
        "fine",
        "correct",
        "valid",
        "working",
        "known",
        "unknown",
        "unchanged",
        "same",
        "still",
        "not",
        "the",
        "a",
        "an",
        "also",
        "definitely",
        "right",
        "accepted",
        "rejected",
        "wrong",
        "incorrect",
        "in",
        "on",
        "saved",
        "stored",
        "lost",
        "forgotten",
        "forgot",
        "reset",
        "changed",
        "available",
        "needed",
        "required",
        "missing",
        "none",
        "n/a",
        "set",
        "expired",
        "locked",
        "gone",
        "dead",
        "unavailable",
        "inaccessible",
        "useless",
        "only",
        "just",
        "never",
        "always",
        "held",
        "managed",
        "shared",
        "safe",
        "safely",
        "secure",
        "securely",
        "memorised",
        "memorized",
        "remembered",
        "1password",
        "2fa",
        "mfa",
        "totp",
        "otp",
        "lastpass",
        "bitwarden",
        "keepass",
        "keepassxc",
        "dashlane",
        "fine.",
        "yes.",
        "no.",
        "have",
        "had",
        "and",
        "or",
        "but",
        "which",
        "that",
        "because",
    ]
)
_LABEL_ANSWERS = frozenset(
    "yes y no n true false ok okay have had lost forgot forgotten unknown n/a none known still "
    "i we not available changed reset same fine saved stored kept remembered written in on both "
    "held managed valid working "
    "intact retained accessible all neither don't dont can't cannot didn't doesn't".split()
)
# Words that open a clause after a dash; no one's password is "which".
_CLAUSE_WORDS = frozenset(
    "which that it i and but the they since so because as if when or not a an my we you this "
    "though although it's it’s i'm i’m there no nothing just only still except sorry well "
    "actually scratch".split()
)
_PASSWORD_VALUE = re.compile(
    r"\b(?:pass(?:word|wd|phrase|owrd|wrod|wrd|wort)|pasword|paswd|paswort|pwd|pw)\b\s*"
    r"(?:(?:is|was)\b\s*(?P<sep1>[:=\-])?|(?P<sep2>[:=\-]))\s*"
    # "Password -> known", "**Password:** ✅ yes": marks before the answer are not it
    r"(?:[^\w\s([]{1,3}\s*){0,2}(?P<secret>\S{1,128})",
    re.I,
)
# "password-manager", "password-protected": the hyphen joins words, it labels nothing.
_COMPOUND = re.compile(
    r"\w+-(?:managers?|protected|less|based|free|vault|keeper|store|safe|reset|related|"
    r"change|hint|policy|field|prompt|only|login|database|file|entry|strength)\b",
    re.I,
)
_PLAIN_TAIL = re.compile(r"[a-z]+(?:-[a-z]+)*[.,;:!?)]*")
# "Password: honestly, I've forgotten it": an opener, then a clause about the password.
_OPENERS = frozenset("honestly sadly unfortunately frankly actually well sorry".split())
_FIRST_PERSON_CLAUSE = re.compile(r"^[,\s-]*(?:i|i've|i'm|i'd|we|we've|my)\b", re.I)
# "I've got it.", alone or before the next label ("… Email: yes").
_GOT_IT = re.compile(
    r"(?i:i'?ve|i’ve|we'?ve|i have|we have)?\s*(?i:got (?:it|them))\s*[.!]?\s*"
    r"(?:$|[A-Z][\w -]{0,30}:)"
)
# After "is" or a dash, a secret is at least this long; after a label any length is read, so
# that "Password: I have hunter2" is seen past its first short word.
_SHORTEST_PROSE_SECRET = 3
# How far after "Password: yes" the words are checked for more of a secret.
_ANSWER_SPAN = 300
_OTP_CONTEXT = re.compile(
    r"\b(?:2fa|two[- ]factor|totp|otp|one[- ]time|authenticat\w*|verification|security|"
    r"auth|mfa|code)\b",
    re.I,
)
_OTP_VALUE = re.compile(r"(?<![\w/.-])\d{3}[ -]?\d{3,5}(?![\w/-]|\.\w)")
_RECOVERY_HEX = re.compile(
    r"(?<![\w/.#-])(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{12,40}(?![\w/-]|\.\w)", re.I
)
_RECOVERY_GROUPED = re.compile(
    r"(?<![\w/.-])(?=[\w-]*\d)[a-z0-9]{4,6}(?:-[a-z0-9]{4,6}){1,3}(?![\w/-]|\.\w)", re.I
)
_DIGIT = re.compile(r"\d")
_RECOVERY_CONTEXT = re.compile(r"\b(?:recovery|backup|2fa|two[- ]factor)\b", re.I)


@dataclass(frozen=True, slots=True)
class Redaction:
    """Text with secrets replaced by ``[redacted]``, and the kinds that were found."""

    text: str
    kinds: tuple[str, ...]


def redact(text: str) -> Redaction:
    """Replace passwords, one-time codes and recovery codes in ``text``."""
    lowered = text.lower()
    if not ("pas" in lowered or "pw" in lowered or _DIGIT.search(text)):
        return Redaction(text, ())  # every secret needs a password word or a digit
    kinds: list[str] = []
    lines = []
    for line in text.split("\n"):
        line, found = _redact_line(line)
        if found:
            kinds.extend(kind for kind in found if kind not in kinds)
        lines.append(line)
    return Redaction("\n".join(lines), tuple(kinds))


def _redact_line(line: str) -> tuple[str, list[str]]:
    """Redact one line; a pattern runs only when its cue (a password word, a digit) is there.

    Scanning a long line is the cost, and most lines hold none of the cues.
    """
    found: list[str] = []
    lowered = line.lower()
    if "pas" in lowered or "pw" in lowered:
        line, redacted = _redact_passwords(line)
        if redacted:
            found.append("password")
    if not _DIGIT.search(line):
        return line, found
    if _OTP_CONTEXT.search(line):
        line, count = _OTP_VALUE.subn(MARK, line)
        if count:
            found.append("one_time_code")
    line, count = _RECOVERY_HEX.subn(MARK, line)
    if "-" in line and _RECOVERY_CONTEXT.search(line):
        line, grouped = _RECOVERY_GROUPED.subn(MARK, line)
        count += grouped
    if count:
        found.append("recovery_code")
    return line, found


def _only_answer(rest: str) -> bool:
    """After "Password: yes", the rest must read as words about it, not more secret.

    Past the first sentence, links and names made of letters ("github.com/jdoe/tool",
    "geo-tiles") are words too: the requester has gone on to something else.
    """
    first, *later = _SENTENCE_END.split(rest.lower(), maxsplit=1)
    if _ONE_WORD_ASIDE.search(first):
        return False  # "Password: known (sunflower)": an aside of one word may be the secret
    if any(word not in _ANSWER_WORDS for word in _NAMED_WORD.findall(rest.lower())):
        return False  # "Password: yes, it's Blueberry": the word it is may be the secret
    words = re.findall(r"[^\s,.;:!?()]+", first)
    tokens = re.findall(r"[^\s,;:!?()]+", later[0]) if later else []
    return all(_is_word(word) for word in words) and all(
        _is_word(token) or _LETTERS_ONLY.fullmatch(token.rstrip(".")) for token in tokens
    )


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
# "…, it's blueberry", "the new one is quokka.": one word said to be it, ending the clause.
_NAMED_WORD = re.compile(
    r"\b(?:it\s+(?:is|was)|it'?s|it’s|that\s+(?:is|was)|that'?s|(?:new|old|current|real)\s+one\s+"
    r"(?:is|was))\s+[\"'`“]?([^\s,.;:!?\"'`”()]+)[\"'`”]?\s*(?:[,.;:!?)]|$)"
)
_ONE_WORD_ASIDE = re.compile(r"\(\s*[^\s()]+\s*\)")
_LETTERS_ONLY = re.compile(r"[a-z]+(?:[-./@_][a-z]+)*")


def _is_word(word: str) -> bool:
    """A word of prose: "it's", "second-factor"; no digits or symbols a secret would have."""
    return word in _ANSWER_WORDS or len(word) <= 2 or bool(_PROSE_WORD.fullmatch(word))


_PROSE_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def _plain_clause(rest: str) -> bool:
    """Words about the password, with nothing that could be it ("it is hunter2" could)."""
    return _only_answer(rest) and not re.search(r"\b(?:is|was|are|were)\b|[:=]", rest, re.I)


def _redact_passwords(line: str) -> tuple[str, bool]:
    """Replace each value given after a password word; after a ``Password:`` label, the
    rest of the line too. A kept answer ("my password is fine") does not hide a later one."""
    parts: list[str] = []
    start = 0
    for found in _PASSWORD_VALUE.finditer(line):
        action = _password_action(found, line[found.end() : found.end() + _ANSWER_SPAN])
        if action == "keep":
            continue
        parts.extend((line[start : found.start("secret")], MARK))
        if action == "line":
            start = len(line)
            break
        start = found.end()
    if not parts:
        return line, False
    parts.append(line[start:])
    return "".join(parts), True


def _password_action(found: re.Match[str], rest: str) -> str:
    """``keep`` an answer about the password, redact the ``secret``, or the whole ``line``.

    ``rest`` is at most ``_ANSWER_SPAN`` characters of what follows, so that a line of
    many password words is read in linear time.
    """
    secret = found.group("secret")
    bare = secret.strip("\"'`").lower().rstrip(".,;:!?)")
    labelled = found.group("sep1") or found.group("sep2")
    if MARK in secret or (labelled in (None, "-") and len(secret) < _SHORTEST_PROSE_SECRET):
        return "keep"  # "my password is in the vault", "the password - it was …": prose
    if secret.startswith(("(", "[")) and _only_answer(secret.strip("([])") + rest):
        return "keep"  # "Password: (see below)"
    if (
        found.group("sep2") == "-"
        and _COMPOUND.match(found.group(0))
        and _PLAIN_TAIL.fullmatch(secret)
    ):
        return "keep"  # "password-manager vault": one word, not a label
    if labelled and bare in _OPENERS and _FIRST_PERSON_CLAUSE.match(rest) and _plain_clause(rest):
        return "keep"  # "Password: honestly, I've forgotten it"
    if bare in _ANSWER_WORDS and not labelled and not _DIGIT.search(bare):
        return "keep"  # "my password is fine"; "my password is 1password" may be the secret
    clause = re.split(r"[.!?;]", rest, maxsplit=1)[0]
    if labelled == "-" and bare in _CLAUSE_WORDS and _plain_clause(clause):
        return "keep"  # "my password - which it accepts - …": a dash, not a label
    if labelled and bare in _LABEL_ANSWERS and _only_answer(rest):
        return "keep"
    if labelled and _GOT_IT.match(f"{secret}{rest}"):
        return "keep"  # "Password: I've got it." (but "Password: got Zebra" may be it)
    return "line" if labelled else "secret"
