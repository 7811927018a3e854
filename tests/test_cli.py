"""The ``intake`` command as a user runs it: real process, real files."""

from __future__ import annotations

import csv
import email.message
import io
import json
import re
import sqlite3
import stat
from pathlib import Path

import pytest

from tests.commands import intake
from tests.messages import INCOMPLETE_BODY, deliver, make_message

CORPUS = Path(__file__).parent / "corpus"


def test_parse_prints_the_fixed_json() -> None:
    done = intake("parse", str(CORPUS / "real_iineolineii.eml"), "--json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert set(result) == {
        "message_id",
        "from",
        "subject",
        "date",
        "case_token",
        "automated_reason",
        "fields",
        "evidence",
        "missing",
        "complete",
        "reply",
        "language",
    }
    assert result["fields"]["username"] == "iineolineii" and result["reply"] == "acknowledgement"
    assert result["evidence"]["username"]


@pytest.mark.parametrize("path", ["/no/such/file.eml", "/"])
def test_parse_unreadable_input_exits_2_with_one_line(path: str) -> None:
    done = intake("parse", path, "--json")
    assert done.returncode == 2
    assert done.stdout == "" and len(done.stderr.strip().splitlines()) == 1
    assert done.stderr.startswith("error: ")


def test_run_once_prints_a_summary_line_and_cases_are_listed(workspace: Path) -> None:
    deliver(
        workspace / "inbox",
        make_message("jo@example.org", INCOMPLETE_BODY.format(username="jo-dev")),
    )
    config = str(workspace / "config.toml")
    done = intake("run", "--config", config, "--once")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {
        "fetched": 1,
        "new_cases": 1,
        "follow_ups": 0,
        "automated": 0,
        "quarantined": 0,
        "backlog": 0,
        "replies_sent": 1,
        "replies_failed": 0,
    }
    listed = json.loads(intake("cases", "list", "--json", env={"INTAKE_CONFIG": config}).stdout)
    assert [(c["username"], c["status"]) for c in listed] == [("jo-dev", "awaiting_details")]
    token = listed[0]["token"]

    shown = json.loads(intake("cases", "show", token, "--config", config, "--json").stdout)
    assert shown["case"]["token"] == token and len(shown["messages"]) == 2
    assert "jo-dev" in intake("cases", "show", "1", "--config", config).stdout

    assert intake("cases", "set-status", token, "in_review", "--config", config).returncode == 0
    assert intake("cases", "note", "1", "Called the requester", "--config", config).returncode == 0
    events = json.loads(intake("cases", "show", "1", "--config", config, "--json").stdout)["events"]
    assert [e["kind"] for e in events][-2:] == ["status_changed", "note"]
    assert json.loads(
        intake("cases", "list", "--status", "in_review", "--json", "--config", config).stdout
    )


def test_unknown_case_and_bad_config_are_one_line_errors(workspace: Path, tmp_path: Path) -> None:
    config = str(workspace / "config.toml")
    assert intake("run", "--once", "--config", config).returncode == 0
    missing = intake("cases", "show", "PR-0000000000", "--config", config)
    assert missing.returncode == 1 and missing.stderr.startswith("error: no case")
    bad = tmp_path / "bad.toml"
    bad.write_text('[mailbox]\nport = "x"\n[reply]\nfrom = "a@example.org"\n')
    done = intake("run", "--once", "--config", str(bad))
    assert done.returncode == 1
    assert done.stderr.strip() == "error: mailbox.port = 'x': expected a whole number"


def _tree(directory: Path) -> list[str]:
    return sorted(str(path.relative_to(directory)) for path in directory.rglob("*"))


def test_check_config_creates_nothing_and_names_missing_folders(workspace: Path) -> None:
    before = _tree(workspace)
    done = intake("check-config", "--config", str(workspace / "config.toml"))
    assert done.returncode == 1, done.stdout + done.stderr
    assert "FAIL mailbox (maildir): folder INBOX, Processed, Quarantine missing" in done.stdout
    assert "FAIL outgoing mail (maildir): outbox folder" in done.stdout
    assert "database" in done.stdout and "does not exist yet; intake run creates it" in done.stdout
    assert _tree(workspace) == before


def test_check_config_creates_the_mail_folders_only_when_asked(workspace: Path) -> None:
    config = str(workspace / "config.toml")
    done = intake("check-config", "--config", config, "--create-folders")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "ok   mailbox (maildir): reachable; folders INBOX, Processed, Quarantine" in done.stdout
    assert (workspace / "inbox" / ".Processed" / "cur").is_dir()
    assert (workspace / "outbox" / "new").is_dir()
    assert not (workspace / "intake.db").exists()
    assert intake("check-config", "--config", config).returncode == 0


