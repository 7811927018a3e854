"""Reading a batch in the helper process gives exactly what reading it here gives."""

from __future__ import annotations

from pathlib import Path

from intake.pipeline.batch_reader import HELPER_FROM, BatchReader, Read, Unreadable, read_one
from intake.pipeline.triage import Triage, triage_json
from intake.reading.robots import GuardContext
from intake.sources import RawMessage

# Every tenth request: each shape the corpus holds, and well over HELPER_FROM of them.
CORPUS = sorted((Path(__file__).parent / "corpus").glob("*.eml"))[::10]
GUARD = GuardContext(own_addresses=frozenset({"support@example.org"}), own_domain="example.org")


def _batch() -> list[RawMessage]:
    messages = [RawMessage(f"test:{p.name}", p.stat().st_size, p.read_bytes()) for p in CORPUS]
    messages.insert(3, RawMessage("test:too-big", 10**9, None))
    parts = "".join(f"--b\nContent-Type: text/plain\n\npart {n}\n" for n in range(150))
    too_many = f'From: a@example.org\nContent-Type: multipart/mixed; boundary="b"\n\n{parts}--b--\n'
    messages.append(RawMessage("test:too-many-parts", len(too_many), too_many.encode()))
    return messages


def _shape(read: Read | None) -> object:
    return triage_json(read) if isinstance(read, Triage) else read


def test_a_large_batch_read_in_the_helper_matches_reading_it_here() -> None:
    batch = _batch()
    assert len(batch) >= HELPER_FROM  # large enough to go to the helper

    with BatchReader(GUARD, max_bytes=10_000_000) as reader:
        found = [_shape(read) for read in reader.read(batch)]
        assert reader._helper is not None  # it really went to the helper

    expected = [
        None if raw.data is None else _shape(read_one(raw.data, GUARD, 10_000_000)) for raw in batch
    ]
    assert found == expected
    assert found[3] is None
    assert isinstance(found[-1], Unreadable) and not found[-1].bug


def test_a_small_batch_is_read_here_without_a_helper() -> None:
    with BatchReader(GUARD, max_bytes=10_000_000) as reader:
        reads = list(reader.read(_batch()[:5]))
        assert reader._helper is None
    assert len(reads) == 5


def test_a_message_over_the_deadline_is_stopped_and_the_batch_goes_on() -> None:
    huge_line = "x" * 4_000_000  # seconds of reading, far beyond a 50 ms deadline
    slow = f"From: slow@example.org\nSubject: s\n\nUsername: {huge_line}\n".encode()
    batch = [RawMessage(f"test:{p.name}", p.stat().st_size, p.read_bytes()) for p in CORPUS[:3]]
    batch.insert(1, RawMessage("test:slow", len(slow), slow))

    with BatchReader(GUARD, max_bytes=10_000_000, deadline=0.05) as reader:
        reads = list(reader.read(batch))

    assert reads[1] == Unreadable("reading timed out")
    assert all(isinstance(read, Triage) for read in reads[:1] + reads[2:])
