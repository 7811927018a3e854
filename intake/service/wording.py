"""The operator's wording ([reply] team, Code of Conduct, templates), checked at start-up.

A template an operator wrote that does not render is refused when the service starts
(and by ``intake check-config``), not at the first reply that needs it.
"""

from __future__ import annotations

from typing import Any

from intake.config import Config
from intake.config.wording import wording_for
from intake.errors import ConfigError
from intake.extraction.fields import (
    CODE_OF_CONDUCT,
    REDACTION_NOTE,
    REQUIREMENTS,
    REVIEW_NOTE,
    SAFETY_NOTE,
)
from intake.templating import check_templates, use_wording


def template_problems(config: Config) -> list[tuple[str, str]]:
    """Render every text template with the configured wording and a sample of each value."""
    use_wording(wording_for(config))
    return check_templates(_sample())


def refuse_broken_templates(config: Config) -> None:
    problems = template_problems(config)
    if problems:
        name, problem = problems[0]
        raise ConfigError(f"reply.templates: {name} does not render: {problem}")


def _sample() -> dict[str, Any]:
    """One value for every variable the packaged templates use."""
    return {
        "token": "PR-7K3M9Q2XHD",
        "missing": list(REQUIREMENTS),
        "fill_in": [line for r in REQUIREMENTS for line in r.fill_in],
        "redacted": True,
        "redaction_note": REDACTION_NOTE,
        "safety_note": SAFETY_NOTE,
        "review_note": REVIEW_NOTE,
        "default_code_of_conduct": CODE_OF_CONDUCT,
        "language_line": "",
        "per_hour": 300,
        "summary": "(the case summary)",
        "status": "resolved",
        "username": "sample-user",
        "text": "A sample text.",
        "case": {
            "token": "PR-7K3M9Q2XHD",
            "id": 1,
            "status": "in_review",
            "requester": "someone@example.org",
            "username": "sample-user",
            "created_at": "2026-01-01T00:00:00+00:00",
            "updated_at": "2026-01-01T00:00:00+00:00",
            "missing": [],
            "refused_username": None,
        },
        "case_flags": [],
        "field_rows": [],
        "messages": [],
        "events": [],
        "previous_cases": [],
        "pack": None,
        "proofs": [],
    }
