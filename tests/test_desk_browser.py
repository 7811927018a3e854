"""The desk in a real browser: what staff see and do, and what a hostile page or mail cannot.

Headless Chromium (``tests/servers/browser.py``) against a real ``intake web``
(``tests/servers/desk.py``). The HTTP-level rules are in ``test_desk_http.py``; these
tests check what only a browser shows: cookies it keeps and sends, forms it submits,
headers it adds (``Sec-Fetch-Site``), scripts it runs or refuses, and what assistive
technology reads.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from threading import Thread
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import ConsoleMessage, Dialog, Error, Page

from tests.commands import intake
from tests.messages import COMPLETE_BODY, INCOMPLETE_BODY, deliver, make_message
from tests.servers.browser import NewContext
from tests.servers.desk import PASSWORD, Desk, read_inbox
from tests.servers.smtp import SmtpServer

XSS = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'
SERIOUS = ("serious", "critical")


def _seed(desk: Desk, *requests: tuple[str, str]) -> list[str]:
    """Deliver one request per (sender, body) and let the daemon read them; their tokens."""
    for sender, body in requests:
        deliver(desk.config.parent / "inbox", make_message(sender, body))
    read_inbox(desk.config)
    with _db(desk) as db:
        tokens = dict(db.execute("SELECT requester, token FROM cases"))
    return [tokens[sender] for sender, _ in requests]


@contextmanager
def _db(desk: Desk) -> Iterator[sqlite3.Connection]:
    with closing(sqlite3.connect(desk.config.parent / "intake.db")) as db:
        yield db


def _sign_in(page: Page, desk: Desk, code: str | None = None) -> None:
    """Fill in the sign-in form the way staff do; the code defaults to a fresh right one."""
    page.goto(f"{desk.url}/login")
    page.get_by_label("Staff name").fill(desk.name)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("One-time code").fill(code or desk.code())
    with page.expect_navigation():  # to the queue, or the form again with why not
        page.get_by_role("button", name="Sign in").click()


def _signed_in_page(desk: Desk, open_context: NewContext) -> Page:
    page = open_context().new_page()
    _sign_in(page, desk)
    assert page.url == f"{desk.url}/"
    return page


def _tab_to(page: Page, selector: str, presses: int = 60) -> None:
    """Press Tab until ``selector`` has the focus, as a keyboard user moves through a page."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.locator(f"{selector}:focus").count():
            return
    raise AssertionError(f"{selector} never got the focus in {presses} presses of Tab")


def _case_state(desk: Desk, token: str) -> tuple[Any, ...]:
    """What staff can change about a case: its row, its events, the audit of changes."""
    with _db(desk) as db:
        row = db.execute("SELECT * FROM cases WHERE token = ?", (token,)).fetchone()
        events = db.execute("SELECT kind, detail FROM events ORDER BY id").fetchall()
        changes = db.execute("SELECT action FROM audit WHERE action != 'view_case'").fetchall()
    return row, events, changes


def test_signing_in_with_password_and_code_shows_the_seeded_cases(
    desk: Desk, open_context: NewContext
) -> None:
    seeded = {
        "alpha-dev": "alpha@example.org",
        "beta-dev": "beta@example.org",
        "gamma-dev": "gamma@example.org",
    }
    tokens = _seed(
        desk,
        ("alpha@example.org", INCOMPLETE_BODY.format(username="alpha-dev")),
        ("beta@example.org", COMPLETE_BODY.format(username="beta-dev")),
        ("gamma@example.org", INCOMPLETE_BODY.format(username="gamma-dev")),
    )
    page = open_context().new_page()
    page.goto(f"{desk.url}/cases/{tokens[0]}")
    assert page.url.startswith(f"{desk.url}/login?next=")  # nothing shown before signing in
    assert "alpha" not in page.content()
    _sign_in(page, desk)
    assert page.url == f"{desk.url}/"
    assert page.get_by_role("banner").inner_text().startswith("Recovery desk")
    assert "Signed in as ada" in page.get_by_role("banner").inner_text()
    rows = page.locator("table.queue tbody tr")
    assert rows.count() == 3
    for token, (username, requester) in zip(tokens, seeded.items(), strict=True):
        row = rows.filter(has=page.get_by_role("link", name=token))
        assert username in row.inner_text() and requester in row.inner_text()
    assert page.get_by_role("link", name="all (3)").get_attribute("aria-current") == "page"
    assert page.get_by_role("link", name="ready for review (1)").is_visible()
    assert page.evaluate("document.cookie") == ""  # the session cookie is HttpOnly


