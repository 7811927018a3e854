"""Storing one message: its case, what it says, the events and the reply, in one savepoint.

The caller holds the transaction; this module decides what the message is (known,
unreadable, a duplicate, from a robot, a foreign sender, a request or a follow-up)
and writes the rows that say so.
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3

from intake.cases.history import add_event
from intake.cases.lookup import StoredCases
from intake.cases.matching import THREADED, CaseRecord, match_case
from intake.cases.merging import evaluate, merge_findings
from intake.cases.status import CLOSED_STATUSES, status_after
from intake.cases.tokens import new_token
from intake.clock import iso, utcnow
from intake.config import Config
from intake.extraction.fields import stated_parts
from intake.logs import event
from intake.pipeline.batch_reader import Read, Unreadable
from intake.pipeline.triage import Triage, read_against
from intake.reading.robots import GuardContext
from intake.replies.choice import Decision
from intake.replies.responder import Inbound, Responder, SavedCase
from intake.sources import RawMessage
from intake.storage import Ledger, Store

log = logging.getLogger(__name__)


class MessageRecorder:
    """Stores messages against one store with one configuration."""

    def __init__(self, config: Config, store: Store, *, backlog: bool = False) -> None:
        """``backlog``: mail is stored as cases flagged ``backlog`` and never answered."""
        self.config = config
        self.store = store
        self.backlog = backlog
        self.backlogged = 0
        self.ledger = Ledger(store)
        self.cases = StoredCases(store)
        self.responder = Responder(config, store)
        self.guard = GuardContext(
            own_addresses=config.own_addresses,
            own_domain=config.reply.from_.domain,
            authserv_id=config.mailbox.authserv_id,
            allowed_private_domains=config.private_domains_answered,
        )

    def handle(self, raw: RawMessage, read: Read | None) -> str:
        """Store one message and what was read from it (None: it has no bytes).

        Returns the outcome: new_cases, follow_ups, automated, quarantined, …
        """
        if self.ledger.is_known_source(raw.source_key):
            quarantined = self.ledger.is_quarantined(raw.source_key)
            return "quarantined" if quarantined else "known"
        if raw.data is None:
            return self._quarantine(raw, None, f"message is over the size limit ({raw.size} bytes)")
        assert read is not None, "every message with bytes has been read"
        if isinstance(read, Unreadable):
            if read.bug:
                log.error(
                    "reading failed:\n%s",
                    read.bug,
                    extra=event("message.error", key=raw.source_key),
                )
            return self._quarantine(raw, hashlib.sha256(raw.data).hexdigest(), read.reason)
        message = read.message
        sha = message.raw_sha256  # of the same bytes, hashed once while reading
        if message.sender is None and read.automated_reason is None:
            return self._quarantine(raw, sha, "no valid sender address in From")
        sender = message.sender.email if message.sender else None
        if self.ledger.is_duplicate(sha, message.message_id, sender):
            return "duplicate"
        try:
            with self.store.transaction():
                return self._record(raw, read)
        except sqlite3.Error:
            raise  # the database itself is in trouble: the whole batch waits for later
        except Exception:
            log.exception("storing failed", extra=event("message.error", key=raw.source_key))
            return self._quarantine(raw, sha, "internal error while storing; see the log")

    def _quarantine(self, raw: RawMessage, sha: str | None, error: str) -> str:
        self.ledger.record_quarantine(raw.source_key, sha, error)
        log.warning("%s", error, extra=event("message.quarantined", key=raw.source_key))
        return "quarantined"

    def _record(self, raw: RawMessage, result: Triage) -> str:
        message = result.message
        sender = message.sender.email if message.sender else None
        username = result.extraction.findings.get("username")
        match = match_case(
            sender=sender,
            references=[*message.in_reply_to, *message.references],
            subject=message.subject,
            body=message.text,
            username=username.value if username else None,
            lookup=self.cases,
        )
        if result.automated_reason or match.foreign_sender:
            return self._record_unanswered(raw, result, match.case)
        if match.case is not None and match.case.status in CLOSED_STATUSES:
            return self._record_reopened(raw, result, match.case)
        if match.case is not None and match.how in THREADED:
            ours = self.cases.our_last_words(match.case.id, list(message.in_reply_to))
            result = read_against(result, ours) if ours else result
        return self._merge_and_reply(raw, result, match.case)

    def _record_reopened(self, raw: RawMessage, result: Triage, case: CaseRecord) -> str:
        """The requester wrote again on a decided case: kept and flagged, staff told once."""
        flag = "reopened_by_requester"
        decision = Decision("none", f"case_{case.status}")
        self._store_message(raw, result, case.id, flags=[flag], decision=decision)
        add_event(self.store, case.id, flag, {"status": case.status})
        if flag not in case.flags:
            flags = sorted({*case.flags, flag})
            self.store.update("cases", case.id, {"flags": flags, "updated_at": iso(utcnow())})
            self.responder.notify_reopened(case.id)
        log.info(
            "requester wrote again on a %s case: stored for staff, not answered",
            case.status,
            extra=event("message.reopened", case=case.token, key=raw.source_key),
        )
        return "follow_ups"

    def _record_unanswered(self, raw: RawMessage, result: Triage, case: CaseRecord | None) -> str:
        """Robot mail, or mail on a case from another address: kept for staff, not merged."""
        sender = result.message.sender.email if result.message.sender else None
        flag = None if result.automated_reason else "foreign_sender"
        self._store_message(raw, result, case.id if case else None, flags=[flag] if flag else [])
        if case is not None and flag and flag not in case.flags:
            self.store.update("cases", case.id, {"flags": sorted({*case.flags, flag})})
        if case is not None:
            add_event(
                self.store,
                case.id,
                flag or "automated_message",
                {"from": sender, "reason": result.automated_reason},
            )
        log.info(
            "stored without a reply: %s",
            result.automated_reason or "sender is not the case's requester",
            extra=event(
                f"message.{flag or 'automated'}",
                case=case.token if case else None,
                key=raw.source_key,
            ),
        )
        return "automated" if result.automated_reason else "follow_ups"

    def _merge_and_reply(self, raw: RawMessage, result: Triage, case: CaseRecord | None) -> str:
        message = result.message
        merge = merge_findings(case.findings if case else {}, result.extraction, message.message_id)
        fields, missing = evaluate(merge.findings)
        status_before = case.status if case else None
        status = status_after(status_before, missing)
        added = [*(["conflict"] if merge.conflict else []), *(["backlog"] if self.backlog else [])]
        flags = sorted({*(case.flags if case else ()), *added})
        requester = case.requester if case else (message.sender.email if message.sender else "")
        saved = self._save_case(
            case,
            requester,
            {
                "username": fields.get("username"),
                "status": status,
                "fields": fields,
                "missing": missing,
                "flags": flags,
                "findings": merge.findings,
            },
        )
        self._case_events(saved.id, case, merge.changes, merge.conflict, status_before, status)
        trigger = "new" if case is None else ("changed" if merge.changed else "unchanged")
        if self.backlog:
            decision = Decision("none", "backlog")
            self.backlogged += 1
        else:
            decision = self.responder.decide(saved, status_before, status, missing, trigger)
        self._store_message(raw, result, saved.id, flags=[], decision=decision)
        if decision.reply != "none":
            stated = stated_parts(fields)
            self.responder.queue_reply(
                saved, _inbound(result), decision, missing, trigger, stated=stated
            )
        if decision.notify_staff:
            self.responder.notify_staff(saved.id)
        if status_before == "waiting_on_requester":
            self.responder.notify_answer(saved.id)
        log.info(
            "%s, status %s, reply %s",
            "new case" if case is None else "follow-up",
            status,
            decision.reply if decision.reply != "none" else f"none ({decision.why_none})",
            extra=event("message.stored", case=saved.token, key=raw.source_key),
        )
        return "new_cases" if case is None else "follow_ups"

    def _save_case(
        self, case: CaseRecord | None, requester: str, values: dict[str, object]
    ) -> SavedCase:
        now = iso(utcnow())
        values = {**values, "updated_at": now}
        if case is not None:
            self.store.update("cases", case.id, values)
            return SavedCase(case.id, case.token, requester)
        token = new_token()
        row = {"token": token, "requester": requester, "created_at": now, **values}
        return SavedCase(self.store.insert("cases", row), token, requester)

    def _case_events(
        self,
        case_id: int,
        case: CaseRecord | None,
        changes: list[dict[str, object]],
        conflict: dict[str, object] | None,
        status_before: str | None,
        status: str,
    ) -> None:
        if case is None:
            add_event(self.store, case_id, "created", {"status": status})
        else:
            for change in changes:
                add_event(self.store, case_id, "field_changed", change)
        if conflict:
            add_event(self.store, case_id, "conflict", conflict)
        if case is not None and status != status_before:
            add_event(self.store, case_id, "status_changed", {"from": status_before, "to": status})

    def _store_message(
        self,
        raw: RawMessage,
        result: Triage,
        case_id: int | None,
        *,
        flags: list[str],
        decision: Decision | None = None,
    ) -> None:
        message = result.message
        reply = decision.reply if decision else "none"
        if decision and decision.why_none:
            flags = [*flags, f"no_reply:{decision.why_none}"]
        self.store.insert(
            "messages",
            {
                "case_id": case_id,
                "direction": "in",
                "message_id": message.message_id,
                "in_reply_to": message.in_reply_to[0] if message.in_reply_to else None,
                "references": list(message.references),
                "sender": message.sender.email if message.sender else message.from_header,
                "subject": message.subject,
                "date": message.date,
                "body_text": message.text,
                "extracted": result.extraction.fields(),
                "evidence": result.extraction.evidence(),
                "attachments": [
                    {"name": a.name, "type": a.type, "size": a.size, "sha256": a.sha256}
                    for a in message.attachments
                ],
                "raw_sha256": message.raw_sha256,
                "source_key": raw.source_key,
                "automated_reason": result.automated_reason,
                "flags": flags,
                "reply": reply,
                "received_at": iso(utcnow()),
            },
        )


def _inbound(result: Triage) -> Inbound:
    message = result.message
    assert message.sender is not None, "only mail with a valid sender is answered"
    return Inbound(
        sender=message.sender,
        subject=message.subject,
        message_id=message.message_id,
        references=message.references,
        redacted=bool(message.redactions),
        language=result.language,
    )
