"""The database schema: numbered migrations, and the columns that hold JSON.

``PRAGMA user_version`` records the last migration run. A migration is appended,
never edited: databases in the field have run the earlier ones.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from intake.errors import StoreError

if TYPE_CHECKING:
    from intake.storage.database import Store

MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE cases (
        id INTEGER PRIMARY KEY,
        token TEXT NOT NULL UNIQUE,
        requester TEXT NOT NULL,
        username TEXT,
        status TEXT NOT NULL,
        fields TEXT NOT NULL DEFAULT '{}',
        missing TEXT NOT NULL DEFAULT '[]',
        flags TEXT NOT NULL DEFAULT '[]',
        findings TEXT NOT NULL DEFAULT '{}',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX cases_requester ON cases (requester COLLATE NOCASE, updated_at);
    CREATE INDEX cases_status ON cases (status);
    CREATE TABLE messages (
        id INTEGER PRIMARY KEY,
        case_id INTEGER REFERENCES cases (id),
        direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
        message_id TEXT,
        in_reply_to TEXT,
        "references" TEXT NOT NULL DEFAULT '[]',
        sender TEXT,
        recipient TEXT,
        subject TEXT,
        date TEXT,
        body_text TEXT,
        extracted TEXT NOT NULL DEFAULT '{}',
        evidence TEXT NOT NULL DEFAULT '{}',
        attachments TEXT NOT NULL DEFAULT '[]',
        raw_sha256 TEXT,
        source_key TEXT,
        automated_reason TEXT,
        flags TEXT NOT NULL DEFAULT '[]',
        reply TEXT,
        received_at TEXT NOT NULL
    );
    CREATE UNIQUE INDEX messages_source_key ON messages (source_key);
    CREATE UNIQUE INDEX messages_inbound_sha ON messages (raw_sha256) WHERE direction = 'in';
    CREATE INDEX messages_message_id ON messages (message_id);
    CREATE INDEX messages_case ON messages (case_id);
    CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases (id),
        at TEXT NOT NULL,
        kind TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT '{}'
    );
    CREATE INDEX events_case ON events (case_id);
    CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        case_id INTEGER REFERENCES cases (id),
        message_id TEXT NOT NULL UNIQUE,
        recipient TEXT NOT NULL,
        kind TEXT NOT NULL,
        trigger TEXT NOT NULL DEFAULT 'new',
        raw BLOB NOT NULL,
        status TEXT NOT NULL DEFAULT 'pending',
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL,
        last_error TEXT,
        created_at TEXT NOT NULL,
        sent_at TEXT
    );
    CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
    CREATE INDEX outbox_recipient ON outbox (recipient COLLATE NOCASE, created_at);
    CREATE INDEX outbox_created ON outbox (created_at);
    CREATE INDEX outbox_case ON outbox (case_id, created_at);
    CREATE TABLE mailbox_state (
        mailbox TEXT PRIMARY KEY,
        uidvalidity INTEGER NOT NULL,
        last_uid INTEGER NOT NULL
    );
    CREATE TABLE notices (
        kind TEXT PRIMARY KEY,
        at TEXT NOT NULL
    );
    CREATE TABLE quarantine (
        id INTEGER PRIMARY KEY,
        source_key TEXT NOT NULL UNIQUE,
        raw_sha256 TEXT,
        error TEXT NOT NULL,
        at TEXT NOT NULL
    );
    """,
    # Due replies are found in id order among pending rows only; sent rows, however
    # many, are never scanned, and paging needs no sort.
    """
    CREATE INDEX outbox_pending ON outbox (id) WHERE status = 'pending';
    """,
    # Which mailboxes have had a whole cycle (mail already there at the first one is
    # backlog), and what the service last did, for ``intake status``. A database that
    # has already read a mailbox counts it as seen, so an upgrade answers new mail.
    """
    CREATE TABLE mailbox_seen (
        mailbox TEXT PRIMARY KEY,
        at TEXT NOT NULL
    );
    INSERT INTO mailbox_seen (mailbox, at)
        SELECT 'imap:' || mailbox, datetime('now') FROM mailbox_state;
    INSERT OR IGNORE INTO mailbox_seen (mailbox, at)
        SELECT 'maildir', datetime('now')
        WHERE EXISTS (SELECT 1 FROM messages WHERE source_key LIKE 'maildir:%');
    CREATE TABLE service_state (
        name TEXT PRIMARY KEY,
        value TEXT,
        at TEXT NOT NULL
    );
    CREATE INDEX cases_created ON cases (created_at);
    CREATE INDEX messages_automated ON messages (automated_reason)
        WHERE automated_reason IS NOT NULL;
    """,
    # The staff desk: accounts (argon2id hash, TOTP secret), server-side sessions, login
    # attempts for the lockout, and an audit log that SQLite itself keeps append-only.
    # Cases gain who is assigned and how long an on_hold case waits.
    """
    CREATE TABLE staff (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        email TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        totp_secret TEXT NOT NULL,
        totp_last_step INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        disabled_at TEXT
    );
    CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        staff_id INTEGER NOT NULL REFERENCES staff (id),
        csrf TEXT NOT NULL,
        created_at TEXT NOT NULL,
        seen_at TEXT NOT NULL,
        revoked_at TEXT
    );
    CREATE INDEX sessions_staff ON sessions (staff_id);
    CREATE TABLE login_attempts (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        at TEXT NOT NULL,
        ok INTEGER NOT NULL
    );
    CREATE INDEX login_attempts_name ON login_attempts (name, at);
    CREATE TABLE audit (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        staff TEXT NOT NULL,
        action TEXT NOT NULL,
        case_id INTEGER,
        detail TEXT NOT NULL DEFAULT '{}'
    );
    CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    ALTER TABLE cases ADD COLUMN assigned_to TEXT;
    ALTER TABLE cases ADD COLUMN hold_until TEXT;
    CREATE INDEX cases_status_created ON cases (status, created_at);
    """,
    # Verification: what the index said (cached with the time it was fetched), each
    # case's verification pack, and the branch proofs asked of requesters.
    """
    CREATE TABLE index_cache (
        url TEXT PRIMARY KEY,
        status INTEGER NOT NULL,
        body TEXT NOT NULL,
        fetched_at TEXT NOT NULL
    );
    CREATE TABLE verification (
        case_id INTEGER PRIMARY KEY REFERENCES cases (id),
        pack TEXT NOT NULL,
        built_at TEXT NOT NULL
    );
    CREATE TABLE proofs (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases (id),
        project TEXT NOT NULL,
        repository TEXT NOT NULL,
        branch TEXT NOT NULL UNIQUE,
        status TEXT NOT NULL DEFAULT 'pending',
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        checked_at TEXT,
        commit_id TEXT,
        verified_at TEXT,
        last_error TEXT
    );
    CREATE INDEX proofs_case ON proofs (case_id);
    CREATE INDEX proofs_pending ON proofs (expires_at) WHERE status = 'pending';
    """,
)
JSON_COLUMNS = frozenset(
    (
        "fields",
        "missing",
        "flags",
        "findings",
        "references",
        "extracted",
        "evidence",
        "attachments",
        "detail",
        "pack",
    )
)


def migrate(store: Store) -> int:
    """Run the migrations this database has not seen; return how many ran.

    Raises StoreError for a database from a newer release: running an older
    schema's queries against it could lose data.
    """
    current = store.schema_version
    if current > len(MIGRATIONS):
        raise StoreError(
            f"database {store.path} has schema version {current}, newer than this "
            f"release understands ({len(MIGRATIONS)}); upgrade recovery-intake"
        )
    for version, script in enumerate(MIGRATIONS[current:], start=current + 1):
        with store.transaction():
            for statement in _statements(script):
                store.db.execute(statement)
            store.db.execute(f"PRAGMA user_version = {version}")
    return len(MIGRATIONS) - current


def _statements(script: str) -> list[str]:
    """Split a script into statements; a trigger's body keeps its inner semicolons.

    ``executescript`` would do this, but it commits first, and a migration must run
    inside its own transaction.
    """
    statements, pending = [], ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                statements.append(pending.strip())
            pending = ""
    return statements
