"""What a prose sentence states: statements about credentials, codes, agreements.

Each rule is data (patterns) read by one small function. Negation and hedging
decide polarity: "I no longer have access to my email" is a denial, "I think I
still have the password" confirms nothing.
"""

from __future__ import annotations

import re

_I = re.I

NEGATION = re.compile(
    r"\b(?:not|no longer|never|no|none|lost|forgot|forgotten|without|unable|gone|deactivated|"
    r"deleted|closed|expired|defunct|disabled|inaccessible|lack|missing|neither|nor)\b"
    r"|n't\b|\bcannot\b",
    _I,
)
HEDGE = re.compile(
    r"\b(?:i think|think|maybe|might|probably|possibly|perhaps|not sure|unsure|i believe|"
    r"hopefully|i guess|i hope|not certain|if i remember|may still|should still|"
    r"not 100%|i suppose|could be|limited|partial|partially|sometimes|intermittent\w*)\b",
    _I,
)
_DOUBLE_NEGATIVE = re.compile(
    r"\b(?:have not|haven't|did not|didn't|never) (?:lost|forgotten|forgot|lose|forget)\b", _I
)
_NEUTRAL_PHRASES = re.compile(
    r"\b(?:can't|cannot|can not|couldn't|could not|unable to|not able to|no way to)\s+"
    r"(?:log ?in|sign ?in|login|access (?:my|the) (?:pypi )?account|get (?:in|into)|use)\b"
    r"|\b(?:lost|lose|broke|broken|stolen|reset|wiped|no longer have|don't have|do not have)"
    r"\s+(?:my|the|access to my|access to the)?\s*(?:2fa|two[- ]factor|mfa|totp|phone|device|"
    r"authenticator|security key|yubikey)[\w -]{0,20}?(?=\b(?:and|but|,|\.|$))",
    _I,
)
_ACCESS_CUE = re.compile(
    r"\b(?:have|has|know|remember|access|accessible|control|own|use|using|receive|read|"
    r"log ?in to|sign ?in to|got|still|reach(?:es)? me|gets? to me)\b|\bcan\b|\bable to\b",
    _I,
)
_PARTS = {
    "username": re.compile(r"\buser ?names?\b|\blogin names?\b", _I),
    "password": re.compile(r"\bpass(?:word|phrase)s?\b|\bpw\b|\bpwd\b", _I),
    "email": re.compile(
        r"\be-?mails?(?: address(?:es)?| accounts?| inbox)?\b|\binbox\b|\bmailbox\b"
        r"|\b(?:this|that|my|the|same|account)\s+address\b",
        _I,
    ),
}
_GONE = re.compile(
    r"\b(?:that|it|this)(?:'s| is| was| has been)? (?:\w+ )?(?:gone|dead|lost|closed|deleted|"
    r"deactivated|expired|useless|no longer \w+)\b",
    _I,
)
_ANY_PART = re.compile(r"user|pass|pw|mail|inbox|address", _I)
_CLAUSE_SPLIT = re.compile(
    r"\s*(?:;|\bbut\b|\bhowever\b|\balthough\b|\bthough\b|\bwhile\b|\bwhereas\b|\bexcept\b|"
    r"\bexcluding\b|\band not\b|, not\b|\bso\b|\bbecause\b|\bsince\b)\s*"
    r"|\s+(?=\b(?:i|we)\s+(?:also\s+|still\s+|do\s+|don't\s+|dont\s+|really\s+)?"
    r"(?:have|had|lost|can|cant|can't|cannot|never|no|don't|dont|do|know|remember|forgot|"
    r"agree|understand|am|was|got|still|used|think|also|need|want|tried|changed|bought|"
    r"dropped|left)\b)",
    _I,
)
_NEW_SUBJECT = re.compile(r"^\s*(?:i|we)\b", _I)
_WRITING_FROM_ACCOUNT_EMAIL = re.compile(
    r"\b(?:writing|sending|contacting you|emailing you|reaching out|sent|mailing) (?:this )?"
    r"(?:\w+ )?from (?:the |my )?(?:same )?(?:registered |associated |linked |primary |verified )?"
    r"(?:e-?mail(?: address)?|address) (?:that is |which is |i )?(?:registered|associated|linked|"
    r"used|on (?:the|my) (?:pypi )?account|tied|connected)"
    r"|\bthis (?:e-?mail )?(?:address )?is the (?:same )?(?:e-?mail|address|one) "
    r"(?:registered|associated|linked|used|on)"
    r"|\bthis is the (?:e-?mail|address) (?:registered|associated|linked|on)",
    _I,
)


