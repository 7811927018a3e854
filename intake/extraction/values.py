"""Interpret the value typed after a label: yes/no answers, usernames, code states."""

from __future__ import annotations

import re

from intake.extraction.prose import HEDGE
from intake.extraction.reasons import recovery_code_state

USERNAME = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9._-]{0,48}[A-Za-z0-9])?")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_WRAPPERS = re.compile(r"^(?:user(?:name)?|login|account)\s*[=:]\s*", re.I)
_NOT_KNOWN = re.compile(
    r"\b(?:don'?t|do not|can'?t|cannot|can not|no idea|not sure|forgot|forgotten|unsure|unknown|"
    r"don'?t know|dunno|idk)\b",
    re.I,
)
_ANSWER_FIRST = re.compile(
    r"^(?:yes|yep|yeah|sure|ok|still known|known|still|i have it|i do|it'?s|it is|that'?s|"
    r"(?:the|my) username is)"
    r"\b\W+(?=\S)",
    re.I,
)

# Words that can follow "account" or "username" in prose but are never a username,
# and placeholders people leave in a form.
NOT_USERNAMES = frozenset(
    """
    2fa a about above access account accounts across action active actually address field
    box tbh idk lol btw fyi imo pls plz thx obvs asap she he they we you them us him her uses used
    needs requires belongs shows says lists holds owns maintainer current maybe perhaps possibly
    similar guess think like sorry thanks hello hi okay theirs
    gmail googlemail yahoo hotmail outlook protonmail proton icloud github gitlab google microsoft
    hers ours yours open known addresses after again against all also altogether always am
    an and another any anymore app apps are as associated at back bad basically be because
    been before being below between blocked both bunch but by called can can't cannot closed
    code codes com completely could couple credential credentials currently data deleted
    details device devices did didn't different disabled do does doesn't don't dot down due
    e-mail e.g each email emails entirely etc even ever every example few fine first foo for
    from frozen fully get gets github gone good got had handful has hasn't have haven't
    having help here here's his history holder how http https i i'm i.e id if important in
    inaccessible inactive inbox info information into is isn't issue issues it it's its just
    key keys last least less level linked literally locked login logins lost mail main many
    me mfa mine more most much my n/a na name named net never new next no no_response none
    not now number of off offline often ok old on one ones online only onto or org other our
    out over owner owners page pages password passwords personal phone placeholder please
    previous primary private problem problems profile profiles public pypi pypi.org question
    questions really recovery registered request requests response right safe same secondary
    secure security see setting settings should simply since so some sometimes status still
    stuck such support tbd team test.pypi.org testpypi that that's the their then there
    there's this through to today token tokens too totally two-factor type unavailable under
    unknown until unusable up user username usernames via was wasn't well were what when
    where which while who why will with within without won't work would wrong www yes
    yesterday your either neither blank empty hey dear thank hallo hola ciao cheers regards
    myself yourself ourselves itself honestly frankly sadly missing working pending loading
    failing changing showing nothing something anything everything existing following
    matching remaining exactly probably definitely likely correctly properly usually
    normally unfortunately apparently obviously surely certainly clearly exact exato exacto
    exakt however though therefore meanwhile anyway besides otherwise instead authy bitwarden
    1password lastpass keepass keepassxc aegis yubikey google microsoft apple icloud duo okta
    usual whichever whatever someone everyone anyone recently quickly soon clean recovered
    correct accurate unchanged valid invalid confirmed verified spelled written
    may might must shall
    compromised hacked suspended broken free available fixed accessible
    dont cant wont didnt doesnt isnt havent dunno forgot forgotten remember unsure
    somewhere anywhere everywhere nowhere elsewhere reset resets restore restored
    restoration reactivation unlock unlocked lockout takeover hijack deletion removal
    transfer ownership creation verification second third latter former spare affected original
    misspelled misspelt mistyped incorrect typo
    """.split()
)

