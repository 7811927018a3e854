"""Storage: the SQLite file, its schema and migrations, and source bookkeeping.

``open_store(config)`` opens (and migrates) the configured database; ``Store`` gives
transactions and plain row access; ``Ledger`` records what the mailbox handed us.
"""

from __future__ import annotations

from intake.storage.backup import backup_database
from intake.storage.database import Store, open_store
from intake.storage.ledger import Ledger, mailbox_key
from intake.storage.notices import claim_notice

__all__ = ["Ledger", "Store", "backup_database", "claim_notice", "mailbox_key", "open_store"]
