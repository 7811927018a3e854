"""Shared fixtures; the real-server fixtures live in tests/servers/."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from intake.demo import CONFIG as DEMO_CONFIG

pytest_plugins = (
    "tests.servers.dovecot",
    "tests.servers.smtp",
    "tests.servers.tls",
    "tests.servers.desk",
    "tests.servers.index",
    "tests.servers.browser",
)

_CORPUS_STATS: Counter[str] = Counter()
_FIGURES: list[str] = []


@pytest.fixture
def corpus_stats() -> Counter[str]:
    """Field accuracy over the corpus, printed at the end of the run."""
    return _CORPUS_STATS


@pytest.fixture
def figures() -> list[str]:
    """Lines a test measured (kills, duplicates, …), printed at the end of the run."""
    return _FIGURES


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    for line in _FIGURES:
        terminalreporter.write_line(line)
    stats = _CORPUS_STATS
    if stats["files"]:
        accuracy = 1 - stats["wrong"] / max(1, stats["fields"])
        terminalreporter.write_line(
            f"corpus: {stats['files']} requests, field accuracy {accuracy:.3f} "
            f"({stats['wrong']} of {stats['fields']} fields wrong), "
            f"false complete: {stats['false_complete']}"
        )


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Path]:
    """A folder with the embedded-default config: inbox, outbox and database inside it."""
    (tmp_path / "config.toml").write_text(DEMO_CONFIG, encoding="utf-8")
    yield tmp_path