def test_a_reply_from_a_template_is_queued_threaded_and_delivered_by_the_daemon(
    desk: Desk, open_context: NewContext, smtp_server: SmtpServer
) -> None:
    (token,) = _seed(desk, ("alpha@example.org", INCOMPLETE_BODY.format(username="alpha-dev")))
    page = _signed_in_page(desk, open_context)
    page.get_by_role("link", name=token).click()
    prepared = page.get_by_label("Prepared reply", exact=True)
    prepared.select_option(label="Ask for more proof of ownership")
    page.get_by_label("Your text").fill("Which repository do you release fastcsv from?")
    page.get_by_role("button", name="Queue the reply").click()
    page.wait_for_url(f"{desk.url}/cases/{token}?done=*")
    assert page.get_by_role("status").inner_text() == "Done: reply queued; the daemon sends it."
    assert page.get_by_role("heading", level=1).inner_text().endswith("waiting on requester")

    with _db(desk) as db:
        inbound = db.execute("SELECT message_id FROM messages WHERE direction = 'in'").fetchone()[0]
        queued = db.execute(
            "SELECT message_id, recipient, status FROM outbox WHERE kind = 'staff_reply'"
        ).fetchall()
    assert [row[1:] for row in queued] == [("alpha@example.org", "pending")]

    maildir = '[smtp]\nkind = "maildir"\npath = "outbox"'
    smtp = f'[smtp]\nkind = "smtp"\nhost = "127.0.0.1"\nport = {smtp_server.port}\n'
    desk.config.write_text(desk.config.read_text().replace(maildir, smtp + 'security = "none"'))
    assert intake("run", "--once", "--config", str(desk.config)).returncode == 0

    (sent,) = smtp_server.wait_for(1)
    message = sent.message
    assert sent.rcpt_tos == ("alpha@example.org",) and message["To"] == "alpha@example.org"
    assert message["Message-ID"] == queued[0][0]
    assert message["Subject"] == f"Re: Account recovery [case {token}]"
    assert message["In-Reply-To"] == inbound and inbound in message["References"].split()
    body = message.get_content().replace("\r\n", "\n")  # as sent: CRLF line ends
    assert "Before we can restore access we need\nmore proof that the account alpha-dev" in body
    assert "Which repository do you release fastcsv from?" in body and f"[case {token}]" in body
    with _db(desk) as db:
        assert db.execute("SELECT status FROM outbox WHERE kind = 'staff_reply'").fetchall() == [
            ("sent",)
        ]


def test_status_is_set_with_javascript_off_using_only_the_keyboard(
    desk: Desk, open_context: NewContext
) -> None:
    (token,) = _seed(desk, ("alpha@example.org", INCOMPLETE_BODY.format(username="alpha-dev")))
    page = open_context(java_script_enabled=False).new_page()
    page.goto(f"{desk.url}/")
    assert page.locator("#name:focus").count() == 1  # autofocus works without scripts
    page.keyboard.type(desk.name)
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Tab")
    page.keyboard.type(desk.code())
    page.keyboard.press("Enter")
    page.wait_for_url(f"{desk.url}/")

    _tab_to(page, f'a[href="/cases/{token}"]')
    page.keyboard.press("Enter")
    page.wait_for_url(f"{desk.url}/cases/{token}")
    _tab_to(page, "#status")
    assert page.locator("#status").input_value() == "ready_for_review"
    page.keyboard.press("ArrowDown")
    assert page.locator("#status").input_value() == "in_review"
    page.keyboard.press("Tab")
    assert page.locator("#status-reason:focus").count() == 1
    page.keyboard.type("checking the repository")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{desk.url}/cases/{token}?done=*")

    assert page.get_by_role("status").inner_text() == "Done: status changed."
    assert page.get_by_role("heading", level=1).inner_text() == f"Case {token}: in review"
    with _db(desk) as db:
        status, assigned = db.execute("SELECT status, assigned_to FROM cases").fetchone()
        (detail,) = db.execute("SELECT detail FROM events WHERE kind = 'status_changed'").fetchone()
    assert (status, assigned) == ("in_review", "ada")
    assert '"reason": "checking the repository"' in detail


