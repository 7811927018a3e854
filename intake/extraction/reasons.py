"""What went wrong: reason sentences, reason kinds and the state of recovery codes.

"2FA codes" and "authenticator codes" are one-time codes, not recovery codes:
every rule here needs the words "recovery" or "backup" next to "code".
"""

from __future__ import annotations

import re

from intake.extraction.prose import FIRST_PERSON

_I = re.I
CODES = (
    r"(?:(?:2fa |pypi )?(?:recovery|backup|recuperation|rescue)[- ]?codes?"
    r"|codes? (?:of|for) (?:recovery|recuperation))"
)
_NOT_LOST = re.compile(
    r"\b(?:not|never|haven't|hasn't|didn't|did not|don't|do not)\s+(?:\w+\s+)?(?:lost|lose)\b", _I
)
_DEVICE = (
    r"(?:phone|smartphone|telephone|mobile|handy|cell|tablet|ipad|device|authenticator|2fa app|"
    r"totp app|otp app|authentication app|app of authentication|"
    r"security key|yubikey|hardware key|google auth\w*|authy|second factor|token)"
)
_DEVICE_TROUBLE = (
    r"(?:los(?:t|e|ing)\w*|dropp\w*|brok\w*|break\w*|stol\w*|wip\w*|reset\w*|replac\w*|new|chang\w*|"
    r"switch\w*|mov\w*|dead|died|damag\w*|destroy\w*|smash\w*|crack\w*|fell|drown\w*|water|"
    r"factory|upgrad\w*|uninstall\w*|delet\w*|transfer\w*|surviv\w*|stopp\w*|washing|gone|"
    r"only on|no longer|recognis\w*|recogniz\w*|crash\w*|format\w*|lake|sea|river|toilet|"
    r"robb\w*|left|taxi|train|forgot\w*|misplac\w*|snapp\w*|fail\w*|reinstall\w*|restor\w*|"
    r"empty)"
)

RECOVERY_CODE_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (state, re.compile(pattern, _I))
    for state, pattern in (
        (
            "not_working",
            rf"{CODES}\b.{{0,100}}?(?:\bnot (?:working|valid|accepted|work)|n't (?:work|be used|"
            r"accepted)|\bdo(?:es)? not work|\bdid not work|\brejected|\binvalid|\bfail(?:ed|s)?\b|"
            r"\bno longer (?:work|valid)|\bstopped working|\bincorrect|\bwrong|\bexpired|"
            r"\bunsuccessful|\berror|\bnone of them (?:is|are|was|were) accepted)"
            rf"|\b(?:tried|used|entered|trying|using)\b.{{0,40}}{CODES}.{{0,60}}?"
            r"(?:\bnot\b|n't\b|\breject|\binvalid|\bfail|\berror|\bwrong)"
            rf"|{CODES}.{{0,40}}\b(?:reset|regenerated|changed|replaced)\b"
            rf"|\b(?:reset|regenerated)\b.{{0,30}}{CODES}",
        ),
        (
            "never_saved",
            r"\b(?:never|didn't|did not|forgot to|failed to|neglected to)\s+(?:\w+\s+){0,2}?"
            r"(?:save|saved|generate|generated|download|downloaded|write|wrote|written|store|"
            r"stored|keep|kept|print|printed|receive|received|set up|get|got|copy|copied|note|"
            r"noted|back(?:ed)? up|create|created)\b.{0,40}"
            + CODES
            + rf"|{CODES}.{{0,40}}\b(?:were|was|have|has|i)?\s*(?:have )?never (?:been )?"
            r"(?:saved|generated|downloaded|stored|kept|created|set up)"
            rf"|\bno {CODES} (?:were |was )?(?:ever )?(?:generated|saved|created)",
        ),
        (
            "lost",
            r"\b(?:lost|lose|misplaced|can't find|cannot find|couldn't find|could not find|"
            r"can not find|no longer have|don't have|do not have|no access to|lost access to|"
            r"deleted|threw away|without|unable to find|unable to locate|can't locate)\b.{0,30}"
            + CODES
            + rf"|{CODES}.{{0,120}}?\b(?:lost|gone|deleted|missing|unavailable|inaccessible|"
            r"destroyed)\b"
            + rf"|{CODES}.{{0,60}}?\b(?:not have|don't have|do not have|no longer have|haven't got|"
            r"can't access|cannot access|can't open|cannot open|can not open|can't get to)\b",
        ),
        (
            "have",
            r"\b(?:i|we) (?:\w+ ){0,2}?(?:have|kept|saved) (?:all )?(?:of )?(?:my |the |our )?"
            + CODES,
        ),
    )
)


