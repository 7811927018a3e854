"""hypothesis strategies: hostile bytes, MIME trees, request text, secrets."""

from __future__ import annotations

from email.message import EmailMessage, Message
from email.mime.multipart import MIMEMultipart

from hypothesis import strategies as st

CHARSETS = ("utf-8", "iso-8859-1", "windows-1252", "koi8-r", "shift_jis", "utf-16")
ENCODINGS = ("7bit", "8bit", "quoted-printable", "base64")
LINES = st.sampled_from(
    [
        "Username: alice",
        "### PyPI Username",
        "- [x] I agree to follow the PSF Code of Conduct",
        "- [ ] I understand that it may take a significant amount of time",
        "> Access to password (yes/no):",
        "yes",
        "On Mon, 1 Jan 2026, Support <support@example.org> wrote:",
        "-----Original Message-----",
        "From: someone@example.org",
        "-- ",
        "my password is hunter2",
        "I lost my phone and my recovery codes don't work",
        "<div><blockquote>quoted</blockquote></div>",
        "=?utf-8?q?=E2=9C=93?=",
        "[case PR-7K3M9Q2XHD]",
        "",
    ]
)
REQUEST_TEXT = st.lists(st.one_of(LINES, st.text(max_size=80)), max_size=30).map("\n".join)


@st.composite
def leaf_parts(draw: st.DrawFn) -> Message:
    part = EmailMessage()
    subtype = draw(st.sampled_from(["plain", "html"]))
    charset = draw(st.sampled_from(CHARSETS))
    text = draw(REQUEST_TEXT)
    try:
        part.set_content(
            text,
            subtype=subtype,
            charset=charset,
            cte=draw(st.sampled_from(("quoted-printable", "base64"))),
        )
    except (UnicodeError, LookupError, ValueError):
        part.set_content(text.encode("utf-8", "replace").decode("utf-8"), subtype=subtype)
    if draw(st.booleans()):
        name = draw(
            st.text(st.characters(exclude_categories=("Cc", "Cs", "Zl", "Zp")), max_size=20)
        )
        part.add_header("Content-Disposition", "attachment", filename=name)
    return part


def mime_trees(max_leaves: int = 6) -> st.SearchStrategy[Message]:
    """Arbitrary nesting of multipart/mixed|alternative|related around text parts."""

    def extend(children: st.SearchStrategy[Message]) -> st.SearchStrategy[Message]:
        @st.composite
        def container(draw: st.DrawFn) -> Message:
            subtype = draw(st.sampled_from(["mixed", "alternative", "related"]))
            boundary = f"==part{draw(st.integers(0, 2**32))}=="
            outer = MIMEMultipart(subtype, boundary=boundary)
            for child in draw(st.lists(children, min_size=1, max_size=3)):
                outer.attach(child)
            return outer

        return container()

    return st.recursive(leaf_parts(), extend, max_leaves=max_leaves)


@st.composite
def emails(draw: st.DrawFn) -> bytes:
    message = draw(mime_trees())
    for name in ("From", "Subject", "Message-ID", "In-Reply-To", "Auto-Submitted", "List-Id"):
        if draw(st.booleans()):
            value = draw(st.text(max_size=60)).replace("\r", " ").replace("\n", " ")
            try:
                message[name] = value
            except Exception:  # the stdlib refuses many generated values in many ways
                continue
    for serialise in (message.as_bytes, lambda: message.as_string().encode("utf-8", "replace")):
        try:
            return serialise()
        except Exception:
            continue
    return b"From: nobody@example.org\n\n" + str(message.get_payload()).encode("utf-8", "replace")


SECRET_CHARS = st.characters(
    codec="ascii", categories=("L", "N", "P", "S"), exclude_characters="[]()"
)
PASSWORDS = st.text(SECRET_CHARS, min_size=8, max_size=40).filter(
    lambda s: any(c.isdigit() for c in s) and any(c.isalpha() for c in s)
)
OTP_CODES = st.integers(100000, 99999999).map(str)
RECOVERY_CODES = st.text("0123456789abcdef", min_size=16, max_size=16).filter(
    lambda s: any(c.isdigit() for c in s) and any(c.isalpha() for c in s)
)
# Short units that hostile bodies repeat: punctuation, quote and list marks, label-like
# words, base32 characters, spaces.
HOSTILE_UNITS = st.lists(
    st.sampled_from(
        [*"!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ \t\n", *"7K3M9Q2XHDabc01", "Username:", "[x]"]
    ),
    min_size=1,
    max_size=6,
).map("".join)
