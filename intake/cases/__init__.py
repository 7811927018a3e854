"""Cases: which case a message belongs to, what it now holds, and what staff see and do.

``match_case`` threads a message (headers, token, sender), ``merge_findings`` folds its
fields into the case, ``status`` holds the statuses and their automatic moves,
``summary`` renders what staff read, ``actions`` holds what staff do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from intake.lazy import lazy_exports

if TYPE_CHECKING:
    from intake.cases.matching import CaseLookup, CaseRecord, Match, match_case
    from intake.cases.merging import Merge, evaluate, merge_findings
    from intake.cases.status import STATUSES, status_after
    from intake.cases.tokens import TOKEN_PATTERN, find_token, new_token

_HOMES = {
    "CaseLookup": "intake.cases.matching",
    "CaseRecord": "intake.cases.matching",
    "Match": "intake.cases.matching",
    "match_case": "intake.cases.matching",
    "Merge": "intake.cases.merging",
    "evaluate": "intake.cases.merging",
    "merge_findings": "intake.cases.merging",
    "STATUSES": "intake.cases.status",
    "status_after": "intake.cases.status",
    "TOKEN_PATTERN": "intake.cases.tokens",
    "find_token": "intake.cases.tokens",
    "new_token": "intake.cases.tokens",
}
__getattr__ = lazy_exports(__name__, _HOMES)
__all__ = [
    "STATUSES",
    "TOKEN_PATTERN",
    "CaseLookup",
    "CaseRecord",
    "Match",
    "Merge",
    "evaluate",
    "find_token",
    "match_case",
    "merge_findings",
    "new_token",
    "status_after",
]
