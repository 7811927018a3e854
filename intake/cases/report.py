"""How the desk is doing, in numbers: requests, statuses, times to reply and to decide.

Counts are of cases opened since a date. Times are from a case's opening to its first
reply to the requester, to ``ready_for_review``, and to a decision; each as median and
90th percentile in seconds. The same figures print as text, JSON or Prometheus.
"""

from __future__ import annotations

import statistics
from datetime import datetime
from typing import Any

from intake.cases.status import STATUSES
from intake.storage import Store

_DECIDED = ("resolved", "rejected", "closed_no_response")
_TO_REQUESTER = ("acknowledgement", "missing_details", "staff_reply")


def build_report(store: Store, since: str = "") -> dict[str, Any]:
    """The figures for cases opened at or after ``since`` (ISO date; empty: all)."""
    cases = store.rows(
        "SELECT id, status, created_at FROM cases WHERE created_at >= ? ORDER BY id", (since,)
    )
    opened = {row["id"]: datetime.fromisoformat(row["created_at"]) for row in cases}
    by_status = dict.fromkeys(STATUSES, 0)
    for row in cases:
        by_status[row["status"]] = by_status.get(row["status"], 0) + 1
    decided = sum(by_status[s] for s in _DECIDED)
    marks = ",".join("?" for _ in _TO_REQUESTER)
    first_reply = _firsts(
        store,
        f"SELECT case_id, min(created_at) AS at FROM outbox WHERE kind IN ({marks}) "
        "AND case_id IS NOT NULL GROUP BY case_id",
        _TO_REQUESTER,
    )
    ready = _firsts(store, _status_reached("('ready_for_review')"), ())
    ready.update({row["id"]: row["created_at"] for row in _created_ready(store)})
    decision = _firsts(store, _status_reached("('resolved', 'rejected', 'closed_no_response')"), ())
    return {
        "since": since or None,
        "requests_received": len(cases),
        "cases_by_status": by_status,
        "time_to_first_reply": _spread(opened, first_reply),
        "time_to_ready_for_review": _spread(opened, ready),
        "time_to_decision": _spread(opened, decision),
        "share_closed_no_response": round(by_status["closed_no_response"] / decided, 4)
        if decided
        else None,
        "proofs_verified": int(
            store.scalar(
                "SELECT count(*) FROM proofs p JOIN cases c ON c.id = p.case_id "
                "WHERE p.status = 'verified' AND c.created_at >= ?",
                (since,),
            )
        ),
    }


def _status_reached(statuses: str) -> str:
    return (
        "SELECT case_id, min(at) AS at FROM events WHERE kind = 'status_changed' "
        f"AND json_extract(detail, '$.to') IN {statuses} GROUP BY case_id"
    )


def _created_ready(store: Store) -> list[dict[str, Any]]:
    """Cases complete from their first message: ready the moment they were opened."""
    return store.rows(
        "SELECT case_id AS id, at AS created_at FROM events WHERE kind = 'created' "
        "AND json_extract(detail, '$.status') = 'ready_for_review'"
    )


def _firsts(store: Store, sql: str, params: tuple[Any, ...]) -> dict[int, str]:
    return {row["case_id"]: row["at"] for row in store.rows(sql, params)}


def _spread(opened: dict[int, datetime], reached: dict[int, str]) -> dict[str, float | None]:
    seconds = [
        (datetime.fromisoformat(reached[case]) - start).total_seconds()
        for case, start in opened.items()
        if case in reached
    ]
    if not seconds:
        return {"count": 0, "median": None, "p90": None}
    p90 = statistics.quantiles(seconds, n=10)[-1] if len(seconds) > 1 else seconds[0]
    return {"count": len(seconds), "median": statistics.median(seconds), "p90": p90}


def prometheus(report: dict[str, Any]) -> str:
    """The report in the Prometheus text format (counts and seconds, no personal data)."""
    lines = [
        "# HELP intake_requests_received Cases opened.",
        "# TYPE intake_requests_received gauge",
        f"intake_requests_received {report['requests_received']}",
        "# HELP intake_cases Cases by status.",
        "# TYPE intake_cases gauge",
        *(f'intake_cases{{status="{s}"}} {n}' for s, n in report["cases_by_status"].items()),
        "# HELP intake_proofs_verified Branch proofs found.",
        "# TYPE intake_proofs_verified gauge",
        f"intake_proofs_verified {report['proofs_verified']}",
    ]
    for key in ("time_to_first_reply", "time_to_ready_for_review", "time_to_decision"):
        name = f"intake_{key}_seconds"
        spread = report[key]
        lines += [f"# HELP {name} Seconds from opening a case.", f"# TYPE {name} summary"]
        for quantile, value in (("0.5", spread["median"]), ("0.9", spread["p90"])):
            if value is not None:
                lines.append(f'{name}{{quantile="{quantile}"}} {value:g}')
        lines.append(f"{name}_count {spread['count']}")
    share = report["share_closed_no_response"]
    if share is not None:
        lines += [
            "# HELP intake_share_closed_no_response Decided cases closed for no answer.",
            "# TYPE intake_share_closed_no_response gauge",
            f"intake_share_closed_no_response {share:g}",
        ]
    return "\n".join(lines) + "\n"
