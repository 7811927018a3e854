"""What went wrong: reason sentences, reason kinds and the state of recovery codes.

"2FA codes" and "authenticator codes" are one-time codes, not recovery codes:
every rule here needs the words "recovery" or "backup" next to "code".
"""

from __future__ import annotations

import re

from intake.prose import FIRST_PERSON

_I = re.I
CODES = r"(?:recovery|backup|2fa recovery) ?codes?"
_NOT_LOST = re.compile(
    r"\b(?:not|never|haven't|hasn't|didn't|did not|don't|do not)\s+(?:\w+\s+)?(?:lost|lose)\b", _I
)
_DEVICE = (
    r"(?:phone|smartphone|mobile|handy|cell|device|authenticator|2fa app|totp app|otp app|"
    r"security key|yubikey|hardware key|google auth\w*|authy|second factor|token)"
)
_DEVICE_TROUBLE = (
    r"(?:los(?:t|e|ing)\w*|dropp\w*|brok\w*|break\w*|stol\w*|wip\w*|reset\w*|replac\w*|new|chang\w*|"
    r"switch\w*|mov\w*|dead|died|damag\w*|destroy\w*|smash\w*|crack\w*|fell|drown\w*|water|"
    r"factory|upgrad\w*|uninstall\w*|delet\w*|transfer\w*|surviv\w*|stopp\w*|washing|gone|"
    r"only on|no longer|recognis\w*|recogniz\w*|crash\w*|format\w*|lake|sea|river|toilet)"
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
            r"destroyed)\b",
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


_REASON_CUES = re.compile(
    r"\b(?:lost|lose|losing|broke|broken|stolen|reset|wiped|replaced|new phone|factory|"
    r"authenticator|2fa|two[- ]factor|mfa|totp|recovery codes?|backup codes?|locked out|"
    r"lock(?:ed)? me out|can't (?:log|sign)|cannot (?:log|sign)|unable to (?:log|sign)|"
    r"not able to (?:log|sign)|cant (?:log|sign)|no longer have access|lost access|not working|"
    r"don't work|does not work|security key|yubikey|phone|device|compromised|hacked)\b",
    _I,
)


def is_reason_sentence(sentence: str) -> bool:
    """Tell whether a prose sentence is the requester explaining why they are locked out."""
    return bool(_REASON_CUES.search(sentence)) and bool(FIRST_PERSON.search(sentence))
