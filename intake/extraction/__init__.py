"""Extraction: the requester's own words into the fields of a recovery request.

``extract_fields(own_text)`` reads labelled answers, form checkboxes and prose
(``answers``), interprets them (``prose``, ``reasons``, ``mentions``, ``values``) and
returns an ``Extraction``: each value with the line it came from. ``fields`` holds what
a complete request needs; the reply templates read the same table.
"""

from __future__ import annotations

from intake.extraction.extract import Extraction, Finding, extract_fields
from intake.extraction.fields import REQUIREMENTS, missing_requirements, nest_fields

__all__ = [
    "REQUIREMENTS",
    "Extraction",
    "Finding",
    "extract_fields",
    "missing_requirements",
    "nest_fields",
]
