"""Interpret the value typed after a label: yes/no answers, usernames, code states."""

from __future__ import annotations

import re

from intake.prose import HEDGE
from intake.reasons import recovery_code_state

USERNAME = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9._-]{0,48}[A-Za-z0-9])?")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_WRAPPERS = re.compile(r"^(?:user(?:name)?|login|account)\s*[=:]\s*", re.I)

# Words that can follow "account" or "username" in prose but are never a username,
# and placeholders people leave in a form.
NOT_USERNAMES = frozenset(
    [
        "a",
        "about",
        "above",
        "access",
        "account",
        "accounts",
        "action",
        "after",
        "again",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "anymore",
        "are",
        "as",
        "associated",
        "at",
        "back",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "blocked",
        "both",
        "but",
        "by",
        "called",
        "can",
        "cannot",
        "could",
        "currently",
        "details",
        "did",
        "disabled",
        "do",
        "does",
        "due",
        "e.g",
        "e-mail",
        "email",
        "etc",
        "for",
        "from",
        "github",
        "had",
        "has",
        "have",
        "having",
        "here",
        "his",
        "how",
        "i",
        "i.e",
        "id",
        "if",
        "in",
        "is",
        "it",
        "its",
        "just",
        "linked",
        "locked",
        "login",
        "me",
        "mfa",
        "more",
        "my",
        "n/a",
        "na",
        "name",
        "named",
        "no",
        "none",
        "not",
        "now",
        "number",
        "of",
        "on",
        "one",
        "only",
        "or",
        "our",
        "owner",
        "password",
        "pypi",
        "please",
        "recovery",
        "registered",
        "same",
        "see",
        "should",
        "since",
        "so",
        "still",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "this",
        "to",
        "today",
        "tbd",
        "too",
        "two-factor",
        "2fa",
        "unknown",
        "until",
        "up",
        "used",
        "user",
        "username",
        "usernames",
        "via",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "why",
        "will",
        "with",
        "without",
        "would",
        "yes",
        "yesterday",
        "you",
        "your",
        "response",
        "no_response",
        "placeholder",
        "example",
        "foo",
        "here's",
        "it's",
        "i'm",
        "address",
        "addresses",
        "mine",
        "page",
        "pages",
        "settings",
        "setting",
        "security",
        "holder",
        "owners",
        "profile",
        "profiles",
        "data",
        "info",
        "information",
        "problem",
        "problems",
        "issue",
        "issues",
        "question",
        "questions",
        "request",
        "requests",
        "support",
        "team",
        "help",
        "access",
        "token",
        "tokens",
        "key",
        "keys",
        "code",
        "codes",
        "app",
        "apps",
        "phone",
        "device",
        "devices",
        "password",
        "passwords",
        "emails",
        "mail",
        "inbox",
        "login",
        "logins",
        "credentials",
        "credential",
        "history",
        "status",
        "level",
        "type",
        "page",
        "there's",
        "that's",
        "isn't",
        "wasn't",
        "doesn't",
        "don't",
        "can't",
        "won't",
        "hasn't",
        "haven't",
        "didn't",
        "got",
        "get",
        "gets",
        "over",
        "under",
        "into",
        "onto",
        "out",
        "off",
        "down",
        "within",
        "across",
        "through",
        "between",
        "again",
        "against",
        "well",
        "even",
        "ever",
        "never",
        "always",
        "sometimes",
        "often",
        "every",
        "each",
        "other",
        "another",
        "such",
        "some",
        "most",
        "many",
        "much",
        "few",
        "less",
        "least",
        "more",
        "new",
        "old",
        "main",
        "personal",
        "private",
        "public",
        "primary",
        "secondary",
        "work",
        "important",
        "anymore",
        "any",
        "more",
        "entirely",
        "completely",
        "fully",
        "totally",
        "altogether",
        "right",
        "wrong",
        "online",
        "offline",
        "active",
        "inactive",
        "deleted",
        "closed",
        "frozen",
        "stuck",
        "unusable",
        "inaccessible",
        "unavailable",
        "gone",
        "lost",
        "safe",
        "secure",
        "fine",
        "ok",
        "okay",
        "good",
        "bad",
        "same",
        "different",
        "first",
        "last",
        "next",
        "previous",
        "pypi.org",
        "test.pypi.org",
        "testpypi",
        "org",
        "com",
        "net",
        "dot",
    ]
)

_YES = re.compile(
    r"^(?:yes|y|yep|yeah|yup|ja|oui|si|true|x|\[x\]|✓|✔|confirmed?|correct|of course|sure|"
    r"ok|okay|agreed?|i agree|i do|i have|i accept|accepted|accept|understood|i understand|"
    r"have|still have|absolutely|definitely|affirmative|done)\b",
    re.I,
)
_NO = re.compile(
    r"^(?:no|n|nope|nah|nein|non|false|none|never|not|i don't|i do not|don't|do not|"
    r"lost|no longer|gone|disagree|i disagree|decline|i decline|negative|without)\b",
    re.I,
)


def is_option_list(value: str) -> bool:
    """A left-in list of choices ("yes/no", "lost / not working / …") answers nothing."""
    parts = [p.strip().lower() for p in re.split(r"/|\bor\b", value) if p.strip()]
    return len(parts) >= 2 and all(p in _OPTION_WORDS for p in parts)


_OPTION_WORDS = frozenset(("yes", "no", "lost", "not working", "never saved", "have", "y", "n"))


def yes_no(value: str) -> bool | None:
    """Read a yes/no answer; hedged or unclear answers are None."""
    text = value.strip().strip("*_`'\"“”").strip()
    if (
        not text
        or is_option_list(text)
        or HEDGE.search(text)
        or re.match(r"^(?:unsure|unknown|\?|idk)", text, re.I)
    ):
        return None
    if _NO.match(text):
        return False
    if _YES.match(text):
        return True
    return None


def clean_username(value: str) -> str | None:
    """The username in a label's value, or None for an email, placeholder or junk."""
    text = _EMAIL.sub(" ", value.split("\n", 1)[0])
    text = _WRAPPERS.sub("", text.strip())
    text = re.sub(r"[`\"'“”‘’<>\[\]{}*]", " ", text).strip()
    token = re.split(r"[\s,;()]+", text, maxsplit=1)[0].lstrip("@").rstrip(".:!?")
    if not token or not USERNAME.fullmatch(token) or token.lower() in NOT_USERNAMES:
        return None
    return token


def codes_value(value: str) -> str | None:
    """Map a recovery-codes answer ("lost", "not working", …) to its state."""
    text = value.lower()
    if is_option_list(text):
        return None
    stated = recovery_code_state(f"recovery codes {text}")
    if stated:
        return stated
    table = (
        ("not_working", r"not work|don't work|do not work|rejected|invalid|not accepted|fail"),
        ("never_saved", r"never|not saved|didn't save|did not save|not generated"),
        ("lost", r"\blost\b|no access|don't have|do not have|gone|missing|can't find|no\b"),
        ("have", r"\bhave\b|\byes\b|\bstill\b|\bsaved\b"),
    )
    for state, pattern in table:
        if re.search(pattern, text):
            return state
    return None
