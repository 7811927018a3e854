"""The desk over HTTP against a real ``intake web``: what it shows, to whom, and what it refuses."""

from __future__ import annotations

import email
import re
import sqlite3
import subprocess
import time
from email.policy import default
from pathlib import Path

import httpx
import pytest

from intake.cases.status import TRANSITIONS
from intake.web.security import SECURITY_HEADERS
from tests.commands import INTAKE, intake
from tests.messages import INCOMPLETE_BODY, deliver, make_message
from tests.servers.desk import Desk, DeskClient, add_account, read_inbox

PAGES = ["/", "/?status=ready_for_review", "/cases/{token}"]
ACTIONS = ["reply", "status", "field", "note", "hold"]


def _seed(desk: Desk, body: str = "") -> str:
    """One more case in the desk's database; return its token."""
    sender = f"req{len(body)}@example.org"
    deliver(
        desk.config.parent / "inbox",
        make_message(sender, INCOMPLETE_BODY.format(username="seed-dev") + body),
    )
    read_inbox(desk.config)
    with sqlite3.connect(desk.config.parent / "intake.db") as db:
        return str(db.execute("SELECT token FROM cases ORDER BY id DESC").fetchone()[0])


def _signed_in(desk: Desk) -> DeskClient:
    client = desk.client()
    assert client.sign_in(desk).status_code == 303
    return client


def test_every_page_without_a_session_goes_to_login_and_shows_no_case(desk: Desk) -> None:
    token = _seed(desk)
    client = desk.client()
    for path in PAGES:
        response = client.get(path.format(token=token))
        assert response.status_code == 303, path
        assert response.headers["location"].startswith("/login?next=")
        assert token not in response.text and "seed-dev" not in response.text
    for action in ACTIONS:
        response = client.post(f"/cases/{token}/{action}", data={"csrf": "x", "text": "x"})
        assert response.status_code == 303 and token not in response.text


def test_pages_carry_the_security_headers_and_a_host_only_cookie(desk: Desk) -> None:
    client = desk.client()
    login = client.get("/login")
    cookie = login.headers["set-cookie"]
    assert cookie.startswith("__Host-intake-login=")
    assert all(part in cookie for part in ("HttpOnly", "Secure", "SameSite=strict", "Path=/"))
    assert "Domain" not in cookie
    for name, value in SECURITY_HEADERS.items():
        assert login.headers[name] == value
    assert "script" not in SECURITY_HEADERS["Content-Security-Policy"]
    signed = client.sign_in(desk)
    session = next(
        v for v in signed.headers.get_list("set-cookie") if v.startswith("__Host-intake-session=")
    )
    assert "HttpOnly" in session and "Secure" in session and "SameSite=strict" in session
    assert client.get("/").headers["cache-control"] == "no-store"


@pytest.mark.parametrize("action", ACTIONS)
def test_every_state_changing_route_refuses_a_missing_or_wrong_csrf_token(
    desk: Desk, action: str
) -> None:
    token = _seed(desk)
    client = _signed_in(desk)
    form = {"text": "x", "status": "in_review", "field": "username", "value": "x", "days": "7"}
    for csrf in (None, "wrong"):
        data = form if csrf is None else {**form, "csrf": csrf}
        response = client.post(f"/cases/{token}/{action}", data=data)
        assert response.status_code == 403, (action, csrf)
    with sqlite3.connect(desk.config.parent / "intake.db") as db:
        kinds = [row[0] for row in db.execute("SELECT kind FROM events WHERE detail LIKE '%by%'")]
    assert kinds == []


def test_a_cross_site_post_is_refused_even_with_the_right_token(desk: Desk) -> None:
    token = _seed(desk)
    client = _signed_in(desk)
    csrf = client.csrf(f"/cases/{token}")
    for headers in ({"sec-fetch-site": "cross-site"}, {"origin": "https://evil.example"}):
        response = client.post(
            f"/cases/{token}/note", data={"csrf": csrf, "text": "hi"}, headers=headers
        )
        assert response.status_code == 403
        assert response.text == "cross-site request refused"


def test_a_wrong_code_fails_and_five_failures_lock_the_account(desk: Desk) -> None:
    client = desk.client()
    wrong = client.sign_in(desk, code="000000")
    assert wrong.status_code == 401 and "wrong name, password or code" in wrong.text
    for _ in range(4):
        client.sign_in(desk, code="000000")
    locked = client.sign_in(desk)  # the right code now: still locked
    assert locked.status_code == 401 and "too many failed attempts" in locked.text
    assert "__Host-intake-session" not in client.cookies


