"""Cases: which case a message belongs to, what it now holds, and what staff see and do.

``match_case`` threads a message (headers, token, sender), ``merge_findings`` folds its
fields into the case, ``status`` holds the statuses and their automatic moves,
``summary`` renders what staff read, ``actions`` holds what staff do.
"""

from __future__ import annotations

from intake.cases.matching import CaseLookup, CaseRecord, Match, match_case
from intake.cases.merging import Merge, evaluate, merge_findings
from intake.cases.status import STATUSES, status_after
from intake.cases.tokens import TOKEN_PATTERN, find_token, new_token

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
