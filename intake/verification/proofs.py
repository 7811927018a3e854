"""Branch proofs: the requester pushes an empty branch named after a token we made.

The repository is the one the index's release metadata names for a project of the
account, never one the requester typed. The daemon looks for the branch with
``git ls-remote --heads`` (http(s) only, allow-listed hosts, a timeout, no prompts);
a branch found records the proof and hands the case back for review, a token never
found expires.
"""

from __future__ import annotations

import logging
import os
import secrets
import subprocess
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from intake.cases.actions import set_status
from intake.cases.history import add_event
from intake.cases.lookup import find_case
from intake.clock import iso, utcnow
from intake.config import Config, IndexConfig
from intake.errors import IntakeError
from intake.logs import event
from intake.replies.responder import Responder
from intake.replies.staff_replies import reply_to_requester
from intake.staff.audit import audit
from intake.storage import Store
from intake.verification.pack import normalise

log = logging.getLogger(__name__)
_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"  # no 0/o, 1/l: read aloud and typed by hand
TOKEN_LENGTH = 20


class ProofRefused(IntakeError):
    """A branch proof cannot be asked for this project or repository."""


def new_branch_token() -> str:
    """``intake-proof-`` and 20 characters from a CSPRNG (about 100 bits)."""
    return "intake-proof-" + "".join(secrets.choice(_ALPHABET) for _ in range(TOKEN_LENGTH))


def allowed_repository(url: str, cfg: IndexConfig) -> bool:
    """http(s) only, on a host from ``[index] repository_hosts`` (subdomains too)."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    netloc = parts.netloc.lower()
    hosts = {h.lower() for h in cfg.repository_hosts}
    return parts.scheme in ("http", "https") and (
        netloc in hosts or host in hosts or any(host.endswith("." + h) for h in hosts)
    )


def challenge(
    store: Store, config: Config, ref: str | int, project: str, staff: str
) -> dict[str, Any]:
    """Ask the requester of case ``ref`` for a branch on ``project``'s repository."""
    with store.transaction():
        case = find_case(store, ref)
        repository = _repository_for(store, case["id"], project, config.index)
        branch = new_branch_token()
        now = utcnow()
        row = {
            "case_id": case["id"],
            "project": project,
            "repository": repository,
            "branch": branch,
            "created_by": staff,
            "created_at": iso(now),
            "expires_at": iso(now + timedelta(days=config.index.proof_days)),
        }
        store.insert("proofs", row)
        text = (
            f"Repository: {repository}\nBranch name: {branch}\n\n"
            f"Please push an empty branch with exactly this name to that repository within "
            f"{config.index.proof_days} days, then reply to this message. For example:\n\n"
            f"    git checkout -b {branch}\n    git commit --allow-empty -m 'account recovery'\n"
            f"    git push origin {branch}\n"
        )
        reply_to_requester(store, config, case["id"], staff, template="branch_proof", text=text)
        add_event(
            store,
            case["id"],
            "proof_requested",
            {"project": project, "repository": repository, "by": staff},
        )
        audit(store, staff, "challenge", case["id"], {"project": project})
    return row


def _repository_for(store: Store, case_id: int, project: str, cfg: IndexConfig) -> str:
    rows = store.rows("SELECT pack FROM verification WHERE case_id = ?", (case_id,))
    if not rows:
        raise ProofRefused("no verification pack yet: run intake cases verify first")
    for entry in rows[0]["pack"].get("projects", []):
        if normalise(entry["name"]) == normalise(project):
            repository = entry.get("repository")
            if not repository:
                raise ProofRefused(f"{project}: no release before the request names a repository")
            if not allowed_repository(repository, cfg):
                raise ProofRefused(
                    f"{project}: {repository} is not on an allowed host ([index] repository_hosts)"
                )
            return str(repository)
    raise ProofRefused(f"{project} is not one of this account's projects")


