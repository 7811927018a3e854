"""The labelled corpus: every shape a request arrives in, checked field by field.

Each request belongs to a class, reported on its own at the end of the run: the
``class`` key of its JSON when it has one, otherwise the file name up to the first
underscore (``form_…``, ``set2_…``).
"""

from __future__ import annotations

import json
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from intake.pipeline.triage import triage, triage_json
from intake.reading.robots import GuardContext
from tests.corpus_check import compare

CORPUS = Path(__file__).parent / "corpus"
FILES = sorted(CORPUS.glob("*.eml"))
CONTEXT = GuardContext(
    own_addresses=frozenset({"support@pypi-support.example"}),
    own_domain="pypi-support.example",
)


@cache
def _run(eml: Path) -> tuple[dict[str, object], dict[str, object]]:
    """The expected JSON, and what ``intake parse --json`` prints plus the detected language.

    Kept for the run: the per-class figures read every request again."""
    expected = json.loads(eml.with_suffix(".json").read_text(encoding="utf-8"))
    result = triage(eml.read_bytes(), CONTEXT)
    return expected, {**triage_json(result), "language": result.language}


def _wrong_fields(expected: dict[str, object], got: dict[str, object]) -> int:
    fields = expected.get("fields", {})
    assert isinstance(fields, dict)
    return sum(1 for problem in compare(expected, got) if problem.split(":")[0] in fields)


def request_class(eml: Path, expected: dict[str, object]) -> str:
    return str(expected.get("class") or eml.stem.split("_")[0])


def test_corpus_is_large_enough() -> None:
    assert len(FILES) >= 60


@pytest.mark.parametrize("eml", FILES, ids=lambda path: path.stem)
def test_corpus_request(eml: Path, corpus_stats: dict[str, int]) -> None:
    expected, got = _run(eml)
    problems = compare(expected, got)
    fields = expected.get("fields", {})
    assert isinstance(fields, dict)
    corpus_stats["fields"] += len(fields)
    corpus_stats["wrong"] += _wrong_fields(expected, got)
    corpus_stats["false_complete"] += bool(got["complete"] and not expected["complete"])
    corpus_stats["files"] += 1
    assert not problems, f"{eml.name} ({expected.get('description')}):\n" + "\n".join(problems)


def test_no_false_complete_across_corpus(figures: list[str]) -> None:
    """The worst error: acknowledging a request that lacks a detail. Figures per class."""
    tally: dict[str, Counter[str]] = {}
    false_complete = []
    for eml in FILES:
        expected, got = _run(eml)
        counts = tally.setdefault(request_class(eml, expected), Counter())
        fields = expected.get("fields", {})
        assert isinstance(fields, dict)
        counts["requests"] += 1
        counts["fields"] += len(fields)
        counts["wrong"] += _wrong_fields(expected, got)
        if got["complete"] and not expected["complete"]:
            counts["false_complete"] += 1
            false_complete.append(eml.stem)
    figures.append("corpus by class (first messages): requests, fields right, false complete")
    figures.extend(
        f"  {name:<14} {c['requests']:>4}  {c['fields'] - c['wrong']:>4}/{c['fields']:<4}"
        f"  {c['false_complete']}"
        for name, c in sorted(tally.items())
    )
    assert false_complete == []