def test_a_code_cannot_be_used_twice(desk: Desk) -> None:
    code = desk.code()
    assert desk.client().sign_in(desk, code=code).status_code == 303
    assert desk.client().sign_in(desk, code=code).status_code == 401


def test_sign_out_ends_the_session_on_the_server(desk: Desk) -> None:
    token = _seed(desk)
    client = _signed_in(desk)
    stolen = dict(client.cookies)
    csrf = client.csrf("/")
    assert client.post("/logout", data={"csrf": csrf}).status_code == 303
    replay = desk.client()
    replay.cookies = stolen  # the old cookie, as someone who copied it would send it
    assert replay.get(f"/cases/{token}").status_code == 303


def test_disabling_an_account_ends_its_sessions(desk: Desk) -> None:
    client = _signed_in(desk)
    assert client.get("/").status_code == 200
    assert intake("staff", "disable", "ada", "--config", str(desk.config)).returncode == 0
    assert client.get("/").status_code == 303


def test_mail_content_is_shown_as_text_only(desk: Desk) -> None:
    token = _seed(desk, '\n<script>alert("x")</script><img src=x onerror=alert(1)>\n')
    page = _signed_in(desk).get(f"/cases/{token}").text
    assert "<script>alert" not in page and "<img src=x" not in page
    assert (
        "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;" in page
    )


def test_a_reply_from_the_desk_is_threaded_queued_and_recorded(desk: Desk) -> None:
    token = _seed(desk)
    client = _signed_in(desk)
    csrf = client.csrf(f"/cases/{token}")
    done = client.post(
        f"/cases/{token}/reply",
        data={"csrf": csrf, "template": "ask_more_proof", "text": "Which repo?"},
    )
    assert done.status_code == 303 and done.headers["location"].startswith(f"/cases/{token}?done=")
    with sqlite3.connect(desk.config.parent / "intake.db") as db:
        raw, status = db.execute(
            "SELECT o.raw, o.status FROM outbox o WHERE kind = 'staff_reply'"
        ).fetchone()
        inbound = db.execute(
            "SELECT message_id FROM messages WHERE direction = 'in' ORDER BY id DESC"
        ).fetchone()[0]
        case_status, assigned = db.execute(
            "SELECT status, assigned_to FROM cases WHERE token = ?", (token,)
        ).fetchone()
        audit = [row[0] for row in db.execute("SELECT action FROM audit WHERE staff = 'ada'")]
    message = email.message_from_bytes(raw, policy=default)
    assert status == "pending"  # the desk only queues; the daemon sends
    assert message["In-Reply-To"] == inbound and inbound in message["References"]
    assert str(message["Subject"]).endswith(f"[case {token}]")
    assert message["Auto-Submitted"] is None and "Which repo?" in message.get_content()
    assert (case_status, assigned) == ("waiting_on_requester", "ada")
    assert audit.count("reply") == 1 and "view_case" in audit


def test_the_status_form_offers_only_allowed_moves_and_refuses_others(desk: Desk) -> None:
    token = _seed(desk)
    client = _signed_in(desk)
    page = client.get(f"/cases/{token}").text
    offered = re.findall(
        r'<option value="([a-z_]+)">', page.split('id="status"')[1].split("</select>")[0]
    )
    assert offered == list(TRANSITIONS["awaiting_details"])
    csrf = client.csrf(f"/cases/{token}")
    refused = client.post(f"/cases/{token}/status", data={"csrf": csrf, "status": "on_hold"})
    assert refused.status_code == 400
    assert "a awaiting_details case can move to" in refused.text


def test_a_field_correction_is_an_event_with_old_and_new_value(desk: Desk) -> None:
    token = _seed(desk)
    client = _signed_in(desk)
    csrf = client.csrf(f"/cases/{token}")
    done = client.post(
        f"/cases/{token}/field", data={"csrf": csrf, "field": "username", "value": "fixed-name"}
    )
    assert done.status_code == 303
    with sqlite3.connect(desk.config.parent / "intake.db") as db:
        detail = db.execute("SELECT detail FROM events WHERE kind = 'field_corrected'").fetchone()[
            0
        ]
    assert (
        '"from": "seed-dev"' in detail
        and '"to": "fixed-name"' in detail
        and '"by": "ada"' in detail
    )


