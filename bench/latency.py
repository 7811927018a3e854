"""Reply latency of the running daemon: arrival in the mailbox → reply at the mail server.

    python bench/latency.py [COUNT] [--no-idle]

Starts a throw-away Dovecot, an in-process aiosmtpd and ``intake run`` (the daemon),
then delivers COUNT requests (default 200) one by one, each after the previous reply
arrived, and prints p50/p95/max. With ``--no-idle`` the daemon only polls (every 5 s),
to compare against the target of poll interval + 2 s.
"""

from __future__ import annotations

import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from aiosmtpd.controller import Controller  # noqa: E402

from tests.messages import INCOMPLETE_BODY, make_message  # noqa: E402
from tests.servers.config import write_server_config  # noqa: E402
from tests.servers.dovecot import DovecotUser, free_port, running_dovecot  # noqa: E402

POLL_INTERVAL = 5


class ArrivalHandler:
    """Records when the first reply to each recipient arrived."""

    def __init__(self) -> None:
        self.arrived: dict[str, float] = {}
        self.changed = threading.Condition()

    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
        with self.changed:
            for recipient in envelope.rcpt_tos:  # type: ignore[attr-defined]
                self.arrived.setdefault(recipient, time.monotonic())
            self.changed.notify_all()
        return "250 OK"

    def wait_for(self, recipient: str, timeout: float) -> float:
        with self.changed:
            if not self.changed.wait_for(lambda: recipient in self.arrived, timeout):
                raise SystemExit(f"no reply to {recipient} within {timeout}s")
            return self.arrived[recipient]


def write_config(user: DovecotUser, smtp_port: int, directory: Path, idle: bool) -> Path:
    mailbox = f"idle = {'true' if idle else 'false'}\npoll_interval = {POLL_INTERVAL}"
    return write_server_config(
        directory, user, smtp_port, mailbox=mailbox, limits="replies_per_hour = 100000"
    )


def wait_for_log(log: Path, text: str, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while text not in log.read_text():
        if time.monotonic() > deadline:
            raise SystemExit(f"daemon never logged {text!r}; see {log}")
        time.sleep(0.05)


def measure(count: int, idle: bool) -> list[float]:
    handler = ArrivalHandler()
    smtp_port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    work = Path(tempfile.mkdtemp(prefix="intake-latency-"))
    latencies: list[float] = []
    try:
        with running_dovecot() as server:
            user = server.add_user()
            config = write_config(user, smtp_port, work, idle)
            log = work / "daemon.log"
            with log.open("wb") as stderr:
                daemon = subprocess.Popen(
                    [str(Path(sys.executable).parent / "intake"), "run", "--config", str(config)],
                    stderr=stderr,
                )
            try:
                wait_for_log(log, "waiting for mail in IDLE" if idle else "intake running")
                for index in range(count):
                    recipient = f"latency{index}@example.org"
                    body = INCOMPLETE_BODY.format(username=f"user{index}")
                    sent = time.monotonic()
                    user.append(make_message(recipient, body))
                    latencies.append(handler.wait_for(recipient, POLL_INTERVAL + 30) - sent)
            finally:
                daemon.send_signal(signal.SIGTERM)
                daemon.wait(timeout=15)
    finally:
        controller.stop()
    return latencies


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    count = int(args[0]) if args else 200
    idle = "--no-idle" not in sys.argv
    latencies = sorted(measure(count, idle))
    p50 = statistics.median(latencies)
    p95 = latencies[max(0, int(len(latencies) * 0.95) - 1)]
    mode = "IDLE" if idle else f"polling every {POLL_INTERVAL}s"
    print(f"messages={count} mode={mode}")
    print(f"p50={p50:.3f}s p95={p95:.3f}s max={latencies[-1]:.3f}s")


if __name__ == "__main__":
    main()
