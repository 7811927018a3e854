"""The shipped systemd unit: it verifies, and its hardening scores 2.0 or better."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from intake.config import load_config
from tests.commands import INTAKE, intake
from tests.messages import INCOMPLETE_BODY, make_message
from tests.servers import missing_server
from tests.servers.config import write_server_config
from tests.servers.dovecot import DovecotUser
from tests.servers.smtp import SmtpServer

UNIT = Path(__file__).parent.parent / "systemd" / "intake.service"


@pytest.fixture
def analyze() -> str:
    found = shutil.which("systemd-analyze")
    if found is None:
        missing_server("systemd-analyze is missing (apt-get install systemd)")
    return found


UNITS = ("intake.service", "intake-web.service")


def _installed_unit(tmp_path: Path, name: str = "intake.service") -> Path:
    """The unit as installed: ExecStart pointing at this environment's intake."""
    intake = Path(sys.executable).parent / "intake"
    unit = tmp_path / name
    text = (UNIT.parent / name).read_text()
    unit.write_text(text.replace("/opt/recovery-intake/bin/intake", str(intake)))
    return unit


@pytest.mark.parametrize("name", UNITS)
def test_unit_verifies(analyze: str, tmp_path: Path, name: str) -> None:
    done = subprocess.run(
        [analyze, "verify", str(_installed_unit(tmp_path, name))],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("name", UNITS)
def test_unit_exposure_is_at_most_2(analyze: str, tmp_path: Path, name: str) -> None:
    done = subprocess.run(
        [analyze, "security", "--offline=true", "--no-pager", str(_installed_unit(tmp_path, name))],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    score = re.search(rf"Overall exposure level for {re.escape(name)}: ([\d.]+)", done.stdout)
    assert score is not None, done.stdout + done.stderr
    assert float(score.group(1)) <= 2.0


def test_the_desk_unit_has_no_mail_credentials_and_no_outbound_network() -> None:
    text = (UNIT.parent / "intake-web.service").read_text()
    assert "LoadCredential" not in text and "IPAddressDeny=any" in text
    assert "IPAddressAllow=localhost" in text
    assert "User=intake" in text and "User=intake" in UNIT.read_text()  # one shared state


def test_unit_runs_the_daemon_as_documented() -> None:
    text = UNIT.read_text()
    for setting in (
        "Type=notify",
        "DynamicUser=yes",
        "StateDirectory=intake",
        "ConfigurationDirectory=intake",
        "Restart=on-failure",
        "LoadCredential=",
    ):
        assert setting in text


def test_unit_reloads_with_sighup_and_reads_config_from_a_directory_it_can_enter() -> None:
    text = UNIT.read_text()
    assert "ExecReload=/bin/kill -HUP $MAINPID" in text
    assert "ConfigurationDirectoryMode=0755" in text
    assert "--config ${CONFIGURATION_DIRECTORY}/config.toml" in text


def test_init_writes_the_config_and_a_unit_for_this_installation(
    analyze: str, tmp_path: Path
) -> None:
    target = tmp_path / "setup"
    done = intake("init", str(target))
    assert done.returncode == 0, done.stderr
    unit = (target / "intake.service").read_text()
    assert f"ExecStart={Path(sys.executable).parent / 'intake'} run --config" in unit
    config = load_config(target / "config.toml")
    for path in (config.database.path, config.mailbox.path, config.smtp.path):
        assert path.is_absolute() and not str(path).startswith("/etc"), path
    assert config.database.path == Path("/var/lib/intake/intake.db")
    verified = subprocess.run(
        [analyze, "verify", str(target / "intake.service")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert verified.returncode == 0, verified.stderr
    again = intake("init", str(target))
    assert again.returncode == 1 and "exists; pass --force" in again.stderr
    assert intake("init", str(target), "--force").returncode == 0


NOBODY = ("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups")


@pytest.fixture
def unit_layout(dovecot: DovecotUser, smtp_server: SmtpServer) -> Iterator[dict[str, Path]]:
    """The files as the unit lays them out, with the service running as an unprivileged user.

    /etc/intake (0755) holds config.toml (0644) and the secret (0600, root only);
    $CREDENTIALS_DIRECTORY holds the copy systemd hands the service; the state
    directory belongs to the service user.
    """
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        missing_server("needs root and setpriv to run the service as another user")
    base = Path(tempfile.mkdtemp(prefix="intake-unit-"))
    base.chmod(0o755)
    etc, credentials, state = base / "etc", base / "credentials", base / "state"
    for folder, mode in ((etc, 0o755), (credentials, 0o500), (state, 0o700)):
        folder.mkdir()
        folder.chmod(mode)
    secret = etc / "imap-password"
    secret.write_text(dovecot.password)
    secret.chmod(0o600)
    handed = credentials / "imap-password"
    handed.write_text(dovecot.password)
    handed.chmod(0o400)
    for path in (credentials, handed, state):
        os.chown(path, 65534, 65534)
    config = write_server_config(
        etc, dovecot, smtp_server.port, login='password_file = "imap-password"'
    )
    config.write_text(
        config.read_text().replace('path = "intake.db"', f'path = "{state}/intake.db"')
    )
    config.chmod(0o644)
    try:
        yield {"config": config, "credentials": credentials, "state": state}
    finally:
        shutil.rmtree(base)


def test_the_service_user_reads_its_config_and_the_credential_systemd_hands_it(
    unit_layout: dict[str, Path], smtp_server: SmtpServer, dovecot: DovecotUser
) -> None:
    config = str(unit_layout["config"])
    env = {**os.environ, "CREDENTIALS_DIRECTORY": str(unit_layout["credentials"])}

    def as_service(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*NOBODY, INTAKE, *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
            check=False,
        )

    checked = as_service("check-config", "--config", config, "--create-folders")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    dovecot.append(make_message("unit@example.org", INCOMPLETE_BODY.format(username="unit")))
    ran = as_service("run", "--once", "--config", config)
    assert ran.returncode == 0, ran.stderr
    assert smtp_server.wait_for(1)[0].rcpt_tos == ("unit@example.org",)
    assert (unit_layout["state"] / "intake.db").stat().st_uid == 65534

    outside = intake("check-config", "--config", config)  # root, as a sysadmin runs it
    assert outside.returncode == 0, outside.stdout
    without = subprocess.run(
        [*NOBODY, INTAKE, "check-config", "--config", config],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert without.returncode == 1
    assert "mailbox.password_file" in without.stdout and "Permission denied" in without.stdout
