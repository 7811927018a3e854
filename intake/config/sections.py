"""The configuration's sections as frozen dataclasses: every key, its type and default.

Field metadata carries what validation checks: ``choices``, ``min``, ``required``
and ``key`` (the TOML name where it differs from the attribute).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from intake.reading.addresses import Address

SECURITY_MODES = ("tls", "starttls", "none")


def _choices(*values: str) -> dict[str, Any]:
    return {"choices": values}


def _at_least(minimum: float) -> dict[str, Any]:
    return {"min": minimum}


# A secret file: relative paths are looked up in $CREDENTIALS_DIRECTORY when it is set
# (systemd's LoadCredential), else beside the configuration file.
_CREDENTIAL = {"credential": True}


@dataclass(frozen=True, slots=True)
class MailboxConfig:
    kind: str = field(default="maildir", metadata=_choices("maildir", "imap"))
    path: Path = Path("var/inbox")
    host: str = ""
    port: int = field(default=993, metadata=_at_least(1))
    security: str = field(default="tls", metadata=_choices(*SECURITY_MODES))
    ca_file: Path | None = None
    username: str = ""
    password_file: Path | None = field(default=None, metadata=_CREDENTIAL)
    password_command: str = ""
    oauth2_token_command: str = ""
    password: str = field(default="", repr=False)
    folder: str = "INBOX"
    processed_folder: str = "Processed"
    quarantine_folder: str = "Quarantine"
    idle: bool = True
    poll_interval: int = field(default=60, metadata=_at_least(1))
    authserv_id: str = ""
    timeout: float = field(default=30.0, metadata=_at_least(1))
    batch_size: int = field(default=200, metadata=_at_least(1))
    backlog: str = field(default="store", metadata=_choices("store", "answer"))


@dataclass(frozen=True, slots=True)
class SmtpConfig:
    kind: str = field(default="maildir", metadata=_choices("maildir", "smtp"))
    path: Path = Path("var/outbox")
    host: str = ""
    port: int = field(default=587, metadata=_at_least(1))
    security: str = field(default="starttls", metadata=_choices(*SECURITY_MODES))
    ca_file: Path | None = None
    username: str = ""
    password_file: Path | None = field(default=None, metadata=_CREDENTIAL)
    password_command: str = ""
    password: str = field(default="", repr=False)
    timeout: float = field(default=30.0, metadata=_at_least(1))


@dataclass(frozen=True, slots=True)
class ReplyConfig:
    from_: Address = field(metadata={"key": "from", "required": True})
    staff: tuple[Address, ...] = ()
    # Reserved domains (.test, .example, localhost, …) that are answered anyway: for tests.
    allow_private_domains: tuple[str, ...] = ()
    # Who signs the replies, and the Code of Conduct they ask requesters to agree to.
    team: str = "Account Recovery team"
    code_of_conduct: str = "PSF Code of Conduct"
    code_of_conduct_url: str = "https://policies.python.org/python.org/code-of-conduct/"
    # Text templates here replace the packaged ones of the same name.
    templates: Path | None = None


@dataclass(frozen=True, slots=True)
class LimitsConfig:
    replies_per_sender_per_day: int = field(default=5, metadata=_at_least(0))
    replies_per_case_per_day: int = field(default=10, metadata=_at_least(0))
    replies_per_hour: int = field(default=300, metadata=_at_least(0))
    max_message_bytes: int = field(default=10_000_000, metadata=_at_least(1024))
    read_timeout: float = field(default=5.0, metadata=_at_least(0.01))


@dataclass(frozen=True, slots=True)
class RetentionConfig:
    days: int = field(default=365, metadata=_at_least(0))


@dataclass(frozen=True, slots=True)
class IndexConfig:
    # The index's base URL, e.g. "https://pypi.org"; empty: no lookups, no branch proofs.
    api: str = ""
    timeout: float = field(default=10.0, metadata=_at_least(0.1))
    retries: int = field(default=2, metadata=_at_least(0))
    cache_hours: float = field(default=6.0, metadata=_at_least(0))
    # Branch proofs are checked only on http(s) repositories on these hosts.
    repository_hosts: tuple[str, ...] = (
        "github.com",
        "gitlab.com",
        "codeberg.org",
        "bitbucket.org",
        "git.sr.ht",
    )
    git_timeout: float = field(default=30.0, metadata=_at_least(1))
    proof_days: int = field(default=14, metadata=_at_least(1))


@dataclass(frozen=True, slots=True)
class TimersConfig:
    remind_after_days: int = field(default=14, metadata=_at_least(1))
    close_after_days: int = field(default=60, metadata=_at_least(1))


@dataclass(frozen=True, slots=True)
class WebConfig:
    listen: str = "127.0.0.1:8080"
    socket: Path | None = None
    # With a socket only: trust this header (set by an SSO reverse proxy) to name the staff.
    trusted_user_header: str = ""
    session_idle_minutes: int = field(default=15, metadata=_at_least(1))
    session_hours: int = field(default=8, metadata=_at_least(1))


@dataclass(frozen=True, slots=True)
class DatabaseConfig:
    path: Path = Path("var/intake.db")
    timeout: float = field(default=10.0, metadata=_at_least(0.1))


@dataclass(frozen=True, slots=True)
class Config:
    mailbox: MailboxConfig
    smtp: SmtpConfig
    reply: ReplyConfig
    limits: LimitsConfig
    database: DatabaseConfig
    retention: RetentionConfig = field(default_factory=RetentionConfig)
    web: WebConfig = field(default_factory=WebConfig)
    index: IndexConfig = field(default_factory=IndexConfig)
    timers: TimersConfig = field(default_factory=TimersConfig)
    source_file: Path | None = None

    @property
    def own_addresses(self) -> frozenset[str]:
        """Addresses that are ours: mail from them is never answered."""
        ours = {self.reply.from_.email.lower()}
        if "@" in self.mailbox.username:
            ours.add(self.mailbox.username.lower())
        return frozenset(ours)

    @property
    def private_domains_answered(self) -> frozenset[str]:
        """Reserved domain suffixes answered anyway (``[reply] allow_private_domains``)."""
        return frozenset(domain.lower() for domain in self.reply.allow_private_domains)
