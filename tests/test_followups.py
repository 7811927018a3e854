"""Follow-ups through the real pipeline: a request, our reply, the requester's answer.

Each pair in ``tests/followups/`` is a first message (``NAME.eml``) and a spec
(``NAME.json``): the shape of the answer (``answer``), what the first reply must have
asked (``first_missing``), the case's fields after the answer is merged, and the
fields whose change must be recorded as an event (``changed``). Two cycles run on the
embedded default (Maildir in, SQLite, Maildir outbox); the answer is written to the
reply the first cycle actually sent, read back from the outbox table. Merged-field
accuracy and false completes per class are printed at the end of the run.
"""

from __future__ import annotations

import email
import json
import sqlite3
from collections import Counter
from email.message import Message
from email.policy import default
from pathlib import Path
from typing import Any

import pytest

from intake.config import load_config
from intake.service.runner import run_once
from tests.corpus_check import compare
from tests.followup_mail import follow_up
from tests.messages import deliver

PAIRS = sorted((Path(__file__).parent / "followups").glob("*.eml"))
_PREFIX = "follow-ups"
_TALLY: dict[str, Counter[str]] = {}


def _db(workspace: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(workspace / "intake.db")
    connection.row_factory = sqlite3.Row
    return connection


def _only_case(workspace: Path) -> sqlite3.Row:
    rows = _db(workspace).execute("SELECT * FROM cases").fetchall()
    assert len(rows) == 1, "the follow-up must join the first message's case"
    return rows[0]


def _our_reply(workspace: Path, requester: str) -> Message:
    row = (
        _db(workspace)
        .execute("SELECT raw FROM outbox WHERE recipient = ? ORDER BY id", (requester,))
        .fetchone()
    )
    assert row is not None, "the first cycle sent no reply"
    return email.message_from_bytes(row[0], policy=default)


def _changed_fields(workspace: Path, case_id: int) -> set[str]:
    rows = _db(workspace).execute(
        "SELECT detail FROM events WHERE case_id = ? AND kind = 'field_changed'", (case_id,)
    )
    return {json.loads(row[0])["field"] for row in rows}


def _as_parsed(case: sqlite3.Row) -> dict[str, Any]:
    """The case in the shape ``compare`` reads (the JSON of ``intake parse``)."""
    findings = json.loads(case["findings"])
    missing = json.loads(case["missing"])
    return {
        "fields": json.loads(case["fields"]),
        "evidence": {key: entry["evidence"] for key, entry in findings.items()},
        "missing": missing,
        "complete": not missing,
    }


def _publish(figures: list[str]) -> None:
    """Replace this module's lines among the figures printed at the end of the run."""
    figures[:] = [line for line in figures if not line.startswith(_PREFIX)]
    total = sum(_TALLY.values(), Counter())
    right = total["fields"] - total["wrong"]
    figures.append(
        f"{_PREFIX}: {total['pairs']} pairs through the pipeline, merged fields "
        f"{right}/{total['fields']} right ({right / max(1, total['fields']):.3f}), "
        f"false complete: {total['false_complete']}"
    )
    figures.extend(
        f"{_PREFIX}   {name:<16} {c['pairs']:>3}  {c['fields'] - c['wrong']:>3}/{c['fields']:<3}"
        f"  {c['false_complete']}"
        for name, c in sorted(_TALLY.items())
    )


def _tally(spec: dict[str, Any], got: dict[str, Any], problems: list[str]) -> None:
    counts = _TALLY.setdefault(spec["class"], Counter())
    counts["pairs"] += 1
    counts["fields"] += len(spec["fields"])
    counts["wrong"] += sum(1 for p in problems if p.split(":")[0] in spec["fields"])
    counts["false_complete"] += bool(got["complete"] and not spec["complete"])


def test_follow_up_corpus_is_large_enough() -> None:
    assert len(PAIRS) >= 30


@pytest.mark.parametrize("first", PAIRS, ids=lambda path: path.stem)
def test_follow_up_is_merged_into_its_case(
    first: Path, workspace: Path, figures: list[str]
) -> None:
    spec = json.loads(first.with_suffix(".json").read_text(encoding="utf-8"))
    config = load_config(workspace / "config.toml")
    deliver(workspace / "inbox", first.read_bytes())
    run_once(config)
    case = _only_case(workspace)
    asked = json.loads(case["missing"])
    sender = str(email.message_from_bytes(first.read_bytes(), policy=default)["From"])
    deliver(
        workspace / "inbox",
        follow_up(sender, _our_reply(workspace, case["requester"]), spec["answer"]),
    )
    run_once(config)
    case = _only_case(workspace)
    got = _as_parsed(case)
    problems = compare(spec, got)
    _tally(spec, got, problems)
    _publish(figures)
    if asked != spec["first_missing"]:
        problems.append(
            f"first reply asked for {asked}, the answer was written to {spec['first_missing']}"
        )
    unrecorded = set(spec.get("changed", [])) - _changed_fields(workspace, case["id"])
    if unrecorded:
        problems.append(f"no field_changed event for {sorted(unrecorded)}")
    assert not problems, f"{first.stem} ({spec['description']}):\n" + "\n".join(problems)
