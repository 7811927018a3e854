"""Parsing: headers, bodies, quotes, attachments, and the limits that bound hostile mail."""

from __future__ import annotations

import pytest

from intake.errors import MessageError
from intake.reading.htmltext import html_to_text
from intake.reading.parse import MAX_DEPTH, MAX_PARTS, parse_message
from intake.reading.quotes import split_quotes


def _multipart(parts: int) -> bytes:
    body = "".join(f"--b\nContent-Type: text/plain\n\npart {n}\n" for n in range(parts))
    head = 'From: a@example.org\nContent-Type: multipart/mixed; boundary="b"\n\n'
    return f"{head}{body}--b--\n".encode()


def _nested(depth: int) -> bytes:
    head = "From: a@example.org\n"
    inner = "Content-Type: text/plain\n\nhello\n"
    for level in reversed(range(depth)):
        boundary = f"b{level}"
        inner = (
            f'Content-Type: multipart/mixed; boundary="{boundary}"\n\n'
            f"--{boundary}\n{inner}--{boundary}--\n"
        )
    return (head + inner).encode()


def test_headers_are_decoded_and_the_sender_validated() -> None:
    raw = (
        b"From: =?utf-8?q?Zo=C3=AB_M?= <zoe@Example.NET>\n"
        b"Subject: =?iso-8859-1?q?R=E9cup=E9ration?=\n"
        b"Message-ID: <m1@example.net>\nIn-Reply-To: <PR-7K3M9Q2XHD.ab@example.org>\n"
        b"References: <a@x> <b@y>\nDate: Mon, 23 Nov 2026 09:14:02 +0100\n\nhello\n"
    )
    parsed = parse_message(raw)
    assert parsed.sender is not None and parsed.sender.email == "zoe@example.net"
    assert parsed.sender.name == "Zoë M" and parsed.subject == "Récupération"
    assert parsed.in_reply_to == ("<PR-7K3M9Q2XHD.ab@example.org>",)
    assert parsed.references == ("<a@x>", "<b@y>") and parsed.date == "2026-11-23T09:14:02+01:00"


def test_html_only_mail_becomes_text_with_quotes_kept_apart() -> None:
    raw = (
        b"From: a@example.org\nContent-Type: text/html; charset=utf-8\n\n"
        b"<html><head><style>p{}</style></head><body><p>My username is <b>alice</b></p>"
        b"<ul><li>[x] lost</li></ul><blockquote>Username:<br>Reason:</blockquote>"
        b"<script>alert(1)</script></body></html>"
    )
    parsed = parse_message(raw)
    assert "My username is alice" in parsed.own_text and "alert" not in parsed.text
    assert "> Username:" in parsed.quoted_text and "Username:" not in parsed.own_text


def test_attachments_are_metadata_only() -> None:
    raw = (
        b'From: a@example.org\nContent-Type: multipart/mixed; boundary="b"\n\n'
        b"--b\nContent-Type: text/plain\n\nsee attached\n"
        b'--b\nContent-Type: image/png\nContent-Disposition: attachment; filename="shot.png"\n'
        b"Content-Transfer-Encoding: base64\n\niVBORw0KGgo=\n--b--\n"
    )
    (attachment,) = parse_message(raw).attachments
    assert (attachment.name, attachment.type, attachment.size) == ("shot.png", "image/png", 8)
    assert len(attachment.sha256) == 64


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"From: a@example.org\n\n" + b"x" * 2000, "over the limit of 1024"),
        (b"X-Big: " + b"y" * (64 * 1024 + 10) + b"\n\nbody", "header block"),
        (_multipart(MAX_PARTS + 1), "MIME parts"),
        (_nested(MAX_DEPTH + 2), "nested deeper"),
    ],
)
def test_structure_limits_are_enforced(raw: bytes, message: str) -> None:
    with pytest.raises(MessageError, match=message):
        parse_message(raw, max_bytes=1024 if b"x" * 2000 in raw else 10_000_000)