_YES = re.compile(
    r"^(?:yes|y|yep|yeah|yup|ja|oui|si|sí|sim|da|да|true|x|\[x\]|✓|✔|confirmed?|correct|"
    r"ye+s+|yea|yah|yas|"  # "yess", "yeees": typed in a hurry
    r"no problem|no worries|no rush|no issue|not a problem|"
    r"of course|sure|ok|okay|agreed?|i agree|i do|i have|(?:i'?ve )?got (?:it|them)(?=\W*$)|"
    r"i accept|accepted|accept|understood|"
    r"i understand|understand|have|still have|absolutely|definitely|affirmative|done|known|"
    r"still known|"
    r"acknowledged|noted|acceptable|same as (?:this|the one|here)|"
    r"still mine|mine|fine|working|works|available|accessible|reachable|retained|intact|held|kept)"
    r"\b(?![.\-_]\w)",
    re.I,
)
# "no problem, take as long as you need" says yes.
_NO_TROUBLE = re.compile(r"^(?:no (?:problem|worries|rush|issue)|not a problem)\b", re.I)
_NO = re.compile(
    r"^(?:no|n|nope|nah|nein|non|não|nao|nee|нет|false|none|never|not|i don't|i do not|"
    r"don't|do not|lost|no longer|gone|disagree|i disagree|decline|i decline|negative|without|"
    r"unavailable|inaccessible|unreachable)\b(?![.\-_]\w)",  # "n.okafor" is a name, not "n"
    re.I,
)


def is_option_list(value: str) -> bool:
    """A left-in list of choices ("yes/no", "lost / not working / …") answers nothing."""
    parts = [p.strip(" <>[]").lower() for p in re.split(r"/|\bor\b", value) if p.strip(" <>[]")]
    return len(parts) >= 2 and all(p in _OPTION_WORDS for p in parts)


_OPTION_WORDS = frozenset(("yes", "no", "lost", "not working", "never saved", "have", "y", "n"))


# "✅ yes", "❌": a tick or a cross typed before (or instead of) the answer.
_MARK = re.compile(r"^(?:✅|☑️?|✔️?|❌|✖️?|\[[xX✓✔]\]|\[\s?\])\s*")


def _mark_word(mark: re.Match[str]) -> str:
    ticked = mark.group(0)[0] in "✅☑✔" or mark.group(0)[:2].lower() in ("[x", "[✓", "[✔")
    return "yes " if ticked else "no "


# "fine, as long as it is under a week", "yes if it's needed": a condition, not a yes.
_CONDITIONAL = re.compile(
    r"\b(?:as long as|provided|only if|unless|if)\b"
    r"(?!\s+(?:it takes|you need|needed|necessary|you can|you could|possible|that'?s possible))",
    re.I,
)
# "Sure, I'll have a look at it tonight", "Yes I can send all of that, but first …": not yet.
_LATER = re.compile(
    r"\b(?:i'll|i will|will)\s+(?:have a look|look|read|check|get back|think|answer|reply|"
    r"let you know|see|send)\b|\bbut first\b|\bi can send\b",
    re.I,
)


def yes_no(value: str) -> bool | None:
    """Read a yes/no answer; hedged or unclear answers are None."""
    text = value.strip().strip("*_`'\"“”").strip()
    text = _MARK.sub(_mark_word, text)
    if (
        not text
        or is_option_list(text)
        or HEDGE.search(text)
        or re.match(r"^(?:unsure|unknown|\?|idk)", text, re.I)
    ):
        return None
    if _NO.match(text) and not _NO_TROUBLE.match(text):
        return False
    if _YES.match(text) and not _LATER.search(text) and not _CONDITIONAL.search(text):
        # "Ok, but could you give me a rough estimate?": a question back, not a yes.
        return None if text.endswith("?") and len(text.split()) > 2 else True
    return None


def unknown_username(value: str) -> bool:
    """Whether a username answer says the requester does not know it ("honestly I don't
    remember it"): the username is not had."""
    first = re.split(r"[.!?;]\s", _WRAPPERS.sub("", value.strip()), maxsplit=1)[0]
    # "either rlinden or r.linden, I can't remember which": unsure which, not unknown.
    # "still not sure - I've used both rook-lab and rooklab": two candidates, a doubt.
    two = " or " in first or _BETWEEN_TWO.search(first)
    return bool(_NOT_KNOWN.search(first)) and yes_no(first) is None and not two