def test_the_queue_searches_and_counts_per_status(desk: Desk) -> None:
    token = _seed(desk)
    add_account(desk.config, "bob")
    client = _signed_in(desk)
    page = client.get("/?q=" + token).text
    assert token in page
    assert client.get("/?q=nobody-at-all").text.count("/cases/PR-") == 0
    assert re.search(r"awaiting details \(\d+\)", client.get("/").text)


def test_the_audit_command_lists_who_viewed_and_changed_what(desk: Desk) -> None:
    token = _seed(desk)
    client = _signed_in(desk)
    csrf = client.csrf(f"/cases/{token}")
    client.post(f"/cases/{token}/note", data={"csrf": csrf, "text": "checked the repo"})
    shown = intake("audit", "--config", str(desk.config), "--staff", "ada")
    assert shown.returncode == 0
    lines = shown.stdout.splitlines()
    assert any(" add_note " in line and token in line for line in lines)
    assert any(" view_case " in line and token in line for line in lines)
    db = sqlite3.connect(desk.config.parent / "intake.db")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("DELETE FROM audit")
    db.close()


def test_a_proxy_user_header_is_trusted_only_on_a_unix_socket(workspace: Path) -> None:
    config = workspace / "config.toml"
    config.write_text(config.read_text() + '\n[web]\ntrusted_user_header = "X-Remote-User"\n')
    assert intake("run", "--once", "--config", str(config)).returncode == 0
    add_account(config, "ada")
    on_tcp = intake("web", "--config", str(config), "--listen", "127.0.0.1:1")
    assert on_tcp.returncode == 1
    assert "trusted only behind a unix socket" in on_tcp.stderr
    socket_path = workspace / "desk.sock"
    process = subprocess.Popen(
        [INTAKE, "web", "--config", str(config), "--socket", str(socket_path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 20
        while not socket_path.exists():
            assert time.monotonic() < deadline and process.poll() is None
            time.sleep(0.05)
        with httpx.Client(
            transport=httpx.HTTPTransport(uds=str(socket_path)), base_url="http://desk"
        ) as client:
            assert client.get("/", headers={"X-Remote-User": "ada"}).status_code == 200
            assert client.get("/", headers={"X-Remote-User": "mallory"}).status_code == 303
            assert client.get("/").status_code == 303
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_the_desk_listens_on_loopback_only(workspace: Path) -> None:
    config = workspace / "config.toml"
    assert intake("run", "--once", "--config", str(config)).returncode == 0
    done = intake("web", "--config", str(config), "--listen", "0.0.0.0:8080")
    assert done.returncode == 1 and "the desk listens on loopback only" in done.stderr


def test_metrics_answer_a_local_scraper_but_not_a_proxied_stranger(desk: Desk) -> None:
    _seed(desk)
    client = desk.client()
    local = client.get("/metrics")
    assert local.status_code == 200 and local.headers["content-type"].startswith("text/plain")
    assert 'intake_cases{status="awaiting_details"}' in local.text
    proxied = client.get("/metrics", headers={"x-forwarded-for": "203.0.113.9"})
    assert proxied.status_code == 403 and "intake_cases" not in proxied.text


def test_the_requesters_answer_brings_the_case_back_and_tells_the_assigned_staff(
    desk: Desk,
) -> None:
    token = _seed(desk)
    client = _signed_in(desk)
    csrf = client.csrf(f"/cases/{token}")
    client.post(f"/cases/{token}/reply", data={"csrf": csrf, "template": "ask_more_proof"})
    deliver(
        desk.config.parent / "inbox",
        make_message(
            "req0@example.org",
            "Here is the repository: https://github.com/seed/seed",
            subject=f"Re: Account recovery [case {token}]",
        ),
    )
    assert intake("run", "--once", "--config", str(desk.config)).returncode == 0
    with sqlite3.connect(desk.config.parent / "intake.db") as db:
        status = db.execute("SELECT status FROM cases WHERE token = ?", (token,)).fetchone()[0]
        told = db.execute(
            "SELECT recipient, raw FROM outbox WHERE kind = 'staff_notification'"
        ).fetchall()
    assert status == "in_review"
    answered = [r for r, raw in told if b"the requester answered" in raw]
    assert answered == ["ada@pypi-support.example"]  # the assigned staff member, not everyone