def test_a_wrong_code_is_refused_and_five_failures_lock_the_account(
    desk: Desk, open_context: NewContext
) -> None:
    context = open_context()
    page = context.new_page()
    _sign_in(page, desk, code="000000")
    assert page.url == f"{desk.url}/login"
    assert page.get_by_role("alert").inner_text() == "wrong name, password or code"
    for _ in range(4):
        _sign_in(page, desk, code="000000")
    _sign_in(page, desk)  # the right code, too late
    assert page.url == f"{desk.url}/login"
    assert page.get_by_role("alert").inner_text().startswith("too many failed attempts")
    assert [c["name"] for c in context.cookies()] == ["__Host-intake-login"]
    page.goto(f"{desk.url}/")
    assert page.url == f"{desk.url}/login?next=%2F"
    with _db(desk) as db:
        attempts = db.execute("SELECT ok FROM login_attempts ORDER BY id").fetchall()
    assert attempts == [(0,)] * 5  # once locked, the right code is not even checked


class _AttackerPage(BaseHTTPRequestHandler):
    """Answers every GET with the server's ``page``: a form that posts to the desk."""

    server: _AttackerSite

    def do_GET(self) -> None:
        body = self.server.page.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        """Keep the test output quiet."""


class _AttackerSite(ThreadingHTTPServer):
    page = ""


@contextmanager
def _attacker_site(page: str) -> Iterator[int]:
    """Serve ``page`` on another 127.0.0.1 port (another origin than the desk); its port."""
    server = _AttackerSite(("127.0.0.1", 0), _AttackerPage)
    server.page = page
    thread = Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.mark.parametrize(
    ("host", "fetch_site"), [("localhost", "cross-site"), ("127.0.0.1", "same-site")]
)
def test_a_form_posted_from_another_site_is_refused_and_changes_nothing(
    desk: Desk, open_context: NewContext, host: str, fetch_site: str
) -> None:
    (token,) = _seed(desk, ("alpha@example.org", INCOMPLETE_BODY.format(username="alpha-dev")))
    page = _signed_in_page(desk, open_context)
    page.goto(f"{desk.url}/cases/{token}")
    csrf = page.locator('input[name="csrf"]').first.get_attribute("value")
    before = _case_state(desk, token)
    # Even with the session's own form token (as if it had leaked), and with the session
    # cookie sent along (127.0.0.1 on another port is the same site), the desk refuses.
    form = f"""<!doctype html><title>Win a prize</title>
<form method="post" action="{desk.url}/cases/{token}/status">
<input type="hidden" name="csrf" value="{csrf}">
<input type="hidden" name="status" value="resolved">
<input type="hidden" name="reason" value="attacker">
<button>Claim your prize</button></form>"""
    with _attacker_site(form) as port:
        page.goto(f"http://{host}:{port}/")
        with page.expect_response(lambda r: r.request.method == "POST") as posted:
            page.get_by_role("button", name="Claim your prize").click()
        response = posted.value
        assert response.url == f"{desk.url}/cases/{token}/status"
        assert response.request.all_headers()["sec-fetch-site"] == fetch_site
        assert response.status == 403
        assert response.text() == "cross-site request refused"
    assert _case_state(desk, token) == before
    page.goto(f"{desk.url}/cases/{token}")  # still signed in, the case as it was
    assert page.get_by_role("heading", level=1).inner_text() == f"Case {token}: awaiting details"


