"""What a complete recovery request holds: the requirements, their labels and why we ask.

One table serves three readers: the completeness check (``missing_requirements``),
the reply templates (explanations and fill-in labels) and the extractor, which must
recognise our own wording when a requester quotes or copies it back to us.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

# The Code of Conduct replies name unless the operator names another ([reply]).
CODE_OF_CONDUCT = "PSF Code of Conduct"
COC_LEAD = "that you agree to follow the "
REASON_KINDS = (
    "lost_2fa_device",
    "recovery_codes_not_working",
    "codes_reset_unknowingly",
    "lost_email_access",
    "other",
)
RECOVERY_CODE_STATES = ("lost", "not_working", "never_saved", "have")
CREDENTIAL_PARTS = ("username", "password", "email")


@dataclass(frozen=True, slots=True)
class Requirement:
    """One item of ``missing``: its name, what we ask and the fill-in lines answering it.

    ``keys`` are the flat fields the fill-in lines answer, one per line.
    """

    name: str
    title: str
    explanation: str
    fill_in: tuple[str, ...]
    keys: tuple[str, ...]


_PART_WORDS = {
    "username": "the username",
    "password": "the password",
    "email": "the account's email address",
}


def _credentials_explanation(parts: Sequence[str]) -> str:
    words = [_PART_WORDS[part] for part in parts]
    listed = words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"
    return f"whether you still have {listed}; this decides how we can verify you."


REQUIREMENTS: tuple[Requirement, ...] = (
    Requirement(
        "username",
        "Username",
        "the exact username of the account you want to recover.",
        ("Username:",),
        ("username",),
    ),
    Requirement(
        "reason",
        "Reason",
        "in a sentence or two, what stops you from signing in.",
        ("Reason:",),
        ("reason",),
    ),
    Requirement(
        "credentials",
        "Account access",
        _credentials_explanation(CREDENTIAL_PARTS),
        (
            "Access to username (yes/no):",
            "Access to password (yes/no):",
            "Access to account email (yes/no):",
        ),
        ("credentials.username", "credentials.password", "credentials.email"),
    ),
    Requirement(
        "ownership_evidence",
        "Ownership evidence",
        "since you cannot confirm every credential, other proof that the account is "
        "yours: packages you publish, their repository or homepage links.",
        ("Ownership evidence:",),
        ("ownership_evidence",),
    ),
    Requirement(
        "recovery_codes",
        "Recovery codes",
        "whether your recovery codes are lost, not working, never saved, or still with you.",
        ("Recovery codes (lost / not working / never saved / have):",),
        ("recovery_codes",),
    ),
    Requirement(
        "code_of_conduct",
        "Code of Conduct",
        f"that you agree to follow the {CODE_OF_CONDUCT}.",
        ("Code of Conduct agreed (yes/no):",),
        ("coc_agreed",),
    ),
    Requirement(
        "time_acknowledgement",
        "Processing time",
        "that you understand recovery is checked by hand and can take a significant time.",
        ("Accept that recovery can take a long time (yes/no):",),
        ("time_acknowledged",),
    ),
)
REQUIREMENT_NAMES = tuple(r.name for r in REQUIREMENTS)
FILL_IN_KEYS = {
    line: key for r in REQUIREMENTS for line, key in zip(r.fill_in, r.keys, strict=True)
}

# Sentences of our replies that mention passwords, codes or time. A requester who
# pastes our reply back unquoted must not be read as saying them (``answers``
# drops lines containing any of these).
SAFETY_NOTE = "Please never send us your password, one-time codes or recovery codes."
REDACTION_NOTE = (
    "Your message contained what looks like a password or a security code. We removed it "
    "before storing your message. Please change it as soon as you can, and keep it to "
    "yourself: we will never ask for it."
)
REVIEW_NOTE = (
    "Every request is checked by hand, so a review can take a significant amount of time, "
    "and we can only restore access when we can verify that the account is yours."
)
# Every way a reply can ask for the credentials: only the parts not yet stated.
_CREDENTIAL_ASKS = [
    _credentials_explanation([p for p in CREDENTIAL_PARTS if p != left_out])
    for left_out in CREDENTIAL_PARTS
] + [_credentials_explanation([part]) for part in CREDENTIAL_PARTS]
TEMPLATE_PHRASES = frozenset(
    text.lower()
    for text in (
        *(r.explanation for r in REQUIREMENTS),
        *_CREDENTIAL_ASKS,
        f": {COC_LEAD}",  # the explanation after its title, whatever Code of Conduct is named
        SAFETY_NOTE,
        *REDACTION_NOTE.split(". "),
        *REVIEW_NOTE.split(", "),
    )
)


def as_asked(requirement: Requirement, stated: Collection[str]) -> Requirement:
    """The requirement as a reply asks it: a credential part already stated is not asked
    again, so the fill-in block holds only the lines still open ("yes, no" answers those)."""
    open_keys = tuple(key for key in requirement.keys if key not in stated)
    if requirement.name != "credentials" or len(open_keys) in (0, len(requirement.keys)):
        return requirement
    pairs = zip(requirement.fill_in, requirement.keys, strict=True)
    return replace(
        requirement,
        explanation=_credentials_explanation([key.split(".")[1] for key in open_keys]),
        fill_in=tuple(line for line, key in pairs if key in open_keys),
        keys=open_keys,
    )


def stated_parts(fields: Mapping[str, Any]) -> frozenset[str]:
    """The flat keys of the credential parts a case already holds an answer for."""
    credentials = fields.get("credentials") or {}
    return frozenset(
        f"credentials.{part}" for part in CREDENTIAL_PARTS if credentials.get(part) is not None
    )


def credentials_confirmed(credentials: Mapping[str, bool | None]) -> bool | None:
    """All three parts confirmed → True; any part denied → False; otherwise unknown."""
    values = [credentials.get(part) for part in CREDENTIAL_PARTS]
    if any(value is False for value in values):
        return False
    if all(value is True for value in values):
        return True
    return None


def missing_requirements(fields: Mapping[str, Any]) -> list[str]:
    """List the unmet requirements, in the fixed order of ``REQUIREMENT_NAMES``."""
    credentials = fields.get("credentials") or {}
    confirmed = credentials_confirmed(credentials)
    unmet = {
        "username": not fields.get("username"),
        "reason": not fields.get("reason"),
        "credentials": any(credentials.get(part) is None for part in CREDENTIAL_PARTS),
        "ownership_evidence": confirmed is False and not fields.get("ownership_evidence"),
        "recovery_codes": fields.get("recovery_codes") not in RECOVERY_CODE_STATES,
        "code_of_conduct": fields.get("coc_agreed") is not True,
        "time_acknowledgement": fields.get("time_acknowledged") is not True,
    }
    return [name for name in REQUIREMENT_NAMES if unmet[name]]


FLAT_KEYS = (
    "username",
    "reason",
    "reason_kind",
    "credentials.username",
    "credentials.password",
    "credentials.email",
    "ownership_evidence",
    "recovery_codes",
    "coc_agreed",
    "time_acknowledged",
)


# Codes that fail are what stops someone whose device or mailbox is also gone: with
# working codes they would be in. A follow-up that says so changes the case's kind.
_CODES_DECIDE = {"lost_2fa_device", "lost_email_access"}


def nest_fields(flat: Mapping[str, Any]) -> dict[str, Any]:
    """Shape flat values (``credentials.email``) into the request as cases keep it."""
    credentials = {part: flat.get(f"credentials.{part}") for part in CREDENTIAL_PARTS}
    kind = flat.get("reason_kind") if flat.get("reason") else None
    if kind in _CODES_DECIDE and flat.get("recovery_codes") == "not_working":
        kind = "recovery_codes_not_working"
    return {
        "username": flat.get("username"),
        "reason": flat.get("reason"),
        "reason_kind": kind,
        "credentials": credentials,
        "credentials_confirmed": credentials_confirmed(credentials),
        "ownership_evidence": list(flat.get("ownership_evidence") or []),
        "recovery_codes": flat.get("recovery_codes"),
        "coc_agreed": flat.get("coc_agreed"),
        "time_acknowledged": flat.get("time_acknowledged"),
    }
