"""``intake demo``: the whole job on the embedded default, with no network.

Builds a throw-away workspace (Maildir inbox, SQLite, Maildir outbox), drops in
the bundled sample requests, runs a cycle, shows the replies, then plays one
requester answering our fill-in block in place and runs again.
"""

from __future__ import annotations

import email
import email.utils
import mailbox
import shutil
import sys
from collections.abc import Callable
from email.message import Message
from email.policy import default
from pathlib import Path

from intake.cases.summary import case_detail, render_summary
from intake.config import Config, load_config
from intake.errors import IntakeError
from intake.service.runner import run_once
from intake.storage import open_store

MARKER = ".intake-demo"
SAMPLES = Path(__file__).parent / "samples"
CONFIG = """\
# Demo configuration: everything local, nothing leaves this folder.
[mailbox]
kind = "maildir"
path = "inbox"
# The samples are already in the inbox at the first start; answer them anyway.
backlog = "answer"

[smtp]
kind = "maildir"
path = "outbox"

[reply]
from = "Account Recovery <support@pypi-support.example>"
staff = ["staff@pypi-support.example"]

[database]
path = "intake.db"
"""
ANSWERS = {
    "Username:": "tkowalski-dev",
    "Reason:": "I lost my authenticator app.",
    "Ownership evidence:": "https://github.com/tkowalski-dev/fastcsv",
    "Recovery codes (lost / not working / never saved / have):": "not working",
}


def prepare_workspace(directory: Path) -> Config:
    """Create (or reset) the demo folder with its config and the sample requests."""
    if directory.exists() and any(directory.iterdir()) and not (directory / MARKER).exists():
        raise IntakeError(
            f"{directory} is not empty and is not a demo folder; choose another --dir"
        )
    shutil.rmtree(directory, ignore_errors=True)
    directory.mkdir(parents=True)
    (directory / MARKER).write_text("created by intake demo; safe to delete\n")
    (directory / "config.toml").write_text(CONFIG)
    inbox = mailbox.Maildir(directory / "inbox", create=True)
    for sample in sorted(SAMPLES.glob("*.eml")):
        inbox.add(sample.read_bytes())
    return load_config(directory / "config.toml")


def run_demo(directory: Path, echo: Callable[[str], None]) -> None:
    """Run the demo end to end, printing what a person would want to see."""
    config = prepare_workspace(directory)
    echo(f"Workspace: {directory}\n")
    echo("== Cycle 1: the sample requests arrive")
    echo(_summary_line(config))
    last = _show_new_replies(config, 0, echo)
    follow_up = _answer_in_place(config)
    echo("\n== Cycle 2: a requester answers the fill-in block in place")
    echo(f"(follow-up from {follow_up['From']}: {follow_up['Subject']})")
    echo(_summary_line(config))
    _show_new_replies(config, last, echo)
    echo("\n== Case summaries for staff")
    with open_store(config) as store:
        for row in store.rows("SELECT id FROM cases ORDER BY id"):
            echo(render_summary(case_detail(store, row["id"])))
    command = sys.argv[0] if sys.argv[0].endswith("intake") else "intake"
    echo(f"Try: {command} cases list --config {directory / 'config.toml'}")


def _summary_line(config: Config) -> str:
    return " ".join(f"{key}={value}" for key, value in run_once(config).as_dict().items())


def _show_new_replies(config: Config, after: int, echo: Callable[[str], None]) -> int:
    """Print the messages sent since outbox row ``after``; return the last row id."""
    with open_store(config) as store:
        rows = store.rows(
            "SELECT id, raw FROM outbox WHERE status = 'sent' AND id > ? ORDER BY id", (after,)
        )
    for row in rows:
        message = email.message_from_bytes(row["raw"], policy=default)
        echo(f"\n--- sent to {message['To']}\nSubject: {str(message['Subject']).strip()}\n")
        echo(_plain_body(message).rstrip())
    return max((row["id"] for row in rows), default=after)


def _plain_body(message: Message) -> str:
    body = message.get_body(preferencelist=("plain",))  # type: ignore[attr-defined]
    return str(body.get_content()) if body else ""


def _answer_in_place(config: Config) -> Message:
    """Reply to the first missing-details reply, typing answers under the quoted labels."""
    with open_store(config) as store:
        rows = store.rows(
            "SELECT raw FROM outbox WHERE kind = 'missing_details' ORDER BY id LIMIT 1"
        )
    if not rows:
        raise IntakeError("the demo found no missing-details reply to answer")
    ours = email.message_from_bytes(rows[0]["raw"], policy=default)
    follow_up = _follow_up(ours, _plain_body(ours))
    mailbox.Maildir(config.mailbox.path, create=True).add(follow_up.as_bytes())
    return follow_up


def _follow_up(ours: Message, text: str) -> Message:
    lines = [f"Hi, here are the missing details.\n\nOn Tue, {ours['From']} wrote:"]
    for line in text.splitlines():
        lines.append(f"> {line}".rstrip())
        if line.strip() in ANSWERS or line.strip().endswith("(yes/no):"):
            lines.append(ANSWERS.get(line.strip(), "yes"))
    reply = email.message.EmailMessage()
    reply["From"] = str(ours["To"])
    reply["To"] = str(ours["From"])
    reply["Subject"] = str(ours["Subject"]).strip()
    reply["Date"] = email.utils.format_datetime(email.utils.localtime())
    reply["Message-ID"] = "<demo-follow-up@example.org>"
    reply["In-Reply-To"] = str(ours["Message-ID"])
    reply["References"] = str(ours["Message-ID"])
    reply.set_content("\n".join(lines) + "\n")
    return reply