def check_proofs(store: Store, config: Config, now: datetime | None = None) -> list[str]:
    """Look for every due pending branch; record what was found or expired. Returns events."""
    moment = now or utcnow()
    happened = []
    for proof in store.rows("SELECT * FROM proofs WHERE status = 'pending' ORDER BY id"):
        if proof["expires_at"] <= iso(moment):
            _expire(store, proof, moment)
            happened.append("proof_expired")
        elif _due(store, proof, moment):
            found = _look(store, proof, config.index, moment)
            if found:
                _verified(store, config, proof, found, moment)
                happened.append("proof_verified")
    return happened


def _due(store: Store, proof: dict[str, Any], moment: datetime) -> bool:
    """Hourly, and at once after the requester wrote since the last look."""
    checked = proof["checked_at"]
    if checked is None or checked <= iso(moment - timedelta(hours=1)):
        return True
    return bool(
        store.scalar(
            "SELECT 1 FROM messages WHERE case_id = ? AND direction = 'in' AND received_at >= ?",
            (proof["case_id"], checked),
        )
    )


def _look(store: Store, proof: dict[str, Any], cfg: IndexConfig, moment: datetime) -> str | None:
    try:
        commit = branch_commit(proof["repository"], proof["branch"], cfg)
        error = None
    except IntakeError as exc:
        commit, error = None, str(exc)
    with store.transaction():
        store.db.execute(
            "UPDATE proofs SET checked_at = ?, last_error = ? WHERE id = ?",
            (iso(moment), error, proof["id"]),
        )
    return commit


def branch_commit(repository: str, branch: str, cfg: IndexConfig) -> str | None:
    """The commit the branch points to, or None when there is no such branch (tags never count)."""
    if not allowed_repository(repository, cfg):
        raise ProofRefused(f"{repository}: not an allowed repository")
    command = [
        "git",
        "-c",
        "protocol.allow=never",
        "-c",
        "protocol.http.allow=always",
        "-c",
        "protocol.https.allow=always",
        "-c",
        "credential.helper=",
        "ls-remote",
        "--heads",
        "--",
        repository,
        f"refs/heads/{branch}",
    ]
    env = {
        **os.environ,
        "GIT_TERMINAL_PROMPT": "0",
        "GIT_ASKPASS": "/bin/false",
        "GIT_CONFIG_NOSYSTEM": "1",
        "HOME": "/nonexistent",
    }
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=cfg.git_timeout, env=env, check=False
        )
    except subprocess.TimeoutExpired:
        raise IntakeError(f"{repository}: no answer within {cfg.git_timeout:g} s") from None
    except OSError as exc:
        raise IntakeError(f"git cannot run: {exc.strerror}") from None
    if done.returncode != 0:
        reason = (done.stderr.strip().splitlines() or ["failed"])[-1][:200]
        raise IntakeError(f"{repository}: {reason}")
    for line in done.stdout.splitlines():
        commit, _, ref = line.partition("\t")
        if ref == f"refs/heads/{branch}":
            return commit
    return None


def _verified(
    store: Store, config: Config, proof: dict[str, Any], commit: str, moment: datetime
) -> None:
    with store.transaction():
        store.db.execute(
            "UPDATE proofs SET status = 'verified', commit_id = ?, verified_at = ? WHERE id = ?",
            (commit, iso(moment), proof["id"]),
        )
        detail = {
            "repository": proof["repository"],
            "branch": proof["branch"],
            "commit": commit,
            "at": iso(moment),
        }
        add_event(store, proof["case_id"], "proof_verified", detail)
        case = find_case(store, proof["case_id"])
        if case["status"] in ("in_review", "waiting_on_requester", "on_hold"):
            set_status(store, case["id"], "ready_for_review", "daemon", "branch proof found")
        Responder(config, store).notify_staff(case["id"])
    log.info(
        "branch proof found on %s",
        proof["repository"],
        extra=event("proof.verified", case=case["token"]),
    )


def _expire(store: Store, proof: dict[str, Any], moment: datetime) -> None:
    with store.transaction():
        store.db.execute("UPDATE proofs SET status = 'expired' WHERE id = ?", (proof["id"],))
        add_event(
            store,
            proof["case_id"],
            "proof_expired",
            {"repository": proof["repository"], "branch": proof["branch"]},
        )
    log.info("branch proof expired unfound", extra=event("proof.expired"))