FIRST_PERSON = re.compile(r"\b(?:i|i'm|i've|me|my|mine|we|our|us)\b", _I)
_SECOND_PERSON = re.compile(r"\b(?:you|your|yours)\b", _I)
_READ_MAIL = re.compile(
    r"\b(?:can|still|able to|do|i|we)\s+(?:\w+\s+)?(?:read|receive|get|access|check|open)\s+"
    r"(?:\w+\s+){0,3}?(?:e-?)?mails?\b",
    _I,
)


_IMPERATIVE = re.compile(
    r"^\s*(?:please|kindly|do not|don't|never|always)\b|\b(?:do not|don't|never) (?:reply|respond|"
    r"share|send|forward|give)\b",
    _I,
)


def addresses_reader(sentence: str) -> bool:
    """Advice to the reader ("never share your password"), not the requester's own state."""
    if FIRST_PERSON.search(sentence):
        return False
    return bool(_SECOND_PERSON.search(sentence) or _IMPERATIVE.search(sentence))


def credential_statements(sentence: str) -> dict[str, bool]:
    """The credential parts this sentence confirms (True) or denies (False)."""
    found: dict[str, bool] = {}
    if not _ANY_PART.search(sentence) or addresses_reader(sentence):
        return found
    if HEDGE.search(sentence) is None and (
        _WRITING_FROM_ACCOUNT_EMAIL.search(sentence)
        or (_READ_MAIL.search(sentence) and clause_polarity(sentence) is True)
    ):
        found["email"] = True
    paired = _paired_answers(sentence)
    if paired:
        return paired
    previous: list[str] = []
    for clause in clauses(_NEUTRAL_PHRASES.sub(" ", sentence)):
        parts = [part for part, pattern in _PARTS.items() if pattern.search(clause)]
        if not parts and previous and _GONE.search(clause):
            parts, clause = previous, "no longer"
        previous = parts
        if not parts or HEDGE.search(clause):
            continue
        polarity = clause_polarity(clause)
        if polarity is None:
            continue
        for part in parts:
            found.setdefault(part, polarity)
    return found


_PAIRED_ANSWER = re.compile(
    r"\b((?:account\s+)?(?:user ?name|password|e-?mail(?: address)?))\s*[-:=]\s*(yes|no)\b", _I
)


def _paired_answers(sentence: str) -> dict[str, bool]:
    """A list such as "username - yes, password - no, account email - no"."""
    found: dict[str, bool] = {}
    for part, answer in _PAIRED_ANSWER.findall(sentence):
        key = next(name for name, pattern in _PARTS.items() if pattern.search(part))
        found.setdefault(key, answer.lower() == "yes")
    return found


def clauses(sentence: str) -> list[str]:
    """Split a sentence into clauses; a new "I have…" starts one only after a subject.

    "I lost my phone and I still have my password" is two clauses, but "The password
    I have still" (object first, as non-native speakers often write) is one.
    """
    pieces = [piece for piece in _CLAUSE_SPLIT.split(sentence) if piece and piece.strip()]
    merged: list[str] = []
    for piece in pieces:
        if merged and _NEW_SUBJECT.match(piece) and not FIRST_PERSON.search(merged[-1]):
            merged[-1] = f"{merged[-1]} {piece}"
        else:
            merged.append(piece)
    return merged


_PAST_ACCESS = re.compile(r"\bused to (?:have|know|use|access)\b|\bhad (?:access|the|my)\b", _I)


def clause_polarity(clause: str) -> bool | None:
    """Whether a clause affirms having something (True), denies it (False), or neither."""
    clause = _DOUBLE_NEGATIVE.sub("have", clause)
    if _PAST_ACCESS.search(clause) and not re.search(r"\bstill\b", clause, _I):
        return False if NEGATION.search(clause) is None else None
    if NEGATION.search(clause):
        return False
    if _ACCESS_CUE.search(clause):
        return True
    return None