_BETWEEN_TWO = re.compile(r"\bnot (?:\w+ )?sure\b|\bboth\b|\bwhich one\b", re.I)


def clean_username(value: str) -> str | None:
    """The username in a label's value, or None for an email, placeholder or junk."""
    text = _EMAIL.sub(" ", value.split("\n", 1)[0])
    text = _WRAPPERS.sub("", text.strip())
    text = _ANSWER_FIRST.sub("", text)  # "yes, hollin_verd"
    if _NOT_KNOWN.search(re.split(r"[.!?;]\s", text, maxsplit=1)[0]):
        return None  # "honestly I don't remember it - I signed up years ago"
    text = re.sub(r"[`\"'“”‘’<>\[\]{}*]", " ", text).strip()
    token = re.split(r"[\s,;()]+", text, maxsplit=1)[0].lstrip("@").rstrip(".:!?")
    if not token or not USERNAME.fullmatch(token) or token.lower() in NOT_USERNAMES:
        return None
    return token


def foreign_username(value: str) -> str | None:
    """The first word of a username answer when it is username-shaped but holds characters
    outside the index's allowed set (look-alike letters, full-width digits, invisible
    characters); None otherwise."""
    word = re.split(r"[\s,;()]+", value.strip().strip("`\"'"), maxsplit=1)[0]
    if not word or word.isascii() or "@" in word or len(word) > 50:
        return None
    return word if all(ch.isalnum() or ch in "._-" or not ch.isprintable() for ch in word) else None


# "no idea honestly", "dunno": not a state ("don't know where they are" says lost).
_NO_IDEA = re.compile(
    r"\b(?:no idea|no clue|dunno|idk|not sure|unsure|unknown|not known|don'?t know|do not know)\b"
    r"(?!\s+where\b)",
    re.I,
)
_NONE_SAID = re.compile(r"\b(?:no|not|none|never|nobody)\b|n't", re.I)


def codes_value(value: str) -> str | None:
    """Map a recovery-codes answer ("lost", "not working", …) to its state."""
    text = value.lower()
    # "lost. They were on the laptop I think was compromised": the answer is the first part.
    first = re.split(r"(?<=[.!?;])\s+", text, maxsplit=1)[0]
    if is_option_list(text) or HEDGE.search(first) or _NO_IDEA.search(first):
        return None  # "no idea where they are, might be in a drawer": not known yet
    stated = recovery_code_state(f"recovery codes {first}")
    if stated in (None, "have", "lost") and first != text:
        # "I kept them in a notes app on that phone. They're lost …": the loss is the answer;
        # "I don't have. I never save them.": why they are not had is.
        whole = recovery_code_state(f"recovery codes {text}")
        if stated != "lost" or whole == "never_saved":
            stated = whole or stated
    if stated:
        return stated
    table = (
        (
            "not_working",
            r"not work|don'?t work|do not work|doesn'?t work|didn'?t work|rejected|invalid|"
            r"not accepted|no longer (?:accepted|valid|work)|fail",
        ),
        (
            "never_saved",
            r"never(?! (?:needed|used|tried|had to use)\b)|not saved|didn't save|did not save|"
            r"not generated|(?:nobody|no one)(?! (?:can|could) (?:find|locate))"
            r"|none (?:were |was )?(?:ever )?saved(?!\s+(?:on|in|to)\b)|none (?:were|was)",
        ),
        (
            "lost",
            r"\blost\b|no access|don't have|do not have|gone|missing|can't find|no\b"
            r"|(?:nobody|no one) (?:can|could) (?:find|locate)",
        ),
        ("have", r"\bhave\b|\byes\b|\bstill\b|\bsaved\b"),
    )
    for state, pattern in table:
        if state == "have" and _NONE_SAID.search(re.split(r"[,;]|\bbut\b", text, maxsplit=1)[0]):
            continue  # "none were ever saved" says no such thing
        if re.search(pattern, text):
            return None if state == "have" and HEDGE.search(text) else state
    return None
