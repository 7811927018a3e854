"""The shipped systemd unit: it verifies, and its hardening scores 2.0 or better."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

UNIT = Path(__file__).parent.parent / "systemd" / "intake.service"


@pytest.fixture
def analyze() -> str:
    found = shutil.which("systemd-analyze")
    if found is None:
        reason = "systemd-analyze is missing (apt-get install systemd)"
        if os.environ.get("INTAKE_REQUIRE_SERVERS") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    return found


def _installed_unit(tmp_path: Path) -> Path:
    """The unit as installed: ExecStart pointing at this environment's intake."""
    intake = Path(sys.executable).parent / "intake"
    unit = tmp_path / "intake.service"
    unit.write_text(UNIT.read_text().replace("/opt/recovery-intake/bin/intake", str(intake)))
    return unit


def test_unit_verifies(analyze: str, tmp_path: Path) -> None:
    done = subprocess.run(
        [analyze, "verify", str(_installed_unit(tmp_path))],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def test_unit_exposure_is_at_most_2(analyze: str, tmp_path: Path) -> None:
    done = subprocess.run(
        [analyze, "security", "--offline=true", "--no-pager", str(_installed_unit(tmp_path))],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    score = re.search(r"Overall exposure level for intake\.service: ([\d.]+)", done.stdout)
    assert score is not None, done.stdout + done.stderr
    assert float(score.group(1)) <= 2.0


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