_COC = r"(?:(?:psf|pypi|python)(?: software foundation)?(?:'s)? )?(?:code of conduct|coc)\b"


def _any(*patterns: str) -> re.Pattern[str]:
    """One case-insensitive pattern matching any of ``patterns``."""
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns), _I)


_NEGATED_AGREEMENT = re.compile(
    r"\b(?:not|never|n't|dont|cannot|refuse\w*|decline\w*|disagree\w*)\b|n't\b"
    r"|\bno\b(?! problem| rush| worries)",
    _I,
)
_COC_WORDS = re.compile(r"conduct|\bcoc\b", _I)
_TIME_WORDS = re.compile(r"time|wait|rush|hurry|long|while|take|patien", _I)
_COC_YES = _any(
    r"\b(?:i|we)\s+(?:hereby\s+|also\s+|fully\s+|do\s+)?(?:agree|accept|will (?:follow|abide|"
    r"adhere|respect|comply)|promise|confirm|consent|commit)\b.{0,60}?" + _COC,
    r"\b(?:agreed?|accepted|accept) (?:to )?(?:follow |abide by )?(?:the )?" + _COC,
    _COC + r".{0,30}\b(?:agreed|accepted|agree to (?:follow|abide|respect|it))\b",
    _COC + r".{0,30}\b(?:i|we) (?:\w+ )?(?:agree|accept)\b",
    r"\b(?:d'accord|in agreement|agree|agreed|ok|okay|fine)\s+(?:with|to)\s+(?:the\s+)?" + _COC,
)
_COC_NO = _any(
    r"\b(?:do not|don't|doesn't|won't|will not|cannot|can't|refuse to|decline to|disagree)\b"
    r".{0,40}" + _COC,
)
_TIME_YES = _any(
    r"\b(?:understand|acknowledge|accept|realise|realize|am aware|'m aware|aware|know|"
    r"appreciate|recognize|recognise)\b.{0,90}?\b(?:take|takes|taking)\b.{0,50}?"
    r"\b(?:time|while|weeks?|days?|months?|long)\b",
    r"\b(?:happy|willing|ok|okay|fine|prepared|content|ready|able)\s+to\s+wait\b",
    r"\bi(?:'m| am) (?:a )?patient\b|\bno rush\b|\btake your time\b|\bi can wait\b",
    r"\btake (?:whatever|all the|as much) time\b|\bnot in a (?:hurry|rush)\b",
    r"\b(?:ok|okay|fine|no problem|alright)\b.{0,20}\bif (?:it|this) (?:takes?|needs?)\b",
    r"\b(?:takes?|needs?)\b.{0,30}\b(?:time|while|long)\b.{0,30}\b(?:ok|okay|fine|no problem|"
    r"understand|understood)\b",
)
_TIME_NO = _any(
    r"\b(?:can't|cannot|can not|won't|will not|unable to|not able to|don't want to|"
    r"do not want to)(?: afford to)? wait\b",
    r"\b(?:don't|do not) (?:accept|understand) .{0,40}\btime\b",
    r"\btoo long\b|\bnot (?:ok|okay|fine|acceptable)\b|\bunacceptable\b",
)


def coc_statement(sentence: str) -> bool | None:
    """True/False when the sentence agrees or refuses the Code of Conduct."""
    if not _COC_WORDS.search(sentence):
        return None
    return _agreement(sentence, _COC_YES, _COC_NO)


def time_statement(sentence: str) -> bool | None:
    """True/False when the sentence accepts or refuses that recovery takes time."""
    if not _TIME_WORDS.search(sentence):
        return None
    return _agreement(sentence, _TIME_YES, _TIME_NO)


def _agreement(sentence: str, yes: re.Pattern[str], no: re.Pattern[str]) -> bool | None:
    """A refusal wins; an agreement counts only when nothing in it is negated or hedged."""
    if no.search(sentence):
        return False
    found = yes.search(sentence)
    if found is None or HEDGE.search(sentence):
        return None
    said = sentence[max(0, found.start() - 30) : found.end()]  # the agreement and its lead-in
    return None if _NEGATED_AGREEMENT.search(said) else True