def test_check_config_fails_on_a_database_in_a_missing_directory(workspace: Path) -> None:
    config = workspace / "config.toml"
    config.write_text(
        config.read_text().replace('path = "intake.db"', 'path = "no/such/intake.db"')
    )
    done = intake("check-config", "--config", str(config), "--create-folders")
    assert done.returncode == 1
    assert f"FAIL database {workspace}/no/such/intake.db: directory" in done.stdout
    assert not (workspace / "no").exists()


def test_demo_runs_end_to_end_without_network(tmp_path: Path) -> None:
    done = intake("demo", "--dir", "demo", cwd=tmp_path)  # relative, as make demo gives it
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "new_cases=3" in out and "automated=1" in out
    assert "follow_ups=1" in out and out.count("ready for review") >= 2
    assert "Tr0ub4dor" not in out
    assert "Account tkowalski-dev exists; 1 project(s)" in out
    assert re.search(
        r"branch proof: verified, commit [0-9a-f]{40} \(the pushed one\); "
        r"case PR-\w+ is now ready_for_review",
        out,
    )


def test_demo_refuses_a_folder_that_is_not_its_own(tmp_path: Path) -> None:
    (tmp_path / "precious.txt").write_text("keep me")
    done = intake("demo", "--dir", str(tmp_path))
    assert done.returncode == 1 and (tmp_path / "precious.txt").exists()


def test_backup_copies_the_database(workspace: Path, tmp_path: Path) -> None:
    deliver(
        workspace / "inbox", make_message("kay@example.org", INCOMPLETE_BODY.format(username="kay"))
    )
    config = str(workspace / "config.toml")
    assert intake("run", "--once", "--config", config).returncode == 0
    done = intake("backup", "--config", config, str(tmp_path / "copy" / "intake.db"))
    assert done.returncode == 0, done.stderr
    copy = sqlite3.connect(tmp_path / "copy" / "intake.db")
    assert copy.execute("SELECT username FROM cases").fetchall() == [("kay",)]
    assert not (tmp_path / "copy" / "intake.db.partial").exists()


def test_backup_is_private_and_never_overwrites_without_force(workspace: Path) -> None:
    deliver(
        workspace / "inbox", make_message("kim@example.org", INCOMPLETE_BODY.format(username="kim"))
    )
    config = str(workspace / "config.toml")
    assert intake("run", "--once", "--config", config).returncode == 0
    copy = workspace / "backups" / "intake.db"
    assert intake("backup", "--config", config, str(copy)).returncode == 0
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600

    again = intake("backup", "--config", config, str(copy))
    assert again.returncode == 1
    assert again.stderr == f"error: backup destination {copy} exists; pass --force to replace it\n"
    assert intake("backup", "--config", config, str(copy), "--force").returncode == 0

    live = workspace / "intake.db"
    before = live.read_bytes()
    onto_itself = intake("backup", "--config", config, str(live), "--force")
    assert onto_itself.returncode == 1
    assert "is the live database itself" in onto_itself.stderr
    assert live.read_bytes() == before


