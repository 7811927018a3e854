"""The verification assistant against a loopback index and real git repositories over HTTP."""

from __future__ import annotations

import email
import json
import sqlite3
from datetime import timedelta
from email.policy import default
from pathlib import Path

import pytest

from intake.clock import utcnow
from intake.config import load_config
from intake.service.timers import run_timers
from intake.storage import open_store
from tests.commands import intake
from tests.messages import deliver, make_message
from tests.servers.index import LoopbackIndex

BEFORE = "2024-03-01T10:00:00Z"
LATER = "2024-09-01T10:00:00Z"
AFTER_REQUEST = "2099-01-01T10:00:00Z"


def _configure(workspace: Path, index: LoopbackIndex) -> Path:
    config = workspace / "config.toml"
    config.write_text(
        config.read_text()
        + f'\n[index]\napi = "{index.url}"\nrepository_hosts = ["{index.host}"]\n'
        "timeout = 1.0\nretries = 1\n"
    )
    return config


def _request(workspace: Path, config: Path, username: str, evidence: str = "") -> None:
    body = (
        f"Username: {username}\nReason: I lost my phone with the authenticator app.\n"
        "Access to username (yes/no): yes\nAccess to password (yes/no): yes\n"
        "Access to account email (yes/no): no\n"
        f"Ownership evidence: {evidence or 'fastcsv'}\n"
        "Recovery codes (lost / not working / never saved / have): lost\n"
        "Code of Conduct agreed (yes/no): yes\n"
        "Accept that recovery can take a long time (yes/no): yes\n"
    )
    deliver(workspace / "inbox", make_message(f"{username}@example.org", body))
    assert intake("run", "--once", "--config", str(config)).returncode == 0


def _verify(config: Path) -> dict[str, object]:
    done = intake("cases", "verify", "1", "--json", "--config", str(config))
    assert done.returncode == 0, done.stderr
    return dict(json.loads(done.stdout))


def test_the_pack_shows_projects_roles_and_the_repositories_releases_named(
    workspace: Path, loopback_index: LoopbackIndex
) -> None:
    config = _configure(workspace, loopback_index)
    loopback_index.add_user("alice", ["fastcsv", "oldlib"])
    github = f"{loopback_index.url}/alice/fastcsv"
    gitlab = "https://gitlab.com/alice/fastcsv"
    loopback_index.add_project(
        "fastcsv",
        [("1.0", BEFORE, github), ("2.0", LATER, gitlab), ("9.0", AFTER_REQUEST, None)],
        roles=[("Owner", "alice")],
    )
    loopback_index.add_project("oldlib", [("0.1", BEFORE, None)], roles=None)
    _request(workspace, config, "alice", "fastcsv, notmine, https://github.com/else/where")
    pack = _verify(config)

    assert pack["account"] == "exists" and pack["problems"] == []
    fastcsv, oldlib = pack["projects"]  # type: ignore[misc]
    assert fastcsv["roles"] == [{"role": "Owner", "user": "alice"}]
    assert [r["version"] for r in fastcsv["releases"]] == ["1.0", "2.0"]  # not after the request
    assert fastcsv["releases"][0]["repositories"] == [github]
    assert fastcsv["repository"] == gitlab and oldlib["roles"] is None
    claims = {c["claim"]: c for c in pack["claims"]}  # type: ignore[attr-defined]
    assert claims["fastcsv"]["owned"] is True and claims["notmine"]["owned"] is False
    assert claims["https://github.com/else/where"]["named_by_a_release"] is False
    warnings = "\n".join(pack["warnings"])  # type: ignore[arg-type]
    assert "claimed package notmine is not one of this account's" in warnings
    assert (
        f"fastcsv: repository host changed between releases ({loopback_index.host} to gitlab.com)"
        in warnings
    )
    shown = intake("cases", "show", "1", "--config", str(config)).stdout
    assert "Account alice exists; 2 project(s)" in shown and "Warning: claimed package" in shown


def test_the_pack_is_cached_with_the_time_it_was_fetched(
    workspace: Path, loopback_index: LoopbackIndex
) -> None:
    config = _configure(workspace, loopback_index)
    loopback_index.add_user("bo", [])
    _request(workspace, config, "bo")
    asked = len(loopback_index.requests)  # the daemon's cycle already built the pack
    assert asked >= 1
    _verify(config)
    assert len(loopback_index.requests) == asked
    with sqlite3.connect(workspace / "intake.db") as db:
        assert db.execute("SELECT fetched_at FROM index_cache").fetchone()[0]


@pytest.mark.parametrize(
    ("trouble", "expected"),
    [
        ("fail", "could not check the account: /user/cy/: HTTP 500"),
        ("stall", "could not check the account: /user/cy/: no answer in time"),
    ],
)
def test_an_index_in_trouble_gives_could_not_check_never_a_wrong_answer(
    workspace: Path, loopback_index: LoopbackIndex, trouble: str, expected: str
) -> None:
    config = _configure(workspace, loopback_index)
    if trouble == "fail":
        loopback_index.fail("/user/cy/")
    else:
        loopback_index.stall("/user/cy/", 3.0)
    _request(workspace, config, "cy")
    pack = _verify(config)
    assert pack["account"] is None and pack["projects"] == []
    assert pack["problems"] == [expected]
    assert loopback_index.requests.count("/user/cy/") >= 2  # retried


