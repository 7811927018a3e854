"""The ``intake`` command as a user runs it: real process, real files."""

from __future__ import annotations

import json
import sqlite3
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
    done = intake("demo", "--dir", str(tmp_path / "demo"))
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "new_cases=3" in out and "automated=1" in out
    assert "follow_ups=1" in out and out.count("ready for review") >= 2
    assert "Tr0ub4dor" not in out


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