def test_limits_leave_ordinary_mail_alone() -> None:
    assert parse_message(_multipart(MAX_PARTS - 1)).text.startswith("part 0")
    assert "hello" in parse_message(_nested(MAX_DEPTH - 1)).text


def test_quotes_signatures_and_outlook_originals_are_not_own_text() -> None:
    split = split_quotes(
        "Here you go.\n\n> Username:\nalice\n\nOn Mon, Support <s@example.org> wrote:\n"
        "> Reason:\n\n-- \nAlice\n"
    )
    assert split.own == "Here you go.\n\nUsername: alice"
    outlook = split_quotes("Yes.\n\nFrom: Support\nSent: Monday\nTo: me\nSubject: x\n\nUsername:\n")
    assert outlook.own == "Yes." and "Username:" in outlook.quoted


def test_a_quoted_checklist_item_labels_the_answer_below_it() -> None:
    split = split_quotes(
        "> Your PyPI username\norla_byrne\n\n"
        "> Which of these do you still have: username, password, account email?\nAll three.\n"
    )
    assert split.own.splitlines() == [
        "Your PyPI username: orla_byrne",
        "",
        "Which of these do you still have (username, password, account email): All three.",
    ]


_FORWARDED = (
    "Passing this on.\n\n---------- Forwarded message ---------\n"
    "From: {author}\nDate: Mon, 10 Mar 2025\nSubject: PyPI\n\n"
    "My PyPI username is ibakke and I agree to the Code of Conduct.\n"
)


@pytest.mark.parametrize(
    ("author", "own"),
    [
        ("Greta Halvorsen <greta.h@gmail.com>", True),  # her own mail, from another address
        ("<greta@nordlys.no>", True),
        ("Ingrid Bakke <ingrid.bakke@gmail.com>", False),  # a colleague's request, passed on
    ],
)
def test_a_forwarded_request_is_the_requesters_only_when_they_wrote_it(
    author: str, own: bool
) -> None:
    split = split_quotes(_FORWARDED.format(author=author), "Greta Halvorsen <greta@nordlys.no>")
    assert ("ibakke" in split.own) is own and ("ibakke" in split.quoted) is not own


def test_html_is_read_whatever_the_markup_holds() -> None:
    html = (
        "<!DOCTYPE html><html><head><title>t</title><style>p{color:red}</style></head>"
        "<body><!-- a comment <p>hidden</p> --><script>if (a < b) {x()}</script>"
        '<p class="x>y">Username: <b>alice</b> &amp; friends</p>'
        '<form><input type="checkbox" checked> I agree<br><input type=checkbox> wait</form>'
        "<p>1 < 2 and 3 > 2</p><blockquote><blockquote>Username:</blockquote>Reason:"
        "</blockquote><p>unclosed <b attr='x"
    )
    assert html_to_text(html).split("\n") == [
        "Username: alice & friends",
        "",
        "[x]  I agree",
        "[ ]  wait",
        "",
        "1 < 2 and 3 > 2",
        "",
        "> > Username:",
        "> Reason:",
        "",
        "unclosed <b attr='x",
    ]


def test_a_definition_list_reads_as_label_lines() -> None:
    html = (
        "<dl><dt>PyPI login</dt><dd>alice</dd>\n<dt>Password:</dt>\n<dd>Yes, I know it.</dd>"
        "<dt>Notes</dt></dl><p>Thanks</p>"
    )
    assert [line for line in html_to_text(html).split("\n") if line] == [
        "PyPI login: alice",
        "Password: Yes, I know it.",
        "Notes",
        "Thanks",
    ]


def test_a_link_whose_text_hides_its_address_keeps_the_address() -> None:
    html = (
        '<p>I maintain <a href="https://pypi.org/project/fhir-lite/">fhir-lite</a>, see '
        '<a href="https://github.com/a/fhir-lite">https://github.com/a/fhir-lite</a> or '
        '<a href="mailto:me@example.org">write</a>.</p>'
    )
    assert html_to_text(html) == (
        "I maintain fhir-lite (https://pypi.org/project/fhir-lite/), see "
        "https://github.com/a/fhir-lite or write."
    )
