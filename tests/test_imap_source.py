"""ImapSource against a real Dovecot (started by tests/servers/dovecot.py); no mocks."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator

import pytest

from intake.config import MailboxConfig
from intake.errors import MailboxError
from intake.sources.base import RawMessage
from tests.imap_helpers import MemoryCheckpoints, collect, connect, fill, opened, request
from tests.servers.dovecot import DovecotServer, DovecotUser, free_port, running_dovecot
from tests.servers.tls import TlsFiles

pytestmark = pytest.mark.servers


def test_batches_yield_new_messages_with_keys_and_bytes(dovecot: DovecotUser) -> None:
    sent = fill(dovecot, 3)
    validity = dovecot.uidvalidity()

    with opened(dovecot.mailbox_config()) as source:
        messages = collect(source)

    assert [m.source_key for m in messages] == [f"imap:INBOX:{validity}:{uid}" for uid in sent]
    assert [m.data for m in messages] == list(sent.values())
    assert [m.size for m in messages] == [len(data) for data in sent.values()]
    assert all(rb"\Seen" not in flags for flags in dovecot.flags().values())


def test_batches_follow_batch_size_oldest_first(dovecot: DovecotUser) -> None:
    sent = fill(dovecot, 5)

    with opened(dovecot.mailbox_config(batch_size=2)) as source:
        batches = list(source.batches(lambda key: False, 10_000_000))

    assert [len(batch) for batch in batches] == [2, 2, 1]
    assert [m.data for batch in batches for m in batch] == list(sent.values())


def test_settle_moves_messages_to_processed_and_quarantine(dovecot: DovecotUser) -> None:
    sent = fill(dovecot, 3)

    with opened(dovecot.mailbox_config()) as source:
        first, second, third = collect(source)
        source.settle([first, third], [second])

    assert dovecot.uids("INBOX") == []
    uids = list(sent)
    assert sorted(dovecot.messages("Processed").values()) == sorted([sent[uids[0]], sent[uids[2]]])
    assert list(dovecot.messages("Quarantine").values()) == [sent[uids[1]]]


def test_settle_ignores_keys_from_another_uidvalidity(dovecot: DovecotUser) -> None:
    fill(dovecot, 1)
    validity = dovecot.uidvalidity()
    stale = RawMessage(f"imap:INBOX:{validity - 1}:1", 10, None)

    with opened(dovecot.mailbox_config()) as source:
        source.settle([stale], [])

    assert dovecot.uids("INBOX") == [1]


def test_known_and_oversized_messages_are_not_downloaded(dovecot: DovecotUser) -> None:
    small = dovecot.append(request(1))
    known = dovecot.append(request(2))
    large = dovecot.append(request(3, body="x" * 5000))
    validity = dovecot.uidvalidity()
    known_key = f"imap:INBOX:{validity}:{known}"

    with opened(dovecot.mailbox_config()) as source:
        messages = collect(source, is_known=lambda key: key == known_key, max_bytes=4000)

    by_uid = {int(m.source_key.rsplit(":", 1)[1]): m for m in messages}
    assert by_uid[small].data == request(1)
    assert by_uid[known].data is None
    assert by_uid[large].data is None
    assert by_uid[large].size > 5000


def test_checkpoint_is_saved_when_the_consumer_asks_for_more(dovecot: DovecotUser) -> None:
    fill(dovecot, 3)
    validity = dovecot.uidvalidity()
    checkpoints = MemoryCheckpoints()

    with opened(dovecot.mailbox_config(batch_size=2), checkpoints) as source:
        batches = source.batches(lambda key: False, 10_000_000)
        assert len(next(batches)) == 2
        assert checkpoints.saved["INBOX"] == (validity, 0)  # first batch not yet stored
        assert len(next(batches)) == 1
        assert checkpoints.saved["INBOX"] == (validity, 2)
        assert list(batches) == []
        assert checkpoints.saved["INBOX"] == (validity, 3)

        # Stored but never moved (a crash before settle): listed again, not downloaded.
        stored = lambda key: int(key.rsplit(":", 1)[1]) <= 3  # noqa: E731
        assert [m.data for m in collect(source, is_known=stored)] == [None, None, None]
        dovecot.append(request(4))
        assert [m.data for m in collect(source, is_known=stored)][-1] == request(4)


def test_changed_uidvalidity_lists_everything_again_with_a_warning(
    dovecot: DovecotUser, caplog: pytest.LogCaptureFixture
) -> None:
    fill(dovecot, 2)
    checkpoints = MemoryCheckpoints()
    with opened(dovecot.mailbox_config(), checkpoints) as source:
        assert len(collect(source)) == 2
        new_validity = dovecot.change_uidvalidity()

        with caplog.at_level(logging.WARNING, logger="intake.sources.imap"):
            again = collect(source)

    assert [m.source_key for m in again] == [f"imap:INBOX:{new_validity}:{u}" for u in (1, 2)]
    assert all(m.data is not None for m in again)
    assert "UIDVALIDITY" in caplog.text
    assert checkpoints.saved["INBOX"] == (new_validity, 2)


def test_missing_folders_are_created_and_reported(dovecot: DovecotUser) -> None:
    # (The test server makes "Processed" itself, as configured, so use other names.)
    cfg = dovecot.mailbox_config(processed_folder="Done", quarantine_folder="Bad")
    with opened(cfg) as source:
        before = source.folders()
        collect(source)
        after = source.folders()

    assert before == {"INBOX": True, "Done": False, "Bad": False}
    assert after == {"INBOX": True, "Done": True, "Bad": True}
    assert dovecot.folder_exists("Done")


def test_a_missing_inbox_folder_is_a_clear_error(dovecot: DovecotUser) -> None:
    cfg = dovecot.mailbox_config(folder="Support")
    with opened(cfg) as source, pytest.raises(MailboxError, match="'Support' does not exist"):
        collect(source)


def test_wrong_password_is_a_clear_error_without_the_password(dovecot: DovecotUser) -> None:
    with pytest.raises(MailboxError) as caught:
        connect(dovecot.mailbox_config(password="Wr0ng-pa55word"))

    text = str(caught.value)
    assert f"login as '{dovecot.user}' refused" in text
    assert "AUTHENTICATIONFAILED" in text
    assert "Wr0ng-pa55word" not in text
    assert "\n" not in text


@pytest.mark.parametrize(
    ("security", "expected"),
    [("starttls", "does not offer STARTTLS"), ("tls", "TLS handshake failed")],
)
def test_tls_towards_a_plaintext_server_fails(
    dovecot: DovecotUser, security: str, expected: str
) -> None:
    with pytest.raises(MailboxError, match=expected):
        connect(dovecot.mailbox_config(security=security))


def test_unreachable_server_is_a_clear_error() -> None:
    cfg = MailboxConfig(kind="imap", host="127.0.0.1", port=free_port(), security="none")

    with pytest.raises(MailboxError, match="connection refused"):
        connect(cfg)


def test_a_dropped_connection_raises_then_the_next_call_reconnects(
    dovecot: DovecotUser,
) -> None:
    fill(dovecot, 1)
    with opened(dovecot.mailbox_config()) as source:
        assert source.folders()["INBOX"]
        dovecot.server.doveadm("kick", dovecot.user)

        with pytest.raises(MailboxError, match="connection lost"):
            collect(source)
        assert len(collect(source)) == 1


def test_wait_for_mail_wakes_up_when_mail_arrives(dovecot: DovecotUser) -> None:
    with opened(dovecot.mailbox_config()) as source:
        collect(source)
        delivery = threading.Timer(0.2, dovecot.append, args=(request(1),))
        delivery.start()
        started = time.monotonic()
        try:
            arrived = source.wait_for_mail(timeout=10)
        finally:
            delivery.join()
        assert arrived
        assert time.monotonic() - started < 5
        assert len(collect(source)) == 1


def test_wait_for_mail_times_out_without_mail(dovecot: DovecotUser) -> None:
    with opened(dovecot.mailbox_config()) as source:
        collect(source)
        started = time.monotonic()
        assert source.wait_for_mail(timeout=0.3) is False
        assert 0.25 < time.monotonic() - started < 3
        assert source.folders()["INBOX"]  # the connection is still usable after IDLE


def test_wait_for_mail_counts_mail_that_came_since_the_last_listing(
    dovecot: DovecotUser,
) -> None:
    with opened(dovecot.mailbox_config()) as source:
        collect(source)
        dovecot.append(request(1))
        assert source.wait_for_mail(timeout=10) is True


def test_a_watcher_that_never_lists_reports_each_new_message_once(
    dovecot: DovecotUser,
) -> None:
    dovecot.append(request(1))  # no checkpoint: it may have come just now, so it counts
    with opened(dovecot.mailbox_config()) as watcher:
        assert watcher.wait_for_mail(timeout=10) is True
        assert watcher.wait_for_mail(timeout=0.2) is False
        dovecot.append(request(2))
        assert watcher.wait_for_mail(timeout=10) is True
        assert watcher.wait_for_mail(timeout=0.2) is False


NO_MOVE = "IMAP4rev1 LITERAL+ SASL-IR ID ENABLE IDLE NAMESPACE CHILDREN UNSELECT UIDPLUS"


def test_settle_without_move_uses_copy_and_expunge() -> None:
    with running_dovecot(capabilities=NO_MOVE) as server:
        dovecot = server.add_user()
        sent = fill(dovecot, 2)
        with opened(dovecot.mailbox_config()) as source:
            source.settle(collect(source), [])
        assert dovecot.uids("INBOX") == []
        assert sorted(dovecot.messages("Processed").values()) == sorted(sent.values())


@pytest.fixture(scope="module")
def dovecot_tls(tls_files: TlsFiles) -> Iterator[DovecotServer]:
    """A Dovecot offering STARTTLS and implicit TLS with the test CA's certificate."""
    with running_dovecot(tls=tls_files) as server:
        yield server


@pytest.mark.parametrize("security", ["starttls", "tls"])
def test_tls_with_ca_file_verifies_and_reads(
    dovecot_tls: DovecotServer, tls_files: TlsFiles, security: str
) -> None:
    dovecot = dovecot_tls.add_user()
    sent = fill(dovecot, 1)
    port = dovecot_tls.port if security == "starttls" else dovecot_tls.tls_port
    cfg = dovecot.mailbox_config(security=security, port=port, ca_file=tls_files.ca_file)

    with opened(cfg) as source:
        assert [m.data for m in collect(source)] == list(sent.values())


@pytest.mark.parametrize("security", ["starttls", "tls"])
def test_tls_without_the_ca_refuses_the_certificate(
    dovecot_tls: DovecotServer, security: str
) -> None:
    dovecot = dovecot_tls.add_user()
    port = dovecot_tls.port if security == "starttls" else dovecot_tls.tls_port
    cfg = dovecot.mailbox_config(security=security, port=port)

    with pytest.raises(MailboxError, match="certificate not trusted"):
        connect(cfg)
