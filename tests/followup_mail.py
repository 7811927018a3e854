"""Write a requester's follow-up to the reply we actually sent, in the shape people use.

Each shape is one function from our reply (parsed from the outbox) and the pair's
``reply`` spec to the follow-up's subject, body and threading headers: top- or
bottom-posted over the quote, answers typed under our quoted labels, our fill-in
block copied and answered, Outlook's unquoted original, HTML, the subject line, an
answer to a staff question, or a new mail that only names the case.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from email.message import EmailMessage, Message
from email.utils import format_datetime, make_msgid, parsedate_to_datetime
from typing import Any

from tests.messages import body_of


@dataclass(frozen=True, slots=True)
class Draft:
    """The parts of a follow-up that differ between shapes."""

    body: str
    subject: str
    in_reply_to: str | None
    references: list[str] = field(default_factory=list)
    html: bool = False


def _quote(text: str) -> str:
    return "\n".join(f"> {line}" if line else ">" for line in text.splitlines())


def _attribution(ours: Message) -> str:
    when = parsedate_to_datetime(str(ours["Date"]))
    return f"On {when:%a, %d %b %Y at %H:%M}, {ours['From']} wrote:"


def _own(spec: Mapping[str, Any]) -> str:
    """The requester's own words, with a phone footer or a signature when the spec has one."""
    parts = [spec.get("text", ""), spec.get("footer", ""), spec.get("signature", "")]
    return "\n\n".join(part for part in parts if part)


def _answer_for(line: str, answers: Mapping[str, str]) -> str | None:
    return next((value for label, value in answers.items() if line.startswith(label)), None)


def _threaded(ours: Message, body: str, **kwargs: Any) -> Draft:
    our_id = str(ours["Message-ID"])
    return Draft(body, f"Re: {ours['Subject']}", our_id, [our_id], **kwargs)


def top(ours: Message, spec: Mapping[str, Any]) -> Draft:
    return _threaded(ours, f"{_own(spec)}\n\n{_attribution(ours)}\n{_quote(body_of(ours))}\n")


def bare(ours: Message, spec: Mapping[str, Any]) -> Draft:
    """Our quote deleted: only the requester's words, still threaded to our reply."""
    return _threaded(ours, f"{_own(spec)}\n")


def bottom(ours: Message, spec: Mapping[str, Any]) -> Draft:
    return _threaded(ours, f"{_attribution(ours)}\n{_quote(body_of(ours))}\n\n{_own(spec)}\n")


def inline(ours: Message, spec: Mapping[str, Any]) -> Draft:
    """Gmail style: the quote is broken after each label and the answer typed below it."""
    lines = [spec.get("text", ""), "", _attribution(ours)] if spec.get("text") else []
    lines = lines or [_attribution(ours)]
    for line in body_of(ours).splitlines():
        lines.append(f"> {line}" if line else ">")
        answer = _answer_for(line, spec["answers"])
        if answer is not None:
            lines.extend(["", answer, ""])
    if spec.get("signature"):
        lines.extend(["", spec["signature"]])
    return _threaded(ours, "\n".join(lines) + "\n")


def in_place(ours: Message, spec: Mapping[str, Any]) -> Draft:
    """Our fill-in block copied above the quote with each answer after its label."""
    block = [
        f"{line} {_answer_for(line, spec['answers'])}"
        for line in body_of(ours).splitlines()
        if line.endswith(":") and _answer_for(line, spec["answers"]) is not None
    ]
    head = f"{spec['text']}\n\n" if spec.get("text") else ""
    quote = f"{_attribution(ours)}\n{_quote(body_of(ours))}"
    return _threaded(ours, head + "\n".join(block) + f"\n\n{quote}\n")


def outlook(ours: Message, spec: Mapping[str, Any]) -> Draft:
    """Outlook plain text: our message unquoted under its header block, answers typed in it."""
    original = [
        f"{line} {answer}" if (answer := _answer_for(line, spec["answers"])) else line
        for line in body_of(ours).splitlines()
    ]
    header = (
        f"-----Original Message-----\nFrom: {ours['From']}\nSent: {ours['Date']}\n"
        f"To: {ours['To']}\nSubject: {ours['Subject']}\n"
    )
    return _threaded(ours, f"{spec['text']}\n\n{header}\n" + "\n".join(original) + "\n")


def html_reply(ours: Message, spec: Mapping[str, Any]) -> Draft:
    quoted = "<br>".join(html.escape(line) for line in body_of(ours).splitlines())
    body = (
        f"<html><body><div>{spec['text']}</div><br><div>{html.escape(_attribution(ours))}</div>"
        f'<blockquote type="cite">{quoted}</blockquote></body></html>'
    )
    return _threaded(ours, body, html=True)


def subject_line(ours: Message, spec: Mapping[str, Any]) -> Draft:
    """The answer appended to the subject; the body holds at most a word and the quote."""
    draft = top(ours, spec) if spec.get("text") else bottom(ours, {"text": ""})
    return Draft(
        draft.body, f"{draft.subject} {spec['subject']}", draft.in_reply_to, draft.references
    )


def staff_question(ours: Message, spec: Mapping[str, Any]) -> Draft:
    """A reply to a question staff sent from their own client in the same thread."""
    staff_id = make_msgid(domain="pypi-support.example")
    when = parsedate_to_datetime(str(ours["Date"]))
    attribution = (
        f"On {when:%a, %d %b %Y at %H:%M}, PyPI Support <staff@pypi-support.example> wrote:"
    )
    body = f"{_own(spec)}\n\n{attribution}\n{_quote(spec['staff_question'])}\n"
    return Draft(body, f"Re: {ours['Subject']}", staff_id, [str(ours["Message-ID"]), staff_id])


def new_mail(ours: Message, spec: Mapping[str, Any]) -> Draft:
    """A fresh message that only names the case token in its subject."""
    token = str(ours["Subject"]).rsplit("[case ", 1)[1].rstrip("]")
    return Draft(f"{_own(spec)}\n", spec["subject"].format(token=token), None)


SHAPES: dict[str, Callable[[Message, Mapping[str, Any]], Draft]] = {
    "top": top,
    "bare": bare,
    "bottom": bottom,
    "inline": inline,
    "inplace": in_place,
    "outlook": outlook,
    "html": html_reply,
    "subject": subject_line,
    "staff": staff_question,
    "new_mail": new_mail,
}


def follow_up(sender: str, ours: Message, spec: Mapping[str, Any]) -> bytes:
    """The follow-up email, as bytes, answering ``ours`` in the shape ``spec['style']``."""
    draft = SHAPES[spec["style"]](ours, spec)
    message = EmailMessage()
    message["From"] = sender
    message["To"] = str(ours["From"])
    message["Subject"] = draft.subject
    message["Date"] = format_datetime(parsedate_to_datetime(str(ours["Date"])))
    message["Message-ID"] = make_msgid(domain=sender.rsplit("@", 1)[1].rstrip(">"))
    if draft.in_reply_to:
        message["In-Reply-To"] = draft.in_reply_to
    if draft.references:
        message["References"] = " ".join(draft.references)
    message.set_content(draft.body, subtype="html" if draft.html else "plain")
    return message.as_bytes()
