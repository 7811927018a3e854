"""The labelled corpus: every shape a request arrives in, checked field by field."""

from __future__ import annotations

import json
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


def _run(eml: Path) -> tuple[dict[str, object], dict[str, object]]:
    expected = json.loads(eml.with_suffix(".json").read_text(encoding="utf-8"))
    return expected, triage_json(triage(eml.read_bytes(), CONTEXT))


def test_corpus_is_large_enough() -> None:
    assert len(FILES) >= 60


@pytest.mark.parametrize("eml", FILES, ids=lambda path: path.stem)
def test_corpus_request(eml: Path, corpus_stats: dict[str, int]) -> None:
    expected, got = _run(eml)
    problems = compare(expected, got)
    fields = expected.get("fields", {})
    corpus_stats["fields"] += len(fields)
    corpus_stats["wrong"] += sum(1 for p in problems if p.split(":")[0] in fields)
    corpus_stats["false_complete"] += bool(got["complete"] and not expected["complete"])
    corpus_stats["files"] += 1
    assert not problems, f"{eml.name} ({expected.get('description')}):\n" + "\n".join(problems)


def test_no_false_complete_across_corpus() -> None:
    """The worst error: acknowledging a request that lacks a detail."""
    false_complete = [
        eml.stem for eml in FILES if (pair := _run(eml))[1]["complete"] and not pair[0]["complete"]
    ]
    assert false_complete == []