def test_a_hostile_mail_body_is_shown_as_text_and_runs_nothing(
    desk: Desk, open_context: NewContext
) -> None:
    body = INCOMPLETE_BODY.format(username="alpha-dev") + f"\n{XSS}\n"
    (token,) = _seed(desk, ("alpha@example.org", body))
    page = _signed_in_page(desk, open_context)
    console: list[ConsoleMessage] = []
    dialogs: list[str] = []
    errors: list[Error] = []

    def answer(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("console", lambda message: console.append(message))
    page.on("dialog", answer)
    page.on("pageerror", lambda error: errors.append(error))
    page.goto(f"{desk.url}/cases/{token}")

    assert XSS in page.locator("article.message.in pre").inner_text()
    assert page.locator("main script, main img, main [onerror]").count() == 0
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert (console, dialogs, errors) == ([], [], [])
    # Were the mail ever put into the page as markup, the CSP would still stop its handler.
    with page.expect_console_message(
        lambda message: "Content Security Policy" in message.text, timeout=5_000
    ) as refused:
        page.evaluate(f"document.querySelector('main').insertAdjacentHTML('beforeend', {XSS!r})")
    assert refused.value.type == "error" and "inline event handler" in refused.value.text
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert (dialogs, errors) == ([], [])


def test_signing_out_ends_the_session_on_the_server(desk: Desk, open_context: NewContext) -> None:
    (token,) = _seed(desk, ("alpha@example.org", INCOMPLETE_BODY.format(username="alpha-dev")))
    context = open_context()
    page = context.new_page()
    _sign_in(page, desk)
    stolen = context.cookies()
    assert [c["name"] for c in stolen] == ["__Host-intake-session"]
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url(f"{desk.url}/login")
    assert "__Host-intake-session" not in [c["name"] for c in context.cookies()]

    replay = open_context()  # someone who copied the cookie before the sign-out
    replay.add_cookies(stolen)  # type: ignore[arg-type]  # a Cookie has every SetCookieParam key
    copied = replay.new_page()
    copied.goto(f"{desk.url}/cases/{token}")
    assert copied.url.startswith(f"{desk.url}/login?next=")
    assert "alpha" not in copied.content()
    with _db(desk) as db:
        revoked = db.execute("SELECT revoked_at IS NOT NULL FROM sessions").fetchall()
    assert revoked == [(1,)]


def _serious_violations(page: Page) -> list[str]:
    """Run axe on the page; its violations of impact serious or critical, one line each."""
    results = Axe().run(page).response
    assert results["passes"], f"axe checked nothing on {page.url}"
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']]}"
        for v in results["violations"]
        if v["impact"] in SERIOUS
    ]


def test_axe_finds_no_serious_violations_on_the_queue_and_case_pages(
    desk: Desk, open_context: NewContext
) -> None:
    first, _ = _seed(
        desk,
        ("alpha@example.org", INCOMPLETE_BODY.format(username="alpha-dev")),
        ("beta@example.org", COMPLETE_BODY.format(username="beta-dev")),
    )
    # A follow-up naming another username flags the case, so the flags show on both pages.
    follow_up = make_message(
        "alpha@example.org",
        "My PyPI account is alpha-other, sorry.",
        subject=f"Re: Account recovery [case {first}]",
    )
    deliver(desk.config.parent / "inbox", follow_up)
    assert intake("run", "--once", "--config", str(desk.config)).returncode == 0

    page = open_context().new_page()
    _sign_in(page, desk, code="000000")
    assert page.get_by_role("alert").is_visible()
    assert _serious_violations(page) == []
    _sign_in(page, desk)
    assert page.locator(".flag").first.inner_text() == "conflict"
    assert _serious_violations(page) == []
    page.get_by_role("link", name=first).click()
    page.get_by_label("Note").fill("checked the repository")
    page.get_by_role("button", name="Add note").click()
    page.wait_for_url(f"{desk.url}/cases/{first}?done=*")
    assert page.get_by_role("heading", name="Flags").is_visible()
    assert _serious_violations(page) == []