@pytest.mark.parametrize(
    "args",
    [
        ("cases", "list"),
        ("cases", "show", "1"),
        ("cases", "note", "1", "text"),
        ("backup", "copy.db"),
        ("status",),
        ("purge",),
    ],
)
def test_commands_that_read_never_create_a_database(workspace: Path, args: tuple[str, ...]) -> None:
    config = workspace / "config.toml"
    config.write_text(config.read_text().replace('path = "intake.db"', 'path = "typo/intake.db"'))
    done = intake(*args, "--config", str(config))
    assert done.returncode == 1
    assert done.stderr == (
        f"error: database {workspace}/typo/intake.db does not exist; check [database] path "
        "(intake run creates it on its first cycle)\n"
    )
    assert not (workspace / "typo").exists() and not (workspace / "copy.db").exists()


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "the file is empty"),
        (bytes(range(256)) * 8, "the file is binary"),
        (b"Shopping list: milk, eggs\nand bread\n", "no From, Date, Subject, Message-ID or To"),
    ],
)
def test_parse_says_when_a_file_is_not_an_email(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    path = tmp_path / "file.eml"
    path.write_bytes(content)
    done = intake("parse", str(path), "--json")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith(f"error: {path}: not an email: {reason}")
    assert len(done.stderr.splitlines()) == 1


def test_cases_list_searches_filters_by_age_and_prints_csv(workspace: Path) -> None:
    for name in ("ann", "ben", "cat"):
        deliver(
            workspace / "inbox",
            make_message(f"{name}@example.org", INCOMPLETE_BODY.format(username=f"{name}-dev")),
        )
    config = str(workspace / "config.toml")
    assert intake("run", "--once", "--config", config).returncode == 0
    with sqlite3.connect(workspace / "intake.db") as db:
        db.execute("UPDATE cases SET created_at = '2026-01-01T00:00:00+00:00' WHERE id = 1")

    def listed(*extra: str) -> list[str]:
        rows = json.loads(intake("cases", "list", "--config", config, "--json", *extra).stdout)
        return [row["username"] for row in rows]

    assert listed() == ["cat-dev", "ben-dev", "ann-dev"]
    assert listed("--oldest-first") == ["ann-dev", "ben-dev", "cat-dev"]
    assert listed("--search", "BEN@example") == ["ben-dev"]
    assert listed("--search", "_") == []  # LIKE wildcards are taken literally
    assert listed("--older-than", "30") == ["ann-dev"]
    table = intake("cases", "list", "--config", config).stdout.splitlines()
    assert table[0].split()[:4] == ["ID", "TOKEN", "STATUS", "AGE"]
    rows = list(
        csv.DictReader(io.StringIO(intake("cases", "list", "--config", config, "--csv").stdout))
    )
    assert [row["username"] for row in rows] == ["cat-dev", "ben-dev", "ann-dev"]
    assert int(rows[2]["age_days"]) > 30 and rows[0]["missing"].startswith("credentials")


def test_cases_show_prints_each_message_its_attachments_and_flags_in_words(
    workspace: Path,
) -> None:
    message = email.message.EmailMessage()
    message["From"] = "dee@example.org"
    message["To"] = "support@pypi-support.example"
    message["Subject"] = "Locked out"
    message.set_content("My PyPI account is dee-dev. I lost my phone.\nmy password is hunter2x!")
    message.add_attachment(b"\x89PNG...", maintype="image", subtype="png", filename="proof.png")
    deliver(workspace / "inbox", message.as_bytes())
    config = str(workspace / "config.toml")
    assert intake("run", "--once", "--config", config).returncode == 0
    token = json.loads(intake("cases", "list", "--config", config, "--json").stdout)[0]["token"]
    deliver(
        workspace / "inbox",
        make_message("mallory@example.net", "I am dee", subject=f"Re: [case {token}]"),
    )
    assert intake("run", "--once", "--config", config).returncode == 0

    shown = intake("cases", "show", token, "--config", config).stdout
    assert "     | My PyPI account is dee-dev. I lost my phone." in shown
    assert "     | my password is [redacted]" in shown and "hunter2x" not in shown
    assert "attachment: proof.png, image/png, 7 bytes" in shown
    assert "sent from another address than the requester: not merged, not answered" in shown


def test_staff_accounts_are_made_listed_and_disabled_from_the_command_line(
    workspace: Path,
) -> None:
    config = str(workspace / "config.toml")
    assert intake("run", "--once", "--config", config).returncode == 0
    secret_file = workspace / "password.txt"
    secret_file.write_text("a long enough password\n")
    added = intake(
        "staff",
        "add",
        "ada",
        "--email",
        "ada@example.org",
        "--password-file",
        str(secret_file),
        "--config",
        config,
    )
    assert added.returncode == 0, added.stderr
    assert re.search(r"^otpauth://totp/Recovery%20Intake:ada\?secret=[A-Z2-7]+", added.stdout, re.M)
    assert "a long enough password" not in added.stdout + added.stderr
    again = intake(
        "staff",
        "add",
        "ada",
        "--email",
        "ada@example.org",
        "--password-file",
        str(secret_file),
        "--config",
        config,
    )
    assert again.returncode == 1 and "exists already" in again.stderr
    short = workspace / "short.txt"
    short.write_text("tiny\n")
    weak = intake(
        "staff",
        "add",
        "bob",
        "--email",
        "bob@example.org",
        "--password-file",
        str(short),
        "--config",
        config,
    )
    assert weak.returncode == 1 and "at least 12 characters" in weak.stderr
    listed = json.loads(intake("staff", "list", "--json", "--config", config).stdout)
    assert listed == [{"name": "ada", "email": "ada@example.org", "disabled": False}]
    assert intake("staff", "disable", "ada", "--config", config).returncode == 0
    listed = json.loads(intake("staff", "list", "--json", "--config", config).stdout)
    assert listed[0]["disabled"] is True