def recovery_code_state(sentence: str) -> str | None:
    """The recovery-codes state a sentence states, or None."""
    if "code" not in sentence.lower():
        return None
    for state, pattern in RECOVERY_CODE_RULES:
        match = pattern.search(sentence)
        if match and not (state == "lost" and _NOT_LOST.search(match.group(0))):
            return state
    return None


REASON_KIND_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, _I))
    for kind, pattern in (
        (
            "codes_reset_unknowingly",
            rf"{CODES}.{{0,60}}\b(?:reset|regenerated|changed|replaced)\b"
            rf"|\b(?:reset|regenerated)\b.{{0,40}}{CODES}"
            r"|\bwithout my (?:knowledge|consent|permission)\b",
        ),
        ("recovery_codes_not_working", RECOVERY_CODE_RULES[0][1].pattern),
        (
            "lost_2fa_device",
            rf"\b{_DEVICE_TROUBLE}\b.{{0,60}}?\b{_DEVICE}|\b{_DEVICE}\b.{{0,60}}?\b{_DEVICE_TROUBLE}\b",
        ),
        (
            "lost_email_access",
            r"\b(?:lost|no longer have|don't have|do not have|no|lack)\b (?:the )?(?:any )?"
            r"access to (?:my |the |that )?(?:old |former |work |university |registered |linked )?"
            r"(?:e-?mail|inbox|mailbox)"
            r"|\b(?:e-?mail|address|mailbox|inbox)\b.{0,80}\b(?:deleted|closed|deactivated|"
            r"disabled|gone|expired|shut down|no longer exists)",
        ),
    )
)


def reason_kind(text: str) -> str:
    """Classify a reason; the more specific kinds win over the general ones."""
    for kind, pattern in REASON_KIND_RULES:
        if pattern.search(text):
            return kind
    return "other"


# Causes in order of preference: what broke the second factor (a device, codes that
# fail, a lost mailbox or password) before codes that are merely lost.
_CAUSES: tuple[re.Pattern[str], ...] = (
    re.compile(
        "|".join(rule.pattern for _, rule in (REASON_KIND_RULES[0], *REASON_KIND_RULES[2:]))
        + "|"
        + RECOVERY_CODE_RULES[0][1].pattern
        + r"|\b(?:2fa|totp|authenticator|one-time|six-digit|6-digit|otp)\b.{0,40}\b(?:rejected|"
        r"invalid|not (?:accepted|working)|wrong|fail\w*)\b"
        r"|\b(?:reject\w*|refus\w*|not accept\w*)\b.{0,40}\b(?:2fa|totp|authenticator|otp|"
        r"one-time|six-digit|6-digit)\b"
        r"|\bforg[eo]t(?:ten)?\s+(?:\w+\s+)?password"
        r"|\b(?:compromised|hacked|stolen|robbed|two-step|2-step|authentification|transferr\w*)\b",
        _I,
    ),
    RECOVERY_CODE_RULES[2][1],
)
_LOCKED_OUT = re.compile(
    r"\b(?:locked out|lock(?:ed)? me out|blocked out|can'?t (?:log|sign|get)|cannot (?:log|sign|"
    r"get|enter|access)|can not (?:log|sign|enter|access)|unable to (?:log|sign|access)|"
    r"not able to (?:log|sign)|no longer have access|lost access|no access)\b",
    _I,
)


def reason_sentences(sentences: list[str]) -> list[str]:
    """One or two sentences saying why the requester is locked out.

    A sentence naming the cause (a lost device, codes that fail) wins over one that
    only says "I can't log in"; the next sentence joins it when it goes on about the cause.
    """
    for cause in _CAUSES:
        for index, sentence in enumerate(sentences):
            if cause.search(sentence) and FIRST_PERSON.search(sentence):
                following = sentences[index + 1] if index + 1 < len(sentences) else ""
                return (
                    [sentence, following] if following and cause.search(following) else [sentence]
                )
    return [s for s in sentences if _LOCKED_OUT.search(s) and FIRST_PERSON.search(s)][:1]
