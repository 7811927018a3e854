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
from intake.demo.index import ACCOUNT, PROJECT, publish, push_branch, running_index
from intake.errors import IntakeError
from intake.service.runner import run_once
from intake.storage import open_store
from intake.verification import challenge, refresh_pack

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
    directory = directory.resolve()  # git and the index are given absolute paths
    prepare_workspace(directory)
    if shutil.which("git") is None:
        echo("(git is not installed: the branch proof is left out; apt-get install git)\n")
        _walk_through(load_config(directory / "config.toml"), directory, None, "", echo)
        return
    site = directory / "index"
    with running_index(site) as url:
        repository = publish(site, url)
        config_file = directory / "config.toml"
        host = url.removeprefix("http://")
        config_file.write_text(
            config_file.read_text() + f'\n[index]\napi = "{url}"\nrepository_hosts = ["{host}"]\n'
        )
        _walk_through(load_config(config_file), directory, site, repository, echo)


def _walk_through(
    config: Config,
    directory: Path,
    site: Path | None,
    repository: str,
    echo: Callable[[str], None],
) -> None:
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
    if site is not None:
        _branch_proof(config, site, repository, echo)
    command = sys.argv[0] if sys.argv[0].endswith("intake") else "intake"
    echo(f"Try: {command} cases list --config {directory / 'config.toml'}")


def _branch_proof(config: Config, site: Path, repository: str, echo: Callable[[str], None]) -> None:
    """Staff read the verification pack, ask for a branch proof; the daemon finds it."""
    with open_store(config) as store:
        case = store.rows("SELECT id, token FROM cases WHERE username = ?", (ACCOUNT,))[0]
        refresh_pack(store, config, case["id"])
        echo("\n== Staff check the account at the index and ask for a branch proof")
        summary = render_summary(case_detail(store, case["id"]))
        echo(summary[summary.index("Verification pack") : summary.index("Fields (")].rstrip())
        proof = challenge(store, config, case["id"], PROJECT, "demo-staff")
    echo(_summary_line(config))
    echo(f"(asked for branch {proof['branch']} on {repository})")
    echo("\n== The requester pushes the branch and replies; the daemon finds it")
    commit = push_branch(site, proof["branch"])
    mailbox.Maildir(config.mailbox.path, create=True).add(_pushed(case["token"]).as_bytes())
    echo(_summary_line(config))
    with open_store(config) as store:
        detail = case_detail(store, case["id"])
    (found,) = detail["proofs"]
    echo(
        f"branch proof: {found['status']}, commit {found['commit_id']} "
        f"({'the pushed one' if found['commit_id'] == commit else 'unexpected'}); "
        f"case {case['token']} is now {detail['case']['status']}"
    )


def _pushed(token: str) -> Message:
    reply = email.message.EmailMessage()
    reply["From"] = "Tomasz Kowalski <tk@example.org>"
    reply["To"] = "support@pypi-support.example"
    reply["Subject"] = f"Re: branch proof [case {token}]"
    reply["Date"] = email.utils.format_datetime(email.utils.localtime())
    reply["Message-ID"] = "<demo-branch-pushed@example.org>"
    reply.set_content("Done: I pushed the branch you asked for.\n")
    return reply


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
