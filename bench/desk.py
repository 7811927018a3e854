"""Desk benchmark: queue and case pages over 10,000 cases, against their bare SQL.

    python bench/desk.py [CASES]

Builds a throw-away database the way the product fills it (a few real requests through
``intake run --once``, then copies of those cases up to CASES, three messages each),
signs a staff member in, and measures in the same run:

- baseline: the queries each page runs, through the same functions the pages call (queue:
  a page of cases and the counts per status; case: the case with its messages, events and
  earlier cases), bare on one connection;
- desk: the whole request through the ASGI application (session check, SQL, template,
  security headers), driven in-process by httpx's ASGI transport and timed inside the
  server, from the call to the last byte (server time, without client or network).
  Requests/s is end to end, client included.

Prints p50/p95 per page for both, requests/s of the queue page, and ``ratio`` =
desk p95 / baseline p95 for each page. Targets: p95 ≤ 50 ms, ratio ≤ 3.
"""

from __future__ import annotations

import asyncio
import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402

from intake.cases.queue import QueueFilter, list_cases  # noqa: E402
from intake.cases.summary import case_detail  # noqa: E402
from intake.cases.tokens import new_token  # noqa: E402
from intake.config import load_config  # noqa: E402
from intake.demo import CONFIG  # noqa: E402
from intake.service.runner import run_once  # noqa: E402
from intake.staff import add_staff, find_staff  # noqa: E402
from intake.staff.audit import audit  # noqa: E402
from intake.staff.sessions import current_session, start_session  # noqa: E402
from intake.storage import open_store  # noqa: E402
from intake.web import build_app  # noqa: E402
from tests.messages import COMPLETE_BODY, INCOMPLETE_BODY, deliver, make_message  # noqa: E402

ROUNDS = 300
STATUSES = (
    "awaiting_details",
    "ready_for_review",
    "in_review",
    "waiting_on_requester",
    "resolved",
    "rejected",
)


def fill(directory: Path, cases: int) -> Path:
    (directory / "config.toml").write_text(CONFIG)
    for n, body in enumerate((COMPLETE_BODY, INCOMPLETE_BODY)):
        deliver(
            directory / "inbox",
            make_message(f"seed{n}@example.org", body.format(username=f"seed{n}")),
        )
    config = directory / "config.toml"
    run_once(load_config(config))
    db = sqlite3.connect(directory / "intake.db")
    db.row_factory = sqlite3.Row
    models = [dict(row) for row in db.execute("SELECT * FROM cases")]
    messages = {
        m: [dict(r) for r in db.execute("SELECT * FROM messages WHERE case_id = ?", (m,))]
        for m in (row["id"] for row in models)
    }
    rng = random.Random(7)
    with db:
        for n in range(cases - len(models)):
            model = rng.choice(models)
            row = {
                **model,
                "id": None,
                "token": new_token(),
                "requester": f"user{n}@example.org",
                "username": f"user-{n}",
                "status": rng.choice(STATUSES),
                "created_at": f"2026-{1 + n % 11:02d}-{1 + n % 27:02d}T10:00:00+00:00",
            }
            case_id = _insert(db, "cases", row)
            for copy in (messages[model["id"]] * 2)[:3]:
                _insert(
                    db,
                    "messages",
                    {
                        **copy,
                        "id": None,
                        "case_id": case_id,
                        "source_key": None,
                        "raw_sha256": None,
                        "sender": row["requester"],
                    },
                )
    db.execute("ANALYZE")
    db.close()
    return config


def _insert(db: sqlite3.Connection, table: str, row: dict[str, object]) -> int:
    columns = ", ".join(f'"{k}"' for k in row)
    marks = ", ".join("?" for _ in row)
    cursor = db.execute(f'INSERT INTO "{table}" ({columns}) VALUES ({marks})', list(row.values()))
    return int(cursor.lastrowid or 0)


def baseline(config_path: Path, tokens: list[str], session: str) -> dict[str, list[float]]:
    """The pages' own queries (the same functions), bare on one connection: the session
    check, then the queue's page and counts, or the case with its history and the audit
    row its view writes."""
    timings: dict[str, list[float]] = {"queue": [], "case": []}
    with open_store(load_config(config_path)) as store:
        for n in range(ROUNDS):
            started = time.perf_counter()
            current_session(store, session)
            list_cases(store, QueueFilter(STATUSES[n % 4], None, None, True, 51, 0))
            store.rows("SELECT status, count(*) AS n FROM cases GROUP BY status")
            timings["queue"].append(time.perf_counter() - started)
            started = time.perf_counter()
            current_session(store, session)
            detail = case_detail(store, tokens[n % len(tokens)])
            with store.transaction():
                audit(store, "bench", "view_case", detail["case"]["id"])
            timings["case"].append(time.perf_counter() - started)
    return timings


def sign_in(config_path: Path) -> str:
    with open_store(load_config(config_path)) as store:
        add_staff(store, "bench", "bench@example.org", "a long enough password")
        member = find_staff(store, "bench")
        assert member is not None
        return start_session(store, member)


class ServerTime:
    """ASGI wrapper that times each request inside the server, from call to last byte."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.last = 0.0

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        started = time.perf_counter()
        await self.app(scope, receive, send)
        self.last = time.perf_counter() - started


async def desk(
    config_path: Path, tokens: list[str], token: str
) -> tuple[dict[str, list[float]], float]:
    config = load_config(config_path)
    timed = ServerTime(build_app(config))
    headers = {"cookie": f"__Host-intake-session={token}"}
    timings: dict[str, list[float]] = {"queue": [], "case": []}
    transport = httpx.ASGITransport(app=timed)
    async with httpx.AsyncClient(
        transport=transport, base_url="https://desk", headers=headers
    ) as client:
        for n in range(ROUNDS):
            for name, path in (
                ("queue", f"/?status={STATUSES[n % 4]}"),
                ("case", f"/cases/{tokens[n % len(tokens)]}"),
            ):
                response = await client.get(path)
                timings[name].append(timed.last)
                assert response.status_code == 200, (path, response.status_code)
        started = time.perf_counter()
        for n in range(ROUNDS):
            await client.get(f"/?status={STATUSES[n % 4]}&page={1 + n % 5}")
        per_second = ROUNDS / (time.perf_counter() - started)
    return timings, per_second


def p(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[int(q) - 1] * 1000


def main() -> None:
    cases = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory(prefix="intake-bench-desk-") as folder:
        config = fill(Path(folder), cases)
        db = sqlite3.connect(Path(folder) / "intake.db")
        counts = db.execute(
            "SELECT (SELECT count(*) FROM cases), (SELECT count(*) FROM messages)"
        ).fetchone()
        tokens = [
            row[0] for row in db.execute("SELECT token FROM cases ORDER BY random() LIMIT 200")
        ]
        db.close()
        print(f"cases={counts[0]} messages={counts[1]}")
        session = sign_in(config)
        bare = baseline(config, tokens, session)
        served, per_second = asyncio.run(desk(config, tokens, session))
    for page in ("queue", "case"):
        ratio = p(served[page], 95) / p(bare[page], 95)
        print(
            f"{page}: baseline p50 {p(bare[page], 50):.2f} ms p95 {p(bare[page], 95):.2f} ms; "
            f"desk p50 {p(served[page], 50):.2f} ms p95 {p(served[page], 95):.2f} ms; "
            f"ratio={ratio:.2f}"
        )
    print(f"queue page: {per_second:.0f} requests/s")
    print(json.dumps({"cases": counts[0], "messages": counts[1]}))


if __name__ == "__main__":
    main()
