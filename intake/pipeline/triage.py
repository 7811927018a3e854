"""One message without a database: parse, spot robots, extract, choose the reply.

``intake parse`` prints this; the pipeline starts every message with it and then
adds what only the database knows (the case, the limits).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from intake.cases.tokens import find_token
from intake.extraction.extract import Extraction, extract_fields, extract_in_context
from intake.extraction.fields import missing_requirements
from intake.extraction.questions import asks_anything
from intake.reading.parse import ParsedMessage, parse_message
from intake.reading.robots import MACHINE_WRITTEN, GuardContext, automated_reason


@dataclass(frozen=True, slots=True)
class Triage:
    """A parsed message and what it says on its own."""

    message: ParsedMessage
    automated_reason: str | None
    extraction: Extraction
    token: str | None

    @property
    def missing(self) -> list[str]:
        return missing_requirements(self.extraction.fields())

    @property
    def language(self) -> str | None:
        """ISO 639-1 code of a request not written in English (``"es"``…), else None."""
        return self.extraction.language


# What a requester typed after our case tag in the subject ("… [case PR-…] codes: lost").
_SUBJECT_ANSWER = re.compile(r"\[case\s+PR-[0-9A-Z]{10}\]\s*[-–—:,]*\s*(?P<answer>.*)$", re.I)


def triage(raw: bytes, context: GuardContext, *, max_bytes: int = 10_000_000) -> Triage:
    """Parse and read one message; raises MessageError for unreadable mail."""
    message = parse_message(raw, max_bytes=max_bytes)
    reason = automated_reason(message, context)
    machine_written = reason in MACHINE_WRITTEN
    return Triage(
        message=message,
        automated_reason=reason,
        extraction=Extraction() if machine_written else _read(message),
        token=find_token(message.subject) or find_token(message.text),
    )


# Longer own text than this is a letter, not answers typed after a deleted quote.
_BARE_ANSWERS_MAX = 2_000


def _read(message: ParsedMessage) -> Extraction:
    """The own words, then the answers that need our quoted questions or the subject."""
    # A reply to us carries our case tag: its subject is ours, not a new naming.
    subject = "" if find_token(message.subject) else message.subject
    own = extract_fields(message.own_text, subject)
    return own.updated(_in_context(message, message.quoted_text))


def _in_context(message: ParsedMessage, questions: str) -> Extraction:
    answered = _SUBJECT_ANSWER.search(message.subject)
    return extract_in_context(
        message.own_text, questions, answered.group("answer") if answered else "", message.text
    )


def read_against(result: Triage, ours: str) -> Triage:
    """A follow-up whose quote asks nothing, read against our message it answers.

    People delete the quote and type "yes\nyes\nlost" or "1. yes 2. no": the
    questions are those of ``ours``, the text of the reply it threads to. As with a
    quote, our text supplies the questions only, never a value.
    """
    message = result.message
    if asks_anything(message.quoted_text) or len(message.own_text) > _BARE_ANSWERS_MAX:
        return result
    quoted = "\n".join(f"> {line}" for line in ours.split("\n"))
    return replace(result, extraction=result.extraction.updated(_in_context(message, quoted)))


def triage_json(result: Triage) -> dict[str, Any]:
    """The fixed JSON of ``intake parse --json`` (a fixed interface: other tools read it)."""
    missing = result.missing
    if result.automated_reason or result.message.sender is None:
        reply = "none"
    else:
        reply = "missing_details" if missing else "acknowledgement"
    message = result.message
    return {
        "message_id": message.message_id,
        "from": message.sender.email if message.sender else message.from_header or None,
        "subject": message.subject,
        "date": message.date,
        "case_token": result.token,
        "automated_reason": result.automated_reason,
        "fields": result.extraction.fields(),
        "evidence": result.extraction.evidence(),
        "missing": missing,
        "complete": not missing,
        "reply": reply,
        "language": result.language,
    }
