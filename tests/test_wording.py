"""The operator's wording: signature, Code of Conduct and templates, without editing the package."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

from tests.commands import intake
from tests.messages import INCOMPLETE_BODY, body_of, deliver, maildir_messages, make_message

WORDING = """
team = "Hexapod Index Support"
code_of_conduct = "Hexapod Community Rules"
code_of_conduct_url = "https://hexapod.example.org/rules"
"""


def _with_reply_keys(workspace: Path, keys: str) -> Path:
    config = workspace / "config.toml"
    config.write_text(config.read_text().replace("[reply]\n", f"[reply]\n{keys}\n"))
    return config


def test_replies_carry_the_operators_team_and_code_of_conduct(workspace: Path) -> None:
    config = _with_reply_keys(workspace, WORDING)
    deliver(
        workspace / "inbox",
        make_message("ann@example.org", INCOMPLETE_BODY.format(username="ann-dev")),
    )
    assert intake("run", "--once", "--config", str(config)).returncode == 0
    (reply,) = maildir_messages(workspace / "outbox")
    text = body_of(reply)
    assert "that you agree to follow the Hexapod Community Rules." in text
    assert "The Hexapod Community Rules: https://hexapod.example.org/rules" in text
    assert text.rstrip().splitlines()[-2] == "Hexapod Index Support"
    assert re.search(r"\bPSF\b", text) is None  # a case token may hold the letters PSF

    # The fill-in block still reads, whatever the Code of Conduct is called.
    answered = "\n".join(
        f"{line} yes" if line.endswith("(yes/no):") else line
        for line in text.splitlines()
        if line.endswith(":") and not line.startswith(("Hello", "-"))
    )
    deliver(
        workspace / "inbox",
        make_message("ann@example.org", answered, subject=str(reply["Subject"])),
    )
    assert intake("run", "--once", "--config", str(config)).returncode == 0
    shown = json.loads(intake("cases", "show", "1", "--json", "--config", str(config)).stdout)
    assert shown["case"]["fields"]["coc_agreed"] is True
    assert shown["case"]["fields"]["time_acknowledged"] is True


def test_an_operator_template_replaces_the_packaged_one(workspace: Path) -> None:
    folder = workspace / "wording"
    folder.mkdir()
    (folder / "missing_details.txt.j2").write_text(
        "Dear requester,\n\nCase {{ token }} needs:\n{% for item in missing %}"
        "* {{ item.title }}\n{% endfor %}\n{% for line in fill_in %}{{ line }}\n{% endfor %}"
        "\n{{ team }}\n"
    )
    config = _with_reply_keys(workspace, 'templates = "wording"')
    assert (
        "overrides from"
        in intake("check-config", "--config", str(config), "--create-folders").stdout
    )
    deliver(
        workspace / "inbox",
        make_message("ben@example.org", INCOMPLETE_BODY.format(username="ben-dev")),
    )
    assert intake("run", "--once", "--config", str(config)).returncode == 0
    (reply,) = maildir_messages(workspace / "outbox")
    assert body_of(reply).replace("\r\n", "\n").startswith("Dear requester,\n\nCase PR-")


def test_a_template_that_does_not_render_is_refused_before_any_mail(workspace: Path) -> None:
    folder = workspace / "wording"
    folder.mkdir()
    (folder / "acknowledgement.txt.j2").write_text("Thanks {{ requester_nickname }}!\n")
    config = _with_reply_keys(workspace, 'templates = "wording"')
    checked = intake("check-config", "--config", str(config), "--create-folders")
    assert checked.returncode == 1
    assert (
        "FAIL templates: acknowledgement.txt.j2 does not render: UndefinedError" in checked.stdout
    )
    deliver(
        workspace / "inbox",
        make_message("cy@example.org", INCOMPLETE_BODY.format(username="cy-dev")),
    )
    daemon = intake("run", "--config", str(config), timeout=30)
    assert daemon.returncode == 1
    assert daemon.stderr.startswith(
        "error: reply.templates: acknowledgement.txt.j2 does not render"
    )
    assert (
        not (workspace / "intake.db").exists()
        or sqlite3.connect(workspace / "intake.db")
        .execute("SELECT count(*) FROM cases")
        .fetchone()[0]
        == 0
    )
