"""Ingest benchmark: intake against a raw baseline, on the same servers, in the same run.

    python bench/ingest.py N

Fills a throw-away Dovecot with N realistic requests (the corpus under tests/corpus,
each with a fresh Message-ID and sender; some senders write twice, some mail is
automated), then measures

- baseline: imapclient batch fetch (BODY.PEEK[], 200 per round trip) + mail-parser
  parse + sqlite-utils insert + one pre-rendered reply per message sent with aiosmtplib
  over one connection;
- intake:   ``intake run --once`` as a subprocess, with any helper process it starts; peak
  RSS is the sum of the kernel's high-water marks (VmHWM) read while they run. wait4's
  ru_maxrss is not used: it also counts the benchmark's own memory, which the child had
  for an instant between fork and exec.

Both send to one in-process aiosmtpd that counts and discards. Prints messages/s for
both, intake's peak RSS and ``ratio`` = intake seconds / baseline seconds.
"""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from email.utils import make_msgid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import aiosmtplib  # noqa: E402
import mailparser  # noqa: E402
import sqlite_utils  # noqa: E402
from aiosmtpd.controller import Controller  # noqa: E402
from imapclient import IMAPClient  # noqa: E402

from tests.servers.config import write_server_config  # noqa: E402
from tests.servers.dovecot import DovecotUser, free_port, running_dovecot  # noqa: E402

BATCH = 200
REPLY = (
    b"From: support@pypi-support.example\r\nTo: someone@example.org\r\n"
    b"Subject: Re: your request\r\nAuto-Submitted: auto-replied\r\n\r\n" + b"Thank you.\r\n" * 40
)


class CountingHandler:
    """aiosmtpd handler that counts messages and keeps nothing."""

    def __init__(self) -> None:
        self.count = 0

    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
        self.count += 1
        return "250 OK"


def corpus_messages() -> list[bytes]:
    return [path.read_bytes() for path in sorted((ROOT / "tests" / "corpus").glob("*.eml"))]


def realistic(n: int) -> Iterator[bytes]:
    """N messages from the corpus: unique Message-IDs, mostly unique senders."""
    templates = corpus_messages()
    for index in range(n):
        raw = templates[index % len(templates)]
        sender = f"requester{index if index % 10 else index - 1}@example.org"
        raw = re.sub(rb"(?mi)^Message-ID:.*$", f"Message-ID: {make_msgid()}".encode(), raw, count=1)
        if not re.search(rb"(?mi)^From:.*(mailer-daemon|no-?reply)", raw):
            raw = re.sub(rb"(?mi)^From:.*$", f"From: <{sender}>".encode(), raw, count=1)
        yield raw


def fill_mailbox(user: DovecotUser, n: int) -> None:
    """Write N messages straight into the user's Maildir (faster than N APPENDs)."""
    maildir = user.server.directory / "mail" / user.user / "Maildir"
    for sub in ("cur", "new", "tmp"):
        (maildir / sub).mkdir(parents=True, exist_ok=True)
    for index, raw in enumerate(realistic(n)):
        (maildir / "new" / f"{1700000000 + index}.M{index}P1.bench").write_bytes(raw)
    if os.geteuid() == 0:
        for path in (user.server.directory / "mail" / user.user, *maildir.rglob("*"), maildir):
            shutil.chown(path, "dovecot", "dovecot")
    with user.client("INBOX") as client:  # let Dovecot index the new mail once
        assert len(client.search(["ALL"])) == n


async def baseline(user: DovecotUser, smtp_port: int, database: Path) -> float:
    started = time.perf_counter()
    db = sqlite_utils.Database(database)
    smtp = aiosmtplib.SMTP(hostname="127.0.0.1", port=smtp_port)
    await smtp.connect()
    with IMAPClient(user.host, user.port, ssl=False, timeout=30) as client:
        client.login(user.user, user.password)
        client.select_folder("INBOX", readonly=True)
        uids = client.search(["ALL"])
        for start in range(0, len(uids), BATCH):
            fetched = client.fetch(uids[start : start + BATCH], ["RFC822.SIZE", "BODY.PEEK[]"])
            rows = []
            for uid, item in fetched.items():
                mail = mailparser.parse_from_bytes(item[b"BODY[]"])
                rows.append({"uid": uid, "subject": mail.subject, "body": mail.body})
                await smtp.sendmail("", ["someone@example.org"], REPLY)
            db["messages"].insert_all(rows)
    await smtp.quit()
    return time.perf_counter() - started


def intake_config(user: DovecotUser, smtp_port: int, directory: Path) -> Path:
    """No reply limits: the benchmark measures throughput, not the brakes."""
    limits = "\n".join(
        f"{key} = 100000000"
        for key in ("replies_per_hour", "replies_per_sender_per_day", "replies_per_case_per_day")
    )
    return write_server_config(directory, user, smtp_port, limits=limits)


