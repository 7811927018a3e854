"""Extraction: the requester's own words into the fields of a recovery request.

``extract_fields(own_text)`` reads labelled answers, form checkboxes and prose
(``answers``), interprets them (``prose``, ``agreements``, ``reasons``, ``mentions``,
``evidence``, ``values``) and returns an ``Extraction``: each value with the line it
came from and how it was given, and the request's language (``languages``).
``extract_in_context`` reads bare answers against the questions a follow-up quotes
(``questions``). ``fields`` holds what a complete request needs; the reply templates
read the same table.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from intake.lazy import lazy_exports

if TYPE_CHECKING:
    from intake.extraction.extract import Extraction, Finding, extract_fields, extract_in_context
    from intake.extraction.fields import REQUIREMENTS, missing_requirements, nest_fields
    from intake.extraction.languages import detect_language, reply_line

_HOMES = {
    "Extraction": "intake.extraction.extract",
    "Finding": "intake.extraction.extract",
    "extract_fields": "intake.extraction.extract",
    "extract_in_context": "intake.extraction.extract",
    "REQUIREMENTS": "intake.extraction.fields",
    "missing_requirements": "intake.extraction.fields",
    "nest_fields": "intake.extraction.fields",
    "detect_language": "intake.extraction.languages",
    "reply_line": "intake.extraction.languages",
}
__getattr__ = lazy_exports(__name__, _HOMES)
__all__ = [
    "REQUIREMENTS",
    "Extraction",
    "Finding",
    "detect_language",
    "extract_fields",
    "extract_in_context",
    "missing_requirements",
    "nest_fields",
    "reply_line",
]