def test_an_account_the_index_does_not_know_is_said_plainly(
    workspace: Path, loopback_index: LoopbackIndex
) -> None:
    config = _configure(workspace, loopback_index)
    _request(workspace, config, "ghost")
    pack = _verify(config)
    assert pack["account"] == "not found"
    assert pack["warnings"] == ["the index has no account named 'ghost'"]


def _proof_setup(workspace: Path, index: LoopbackIndex) -> tuple[Path, str]:
    config = _configure(workspace, index)
    repository = index.repository("fastcsv")
    index.add_user("dana", ["fastcsv"])
    index.add_project("fastcsv", [("1.0", BEFORE, repository)], roles=[("Owner", "dana")])
    _request(workspace, config, "dana", f"fastcsv, {index.url}/git/other.git")
    done = intake("cases", "challenge", "1", "--project", "fastcsv", "--config", str(config))
    assert done.returncode == 0, done.stderr
    with sqlite3.connect(workspace / "intake.db") as db:
        branch = db.execute("SELECT branch FROM proofs").fetchone()[0]
    return config, str(branch)


def test_a_branch_pushed_to_the_index_named_repository_is_found_and_recorded(
    workspace: Path, loopback_index: LoopbackIndex
) -> None:
    config, branch = _proof_setup(workspace, loopback_index)
    assert branch.startswith("intake-proof-") and len(branch.removeprefix("intake-proof-")) >= 16
    with sqlite3.connect(workspace / "intake.db") as db:
        raw, recipient = db.execute(
            "SELECT raw, recipient FROM outbox WHERE kind = 'staff_reply'"
        ).fetchone()
        status = db.execute("SELECT status FROM cases").fetchone()[0]
    asked = email.message_from_bytes(raw, policy=default).get_content()
    assert recipient == "dana@example.org" and status == "waiting_on_requester"
    assert branch in asked and f"{loopback_index.url}/git/fastcsv.git" in asked

    commit = loopback_index.push_branch("fastcsv", branch)
    deliver(
        workspace / "inbox",
        make_message(
            "dana@example.org", "Done, I pushed the branch.", subject="Re: [case PR-0000000000]"
        ),
    )
    assert intake("run", "--once", "--config", str(config)).returncode == 0
    shown = json.loads(intake("cases", "show", "1", "--json", "--config", str(config)).stdout)
    (proof,) = shown["proofs"]
    assert (proof["status"], proof["commit_id"]) == ("verified", commit)
    assert shown["case"]["status"] == "ready_for_review"
    verified = [e for e in shown["events"] if e["kind"] == "proof_verified"]
    assert verified[0]["detail"]["branch"] == branch
    with sqlite3.connect(workspace / "intake.db") as db:
        notices = db.execute(
            "SELECT count(*) FROM outbox WHERE kind = 'staff_notification' AND recipient = ?",
            ("staff@pypi-support.example",),
        ).fetchone()[0]
    assert notices >= 2  # ready at first, ready again once the branch was found


@pytest.mark.parametrize("wrong", ["tag", "other repository"])
def test_a_tag_or_a_branch_elsewhere_is_not_a_proof(
    workspace: Path, loopback_index: LoopbackIndex, wrong: str
) -> None:
    config, branch = _proof_setup(workspace, loopback_index)
    if wrong == "tag":
        loopback_index.push_tag("fastcsv", branch)
    else:
        loopback_index.repository("other")  # the repository the requester named
        loopback_index.push_branch("other", branch)
    with open_store(load_config(config)) as store:
        run_timers(store, load_config(config), utcnow() + timedelta(hours=2))
        status, checked = store.rows("SELECT status, checked_at FROM proofs")[0].values()
    assert status == "pending" and checked is not None


def test_a_proof_never_found_expires_and_is_recorded(
    workspace: Path, loopback_index: LoopbackIndex
) -> None:
    config, _ = _proof_setup(workspace, loopback_index)
    with open_store(load_config(config)) as store:
        run_timers(store, load_config(config), utcnow() + timedelta(days=15))
        assert store.rows("SELECT status FROM proofs")[0]["status"] == "expired"
        kinds = [row["kind"] for row in store.rows("SELECT kind FROM events")]
    assert "proof_expired" in kinds


def test_a_repository_off_the_allow_list_cannot_be_challenged(
    workspace: Path, loopback_index: LoopbackIndex
) -> None:
    config = _configure(workspace, loopback_index)
    loopback_index.add_user("eve", ["evil"])
    loopback_index.add_project("evil", [("1.0", BEFORE, "https://git.evil.example.net/e/v")])
    _request(workspace, config, "eve")
    done = intake("cases", "challenge", "1", "--project", "evil", "--config", str(config))
    assert done.returncode == 1 and "not on an allowed host" in done.stderr
    other = intake("cases", "challenge", "1", "--project", "fastcsv", "--config", str(config))
    assert other.returncode == 1 and "is not one of this account's projects" in other.stderr