def run_intake(config: Path) -> tuple[float, float, int, str, str]:
    """Run ``intake run --once``; return seconds, CPU seconds, peak RSS in KiB, summary,
    and how its resident set went over the run."""
    intake = Path(sys.executable).parent / "intake"
    started = time.perf_counter()
    with (config.parent / "intake.log").open("wb") as log:
        process = subprocess.Popen(
            [str(intake), "run", "--once", "--config", str(config)],
            stdout=subprocess.PIPE,
            stderr=log,
        )
        sampler = TreeSampler(process.pid)
        sampler.start()
        assert process.stdout is not None
        summary = process.stdout.read().decode().strip()
        _pid, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        sampler.join()
    elapsed = time.perf_counter() - started
    if process.returncode != 0:
        raise SystemExit(f"intake failed ({process.returncode}); see {config.parent}/intake.log")
    cpu = usage.ru_utime + usage.ru_stime + sum(sampler.child_cpu.values())
    return elapsed, cpu, sampler.peak_kib, summary, sampler.describe()


class TreeSampler(threading.Thread):
    """Reads the memory and CPU of a process and its descendants every 50 ms.

    intake may read mail in a helper process (started through a forkserver), so the
    figures are for the whole tree: peak RSS is the sum of each process's high-water
    mark (an upper bound: they need not peak at once), CPU the sum of the last
    readings of the descendants.
    """

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.samples: list[tuple[float, int]] = []
        self.high_water: dict[int, int] = {}
        self.child_cpu: dict[int, float] = {}

    def run(self) -> None:
        started = time.perf_counter()
        ticks = os.sysconf("SC_CLK_TCK")
        tree, listed = self._tree(), time.perf_counter()
        while self.pid in tree:
            if time.perf_counter() - listed > 0.5:  # listing /proc costs; do it rarely
                tree, listed = self._tree(), time.perf_counter()
            total = 0
            for pid in tree:
                status = _read(f"/proc/{pid}/status")
                rss = re.search(r"VmRSS:\s+(\d+) kB", status)
                high = re.search(r"VmHWM:\s+(\d+) kB", status)
                if rss and high:  # a zombie has no memory left to read
                    total += int(rss.group(1))
                    self.high_water[pid] = int(high.group(1))
                stat = _read(f"/proc/{pid}/stat").rpartition(")")[2].split()
                if pid != self.pid and len(stat) > 13:
                    self.child_cpu[pid] = (int(stat[11]) + int(stat[12])) / ticks
            if not _read(f"/proc/{self.pid}/status"):
                return
            self.samples.append((time.perf_counter() - started, total))
            time.sleep(0.05)

    def _tree(self) -> set[int]:
        parents: dict[int, int] = {}
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                stat = _read(f"/proc/{entry}/stat").rpartition(")")[2].split()
                if len(stat) > 1:
                    parents[int(entry)] = int(stat[1])
        tree = {self.pid} if self.pid in parents else set()
        grew = True
        while grew:
            found = {pid for pid, parent in parents.items() if parent in tree} - tree
            tree |= found
            grew = bool(found)
        return tree

    @property
    def peak_kib(self) -> int:
        return sum(self.high_water.values())

    def describe(self) -> str:
        if not self.samples:
            return "no samples"
        end = self.samples[-1][0] or 1.0
        at, peak = max(self.samples, key=lambda sample: sample[1])
        middle = sorted(rss for _, rss in self.samples)[len(self.samples) // 2]
        each = ", ".join(f"{kib / 1024:.0f}" for kib in sorted(self.high_water.values()))
        return (
            f"{len(self.high_water)} processes (high-water marks {each} MB); together "
            f"largest {peak / 1024:.0f}MB at {at / end:.0%} of the run, median "
            f"{middle / 1024:.0f}MB"
        )


def _read(path: str) -> str:
    try:
        return Path(path).read_text()
    except OSError:  # the process ended meanwhile
        return ""


def main(n: int) -> None:
    handler = CountingHandler()
    smtp_port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    work = Path(tempfile.mkdtemp(prefix="intake-bench-"))
    try:
        with running_dovecot() as server:
            user = server.add_user()
            fill_mailbox(user, n)
            base_seconds = asyncio.run(baseline(user, smtp_port, work / "baseline.db"))
            sent_by_baseline = handler.count
            config = intake_config(user, smtp_port, work)
            seconds, cpu, rss_kib, summary, rss_timeline = run_intake(config)
    finally:
        controller.stop()
        shutil.rmtree(work, ignore_errors=True)
    print(f"messages={n}")
    print(f"baseline: {base_seconds:.1f}s {n / base_seconds:.0f} msg/s, replies={sent_by_baseline}")
    print(
        f"intake:   {seconds:.1f}s {n / seconds:.0f} msg/s, cpu={cpu:.1f}s, "
        f"peak_rss={rss_kib / 1024:.0f}MB"
    )
    print(f"intake rss: {rss_timeline}")
    print(f"intake summary: {summary}")
    print(f"ratio={seconds / base_seconds:.2f}")


if __name__ == "__main__":
    if len(sys.argv) != 2 or not sys.argv[1].isdigit():
        raise SystemExit("usage: python bench/ingest.py N")
    main(int(sys.argv[1]))
